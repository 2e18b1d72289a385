"""Exhaustive, bounded exploration of a scenario's game tree, deduplicated by state.

Every role that decides something is seated as a human, so the explorer can take every
offered option at every decision; chance is branched on every outcome with a nonzero weight.
The engine draws chance from ``GameState.rng`` alone, so the explorer forces a branch by
re-seeding that field before the step and keeps trying seeds until the outcomes it has seen
carry all the probability (their ``ChanceResolved.probability`` values sum to one). Every
step goes through the engine's own ``Game.step``: the explorer never re-implements the
rules.

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

from collections import Counter, deque
from collections.abc import Hashable, Iterable, Iterator
from typing import Any

import attrs

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
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Option, Scenario
from excomm_sim.tools.explored import DeadEnd, EndState, Exploration, Failure, Step
from excomm_sim.tools.reads import choices_read, deciders
from excomm_sim.tools.sampling import sample

__all__ = [
    "DEFAULT_MAX_STATES",
    "DEFAULT_SAMPLES",
    "Exploration",
    "Explorer",
    "Step",
    "choices_read",
    "explore",
]

DEFAULT_MAX_STATES = 10_000
"""Default bound on distinct states for the exhaustive search."""

DEFAULT_SAMPLES = 1_000
"""Sampled games played after the exhaustive search hits its bound."""

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
        self.observe(start, records, ())
        if not self._search(start):
            sample(self, start)
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

    def turn(self, state: GameState) -> tuple[str, str, str, list[Option]] | None:
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
        turn = self.turn(state)
        if turn is None:
            self.record_end(state, path)
            return
        kind, role, decision, offered = turn
        if not offered:
            self.result.dead_ends.append(DeadEnd(path, decision))
            return
        if kind == "recommend":
            # Recommendations cannot change the game when every decider is human.
            option = offered[0]
            step = Step(decision, option.id, recommend=True)
            child = self.step(state, Action(role, option.id), path, step, decision)
            if child is not None:
                yield child[0], step
            return
        for option in offered:
            self.result.offered.add((decision, option.id))
            action = Action(role, option.id)
            if option.chance is None:
                step = Step(decision, option.id)
                child = self.step(state, action, path, step, decision)
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
            child = self.step(forced, action, path, probe, decision)
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

    def step(
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
        self.observe(new_state, records, (*path, step))
        return new_state, records

    def observe(self, state: GameState, records: Iterable[Any], path: tuple[Step, ...]) -> None:
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

    def record_end(self, state: GameState, path: tuple[Step, ...]) -> None:
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
