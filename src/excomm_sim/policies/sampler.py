"""Chance, drawn from the game's seed: the n-th outcome of a game is a pure function of
(seed, n, weights), so replaying a game's moves from its seed draws the same outcomes.

The stream is splitmix64 (``engine.chance``): the n-th draw of a game reads the n-th value
after the seed's mixed start, and maps it onto the weights with one multiply-shift. This
is the stream every saved game was played with, so old saves replay unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from excomm_sim.engine import chance
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Draw
from excomm_sim.engine.state import GameState

__all__ = [
    "Rigged",
    "Sampler",
    "draw_index",
    "sample",
]

_GAMMA = 0x9E3779B97F4A7C15
_MASK = chance.MASK64


def draw_index(seed: int, draws: int, weights: Sequence[int]) -> int:
    """The outcome index of draw number ``draws`` (0-based) of the game seeded ``seed``."""
    state = (chance.seed_state(seed) + draws * _GAMMA) & _MASK
    index, _ = chance.pick(state, weights)
    return index


def sample(rules: Rules, state: GameState) -> Draw:
    """Chance's move at the chance node ``state`` waits at."""
    weights = rules.chance_weights(state)
    layout = rules.layout
    k: int = state.slots[layout.CURRENT]
    option: int = state.slots[layout.OPTION]
    index = draw_index(state.seed, state.draws, weights)
    return Draw(layout.outcome_ids[k][option][index])


Sampler = Callable[[Rules, GameState], Draw]
"""What answers for chance: the seeded ``sample``, or an author's ``Rigged``."""


class Rigged:
    """Chance as the seed draws it, except where the author forced an outcome (author mode).

    ``force(decision, option, outcome)`` makes the next draw of that option's chance node
    give ``outcome``; once drawn, it is remembered by its draw number, so replaying the
    game (after the author edits the file) draws it again at the same point. The rules
    never know: they see an ordinary ``Draw``.
    """

    def __init__(self) -> None:
        self.forced: dict[tuple[str, str], str] = {}
        """(decision, option) -> the outcome its next draw gives."""
        self.drawn: dict[int, str] = {}
        """Draw number -> the forced outcome it gave."""

    def force(self, decision: str, option: str, outcome: str) -> None:
        self.forced[(decision, option)] = outcome

    def __call__(self, rules: Rules, state: GameState) -> Draw:
        outcomes = dict(rules.chance_outcomes(state))
        earlier = self.drawn.get(state.draws)
        if earlier is not None and earlier in outcomes:
            return Draw(earlier)
        key = (state.current or "", state.chance_option or "")
        outcome = self.forced.pop(key, None)
        if outcome is not None and outcome in outcomes:
            self.drawn[state.draws] = outcome
            return Draw(outcome)
        return sample(rules, state)
