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

A scenario with many int variables and many decisions (meeting 19: 19 decisions, seven
0-100 meters) has far more distinct states than any bound, and a breadth-first search stops
a few decisions deep. So when the bound is hit, the explorer goes on with sampled games
that favour the options and outcomes seen least so far: they reach the endings and cover
every branch quickly, but prove nothing, so the result stays marked incomplete.
"""

from __future__ import annotations

import random
import re
from collections import Counter, deque
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from attrs import define, frozen

from excomm_sim.engine.events import (
    ChanceResolved,
    ConsequenceLanded,
    ConsequenceScheduled,
    DecisionPosed,
    DecisionSkipped,
    EventFired,
    GameEnded,
    OptionChosen,
)
from excomm_sim.engine.game import Action, Game
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.expr import EvalError, Expression
from excomm_sim.scenario.model import Option, Scenario, Value
from excomm_sim.tools.fastplay import play_out

DEFAULT_MAX_STATES = 10_000
"""Default bound on distinct states for the exhaustive search."""

DEFAULT_SAMPLES = 1_000
"""Sampled games played after the exhaustive search hits its bound."""

MAX_SAMPLE_MOVES = 10_000
"""Guard against a game that never ends (an engine fault)."""

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
    samples: int = 0
    """Sampled games played after the bound was hit (0 when the search was complete)."""
    posed: set[str] = attrs.field(factory=set)
    offered: set[tuple[str, str]] = attrs.field(factory=set)
    chosen: set[tuple[str, str]] = attrs.field(factory=set)
    outcomes: set[tuple[str, str, str]] = attrs.field(factory=set)
    events: set[str] = attrs.field(factory=set)
    scheduled: set[tuple[str, str, int]] = attrs.field(factory=set)
    landed: set[tuple[str, str, int]] = attrs.field(factory=set)
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

    def __init__(
        self,
        scenario: Scenario,
        max_states: int = DEFAULT_MAX_STATES,
        samples: int = DEFAULT_SAMPLES,
    ) -> None:
        self.scenario = scenario
        self.max_states = max_states
        self.samples = samples
        self.humans = deciders(scenario)
        self.game = Game(scenario, humans=self.humans)
        self.ends_seen: set[Hashable] = set()
        # When the President decides everything, no one is ever asked to recommend, so the
        # cheaper ``offered_options`` can stand in for ``prompt`` (which also builds views).
        self.sole_decider = scenario.president.id if len(self.humans) == 1 else None
        self.taken: Counter[tuple[str, str]] = Counter()
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
            start, records = self.game.start(0)
        except EvalError as error:
            result.failures.append(Failure((), None, str(error)))
            return result
        self._observe(start, records, ())
        if not self._search(start):
            self._sample(start)
        return result

    def _search(self, start: GameState) -> bool:
        """Breadth-first search; False if the bound stopped it."""
        result = self.result
        seen: set[Hashable] = {self.key(start)}
        queue: deque[tuple[GameState, tuple[Step, ...]]] = deque([(start, ())])
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
                    return False
                seen.add(child_key)
                result.states += 1
                queue.append((child, (*path, step)))
        return True

    def _sample(self, start: GameState) -> None:
        """Play sampled games from the start, favouring the least-taken options."""
        rng = random.Random(0)  # a private generator: the check is repeatable
        if self.sole_decider is not None:
            self._sample_fast(start, self.sole_decider, rng)
            return
        for _ in range(self.samples):
            self.result.samples += 1
            state, path = start, ()
            for _ in range(MAX_SAMPLE_MOVES):
                turn = self._turn(state)
                if turn is None:
                    self._record_end(state, path)
                    break
                kind, role, decision, offered = turn
                if not offered:
                    self.result.dead_ends.append(DeadEnd(path, decision))
                    break
                if kind == "recommend":
                    option = offered[0]
                else:
                    option = self._least_taken(decision, offered, rng)
                    self.result.offered.update((decision, o.id) for o in offered)
                    self.taken[(decision, option.id)] += 1
                if option.chance is not None:
                    state = attrs.evolve(state, rng=rng.getrandbits(64))
                step = Step(decision, option.id, recommend=kind == "recommend")
                child = self._step(state, Action(role, option.id), path, step, decision)
                if child is None:
                    break
                state, records = child
                outcome = next((r.outcome for r in records if isinstance(r, ChanceResolved)), None)
                path = (*path, attrs.evolve(step, outcome=outcome) if outcome else step)

    def _sample_fast(self, start: GameState, seat: str, rng: random.Random) -> None:
        """The same sampling, each game played in one engine call (``fastplay``)."""
        result = self.result
        decision_of = {
            id(option): decision.id
            for decision in self.scenario.decisions
            for option in decision.options
        }
        chosen: list[Step] = []

        def choose(env: Mapping[str, Value], offered: Sequence[Option], _: object) -> str:
            decision = decision_of[id(offered[0])]
            result.offered.update((decision, option.id) for option in offered)
            option = self._least_taken(decision, list(offered), rng)
            self.taken[(decision, option.id)] += 1
            chosen.append(Step(decision, option.id))
            return option.id

        for _ in range(self.samples):
            result.samples += 1
            chosen.clear()
            state = attrs.evolve(start, rng=rng.getrandbits(64))
            try:
                end = play_out(self.game, state, seat, choose, rng)
            except EvalError as error:
                decision = chosen[-1].decision if chosen else None
                result.failures.append(Failure(tuple(chosen), decision, str(error)))
                continue
            path = tuple(
                Step(choice.decision, choice.option, choice.outcome) for choice in end.choices
            )
            self._observe(end, end.log, path)
            if end.ending is not None:
                self._record_end(end, path)

    def _least_taken(self, decision: str, offered: list[Option], rng: random.Random) -> Option:
        """Half the time an option taken least so far, otherwise any: cover, then mix."""
        if rng.random() < 0.5:
            fewest = min(self.taken[(decision, option.id)] for option in offered)
            offered = [o for o in offered if self.taken[(decision, o.id)] == fewest]
        return rng.choice(offered)

    def _turn(self, state: GameState) -> tuple[str, str, str, list[Option]] | None:
        """(kind, role, decision id, offered options) for whoever acts now; None if ended."""
        if state.ending is not None or state.current is None:
            return None
        offered_options = getattr(self.game, "offered_options", None)
        if self.sole_decider is not None and offered_options is not None:
            return "decide", self.sole_decider, state.current, list(offered_options(state))
        prompt = self.game.prompt(state)
        if prompt is None:
            return None
        offered = [view.option for view in prompt.options if view.offered]
        return prompt.kind, prompt.role, prompt.decision.id, offered

    def _children(
        self, state: GameState, path: tuple[Step, ...]
    ) -> Iterator[tuple[GameState, Step]]:
        turn = self._turn(state)
        if turn is None:
            self._record_end(state, path)
            return
        kind, role, decision, offered = turn
        if not offered:
            self.result.dead_ends.append(DeadEnd(path, decision))
            return
        if kind == "recommend":
            # Recommendations cannot change the game when every decider is human.
            option = offered[0]
            step = Step(decision, option.id, recommend=True)
            child = self._step(state, Action(role, option.id), path, step, decision)
            if child is not None:
                yield child[0], step
            return
        for option in offered:
            self.result.offered.add((decision, option.id))
            action = Action(role, option.id)
            if option.chance is None:
                step = Step(decision, option.id)
                child = self._step(state, action, path, step, decision)
                if child is not None:
                    yield child[0], step
            else:
                yield from self._chance_children(state, decision, action, path)

    def _chance_children(
        self, state: GameState, decision: str, action: Action, path: tuple[Step, ...]
    ) -> Iterator[tuple[GameState, Step]]:
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
            elif isinstance(record, ConsequenceScheduled):
                result.scheduled.add((record.decision, record.option, record.index))
            elif isinstance(record, ConsequenceLanded):
                result.landed.add((record.decision, record.option, record.index))
            elif isinstance(record, GameEnded):
                result.endings.add(record.ending)
            elif isinstance(record, DecisionSkipped) and self._nothing_offered(state, record):
                result.dead_ends.append(DeadEnd(path, record.decision))

    def _nothing_offered(self, state: GameState, skipped: DecisionSkipped) -> bool:
        """A skip is a dead end when the decision was due but none of its options was open."""
        reason = getattr(skipped, "reason", None)
        if reason is not None:
            return bool(reason == "no options")
        decision = self.scenario.decision(skipped.decision)
        env = self.game.env(state)
        try:
            if decision.when is not None and not decision.when(env):
                return False
            return not any(option.when is None or option.when(env) for option in decision.options)
        except EvalError:
            return False

    def _record_end(self, state: GameState, path: tuple[Step, ...]) -> None:
        key = self.key(state)
        if key in self.ends_seen:  # sampled games often reach the same end state again
            return
        self.ends_seen.add(key)
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


def explore(
    scenario: Scenario, max_states: int = DEFAULT_MAX_STATES, samples: int = DEFAULT_SAMPLES
) -> Exploration:
    """Explore every reachable state of ``scenario`` up to ``max_states`` distinct states;
    past the bound, play ``samples`` sampled games for coverage."""
    return Explorer(scenario, max_states, samples).run()
