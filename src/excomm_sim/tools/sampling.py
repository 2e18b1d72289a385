"""Sampled games for a scenario too big to explore exhaustively: coverage, not proof.

Past the exhaustive search's bound, the explorer plays games that take, half the time, an
option taken least so far and otherwise any offered option, with fresh chance draws each
game. They reach every branch that is reasonably reachable within a second or two, and they
report run-time faults and dead ends with the path that found them; they prove nothing
about what they did not reach, so the exploration stays marked incomplete.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from excomm_sim.engine.events import ChanceResolved
from excomm_sim.engine.game import Action
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Decision, Option, Value
from excomm_sim.tools.explored import DeadEnd, Failure, Step

if TYPE_CHECKING:
    from excomm_sim.tools.explore import Explorer

MAX_SAMPLE_MOVES = 10_000
"""Guard against a game that never ends (an engine fault)."""


def sample(explorer: Explorer, start: GameState) -> None:
    """Play sampled games from the start, favouring the least-taken options."""
    rng = random.Random(0)  # a private generator: the check is repeatable
    if explorer.sole_decider is not None:
        _sample_fast(explorer, start, rng)
        return
    for _ in range(explorer.samples):
        explorer.result.samples += 1
        state = start
        path: tuple[Step, ...] = ()
        for _ in range(MAX_SAMPLE_MOVES):
            turn = explorer.turn(state)
            if turn is None:
                explorer.record_end(state, path)
                break
            kind, role, decision, offered = turn
            if not offered:
                explorer.result.dead_ends.append(DeadEnd(path, decision))
                break
            if kind == "recommend":
                option = offered[0]
            else:
                option = _least_taken(explorer, decision, offered, rng)
                explorer.result.offered.update((decision, o.id) for o in offered)
                explorer.taken[(decision, option.id)] += 1
            if option.chance is not None:
                state = attrs.evolve(state, rng=rng.getrandbits(64))
            step = Step(decision, option.id, recommend=kind == "recommend")
            child = explorer.step(state, Action(role, option.id), path, step, decision)
            if child is None:
                break
            state, records = child
            outcome = next((r.outcome for r in records if isinstance(r, ChanceResolved)), None)
            path = (*path, attrs.evolve(step, outcome=outcome) if outcome else step)


def _sample_fast(explorer: Explorer, start: GameState, rng: random.Random) -> None:
    """The same sampling, each game played in one engine call (``Game.play_out``)."""
    result = explorer.result
    chosen: list[Step] = []

    def choose(role: str, at: Decision, env: Mapping[str, Value], offered: Sequence[Option]) -> str:
        decision = at.id
        result.offered.update((decision, option.id) for option in offered)
        option = _least_taken(explorer, decision, list(offered), rng)
        explorer.taken[(decision, option.id)] += 1
        chosen.append(Step(decision, option.id))
        return option.id

    for _ in range(explorer.samples):
        result.samples += 1
        chosen.clear()
        state = attrs.evolve(start, rng=rng.getrandbits(64))
        try:
            end = explorer.game.play_out(state, choose)
        except EvalError as error:
            decision = chosen[-1].decision if chosen else None
            result.failures.append(Failure(tuple(chosen), decision, str(error)))
            continue
        path = tuple(Step(choice.decision, choice.option, choice.outcome) for choice in end.choices)
        explorer.observe(end, end.log, path)
        if end.ending is not None:
            explorer.record_end(end, path)


def _least_taken(
    explorer: Explorer, decision: str, offered: list[Option], rng: random.Random
) -> Option:
    """Half the time an option taken least so far, otherwise any: cover, then mix."""
    if rng.random() < 0.5:
        fewest = min(explorer.taken[(decision, option.id)] for option in offered)
        offered = [o for o in offered if explorer.taken[(decision, o.id)] == fewest]
    return rng.choice(offered)
