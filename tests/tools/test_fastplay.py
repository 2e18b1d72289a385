"""fastplay: the internal fast path reaches exactly the states the public API reaches."""

from __future__ import annotations

import random

import pytest

from excomm_sim.engine.game import Game
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.tools import fastplay
from excomm_sim.tools.simulate import strategy

from .conftest import load_fixture


def _outcome(state):  # type: ignore[no-untyped-def]
    return (
        dict(state.values),
        state.choices,
        state.ending,
        state.fired,
        state.turn,
        state.day,
        state.pending,
        state.rng,
        state.log,
    )


@pytest.mark.parametrize("name", ["meeting19", "school_budget"])
@pytest.mark.parametrize("strategy_name", ["random", "history", "hawk"])
def test_fast_path_matches_public_steps(name: str, strategy_name: str) -> None:
    scenario = load_path(bundled_scenario(name))
    seat = scenario.president.id
    game = Game(scenario, {seat: "sim"})
    choose = strategy(strategy_name, scenario)
    for seed in range(25):
        start, _ = game.start(seed)
        fast = fastplay.play_out(game, start, seat, choose, random.Random(seed))
        public = fastplay.play_out_public(game, start, seat, choose, random.Random(seed))
        assert _outcome(fast) == _outcome(public)


def test_a_seat_that_only_advises_is_played_through_the_public_api() -> None:
    scenario = load_fixture("clean")
    game = Game(scenario, {"hawk": "sim"})
    choose = strategy("random", scenario)
    start, _ = game.start(1)
    state = fastplay.play_out(game, start, "hawk", choose, random.Random(1))
    assert state.ending is not None
    assert [r.role for r in state.log if type(r).__name__ == "Recommended" and r.human]


def test_missing_internals_fall_back_to_the_public_api(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = load_fixture("clean")
    game = Game(scenario, {"chair": "sim"})
    monkeypatch.setattr(fastplay, "_internals_available", lambda game: False)
    start, _ = game.start(3)
    choose = strategy("history", scenario)
    state = fastplay.play_out(game, start, "chair", choose, random.Random(3))
    assert state.ending is not None


@pytest.mark.parametrize("name", ["meeting19", "school_budget"])
def test_advance_matches_game_step(name: str) -> None:
    scenario = load_path(bundled_scenario(name))
    humans = {role.id: role.id for role in scenario.roles}  # every seat acts: both kinds
    game = Game(scenario, humans)
    rng = random.Random(5)
    for seed in range(10):
        state, _ = game.start(seed)
        while not state.ended:
            action = rng.choice(game.legal_actions(state))
            fast = fastplay.advance(game, state, action.role, action.option)
            public = game.step(state, action)
            assert _outcome(fast[0]) == _outcome(public[0])
            assert fast[1] == public[1]
            state = public[0]
