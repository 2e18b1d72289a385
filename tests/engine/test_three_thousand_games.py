"""The explaining kernel and the fast path are the same rules: 3,000 random games of
meeting 19 played both ways end alike (endings, final values, scores) and tally alike."""

from __future__ import annotations

import pytest

from engine.games import load, stepped_game
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.state import GameState
from excomm_sim.tools.simulate import SimulationSpec, Simulator, game_seed

GAMES = 3_000


@pytest.mark.slow
def test_three_thousand_random_games_are_the_same_with_and_without_records() -> None:
    scenario = load("meeting19")
    simulator = Simulator(scenario, SimulationSpec("random", seed=1962))
    seat = simulator.program.layout.role_index[scenario.president.id]
    fast = [simulator.play(index) for index in range(GAMES)]
    stepped = [
        stepped_game(scenario, seat, "random", game_seed(1962, index)) for index in range(GAMES)
    ]
    assert all(state.log for state in stepped)  # these games kept their records
    layout = simulator.program.layout
    mismatched = [
        index for index, (f, s) in enumerate(zip(fast, stepped, strict=True)) if f != s.slots
    ]
    assert mismatched == []
    rules = Rules(scenario)
    for final, state in zip(fast[:300], stepped[:300], strict=True):
        assert rules.scores(GameState(0, final, layout)) == rules.scores(state)
    assert simulator.tally(fast) == simulator.tally([s.slots for s in stepped])
    assert len({state.ending for state in stepped}) >= 6  # the games really differ
