"""How many states a complete search of a scenario would need, when the bound stopped it.

The explorer counts the distinct states it found at each *level* (the decision on the
table, by its index; the end of the game is the last level). When the bound stops it,
the levels below the frontier are complete (every state there was found), and the rest
are not. The estimate keeps those exact counts and projects the others:

- **How the game tree branches beyond the frontier**, from random walks down it
  (Knuth's estimator, "Estimating the efficiency of backtrack programs", 1975): a walk
  takes a uniformly random option or outcome at each node and carries the product of the
  branching factors it met; averaged over walks, that product at a level is an unbiased
  estimate of the number of paths reaching it. A decision with one option, a skipped
  decision or an early ending shows in it as it is, level by level.
- **How much of that branching is new states**: paths that reach the same state are one
  state. The share kept (states found over paths, level on level) is measured on the last
  two complete levels and carried forward.

So the projection follows the scenario's own shape, and agrees with the exact count
wherever the search could finish (tests hold it to that on the bundled and fixture
scenarios). It is rough by nature: when many different choices add up to the same values,
ever more paths meet as the game goes on, and the projection then runs high. It tells "a
little more than the bound" from "more than any computer could list", which is what an
author needs to choose between raising ``--max-states`` and trusting sampled games.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from excomm_sim.engine import turns
from excomm_sim.engine.layout import CHANCE, CURRENT, ENDED, STAGE

if TYPE_CHECKING:
    from excomm_sim.tools.explore import Explorer

WALKS = 300
"""Random walks down the game tree per estimate (about 0.1 s on meeting 19)."""

CEILING = 10**30
"""Estimates are capped here: past it, the number says nothing more."""

State = tuple[Any, ...]


def level(state: State, decisions: int) -> int:
    """A state's level: the index of the decision on the table, or ``decisions`` at the end."""
    return decisions if state[STAGE] == ENDED else int(state[CURRENT])


def paths_per_level(explorer: Explorer, start: State, walks: int = WALKS) -> dict[int, float]:
    """Knuth's estimate of how many paths of the game tree reach each level."""
    rng = random.Random(0)  # a private generator: the estimate is repeatable
    program = explorer.program
    decisions = len(explorer.layout.decision_ids)
    totals: dict[int, float] = {}
    for _ in range(walks):
        state, weight = start, 1.0
        while True:
            here = level(state, decisions)
            totals[here] = totals.get(here, 0.0) + weight
            if state[STAGE] == ENDED:
                break
            if state[STAGE] == CHANCE:
                weights = turns.chance_weights(program, state)
                choices = [o for o, w in enumerate(weights) if w > 0] or list(range(len(weights)))
            else:
                choices = list(program.offered[state[CURRENT]](state))
            if not choices:
                break
            weight *= len(choices)
            s = list(state)
            try:
                turns.run(program, s, None, explorer.branch(rng.choice(choices)))
            except Exception:  # a fault on this path: the search reports it; the walk stops
                break
            state = tuple(s)
    return {k: total / walks for k, total in totals.items() if total > 0}


def project(found: Mapping[int, int], paths: Mapping[int, float], frontier: int) -> int:
    """The states a complete search needs: ``found`` (distinct states per level) is exact
    below ``frontier`` and a lower bound from it on; ``paths`` is the tree's branching."""
    total = sum(count for k, count in found.items() if k < frontier)
    complete = [k for k in sorted(paths) if k < frontier and found.get(k)]
    levels = sorted(k for k in paths if k >= frontier)
    if not complete:
        beyond = sum(paths[k] for k in levels)
        return int(min(max(total + beyond, sum(found.values()) + 1), CEILING))
    kept = 1.0
    if len(complete) >= 2:
        before, last = complete[-2], complete[-1]
        growth = found[last] / found[before]
        kept = min(1.0, growth / (paths[last] / paths[before]))
    previous = complete[-1]
    size = float(found[previous])
    estimate = float(total)
    for k in levels:
        size *= paths[k] / paths[previous] * kept
        previous = k
        estimate += max(float(found.get(k, 0)), size)
        if estimate > CEILING:
            break
    return int(min(max(estimate, sum(found.values()) + 1), CEILING))


def estimate(explorer: Explorer, start: State, found: Mapping[int, int], frontier: int) -> int:
    """About how many states a complete search of ``explorer``'s scenario needs."""
    return project(found, paths_per_level(explorer, start), frontier)
