"""Where a saved game stands (item, date, ending), which one Continue resumes, and its words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from excomm_sim.saves import SaveError, branch, delete_save, rename_save, write_save
from excomm_sim.saves.format import SaveGame, with_actions
from excomm_sim.saves.summary import ScenarioCache, latest_unfinished, summarize, summarize_saves
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.saved import continue_text, row_lines
from saves.conftest import FIXTURES, NOW, PlayFn

LATER = NOW + dt.timedelta(hours=1)
LATEST = NOW + dt.timedelta(hours=2)


def stamped(save: SaveGame, when: dt.datetime) -> SaveGame:
    """The same save, last played at ``when`` (Continue orders games by it)."""
    return with_actions(save, save.actions, when)


def cache() -> ScenarioCache:
    return ScenarioCache([FIXTURES])


def test_a_half_played_game_says_its_item_and_date(played: PlayFn, tmp_path: Path) -> None:
    path = tmp_path / "half.json"
    write_save(path, played(limit=1))
    summary = summarize(path, cache())
    assert (summary.item, summary.date, summary.finished) == (2, dt.date(1962, 11, 4), False)
    assert summary.problem == ""


def test_a_finished_game_names_its_ending(played: PlayFn, tmp_path: Path) -> None:
    path = tmp_path / "done.json"
    write_save(path, played())
    summary = summarize(path, cache())
    assert summary.finished and summary.ending is not None
    assert f"finished: {summary.ending.title}" in row_lines(summary)[1]


def test_continue_skips_a_game_with_no_move_and_a_finished_game(
    played: PlayFn, tmp_path: Path
) -> None:
    """Issue 15 item 14: Continue picked a 0-move game over a half-played one."""
    write_save(tmp_path / "half.json", stamped(played(limit=1), NOW))
    write_save(tmp_path / "done.json", stamped(played(), LATER))
    write_save(tmp_path / "empty.json", stamped(played(limit=0), LATEST))
    latest = latest_unfinished(tmp_path, cache())
    assert latest is not None and latest.path.name == "half.json"


def test_continue_picks_the_most_recently_played_of_two_unfinished_games(
    played: PlayFn, tmp_path: Path
) -> None:
    write_save(tmp_path / "older.json", stamped(played(limit=2), LATEST))
    write_save(tmp_path / "newer.json", stamped(played(limit=1), LATER))
    latest = latest_unfinished(tmp_path, cache())
    assert latest is not None and latest.path.name == "older.json"


def test_there_is_nothing_to_continue_when_every_game_is_finished(
    played: PlayFn, tmp_path: Path
) -> None:
    write_save(tmp_path / "done.json", played())
    assert latest_unfinished(tmp_path, cache()) is None


def test_continue_names_the_scenario_seat_item_and_date(played: PlayFn, tmp_path: Path) -> None:
    """Issue 15 item 13: the title said "Continue (meeting19-20261201-214252.json)"."""
    path = tmp_path / "half.json"
    write_save(path, played(limit=1))
    assert continue_text(summarize(path, cache())) == (
        "Continue: Harbour Standoff (test) as Vale, item 2, Sunday 4 November 1962"
    )


def test_the_load_list_entry_names_players_standing_and_branch(
    played: PlayFn, tmp_path: Path
) -> None:
    source = played(humans={"governor": "Ann", "admiral": "Ben"}, limit=2)
    write_save(tmp_path / "source.json", source)
    write_save(tmp_path / "branch.json", branch(source, "source.json", 1, LATER))
    lines = row_lines(summarize(tmp_path / "branch.json", cache()))
    assert lines[0] == "Harbour Standoff (test) · Vale: Ann; Stone: Ben"
    assert lines[1].startswith("item 1, Saturday 3 November 1962 · unfinished · 1 move")
    assert lines[-1] == "branch of source.json at move 1"


def test_a_save_whose_scenario_is_missing_is_listed_with_why(
    played: PlayFn, tmp_path: Path
) -> None:
    write_save(tmp_path / "lost.json", played(limit=1))
    (summary,) = summarize_saves(tmp_path, ScenarioCache())
    assert summary.problem == "its scenario 'standoff' was not found"
    assert row_lines(summary)[-1] == "cannot be opened: its scenario 'standoff' was not found"


def test_rename_moves_the_save_to_its_new_name(played: PlayFn, tmp_path: Path) -> None:
    write_save(tmp_path / "old.json", played(limit=1))
    target = rename_save(tmp_path / "old.json", "Ann's game")
    assert target == tmp_path / "Ann's game.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Ann's game.json"]


def test_rename_never_overwrites_another_save(played: PlayFn, tmp_path: Path) -> None:
    write_save(tmp_path / "a.json", played(limit=1))
    write_save(tmp_path / "b.json", played(limit=2))
    before = (tmp_path / "b.json").read_bytes()
    with pytest.raises(SaveError, match="exists already"):
        rename_save(tmp_path / "a.json", "b")
    assert (tmp_path / "b.json").read_bytes() == before
    assert (tmp_path / "a.json").is_file()


def test_rename_refuses_a_name_that_leaves_the_folder(played: PlayFn, tmp_path: Path) -> None:
    write_save(tmp_path / "a.json", played(limit=1))
    with pytest.raises(SaveError, match="must not contain /"):
        rename_save(tmp_path / "a.json", "sub/elsewhere")
    assert (tmp_path / "a.json").is_file()


def test_delete_removes_the_save_and_refuses_a_folder(played: PlayFn, tmp_path: Path) -> None:
    write_save(tmp_path / "a.json", played(limit=1))
    delete_save(tmp_path / "a.json")
    assert not (tmp_path / "a.json").exists()
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(SaveError, match="is a folder"):
        delete_save(tmp_path / "folder.json")


def test_summaries_load_each_scenario_once(
    played: PlayFn, tmp_path: Path, standoff: Scenario
) -> None:
    for number in range(3):
        write_save(tmp_path / f"g{number}.json", played(limit=number))
    scenarios = cache()
    summaries = summarize_saves(tmp_path, scenarios)
    assert len({id(summary.scenario) for summary in summaries}) == 1
