"""The game's own random numbers: splitmix64 as pure functions on an int state.

The generator state lives in ``GameState.rng``, so a game's randomness is part of its
state and replay is exact on any machine and Python version (no ``random`` module, no
global state). Each function takes a state and returns the result with the new state.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "MASK64",
    "below",
    "next",
    "pick",
    "probabilities",
    "seed_state",
]

MASK64 = (1 << 64) - 1
_GOLDEN_GAMMA = 0x9E3779B97F4A7C15
_MIX_1 = 0xBF58476D1CE4E5B9
_MIX_2 = 0x94D049BB133111EB


def seed_state(seed: int) -> int:
    """The generator state for a game seed (any int; taken modulo 2**64).

    The seed is mixed once so that nearby seeds (1, 2, 3...) start far apart.
    """
    value, _ = next(seed & MASK64)
    return value


def next(state: int) -> tuple[int, int]:  # shadows the builtin on purpose: chance.next
    """One splitmix64 step: a 64-bit value and the new state."""
    state = (state + _GOLDEN_GAMMA) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * _MIX_1) & MASK64
    z = ((z ^ (z >> 27)) * _MIX_2) & MASK64
    return z ^ (z >> 31), state


def below(state: int, bound: int) -> tuple[int, int]:
    """A whole number in ``[0, bound)`` (``bound`` >= 1) from one draw.

    Uses the multiply-shift map (value * bound >> 64): one draw per call whatever
    the bound, with a bias below 2**-50 for any bound a scenario can hold.
    """
    value, state = next(state)
    return (value * bound) >> 64, state


def pick(state: int, weights: Sequence[int]) -> tuple[int, int]:
    """The index of a weighted choice among ``weights`` and the new state.

    Negative weights count as 0. If every weight is 0 (or less), every entry is equally
    likely. Always exactly one draw, so the stream of later draws does not depend on
    the weights.
    """
    cleaned = [weight if weight > 0 else 0 for weight in weights]
    total = sum(cleaned)
    if total == 0:
        cleaned = [1] * len(cleaned)
        total = len(cleaned)
    ticket, state = below(state, total)
    for index, weight in enumerate(cleaned):
        if ticket < weight:
            return index, state
        ticket -= weight
    raise AssertionError("unreachable: ticket below the total weight")  # pragma: no cover


def probabilities(weights: Sequence[int]) -> tuple[float, ...]:
    """Each entry's chance under ``pick``'s rules (negatives as 0; all-zero as uniform)."""
    cleaned = [weight if weight > 0 else 0 for weight in weights]
    total = sum(cleaned)
    if total == 0:
        return tuple(1.0 / len(cleaned) for _ in cleaned)
    return tuple(weight / total for weight in cleaned)
