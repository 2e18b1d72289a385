"""Hypothesis drives random legal play through real scenarios and checks the invariants.

For any seed, any set of human roles and any legal choices: variables stay inside their
bounds and enum sets, every change has a cause, the game ends within the scenario's
decision count, and the same seed and actions always give the same state and log.
"""

from __future__ import annotations

from collections.abc import Mapping

import hypothesis.strategies as st
from attrs import frozen
from hypothesis import HealthCheck, given, settings

from engine.games import NAMES, load
from excomm_sim.engine.events import Cause, GameEnded, VariableChanged
from excomm_sim.engine.moves import Action, Draw
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Value, Variable, VariableKind


@frozen
class Playthrough:
    pilot: Autopilot
    seed: int
    humans: Mapping[str, str]
    actions: list[Action]
    state: GameState


@st.composite
def playthroughs(draw: st.DrawFn) -> Playthrough:
    scenario = load(draw(st.sampled_from(NAMES)))
    role_ids = [role.id for role in scenario.roles]
    seats = draw(st.lists(st.sampled_from(role_ids), unique=True, max_size=3))
    humans = {role: f"Player {n}" for n, role in enumerate(seats)}
    pilot = Autopilot(scenario)
    seed = draw(st.integers(min_value=0, max_value=2**64 - 1))
    state, _ = pilot.start(seed, humans)
    actions: list[Action] = []
    limit = len(scenario.decisions) * max(1, len(humans))
    while (legal := pilot.rules.legal_actions(state)) and len(actions) <= limit:
        action = legal[draw(st.integers(min_value=0, max_value=len(legal) - 1))]
        assert not isinstance(action, Draw), "the autopilot draws chance itself"
        actions.append(action)
        state, _ = pilot.act(state, action)
    return Playthrough(pilot, seed, humans, actions, state)


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
def test_every_game_ends_within_the_decision_count(run: Playthrough) -> None:
    state = run.state
    assert state.ending is not None
    assert state.turn <= len(run.pilot.scenario.decisions)
    assert isinstance(state.log[-1], GameEnded)


@PLAY
@given(playthroughs())
def test_variables_stay_inside_their_bounds_and_sets(run: Playthrough) -> None:
    state = run.state
    variables = {v.id: v for v in run.pilot.scenario.variables}
    for values in (*state.timeline, state.values):
        assert set(values) == set(variables)
        for variable_id, value in values.items():
            assert inside(variables[variable_id], value), (variable_id, value)


@PLAY
@given(playthroughs())
def test_every_change_has_a_cause_of_its_turn(run: Playthrough) -> None:
    for record in run.state.log:
        if isinstance(record, VariableChanged):
            assert isinstance(record.cause, Cause)
            assert record.cause.turn == record.turn
            assert record.old != record.new
            assert record.cause.text


@PLAY
@given(playthroughs())
def test_equal_seed_and_actions_give_equal_state_and_log(run: Playthrough) -> None:
    fresh = Autopilot(run.pilot.scenario)
    assert fresh.replay(run.seed, run.humans, run.actions) == run.state
    assert run.pilot.replay(run.seed, run.humans, run.actions).log == run.state.log


@PLAY
@given(playthroughs())
def test_timeline_has_one_entry_per_decision_taken(run: Playthrough) -> None:
    state = run.state
    assert len(state.timeline) == state.turn + 1
    assert len(state.choices) == state.turn
    assert state.timeline[-1] == state.values
