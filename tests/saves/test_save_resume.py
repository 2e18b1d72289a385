"""Loading is replaying: round trips, foreign saves, and scenarios edited since the save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from excomm_sim.engine.moves import Action
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.saves import SaveError, read_save, resume, with_actions, write_save
from excomm_sim.scenario.model import Scenario
from saves.conftest import NOW, SEED, PlayFn, last_offered, play_actions


def uninterrupted(scenario: Scenario, humans: dict[str, str], actions: list[Action]) -> GameState:
    return Autopilot(scenario).replay(SEED, humans, actions)


def test_save_load_continue_equals_an_uninterrupted_game(
    tmp_path: Path, standoff: Scenario, played: PlayFn
) -> None:
    humans = {"governor": "Ann", "envoy": "Bo"}
    full = play_actions(standoff, humans, last_offered)
    first_part = played(humans, last_offered, limit=3)
    write_save(tmp_path / "game.json", first_part)

    loaded = resume(read_save(tmp_path / "game.json"), standoff)
    state = loaded.state
    for action in full[3:]:
        state, _ = loaded.autopilot.act(state, action)

    expected = uninterrupted(standoff, humans, full)
    assert state.ending is not None
    assert state == expected
    assert state.log == expected.log


def test_resume_applies_every_action_of_a_matching_save(standoff: Scenario, played: PlayFn) -> None:
    save = played()
    resumed = resume(save, standoff)
    assert (resumed.applied, resumed.problem, resumed.scenario_changed) == (
        len(save.actions),
        None,
        False,
    )
    assert resumed.state.ending is not None


def test_save_for_another_scenario_is_a_foreign_save(standoff: Scenario, played: PlayFn) -> None:
    save = attrs.evolve(played(), scenario_id="meeting19")
    with pytest.raises(SaveError, match="this save is for scenario 'meeting19', not 'standoff'"):
        resume(save, standoff)


def test_save_with_players_in_unknown_roles_is_refused(standoff: Scenario, played: PlayFn) -> None:
    save = attrs.evolve(played(), humans={"nobody": "Ann"})
    with pytest.raises(SaveError, match="roles the scenario does not have: nobody"):
        resume(save, standoff)


def test_edited_scenario_replays_up_to_the_first_decision_that_no_longer_fits(
    standoff: Scenario,
    played: PlayFn,
    edited_standoff: Callable[[str, str], Scenario],
) -> None:
    save = played()  # talk, demand, order_out
    assert [action.option for action in save.actions][:2] == ["talk", "demand"]
    edited = edited_standoff("      - id: demand\n", "      - id: insist\n")

    resumed = resume(save, edited)

    assert resumed.applied == 1
    assert resumed.scenario_changed
    assert resumed.problem is not None
    assert "scenario was changed since this game was saved" in resumed.problem
    assert "decision 2 of 3 no longer fits" in resumed.problem
    assert "'demand'" in resumed.problem
    assert "“Inspection”" in resumed.problem
    assert resumed.state.current == "inspection"


def test_edited_scenario_whose_decisions_all_still_fit_replays_fully(
    played: PlayFn, edited_standoff: Callable[[str, str], Scenario]
) -> None:
    save = played()
    edited = edited_standoff("bio: A careful governor.", "bio: A very careful governor.")
    resumed = resume(save, edited)
    assert (resumed.applied, resumed.problem, resumed.scenario_changed) == (3, None, True)


def test_action_that_does_not_fit_an_unchanged_scenario_is_reported(
    standoff: Scenario, played: PlayFn
) -> None:
    save = played()
    damaged = with_actions(save, [save.actions[0], Action("admiral", "demand")], NOW)
    resumed = resume(damaged, standoff)
    assert resumed.applied == 1
    assert resumed.problem is not None
    assert resumed.problem.startswith("the save does not match this scenario")
    assert "not admiral's" in resumed.problem


def test_actions_after_the_end_are_reported(standoff: Scenario, played: PlayFn) -> None:
    save = played()
    longer = with_actions(save, [*save.actions, Action("governor", "talk")], NOW)
    resumed = resume(longer, standoff)
    assert resumed.applied == len(save.actions)
    assert resumed.problem is not None
    assert "after the game had ended" in resumed.problem


def test_scenario_expression_failing_during_replay_is_reported_not_raised(
    played: PlayFn, edited_standoff: Callable[[str, str], Scenario]
) -> None:
    save = played()
    broken = edited_standoff(
        'effects: [ship = "gone", tension -= 10]',
        'effects: [ship = "gone", tension -= 10 / (trust - trust)]',
    )
    resumed = resume(save, broken)
    assert resumed.applied == 2
    assert resumed.problem is not None
    assert resumed.problem.startswith("the scenario failed while replaying decision 3 of 3")
