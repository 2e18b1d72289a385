"""Hypothesis drives random legal play through real scenarios and checks the invariants.

For any seed, any set of human roles and any legal choices: variables stay inside their
bounds and enum sets, every change has a cause, the game ends within the scenario's
decision count, and the same seed and actions always give the same state and log.
"""

from __future__ import annotations

import functools

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from engine.scenarios import generated
from excomm_sim.engine.events import Cause, GameEnded, VariableChanged
from excomm_sim.engine.game import Action, Game
from excomm_sim.engine.state import GameState
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario, Value, Variable, VariableKind

SCENARIOS = ["meeting19", "school_budget", "generated"]


@functools.cache
def load(name: str) -> Scenario:
    if name == "generated":
        return generated()
    return load_path(bundled_scenario(name))


@st.composite
def playthroughs(draw: st.DrawFn) -> tuple[Game, int, list[Action], GameState]:
    scenario = load(draw(st.sampled_from(SCENARIOS)))
    role_ids = [role.id for role in scenario.roles]
    humans = draw(st.lists(st.sampled_from(role_ids), unique=True, max_size=3))
    game = Game(scenario, {role: f"Player {n}" for n, role in enumerate(humans)})
    seed = draw(st.integers(min_value=0, max_value=2**64 - 1))
    state, _ = game.start(seed)
    actions = []
    limit = len(scenario.decisions) * max(1, len(humans))
    while (legal := game.legal_actions(state)) and len(actions) <= limit:
        action = legal[draw(st.integers(min_value=0, max_value=len(legal) - 1))]
        actions.append(action)
        state, _ = game.step(state, action)
    return game, seed, actions, state


def inside(variable: Variable, value: Value) -> bool:
    if variable.kind is VariableKind.INT:
        assert variable.minimum is not None and variable.maximum is not None
        return isinstance(value, int) and variable.minimum <= value <= variable.maximum
    if variable.kind is VariableKind.BOOL:
        return isinstance(value, bool)
    return value in variable.values


PLAY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PLAY
@given(playthroughs())
def test_every_game_ends_within_the_decision_count(
    run: tuple[Game, int, list[Action], GameState],
) -> None:
    game, _, _, state = run
    assert state.ending is not None
    assert state.turn <= len(game.scenario.decisions)
    assert isinstance(state.log[-1], GameEnded)


@PLAY
@given(playthroughs())
def test_variables_stay_inside_their_bounds_and_sets(
    run: tuple[Game, int, list[Action], GameState],
) -> None:
    game, _, _, state = run
    variables = {v.id: v for v in game.scenario.variables}
    for values in (*state.timeline, state.values):
        assert set(values) == set(variables)
        for variable_id, value in values.items():
            assert inside(variables[variable_id], value), (variable_id, value)


@PLAY
@given(playthroughs())
def test_every_change_has_a_cause_of_its_turn(
    run: tuple[Game, int, list[Action], GameState],
) -> None:
    _, _, _, state = run
    for record in state.log:
        if isinstance(record, VariableChanged):
            assert isinstance(record.cause, Cause)
            assert record.cause.turn == record.turn
            assert record.old != record.new
            assert record.cause.text


@PLAY
@given(playthroughs())
def test_equal_seed_and_actions_give_equal_state_and_log(
    run: tuple[Game, int, list[Action], GameState],
) -> None:
    game, seed, actions, state = run
    fresh = Game(game.scenario, game.humans)
    assert fresh.play(seed, actions) == state
    assert game.play(seed, actions).log == state.log


@PLAY
@given(playthroughs())
def test_timeline_has_one_entry_per_decision_taken(
    run: tuple[Game, int, list[Action], GameState],
) -> None:
    _, _, _, state = run
    assert len(state.timeline) == state.turn + 1
    assert len(state.choices) == state.turn
    assert state.timeline[-1] == state.values
