"""What one seat may see of a game: the single place that decides it.

``observe(rules, state, seat)`` returns an ``Observation``: the public state (visible
variables, the date, whose turn it is, the decision on the table with its options, odds
and the advisers' positions), the seat's own briefing and objectives, and the log as that
seat saw it. Every shell renders from observations, the classroom server sends them, and
computer policies act on them, so privacy is decided here once:

- a variable shown as ``hidden`` is withheld (value, changes, timeline) until the end; one
  with ``visible_to`` is withheld from every other seat (and the spectator) until the end;
- another seat's briefing and objectives are never in a seat's observation during play,
  except its ``public`` objectives, which every seat sees (``public_objectives``);
- a person's recommendation on the open decision is seen by its author and the decider
  only; once the decision is taken it is public (the weighing that counted it is too);
- ``seat=None`` is the spectator's view: public things only.

At the end the debrief's truths are revealed to everyone: hidden values, every seat's
objectives and scores, except ``secret`` objectives, which only their own seat ever reads
(the others see the role's points, not the aim). Briefings stay private.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from attrs import evolve, frozen

from excomm_sim.engine import turns
from excomm_sim.engine.chance import probabilities
from excomm_sim.engine.events import Recommended, Record, VariableChanged
from excomm_sim.engine.kernel import RoleScore, Rules
from excomm_sim.engine.layout import ACT, CHANCE
from excomm_sim.engine.moves import Turn
from excomm_sim.engine.state import Choice, GameState
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import (
    ChanceOutcome,
    Decision,
    Display,
    Ending,
    Objective,
    Option,
    Position,
    Role,
    Scenario,
    Stance,
    TextVariant,
    Value,
)
from excomm_sim.scenario.texts import choose, render

__all__ = [
    "HUMAN_RECOMMENDATION_STRENGTH",
    "ItemView",
    "ObjectiveView",
    "Observation",
    "OptionView",
    "PositionView",
    "observe",
    "visible",
    "withheld",
]

HUMAN_RECOMMENDATION_STRENGTH = 2
"""A person's recommendation is shown (and weighed by a computer decider) like a stance
of this strength."""


@frozen
class OptionView:
    """An option as a seat sees it now: offered or withheld (with why), and the odds."""

    option: Option
    offered: bool
    reason: str
    """Why it is withheld (the scenario's ``unavailable`` text); empty when offered."""
    odds: tuple[tuple[ChanceOutcome, float], ...] = ()
    """If the decider takes it: each outcome with its probability (visible chance only)."""


@frozen
class PositionView:
    """An adviser's position on an option: a computer stance or a person's recommendation."""

    role: str
    option: str
    position: Position
    strength: int
    reason: str
    human: bool
    argument: str = ""
    """A person's own words for their recommendation."""
    stance: int = -1
    """For a stance: its place in the option's ``stances`` (two stances may read alike)."""


@frozen
class ItemView:
    """The decision on the table, as the observing seat sees it."""

    decision: Decision
    number: int
    """Its 1-based number among the decisions taken (``turn + 1``)."""
    options: tuple[OptionView, ...]
    """Offered options in file order, then withheld ones that have an ``unavailable`` text."""
    positions: tuple[PositionView, ...]
    """Computer advisers' holding stances on offered options, then the people's
    recommendations this seat may see."""
    own_stances: tuple[PositionView, ...] = ()
    """The scenario's stances for the observing seat's own role that hold now."""

    @property
    def offered(self) -> tuple[Option, ...]:
        return tuple(view.option for view in self.options if view.offered)


@frozen
class ObjectiveView:
    """One of the seat's objectives and whether it holds on the state now."""

    objective: Objective
    holds: bool


_NOTHING: Mapping[str, tuple[ObjectiveView, ...]] = MappingProxyType({})


@frozen
class Observation:
    """Everything ``seat`` may see now (``seat`` None: a spectator)."""

    seat: str | None
    to_act: Turn
    item: ItemView | None
    """The decision on the table (None between decisions, at a chance node and at the end)."""
    values: Mapping[str, Value]
    """The variables this seat may see, by id."""
    withheld: frozenset[str]
    """Variables whose values this seat may not see now."""
    turn: int
    day: int
    date: dt.date
    humans: Mapping[str, str]
    """Who sits where: role id -> the person's name (public)."""
    role: Role | None
    """The seat's own role: its briefing and objectives."""
    objectives: tuple[ObjectiveView, ...]
    log: tuple[Record, ...]
    """What happened, as this seat saw it."""
    timeline: tuple[Mapping[str, Value], ...]
    """The visible values at the start and after each decision."""
    ending: Ending | None
    scores: Mapping[str, RoleScore]
    """The seat's own score during play; every seat's once the game has ended."""
    choices: tuple[Choice, ...]
    """The decisions taken so far: by whom, what, and what chance made of it (public)."""
    seed: int | None
    """The game's seed, revealed at the end (with it, the same moves replay the game)."""
    public_objectives: Mapping[str, tuple[ObjectiveView, ...]] = _NOTHING
    """Other seats' ``public`` objectives, by role id, and whether each holds now (during
    play; at the end ``scores`` has them)."""

    @property
    def ended(self) -> bool:
        return self.ending is not None

    @property
    def mine(self) -> bool:
        """True when this seat must act now."""
        return self.seat is not None and self.to_act.role == self.seat


def withheld(scenario: Scenario, state: GameState, seat: str | None) -> frozenset[str]:
    """The variables ``seat`` may not see in ``state``: hidden ones, and those visible to
    other roles only, until the end."""
    if state.ended:
        return frozenset()
    return frozenset(
        v.id
        for v in scenario.variables
        if v.display is Display.HIDDEN or (v.visible_to and seat not in v.visible_to)
    )


def _scores_seen(
    scores: Mapping[str, RoleScore], seat: str | None, ended: bool
) -> tuple[dict[str, RoleScore], dict[str, tuple[ObjectiveView, ...]]]:
    """The scores ``seat`` may read (its own during play; at the end every seat's, less the
    others' secret objectives) and the other seats' public objectives during play."""
    if not ended:
        public = {
            role: views
            for role, score in scores.items()
            if role != seat
            and (
                views := tuple(
                    ObjectiveView(o, met) for o, met in score.met if o.visibility == "public"
                )
            )
        }
        return ({seat: scores[seat]} if seat is not None and seat in scores else {}), public
    shown = {}
    for role, score in scores.items():
        if role != seat and any(o.visibility == "secret" for o, _ in score.met):
            kept = tuple((o, met) for o, met in score.met if o.visibility != "secret")
            score = RoleScore(score.role, score.points, score.possible, kept)
        shown[role] = score
    return shown, {}


def observe(
    rules: Rules, state: GameState, seat: str | None, *, history: bool = True
) -> Observation:
    """What ``seat`` may see of ``state`` (``None``: the spectator's view).

    ``history=False`` leaves out the past and the score: the log, the timeline, the
    choices taken, the objectives judged (all empty). It is the view a computer policy
    acts on (it reads only the decision on the table), at a fraction of the cost.
    """
    scenario = rules.scenario
    if seat is not None and seat not in rules.layout.role_index:
        raise KeyError(f"unknown seat {seat!r}")
    hidden = withheld(scenario, state, seat)
    values = {k: v for k, v in state.values.items() if k not in hidden}
    role = scenario.role(seat) if seat is not None else None
    scores: Mapping[str, RoleScore] = {}
    public: Mapping[str, tuple[ObjectiveView, ...]] = _NOTHING
    if history:
        scores, public = _scores_seen(rules.scores(state), seat, state.ended)
    own = scores.get(seat) if seat is not None else None
    objectives = tuple(ObjectiveView(o, met) for o, met in own.met) if own is not None else ()
    return Observation(
        seat=seat,
        to_act=rules.to_act(state),
        item=item_view(rules, state, seat),
        values=values,
        withheld=hidden,
        turn=state.turn,
        day=state.day,
        date=rules.date(state),
        humans=state.humans,
        role=role,
        objectives=objectives,
        log=seen_log(rules, state, seat, hidden) if history else (),
        timeline=tuple(
            {k: v for k, v in point.items() if k not in hidden} for point in state.timeline
        )
        if history
        else (),
        ending=rules.ending(state),
        scores=scores,
        choices=state.choices if history else (),
        seed=state.seed if state.ended else None,
        public_objectives=public,
    )


def seen_log(
    rules: Rules, state: GameState, seat: str | None, hidden: frozenset[str]
) -> tuple[Record, ...]:
    """The log as ``seat`` saw it (see ``visible``)."""
    return visible(rules, state, seat, state.log, hidden)


def visible(
    rules: Rules,
    state: GameState,
    seat: str | None,
    records: tuple[Record, ...],
    hidden: frozenset[str] | None = None,
) -> tuple[Record, ...]:
    """``records`` (of ``state``'s log) without what ``seat`` may not see in ``state``:
    changes to withheld variables, and people's recommendations on the open decision
    unless the seat made them or decides it."""
    if hidden is None:
        hidden = withheld(rules.scenario, state, seat)
    open_decision = state.current if state.stage in (ACT, CHANCE) else None
    decision = rules.decision(state)
    deciding = decision is not None and decision.decider == seat
    kept = []
    for record in records:
        if isinstance(record, VariableChanged) and record.variable in hidden:
            continue
        if (
            isinstance(record, Recommended)
            and record.human
            and record.decision == open_decision
            and record.turn == state.turn + 1
            and record.role != seat
            and not deciding
        ):
            continue
        kept.append(record)
    return tuple(kept)


def item_view(rules: Rules, state: GameState, seat: str | None) -> ItemView | None:
    """The decision on the table as ``seat`` sees it, or None when none is."""
    if state.stage != ACT:
        return None
    layout = rules.layout
    program = rules.program
    k: int = state.slots[layout.CURRENT]
    decision = rules.scenario.decisions[k]
    offered = program.offered[k](state.slots)
    views = []
    for j, option in enumerate(decision.options):
        if j in offered:
            views.append(OptionView(option, True, "", odds(rules, state, k, j)))
    for j, option in enumerate(decision.options):
        if j not in offered and option.unavailable:
            views.append(OptionView(option, False, option.unavailable, odds(rules, state, k, j)))
    if decision.varies:
        decision, views = _worded(rules, state, decision, views)
    return ItemView(
        decision,
        state.turn + 1,
        tuple(views),
        positions(rules, state, seat, k, offered),
        own_stances(rules, state, seat, k, offered),
    )


def _worded(
    rules: Rules, state: GameState, decision: Decision, views: list[OptionView]
) -> tuple[Decision, list[OptionView]]:
    """The decision and its options with their texts chosen and filled for ``state``
    (format 2's variants and ``{name}`` placeholders), as every seat reads them."""
    env = rules.env(state)
    variables = {v.id: v for v in rules.scenario.variables}

    def word(text: str, variants: tuple[TextVariant, ...]) -> str:
        chosen = choose(variants, env, text)
        return render(chosen, state.values, variables, state.turn, state.day, rules.date(state))

    worded = evolve(decision, context=word(decision.context, decision.context_variants))
    return worded, [
        evolve(
            view, option=evolve(view.option, text=word(view.option.text, view.option.text_variants))
        )
        for view in views
    ]


def odds(rules: Rules, state: GameState, k: int, j: int) -> tuple[tuple[ChanceOutcome, float], ...]:
    """The odds of option j's visible chance node if the decider takes it now: the kernel
    takes it on a copy of the state and reads the chance node it reaches."""
    option = rules.scenario.decisions[k].options[j]
    if option.chance is None or not option.chance.visible:
        return ()
    s = list(state.slots)
    try:
        turns.run(rules.program, s, [], _Taking(j))
        weights = turns.chance_weights(rules.program, s)
    except EvalError:  # the scenario fails on this option: taking it will say so
        return ()
    return tuple(zip(option.chance.outcomes, probabilities(weights), strict=True))


def positions(
    rules: Rules, state: GameState, seat: str | None, k: int, offered: tuple[int, ...]
) -> tuple[PositionView, ...]:
    """Computer advisers' holding stances on offered options, then the recommendations of
    people that ``seat`` may see (its own; all of them if it decides)."""
    layout = rules.layout
    program = rules.program
    decision = rules.scenario.decisions[k]
    humans: int = state.slots[layout.HUMANS]
    decider = program.deciders[k]
    found: list[tuple[int, PositionView]] = []
    for j in offered:
        option = decision.options[j]
        for x, stance in enumerate(option.stances):
            role_index = layout.role_index[stance.role]
            if role_index == decider or humans >> role_index & 1:
                continue
            if program.stance_holds(k, j, x, state.slots):
                found.append((role_index, _stance_view(stance, option.id, x)))
    found.sort(key=lambda entry: entry[0])  # by seat; options and stances stay in file order
    views = [view for _, view in found]
    arguments = {}
    for record in reversed(state.log):  # the people's words on this decision, made just now
        if record.turn <= state.turn:
            break
        if isinstance(record, Recommended) and record.human and record.decision == decision.id:
            arguments[record.role] = record.argument
    deciding = seat == decision.decider
    for role, option_id in sorted(
        state.recommendations.items(), key=lambda item: layout.role_index[item[0]]
    ):
        if deciding or role == seat:
            views.append(
                PositionView(
                    role,
                    option_id,
                    Position.FAVOUR,
                    HUMAN_RECOMMENDATION_STRENGTH,
                    "",
                    True,
                    arguments.get(role, ""),
                )
            )
    return tuple(views)


def _stance_view(stance: Stance, option: str, index: int) -> PositionView:
    return PositionView(
        stance.role, option, stance.position, stance.strength, stance.reason, False, "", index
    )


def own_stances(
    rules: Rules, state: GameState, seat: str | None, k: int, offered: tuple[int, ...]
) -> tuple[PositionView, ...]:
    """The scenario's stances for ``seat``'s own role that hold now, on offered options."""
    if seat is None:
        return ()
    decision = rules.scenario.decisions[k]
    views = []
    for j in offered:
        option = decision.options[j]
        for x, stance in enumerate(option.stances):
            if stance.role == seat and rules.program.stance_holds(k, j, x, state.slots):
                views.append(_stance_view(stance, option.id, x))
    return tuple(views)


class _Taking(turns.Agent):
    """An agent that takes option ``j`` (advising it too, if asked) and stops at chance."""

    def __init__(self, j: int) -> None:
        self.j = j

    def recommend(self, s: list[object], k: int, role: int, offered: tuple[int, ...]) -> int:
        return self.j if self.j in offered else offered[0]

    def decide(self, s: list[object], k: int, role: int, offered: tuple[int, ...]) -> int:
        return self.j

    def draw(self, s: list[object], k: int, weights: list[int]) -> int:
        raise turns.Stop
