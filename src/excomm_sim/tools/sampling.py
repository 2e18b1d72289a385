"""Sampled games for a scenario too big to explore exhaustively: coverage, not proof.

Past the exhaustive search's bound, the explorer plays games that take, half the time, an
option taken least so far and otherwise any offered option, with chance drawn by its
weights each game. They reach every branch that is reasonably reachable within a second
or two, and they report run-time faults and dead ends with the path that found them; they
prove nothing about what they did not reach, so the exploration stays marked incomplete.

Each game is one call of the kernel without records (``turns.play``). What it covered is
read off the slots as the explorer reads a search step, and the kernel tells the agent
which delayed consequences landed.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from excomm_sim.engine import turns
from excomm_sim.engine.layout import CURSOR, Slots
from excomm_sim.engine.turns import Agent
from excomm_sim.scenario.expr import EvalError
from excomm_sim.tools.explored import Failure, Step

if TYPE_CHECKING:
    from excomm_sim.tools.explore import Explorer, State


class Sampler(Agent):
    """The agent of sampled games: the least-taken option half the time, chance by weight;
    it keeps the path, and a copy of the state before each decision after which delayed
    consequences fall due."""

    def __init__(self, explorer: Explorer, rng: random.Random) -> None:
        self.explorer = explorer
        self.rng = rng
        self.layout = explorer.layout
        self.path: list[Step] = []
        self.cursor = 0
        """Where the last decision left the agenda (skips after it are dead-end checks)."""
        self.all_offered: set[int] = set()
        """Decisions whose every option has been seen on offer."""

    def start(self, state: State) -> None:
        self.path = []
        self.cursor = state[CURSOR]

    def recommend(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        return offered[0]  # pragma: no cover - nobody is seated, so nobody recommends

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        explorer = self.explorer
        if self.cursor < k:
            explorer.note_skips((), s, self.path, start=self.cursor)
        self.cursor = k + 1
        decision = self.layout.decision_ids[k]
        options = self.layout.option_ids[k]
        taken = explorer.taken
        if k not in self.all_offered:
            seen = explorer.result.offered
            seen.update((decision, options[j]) for j in offered)
            if all((decision, option) in seen for option in options):
                self.all_offered.add(k)
        choices = list(offered)
        if self.rng.random() < 0.5:  # cover first, then mix
            fewest = min(taken[(decision, options[j])] for j in choices)
            choices = [j for j in choices if taken[(decision, options[j])] == fewest]
        option = self.rng.choice(choices)
        taken[(decision, options[option])] += 1
        self.path.append(Step(decision, options[option]))
        return option

    def draw(self, s: Slots, k: int, weights: list[int]) -> int:
        cleaned = [weight if weight > 0 else 0 for weight in weights]
        if not any(cleaned):
            cleaned = [1] * len(cleaned)
        outcome = self.rng.choices(range(len(cleaned)), cleaned)[0]
        last = self.path[-1]
        outcomes = self.layout.outcome_ids[k][self.layout.option_ids[k].index(last.option)]
        self.path[-1] = Step(last.decision, last.option, outcomes[outcome])
        return outcome

    def landed(self, k: int, j: int, i: int, held: bool) -> None:
        if held:
            layout = self.layout
            self.explorer.result.landed.add((layout.decision_ids[k], layout.option_ids[k][j], i))


def sample(explorer: Explorer, start: State) -> None:
    """Play sampled games from the start, favouring the least-taken options."""
    rng = random.Random(0)  # a private generator: the check is repeatable
    program = explorer.program
    agent = Sampler(explorer, rng)
    result = explorer.result
    for _ in range(explorer.samples):
        result.samples += 1
        s: list[Any] = list(start)
        agent.start(start)
        try:
            turns.play(program, s, agent)
        except EvalError as error:
            path = tuple(agent.path)
            result.failures.append(Failure(path, path[-1].decision if path else None, str(error)))
            continue
        final = tuple(s)
        path = tuple(agent.path)
        explorer.note_skips((), final, path, start=agent.cursor)
        explorer.covered(final)
        explorer.record_end(final, path)
