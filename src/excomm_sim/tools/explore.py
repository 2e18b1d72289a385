"""Exhaustive, bounded exploration of a scenario's game tree, deduplicated by state.

The explorer plays the kernel itself (``engine.turns`` over the compiled program, without
records): at every decision it takes every offered option, whoever the decider is, and
at every chance node every outcome that can happen (the weights the kernel reads are the
ones the draw reads, so the search is exact about chance: nothing is found by sampling
the generator). It never re-implements a rule.

States are deduplicated by what can influence the rest of the game: the values, the
position on the agenda, turn and day, what is pending, which events fired, the ending,
and the choices that some expression reads through ``chose()``/``decided()``.

What a step did is read off the slots (the decision posed, the option and outcome taken,
the events fired, the ending); the kernel tells the explorer's agent which delayed
consequences landed and which lapsed.

A scenario with many int variables and many decisions (meeting 19: 19 decisions, seven
0-100 meters) has far more distinct states than any bound, and a breadth-first search
stops a few decisions deep. Then the explorer says how far it got and estimates how many
states a complete search would need, and goes on with sampled games that favour the
options seen least (``tools.sampling``): they reach the endings and cover the branches,
but prove nothing, so the result stays marked incomplete.
"""

from __future__ import annotations

import operator
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from excomm_sim.engine import turns
from excomm_sim.engine.kernel import wins
from excomm_sim.engine.layout import (
    ACT,
    ADVICE,
    CHANCE,
    CURRENT,
    CURSOR,
    DAY,
    ENDED,
    ENDING,
    HUMANS,
    OPTION,
    PENDING,
    STAGE,
    TURN,
    VARIABLES,
    Layout,
    Slots,
)
from excomm_sim.engine.program import Program
from excomm_sim.engine.turns import Agent, Stop
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Scenario
from excomm_sim.tools.estimate import level
from excomm_sim.tools.explored import DeadEnd, EndState, Exploration, Failure, Step
from excomm_sim.tools.reads import choices_read

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

State = tuple[Any, ...]
"""A position: the kernel's slots, frozen."""


