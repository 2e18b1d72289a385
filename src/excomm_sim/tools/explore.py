"""Exhaustive, bounded exploration of a scenario's game tree, deduplicated by state.

Every role that decides something is seated as a human, so the explorer can take every
offered option at every decision; chance is branched on every outcome with a nonzero weight.
The engine draws chance from ``GameState.rng`` alone, so the explorer forces a branch by
re-seeding that field before the step and keeps trying seeds until the outcomes it has seen
carry all the probability (their ``ChanceResolved.probability`` values sum to one). This keeps
the explorer a client of the public engine API: it never re-implements the rules.

States are deduplicated by what can influence the rest of the game: values, position on the
agenda, turn and day, pending consequences, fired events, the ending, and the choices that
some expression reads through ``chose()``/``decided()`` (its ``@decision`` names).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import attrs
from attrs import define, frozen

from excomm_sim.engine.events import (
    ChanceResolved,
    DecisionPosed,
    DecisionSkipped,
    EventFired,
    GameEnded,
    OptionChosen,
)
from excomm_sim.engine.game import Action, Game, Prompt
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.expr import EvalError, Expression
from excomm_sim.scenario.model import Scenario, Value

DEFAULT_MAX_STATES = 200_000
"""Default bound on distinct states; the bundled scenarios stay far below it."""

MAX_CHANCE_TRIES = 4_000
"""Seeds tried per chance node before giving up on finding its rarest outcomes."""

_GOLDEN = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1


def _spread(index: int) -> int:
    """A well-mixed 64-bit value for try number ``index`` (splitmix64 finaliser)."""
    z = (index * _GOLDEN + _GOLDEN) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


@frozen
class Step:
    """One move on a path: who chose what (and which chance outcome followed)."""

    decision: str
    option: str
    outcome: str | None = None
    recommend: bool = False

    def __str__(self) -> str:
        if self.recommend:
            return f"{self.decision}: recommend {self.option}"
        text = f"{self.decision}={self.option}"
        return f"{text} -> {self.outcome}" if self.outcome else text


@frozen
class Failure:
    """A step that raised: an expression error (EvalError) or an engine fault."""

    path: tuple[Step, ...]
    decision: str | None
    message: str
    engine_fault: bool = False


@frozen
class DeadEnd:
    """A decision that was due (its ``when`` held) but offered no option."""

    path: tuple[Step, ...]
    decision: str


@frozen
class EndState:
    ending: str
    values: Mapping[str, Value]
    objectives: Mapping[tuple[str, str], bool]
    """(role id, objective id) -> met."""
    won: Mapping[str, bool]
    path: tuple[Step, ...]


@define
class Exploration:
    """Everything the explorer saw; ``complete`` is False if a bound stopped it."""

    states: int = 0
    complete: bool = True
    stopped_by: str = ""
    posed: set[str] = attrs.field(factory=set)
    offered: set[tuple[str, str]] = attrs.field(factory=set)
    chosen: set[tuple[str, str]] = attrs.field(factory=set)
    outcomes: set[tuple[str, str, str]] = attrs.field(factory=set)
    events: set[str] = attrs.field(factory=set)
    endings: set[str] = attrs.field(factory=set)
    ends: list[EndState] = attrs.field(factory=list)
    failures: list[Failure] = attrs.field(factory=list)
    dead_ends: list[DeadEnd] = attrs.field(factory=list)


def scenario_expressions(scenario: Scenario) -> Iterator[Expression]:
    """Every compiled expression in the scenario (conditions, weights, effect values)."""

    def of_effects(effects: Iterable[Any]) -> Iterator[Expression]:
        for effect in effects:
            yield effect.value

    for role in scenario.roles:
        for objective in role.objectives:
            yield objective.condition
    for decision in scenario.decisions:
        if decision.when is not None:
            yield decision.when
        for option in decision.options:
            if option.when is not None:
                yield option.when
            yield from of_effects(option.effects)
            for stance in option.stances:
                if stance.when is not None:
                    yield stance.when
            for delayed in option.delayed:
                if delayed.when is not None:
                    yield delayed.when
                yield from of_effects(delayed.effects)
            if option.chance is not None:
                for outcome in option.chance.outcomes:
                    yield outcome.weight
                    yield from of_effects(outcome.effects)
    for event in scenario.events:
        if event.when is not None:
            yield event.when
        yield from of_effects(event.effects)
    for ending in scenario.endings:
        if ending.when is not None:
            yield ending.when


_CHOICE_CALL = re.compile(r"""\b(?:chose|decided)\s*\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']""")


