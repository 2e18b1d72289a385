"""The remembered game tree gives exactly the games the plain turn loop gives."""

from __future__ import annotations

import functools

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from engine.scenarios import generated
from excomm_sim.engine import autoplay
from excomm_sim.engine.game import Game
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario


@functools.cache
def games(name: str) -> tuple[Game, Game]:
    scenario: Scenario = generated() if name == "generated" else load_path(bundled_scenario(name))
    return Game(scenario), Game(scenario, memo=False)


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(["meeting19", "school_budget", "generated"]),
    seed=st.integers(min_value=0, max_value=2**64 - 1),
)
def test_tree_game_equals_the_turn_loop_game(name: str, seed: int) -> None:
    remembered, plain = games(name)
    assert remembered.start(seed) == plain.start(seed)


def test_replaying_a_seed_through_the_grown_tree_gives_the_same_game() -> None:
    remembered, plain = games("meeting19")
    first = [remembered.start(seed)[0] for seed in range(50)]
    again = [remembered.start(seed)[0] for seed in range(50)]
    assert first == again == [plain.start(seed)[0] for seed in range(50)]


def test_tree_is_dropped_and_regrown_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autoplay, "NODE_LIMIT", 5)
    scenario = load_path(bundled_scenario("meeting19"))
    remembered, plain = Game(scenario), Game(scenario, memo=False)
    for seed in range(30):
        assert remembered.start(seed) == plain.start(seed)
    assert remembered._autoplay is not None and remembered._autoplay.size <= 25


def test_games_with_a_human_do_not_use_the_tree() -> None:
    scenario = load_path(bundled_scenario("meeting19"))
    assert Game(scenario, {"president": "Ann"})._autoplay is None
