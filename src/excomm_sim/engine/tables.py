"""Per-game lookup tables built once from a scenario, so a turn never searches it.

``Game.__init__`` builds a ``Tables``: for each decision its options in order, each
option's effects with their variable's bounds, and each stance as a ready-made weight
for the computer decider (which depends on who is human, so tables are per Game). The
turn loop then only calls compiled expressions and reads these plain objects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from excomm_sim.engine.events import VoiceKind, Weight
from excomm_sim.scenario.expr import Assignment, Expression
from excomm_sim.scenario.model import (
    ChanceOutcome,
    Decision,
    Delayed,
    Ending,
    Event,
    Location,
    Option,
    Position,
    Scenario,
    Stance,
    Value,
    VariableKind,
)

Predicate = Callable[[Mapping[str, Value]], Value]
"""A compiled condition's bare function; calling it skips Expression.__call__."""
Condition = Predicate | None
"""A row's optional condition (None: always true)."""


def condition(expression: Expression | None) -> Condition:
    return expression.fn if expression is not None else None


class EffectRow:
    """One assignment with what clamping needs (its target's bounds, ints only) and what an
    error message needs (its owner, e.g. "option d1.o2", and where that is in the file)."""

    __slots__ = (
        "apply",
        "location",
        "maximum",
        "minimum",
        "op",
        "owner",
        "source",
        "target",
        "value",
    )

    def __init__(
        self,
        assignment: Assignment,
        minimum: int | None,
        maximum: int | None,
        owner: str = "",
        location: Location | None = None,
    ) -> None:
        self.apply = assignment.apply
        self.op = assignment.op
        self.value = assignment.value.fn
        """The right-hand side's function: the turn loop applies ``op`` itself (as
        ``Assignment.apply`` does) to save a call per effect."""
        self.target = assignment.target
        self.source = assignment.source
        self.minimum = minimum
        self.maximum = maximum
        self.owner = owner
        self.location = location


class StanceRow:
    """A stance with its decider weight, and the voice that explains it, precomputed."""

    __slots__ = ("option_index", "role", "stance", "strength", "voice", "weight", "when")

    def __init__(self, stance: Stance, option_index: int, weight: int) -> None:
        self.stance = stance
        self.role = stance.role
        self.option_index = option_index
        self.strength = stance.strength
        self.weight = weight
        self.when = condition(stance.when)
        kind: VoiceKind = "favours" if stance.position is Position.FAVOUR else "opposes"
        self.voice = Weight(stance.role, kind, weight)
        """This stance as one voice in a ``DecisionWeighed`` (built once, not per game)."""


class OutcomeRow:
    """A chance outcome: its weight expression, effects and trigger."""

    __slots__ = ("effects", "outcome", "weight")

    def __init__(self, outcome: ChanceOutcome, effects: tuple[EffectRow, ...]) -> None:
        self.outcome = outcome
        self.weight = outcome.weight
        self.effects = effects


class DelayedRow:
    """A delayed consequence of an option with its effects ready to apply."""

    __slots__ = ("delayed", "effects", "index")

    def __init__(self, delayed: Delayed, index: int, effects: tuple[EffectRow, ...]) -> None:
        self.delayed = delayed
        self.index = index
        self.effects = effects


class OptionRow:
    """An option of a decision, with everything resolving it needs."""

    __slots__ = (
        "chance",
        "decider_terms",
        "delayed",
        "effects",
        "id",
        "index",
        "option",
        "text",
        "trigger",
        "when",
    )

    def __init__(self, option: Option, index: int, effects: tuple[EffectRow, ...]) -> None:
        self.option = option
        self.id = option.id
        self.index = index
        self.when = condition(option.when)
        self.effects = effects
        self.chance: tuple[OutcomeRow, ...] = ()
        self.delayed: tuple[DelayedRow, ...] = ()
        self.trigger = option.trigger
        self.text = f'Chose "{option.label}"'
        """The cause text of the option's effects."""
        self.decider_terms: tuple[StanceRow, ...] = ()
        """Stances of computer-played roles on this option, weighted for the decider."""


class DecisionRow:
    """A decision with its options and who advises on it."""

    __slots__ = (
        "choice_key",
        "computer_advisers",
        "decider",
        "decider_human",
        "decision",
        "favours",
        "human_advisers",
        "id",
        "index",
        "options",
        "when",
    )

    def __init__(self, decision: Decision, index: int) -> None:
        self.decision = decision
        self.id = decision.id
        self.choice_key = "@" + decision.id
        """The env key expressions read for chose()/decided()."""
        self.index = index
        self.when = condition(decision.when)
        self.decider = decision.decider
        self.decider_human = False
        self.options: tuple[OptionRow, ...] = ()
        self.human_advisers: tuple[str, ...] = ()
        """Human-played roles other than the decider, in scenario role order."""
        self.computer_advisers: tuple[str, ...] = ()
        self.favours: dict[str, tuple[StanceRow, ...]] = {}
        """Computer adviser -> its favour stances, strongest first, then option order."""


