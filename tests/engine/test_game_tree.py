"""The remembered game tree (``policies.fast.GameTree``) gives exactly the games the plain
turn loop (``turns.play``) gives, for the deterministic strategies ``simulate`` walks it with.
"""

from __future__ import annotations

import functools

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from engine.games import NAMES, fast_game, load
from excomm_sim.engine import turns
from excomm_sim.policies import fast
from excomm_sim.policies.fast import CouncilScores, GameTree, Seats
from excomm_sim.policies.strategies import BASIC_STRATEGIES, names, strategy
from excomm_sim.scenario.model import Scenario

DETERMINISTIC = [
    (name, player) for name in NAMES for player in names(load(name)) if player != "random"
]
"""Every scenario with every strategy that chooses the same way from the same position."""
assert {player for _, player in DETERMINISTIC} >= set(BASIC_STRATEGIES) - {"random"}


def tree(source: Scenario, seat: int, player: str) -> GameTree:
    """A fresh tree for ``player`` in seat ``seat`` (a role index), as simulate builds it."""
    program = turns.program(source, records=False)
    seats = Seats(CouncilScores(program), seat, strategy(player, program))
    return GameTree(program, seats, program.layout.initial(1 << seat))


@functools.cache
def grown(name: str, seat: int, player: str) -> GameTree:
    """One tree per case, shared by every example, so later games walk grown branches."""
    return tree(load(name), seat, player)


def walk(remembered: GameTree, seed: int) -> tuple[object, ...]:
    remembered.seats.reseed(seed)
    return remembered.play(seed)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=st.sampled_from(DETERMINISTIC),
    seat=st.integers(min_value=0, max_value=8),
    seed=st.integers(min_value=0, max_value=2**64 - 1),
)
def test_tree_game_equals_the_turn_loop_game(case: tuple[str, str], seat: int, seed: int) -> None:
    name, player = case
    seat %= len(load(name).roles)
    assert walk(grown(name, seat, player), seed) == fast_game(load(name), seat, player, seed)


@pytest.mark.parametrize("player", ["history", "hawk", "president-stances"])
def test_replaying_a_seed_through_the_grown_tree_gives_the_same_game(player: str) -> None:
    source = load("meeting19")
    remembered = tree(source, 0, player)
    first = [walk(remembered, seed) for seed in range(50)]
    size = remembered.size
    again = [walk(remembered, seed) for seed in range(50)]
    assert first == again == [fast_game(source, 0, player, seed) for seed in range(50)]
    assert remembered.size == size  # the second pass walked only positions already known


def test_tree_is_dropped_and_regrown_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "NODE_LIMIT", 5)
    source = load("meeting19")
    remembered = tree(source, 0, "history")
    root, regrown = None, 0
    for seed in range(30):
        assert walk(remembered, seed) == fast_game(source, 0, "history", seed)
        if remembered.root is not root:
            root, regrown = remembered.root, regrown + 1
        # One game adds at most a node per chance node it draws (one per decision).
        assert remembered.size < fast.NODE_LIMIT + len(source.decisions)
    assert regrown > 1