class Branch(Agent):
    """An agent that answers one act (an option or an outcome index), then stops; it
    tells ``landed`` which delayed consequences landed on the way."""

    def __init__(self, index: int, landed: set[tuple[str, str, int]], layout: Layout) -> None:
        self.index = index
        self.landings = landed
        self.layout = layout

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        return self._once()

    def draw(self, s: Slots, k: int, weights: list[int]) -> int:
        return self._once()

    def landed(self, k: int, j: int, i: int, held: bool) -> None:
        if held:
            layout = self.layout
            self.landings.add((layout.decision_ids[k], layout.option_ids[k][j], i))

    def _once(self) -> int:
        index = self.index
        if index < 0:
            raise Stop
        self.index = -1
        return index


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
        self.program: Program = turns.program(scenario, records=False)
        self.layout = self.program.layout
        self.taken: Counter[tuple[str, str]] = Counter()
        self.result = Exploration()
        self.ends_seen: set[Hashable] = set()
        layout = self.layout
        read = choices_read(scenario)
        kept = [
            *range(VARIABLES, VARIABLES + len(layout.variable_ids)),
            TURN,
            DAY,
            CURSOR,
            CURRENT,
            STAGE,
            OPTION,
            ENDING,
            HUMANS,
            ADVICE,
            PENDING,
            *range(layout.FIRED, layout.FIRED + len(layout.event_ids)),
            *(layout.CHOSE + k for k, d in enumerate(layout.decision_ids) if d in read),
        ]
        self.key: Callable[[State], Hashable] = operator.itemgetter(*kept)
        """A state's identity for deduplication (leaves out what no rule reads)."""
        self.depths: Counter[int] = Counter()
        """Distinct states found at each level: the decision on the table, the end last."""

    # -- the search ---------------------------------------------------------------------

    def run(self) -> Exploration:
        result = self.result
        start: Slots = list(self.layout.initial(0))
        try:
            turns.run(self.program, start, None, self.branch(-1))
        except EvalError as error:
            result.failures.append(Failure((), None, str(error)))
            return result
        first = tuple(start)
        self.note_skips(self.layout.initial(0), first, ())
        self.observe(first, ())
        if not self._search(first):
            from excomm_sim.tools.sampling import sample

            sample(self, first)
        return result

    def _search(self, start: State) -> bool:
        """Breadth-first search; False if the bound stopped it."""
        result = self.result
        seen: set[Hashable] = {self.key(start)}
        queue: deque[tuple[State, tuple[Step, ...]]] = deque([(start, ())])
        result.states = 1
        decisions = len(self.layout.decision_ids)
        self.depths[level(start, decisions)] = 1
        while queue:
            state, path = queue.popleft()
            for child, child_path in self.children(state, path):
                child_key = self.key(child)
                if child_key in seen:
                    continue
                if result.states >= self.max_states:
                    result.complete = False
                    result.stopped_by = f"the bound of {self.max_states} states"
                    # Every state not found yet lies at or past the lowest level still open.
                    frontier = min(level(s, decisions) for s, _ in (*queue, (state, path)))
                    result.estimate = self.estimate(start, frontier)
                    return False
                seen.add(child_key)
                result.states += 1
                self.depths[level(child, decisions)] += 1
                queue.append((child, child_path))
        return True

    def children(
        self, state: State, path: tuple[Step, ...]
    ) -> Iterator[tuple[State, tuple[Step, ...]]]:
        """Every position one act away, with the path that reaches it (a chance outcome
        completes the step of the option that led to it)."""
        stage = state[STAGE]
        if stage == ENDED:
            self.record_end(state, path)
            return
        layout = self.layout
        k: int = state[CURRENT]
        decision = layout.decision_ids[k]
        options = layout.option_ids[k]
        if stage == CHANCE:
            option: int = state[OPTION]
            weights = turns.chance_weights(self.program, state)
            outcomes = layout.outcome_ids[k][option]
            positive = [o for o, w in enumerate(weights) if w > 0] or list(range(len(weights)))
            for outcome in positive:
                child_path = (*path[:-1], Step(decision, options[option], outcomes[outcome]))
                child = self.step(state, outcome, child_path, decision)
                if child is not None:
                    yield child, child_path
            return
        offered = self.program.offered[k](state)
        for option in offered:
            self.result.offered.add((decision, options[option]))
            child_path = (*path, Step(decision, options[option]))
            child = self.step(state, option, child_path, decision)
            if child is not None:
                yield child, child_path

    def step(self, state: State, index: int, path: tuple[Step, ...], decision: str) -> State | None:
        """The kernel's next position after answering the act at ``state`` with ``index``."""
        s = list(state)
        try:
            turns.run(self.program, s, None, self.branch(index))
        except EvalError as error:
            self.result.failures.append(Failure(path, decision, str(error)))
            return None
        except Exception as error:  # an engine fault: report it, do not crash the check
            message = f"{type(error).__name__}: {error}"
            self.result.failures.append(Failure(path, decision, message, True))
            return None
        child = tuple(s)
        self.note(state, child, index, path)
        return child

    # -- what a step did ----------------------------------------------------------------

    def note(self, parent: State, child: State, index: int, path: tuple[Step, ...]) -> None:
        """Record what the step from ``parent`` to ``child`` covered."""
        layout = self.layout
        result = self.result
        if parent[STAGE] == ACT:
            k: int = parent[CURRENT]
            option = layout.option_ids[k][index]
            result.chosen.add((layout.decision_ids[k], option))
            for i in range(len(self.scenario.decisions[k].options[index].delayed)):
                result.scheduled.add((layout.decision_ids[k], option, i))
        else:
            k = parent[CURRENT]
            j: int = parent[OPTION]
            outcome = layout.outcome_ids[k][j][index]
            result.outcomes.add((layout.decision_ids[k], layout.option_ids[k][j], outcome))
        if child[STAGE] != CHANCE:
            self.note_skips(parent, child, path)
        self.observe(child, path)

    def observe(self, state: State, path: tuple[Step, ...]) -> None:
        """What any position shows: the decision posed, the events fired, the ending."""
        layout = self.layout
        result = self.result
        if state[STAGE] == ACT:
            result.posed.add(layout.decision_ids[state[CURRENT]])
        first = layout.FIRED
        for e, event in enumerate(layout.event_ids):
            if state[first + e]:
                result.events.add(event)
        if state[ENDING] != -1:
            result.endings.add(layout.ending_ids[state[ENDING]])

    def note_skips(
        self,
        parent: State,
        child: State | Slots,
        path: tuple[Step, ...] | list[Step],
        start: int = -1,
    ) -> None:
        """Decisions passed over between two positions that were due but offered nothing
        (dead ends). Posing changes no value, so the child's values are the ones seen.
        ``start`` overrides the parent's cursor (sampled games pass the cursor alone)."""
        if start < 0:
            start = parent[CURSOR]
        stop: int = child[CURRENT] if child[STAGE] == ACT else child[CURSOR]
        program = self.program
        for k in range(start, stop):
            when = program.when[k]
            try:
                if (when is None or when(child)) and not program.offered[k](child):
                    dead_end = DeadEnd(tuple(path), self.layout.decision_ids[k])
                    self.result.dead_ends.append(dead_end)
            except EvalError:
                continue

    def branch(self, index: int) -> Branch:
        return Branch(index, self.result.landed, self.layout)

    def covered(self, final: State) -> None:
        """What a whole game reached, read off its last position."""
        layout = self.layout
        result = self.result
        for k, decision in enumerate(layout.decision_ids):
            option: int = final[layout.CHOSE + k]
            if option < 0:
                continue
            option_id = layout.option_ids[k][option]
            result.posed.add(decision)
            result.chosen.add((decision, option_id))
            for i in range(len(self.scenario.decisions[k].options[option].delayed)):
                result.scheduled.add((decision, option_id, i))
            outcome: int = final[layout.OUTCOME + k]
            if outcome >= 0:
                outcome_id = layout.outcome_ids[k][option][outcome]
                result.outcomes.add((decision, option_id, outcome_id))
        self.observe(final, ())

    def record_end(self, state: State, path: tuple[Step, ...]) -> None:
        key = self.key(state)
        if key in self.ends_seen:  # sampled games often reach the same end state again
            return
        self.ends_seen.add(key)
        layout = self.layout
        met = iter(self.program.objectives(state))
        objectives: dict[tuple[str, str], bool] = {}
        won: dict[str, bool] = {}
        for role in self.scenario.roles:
            points = 0
            for objective in role.objectives:
                held = objectives[(role.id, objective.id)] = next(met)
                points += objective.points if held else 0
            won[role.id] = wins(points, sum(o.points for o in role.objectives))
        ending: int = state[ENDING]
        values = dict(layout.values(state))
        self.result.ends.append(
            EndState(
                layout.ending_ids[ending] if ending >= 0 else "", values, objectives, won, path
            )
        )

    # -- how far it got -----------------------------------------------------------------

    def estimate(self, start: State, frontier: int) -> int:
        """States a complete search would need, projected past ``frontier`` (the lowest
        level not searched to the end) from the tree's branching (``tools.estimate``)."""
        from excomm_sim.tools.estimate import estimate

        return estimate(self, start, self.depths, frontier)


def explore(
    scenario: Scenario, max_states: int = DEFAULT_MAX_STATES, samples: int = DEFAULT_SAMPLES
) -> Exploration:
    """Explore every reachable state of ``scenario`` up to ``max_states`` distinct states;
    past the bound, play ``samples`` sampled games for coverage."""
    return Explorer(scenario, max_states, samples).run()