class Tables:
    """Everything the turn loop looks up, built once per Game."""

    def __init__(self, scenario: Scenario, humans: frozenset[str]) -> None:
        self.variable_ids: tuple[str, ...] = tuple(v.id for v in scenario.variables)
        self.influence: dict[str, int] = {role.id: role.influence for role in scenario.roles}
        self.bounds: dict[str, tuple[int | None, int | None]] = {
            v.id: (v.minimum, v.maximum) if v.kind is VariableKind.INT else (None, None)
            for v in scenario.variables
        }
        self.events: dict[str, Event] = {event.id: event for event in scenario.events}
        self.event_effects: dict[str, tuple[EffectRow, ...]] = {
            event.id: self.effect_rows(event.effects, f"event {event.id}", event.location)
            for event in scenario.events
        }
        self.watched_events: tuple[tuple[str, bool, Event, Predicate], ...] = tuple(
            (e.id, e.once, e, e.when.fn) for e in scenario.events if e.when is not None
        )
        """Events with a condition, checked after every decision, in file order: (id, once,
        event, condition), unpacked so the check reads no attributes."""
        self.early_endings: tuple[tuple[Ending, Predicate], ...] = tuple(
            (e, e.when.fn) for e in scenario.endings if e.early and e.when is not None
        )
        self.final_endings: tuple[tuple[Ending, Predicate], ...] = tuple(
            (e, e.when.fn) for e in scenario.endings if not e.early and e.when is not None
        )
        self.fallback: Ending | None = next((e for e in scenario.endings if e.when is None), None)
        role_order = [role.id for role in scenario.roles]
        self.decisions: tuple[DecisionRow, ...] = tuple(
            self._decision_row(decision, index, role_order, humans)
            for index, decision in enumerate(scenario.decisions)
        )
        self.by_id: dict[str, DecisionRow] = {row.id: row for row in self.decisions}
        self.option_rows: dict[tuple[str, str], OptionRow] = {
            (row.id, option.id): option for row in self.decisions for option in row.options
        }
        """(decision id, option id) -> its row (where a pending consequence comes from)."""

    def effect_rows(
        self, assignments: tuple[Assignment, ...], owner: str, location: Location | None
    ) -> tuple[EffectRow, ...]:
        return tuple(
            EffectRow(a, *self.bounds.get(a.target, (None, None)), owner, location)
            for a in assignments
        )

    def _decision_row(
        self, decision: Decision, index: int, role_order: list[str], humans: frozenset[str]
    ) -> DecisionRow:
        row = DecisionRow(decision, index)
        row.decider_human = decision.decider in humans
        advisers = [r for r in role_order if r != decision.decider]
        row.human_advisers = tuple(r for r in advisers if r in humans)
        row.computer_advisers = tuple(r for r in advisers if r not in humans)
        options = []
        favours: dict[str, list[StanceRow]] = {r: [] for r in row.computer_advisers}
        for option_index, option in enumerate(decision.options):
            path, where = f"{decision.id}.{option.id}", option.location
            effects = self.effect_rows(option.effects, f"option {path}", where)
            option_row = OptionRow(option, option_index, effects)
            if option.chance is not None:
                option_row.chance = tuple(
                    OutcomeRow(
                        outcome,
                        self.effect_rows(outcome.effects, f"chance {path}.{outcome.id}", where),
                    )
                    for outcome in option.chance.outcomes
                )
            option_row.delayed = tuple(
                DelayedRow(delayed, i, self.effect_rows(delayed.effects, f"delayed {path}", where))
                for i, delayed in enumerate(option.delayed)
            )
            terms = []
            for stance in option.stances:
                if stance.role in humans:
                    continue  # a human's say is their recommendation, not the scenario's
                sign = 1 if stance.position is Position.FAVOUR else -1
                factor = 2 if stance.role == decision.decider else 1
                weight = sign * factor * self.influence.get(stance.role, 1) * stance.strength
                stance_row = StanceRow(stance, option_index, weight)
                terms.append(stance_row)
                if stance.position is Position.FAVOUR and stance.role in favours:
                    favours[stance.role].append(stance_row)
            option_row.decider_terms = tuple(terms)
            options.append(option_row)
        row.options = tuple(options)
        row.favours = {
            role: tuple(sorted(rows, key=lambda r: (-r.strength, r.option_index)))
            for role, rows in favours.items()
        }
        return row