def choices_read(scenario: Scenario) -> frozenset[str]:
    """Decision ids whose choice some expression reads (``chose``/``decided``).

    ``Expression.names`` lists the variables read; choices are read through the
    ``@decision`` keys, which it may or may not list, so the calls are also found in the
    source. Over-including a decision only costs deduplication, never correctness.
    """
    read: set[str] = set()
    for expression in scenario_expressions(scenario):
        read.update(name[1:] for name in expression.names if name.startswith("@"))
        read.update(_CHOICE_CALL.findall(expression.source))
    return frozenset(read)


def deciders(scenario: Scenario) -> dict[str, str]:
    """Every role that decides some agenda item, seated as a human so the explorer acts."""
    seated = {decision.decider for decision in scenario.decisions}
    seated.add(scenario.president.id)
    return {role.id: role.id for role in scenario.roles if role.id in seated}


class Explorer:
    """Breadth-first search over game states; keeps the first (shortest) path to each."""

    def __init__(self, scenario: Scenario, max_states: int = DEFAULT_MAX_STATES) -> None:
        self.scenario = scenario
        self.max_states = max_states
        self.game = Game(scenario, humans=deciders(scenario))
        self.variable_ids = tuple(variable.id for variable in scenario.variables)
        self.read = choices_read(scenario)
        self.result = Exploration()

    def key(self, state: GameState) -> Hashable:
        values = state.values
        return (
            tuple(values[name] for name in self.variable_ids),
            state.turn,
            state.day,
            state.cursor,
            state.current,
            state.pending,
            state.fired,
            state.ending,
            tuple(sorted(state.recommendations.items())),
            tuple(
                (choice.decision, choice.option)
                for choice in state.choices
                if choice.decision in self.read
            ),
        )

    def run(self) -> Exploration:
        result = self.result
        try:
            state, records = self.game.start(0)
        except EvalError as error:
            result.failures.append(Failure((), None, str(error)))
            return result
        self._observe(state, records, ())
        seen: set[Hashable] = {self.key(state)}
        queue: deque[tuple[GameState, tuple[Step, ...]]] = deque([(state, ())])
        result.states = 1
        while queue:
            state, path = queue.popleft()
            for child, step in self._children(state, path):
                child_key = self.key(child)
                if child_key in seen:
                    continue
                if result.states >= self.max_states:
                    result.complete = False
                    result.stopped_by = f"the bound of {self.max_states} states"
                    return result
                seen.add(child_key)
                result.states += 1
                queue.append((child, (*path, step)))
        return result

    def _children(
        self, state: GameState, path: tuple[Step, ...]
    ) -> Iterator[tuple[GameState, Step]]:
        prompt = self.game.prompt(state)
        if prompt is None:
            self._record_end(state, path)
            return
        offered = [view.option for view in prompt.options if view.offered]
        decision = prompt.decision
        if not offered:
            self.result.dead_ends.append(DeadEnd(path, decision.id))
            return
        if prompt.kind == "recommend":
            # Recommendations cannot change the game when every decider is human.
            option = offered[0]
            step = Step(decision.id, option.id, recommend=True)
            child = self._step(state, Action(prompt.role, option.id), path, step, decision.id)
            if child is not None:
                yield child[0], step
            return
        for option in offered:
            self.result.offered.add((decision.id, option.id))
            action = Action(prompt.role, option.id)
            if option.chance is None:
                step = Step(decision.id, option.id)
                child = self._step(state, action, path, step, decision.id)
                if child is not None:
                    yield child[0], step
            else:
                yield from self._chance_children(state, prompt, action, path)

    def _chance_children(
        self, state: GameState, prompt: Prompt, action: Action, path: tuple[Step, ...]
    ) -> Iterator[tuple[GameState, Step]]:
        decision = prompt.decision.id
        found: dict[str, float] = {}
        for attempt in range(MAX_CHANCE_TRIES):
            forced = attrs.evolve(state, rng=_spread(attempt))
            probe = Step(decision, action.option)
            child = self._step(forced, action, path, probe, decision)
            if child is None:
                return
            new_state, records = child
            resolved = [
                record
                for record in records
                if isinstance(record, ChanceResolved)
                and record.decision == decision
                and record.option == action.option
            ]
            if not resolved:  # no outcome could happen (all weights zero)
                yield new_state, probe
                return
            outcome = resolved[0].outcome
            if outcome not in found:
                found[outcome] = resolved[0].probability
                yield new_state, Step(decision, action.option, outcome)
            if sum(found.values()) >= 1.0 - 1e-9:
                return
        self.result.complete = False
        self.result.stopped_by = self.result.stopped_by or (
            f"rare chance outcomes of {decision}={action.option} "
            f"(not all found in {MAX_CHANCE_TRIES} draws)"
        )

    def _step(
        self,
        state: GameState,
        action: Action,
        path: tuple[Step, ...],
        step: Step,
        decision: str,
    ) -> tuple[GameState, tuple[Any, ...]] | None:
        try:
            new_state, records = self.game.step(state, action)
        except EvalError as error:
            self.result.failures.append(Failure((*path, step), decision, str(error)))
            return None
        except Exception as error:  # an engine fault: report it, do not crash the check
            message = f"{type(error).__name__}: {error}"
            self.result.failures.append(Failure((*path, step), decision, message, True))
            return None
        self._observe(new_state, records, (*path, step))
        return new_state, records

    def _observe(self, state: GameState, records: Iterable[Any], path: tuple[Step, ...]) -> None:
        result = self.result
        for record in records:
            if isinstance(record, DecisionPosed):
                result.posed.add(record.decision)
            elif isinstance(record, OptionChosen):
                result.chosen.add((record.decision, record.option))
            elif isinstance(record, ChanceResolved):
                result.outcomes.add((record.decision, record.option, record.outcome))
            elif isinstance(record, EventFired):
                result.events.add(record.event)
            elif isinstance(record, GameEnded):
                result.endings.add(record.ending)
            elif isinstance(record, DecisionSkipped) and self._nothing_offered(
                state, record.decision
            ):
                result.dead_ends.append(DeadEnd(path, record.decision))

    def _nothing_offered(self, state: GameState, decision_id: str) -> bool:
        """A skip is a dead end when the decision was due but none of its options was open."""
        decision = self.scenario.decision(decision_id)
        env = self.game.env(state)
        try:
            if decision.when is not None and not decision.when(env):
                return False
            return not any(option.when is None or option.when(env) for option in decision.options)
        except EvalError:
            return False

    def _record_end(self, state: GameState, path: tuple[Step, ...]) -> None:
        scores = self.game.scores(state)
        objectives = {
            (role, objective.id): met
            for role, score in scores.items()
            for objective, met in score.met
        }
        won = {role: score.won for role, score in scores.items()}
        self.result.ends.append(
            EndState(state.ending or "", dict(state.values), objectives, won, path)
        )


def explore(scenario: Scenario, max_states: int = DEFAULT_MAX_STATES) -> Exploration:
    """Explore every reachable state of ``scenario`` up to ``max_states`` distinct states."""
    return Explorer(scenario, max_states).run()
