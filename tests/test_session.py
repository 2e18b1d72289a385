"""GameSession: the engine driven for a shell, autosaved after every decision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from excomm_sim.engine.moves import Action, IllegalAction
from excomm_sim.saves import list_saves, read_save
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.session import GameSession

TINY = Path(__file__).parent / "tui" / "data" / "tiny.yaml"


def clock() -> dt.datetime:
    return dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture
def scenario() -> Scenario:
    return load_path(TINY)


def new_session(scenario: Scenario, saves: Path | None, humans: dict[str, str]) -> GameSession:
    return GameSession.new(scenario, 7, humans, saves, clock=clock)


def first_offered(session: GameSession) -> Action:
    role = session.to_act.role
    assert role is not None
    item = session.observe(role).item
    assert item is not None
    return Action(role, item.offered[0].id)


def test_a_new_session_writes_no_save_before_its_first_move(
    scenario: Scenario, tmp_path: Path
) -> None:
    """A game quit before any decision leaves nothing to continue (issue 15, item 14)."""
    session = new_session(scenario, tmp_path, {"mayor": "Ann"})
    assert session.path is None
    assert list(tmp_path.iterdir()) == []


def test_a_new_session_is_saved_at_its_first_move(scenario: Scenario, tmp_path: Path) -> None:
    session = new_session(scenario, tmp_path, {"mayor": "Ann"})
    session.act(first_offered(session))
    assert session.path is not None
    assert list_saves(tmp_path) == [session.path]
    assert read_save(session.path).humans == {"mayor": "Ann"}


def test_each_action_is_in_the_save_right_after_it(scenario: Scenario, tmp_path: Path) -> None:
    session = new_session(scenario, tmp_path, {"mayor": "Ann"})
    action = first_offered(session)
    session.act(action)
    assert session.path is not None
    assert tuple(read_save(session.path).actions) == (action,)


def test_act_returns_the_records_of_that_step_only(scenario: Scenario) -> None:
    session = new_session(scenario, None, {"mayor": "Ann"})
    before = len(session.records)
    records = session.act(first_offered(session))
    assert records
    assert session.records[before:] == records


def test_without_a_saves_folder_nothing_is_written(scenario: Scenario, tmp_path: Path) -> None:
    session = new_session(scenario, None, {"mayor": "Ann"})
    session.act(first_offered(session))
    assert session.path is None
    assert list(tmp_path.iterdir()) == []


def test_an_illegal_action_changes_nothing(scenario: Scenario, tmp_path: Path) -> None:
    session = new_session(scenario, tmp_path, {"mayor": "Ann"})
    state = session.state
    with pytest.raises(IllegalAction):
        session.act(Action("mayor", "no_such_option"))
    assert session.state == state
    assert session.save.actions == ()
    assert list(tmp_path.iterdir()) == []


def test_a_resumed_session_is_where_the_save_left_off(scenario: Scenario, tmp_path: Path) -> None:
    session = new_session(scenario, tmp_path, {"mayor": "Ann"})
    session.act(first_offered(session))
    assert session.path is not None
    resumed = GameSession.resumed(read_save(session.path), scenario, session.path, clock=clock)
    assert resumed.state == session.state
    assert resumed.problem is None


def test_played_to_the_end_the_session_has_an_ending(scenario: Scenario) -> None:
    session = new_session(scenario, None, {"mayor": "Ann"})
    while not session.ended:
        session.act(first_offered(session))
    assert session.to_act.kind == "ended"
    assert session.ending is not None
    assert set(session.scores()) == {role.id for role in scenario.roles}


def test_a_failed_autosave_keeps_the_game_going_and_says_why(tmp_path: Path) -> None:
    """A full disk or a vanished folder must not crash the game or lose its actions."""
    from excomm_sim.paths import bundled_scenario
    from excomm_sim.scenario.load import load_path
    from excomm_sim.session import GameSession

    scenario = load_path(bundled_scenario())
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the saves folder should be")
    session = GameSession.new(scenario, 7, {scenario.president.id: "Ann"}, blocker)
    session.act(first_offered(session))
    assert session.save_problem is not None
    assert session.save_problem.startswith("could not save the game")
    assert len(session.save.actions) == 1


def test_take_back_rewinds_to_the_state_before_the_last_move(
    scenario: Scenario, tmp_path: Path
) -> None:
    session = new_session(scenario, tmp_path, {"mayor": "Ann"})
    session.act(first_offered(session))
    before = session.state
    action = first_offered(session)
    session.act(action)
    assert session.take_back() == action
    assert session.state == before
    assert session.path is not None
    assert len(read_save(session.path).actions) == 1


def test_take_back_with_no_move_made_does_nothing(scenario: Scenario) -> None:
    session = new_session(scenario, None, {"mayor": "Ann"})
    start = session.state
    assert session.take_back() is None
    assert session.state == start
