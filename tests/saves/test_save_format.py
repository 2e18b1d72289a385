"""Reading and writing save files: round trips, and a clear message for every bad file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from excomm_sim.engine.moves import Action, Inject, LeaveSeat, Move, TakeSeat
from excomm_sim.saves import (
    MAX_SAVE_BYTES,
    SAVE_FORMAT,
    BranchPoint,
    SaveError,
    SaveGame,
    branch,
    read_save,
    with_actions,
    write_save,
)
from excomm_sim.saves.format import to_json
from excomm_sim.saves.moves import MAX_ARGUMENT

NOW = dt.datetime(2026, 3, 1, 9, 30, 0, tzinfo=dt.UTC)


def make_save(actions: int = 3, **changes: Any) -> SaveGame:
    fields: dict[str, Any] = {
        "format": 1,
        "scenario_id": "meeting19",
        "scenario_version": "1.0",
        "scenario_hash": "0" * 64,
        "scenario_path": "",
        "seed": 42,
        "humans": {"president": "Ann Example"},
        "actions": tuple(Action("president", f"option_{n}") for n in range(actions)),
        "created": "2026-03-01T09:00:00Z",
        "updated": "2026-03-01T09:30:00Z",
    }
    fields.update(changes)
    return SaveGame(**fields)


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def good_data(tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "good.json"
    write_save(path, make_save(actions=5))
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def problem_of(path: Path) -> str:
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert caught.value.path == path
    assert str(caught.value) == f"{path}: {caught.value.problem}"
    return caught.value.problem


def test_written_save_reads_back_equal(tmp_path: Path) -> None:
    save = make_save(note="café ☕", branched_from=BranchPoint("meeting19-x.json", 2))
    write_save(tmp_path / "a.json", save)
    assert read_save(tmp_path / "a.json") == save


def test_save_file_is_indented_json_with_one_action_per_line(tmp_path: Path) -> None:
    write_save(tmp_path / "a.json", make_save(actions=2))
    lines = (tmp_path / "a.json").read_text(encoding="utf-8").splitlines()
    assert '  "format": 1,' in lines
    assert '    {"role": "president", "option": "option_0"},' in lines


def test_write_creates_the_saves_folder(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "a.json"
    write_save(target, make_save())
    assert read_save(target) == make_save()


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    for _ in range(3):
        write_save(tmp_path / "a.json", make_save())
    assert [path.name for path in tmp_path.iterdir()] == ["a.json"]


def test_write_into_an_unwritable_place_is_a_save_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(SaveError, match="cannot write"):
        write_save(blocker / "a.json", make_save())


def test_with_actions_replaces_actions_and_updates_the_time() -> None:
    save = with_actions(make_save(actions=1), [Action("president", "x")], NOW)
    assert save.actions == (Action("president", "x"),)
    assert save.updated == "2026-03-01T09:30:00Z"
    assert save.created == "2026-03-01T09:00:00Z"


def test_branch_keeps_the_actions_before_the_turn_and_records_its_source() -> None:
    source = make_save(actions=4)
    branched = branch(source, "meeting19-20260301-090000.json", 2, NOW)
    assert branched.actions == source.actions[:2]
    assert branched.branched_from == BranchPoint("meeting19-20260301-090000.json", 2)
    assert branched.created == "2026-03-01T09:30:00Z"


def test_branch_beyond_the_last_action_is_refused() -> None:
    with pytest.raises(SaveError, match="cannot branch at action 9"):
        branch(make_save(actions=4), "x.json", 9, NOW)


def test_corrupt_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{\n  "format": 1,\n  "seed": 4\n  "x": 1\n}\n', encoding="utf-8")
    assert problem_of(path).startswith("truncated or not JSON (line 4, column 3")


def test_truncated_save_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    write_save(path, make_save(actions=20))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert problem_of(path).startswith("truncated or not JSON")


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"")
    assert problem_of(path) == "empty file: not an excomm-sim save"


def test_binary_file_is_not_a_save(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert problem_of(path).startswith("not an excomm-sim save (not UTF-8 text")


def test_foreign_json_without_format_key(tmp_path: Path) -> None:
    path = write_json(tmp_path / "x.json", {"name": "package.json", "version": "1.0"})
    assert problem_of(path) == "not an excomm-sim save (no 'format' key)"


def test_json_list_is_not_a_save(tmp_path: Path) -> None:
    path = write_json(tmp_path / "x.json", [1, 2, 3])
    assert problem_of(path) == "not an excomm-sim save (the file holds a list, not an object)"


def test_other_programs_kind_is_not_a_save(tmp_path: Path) -> None:
    path = write_json(tmp_path / "x.json", {"kind": "chess game", "format": 1})
    assert problem_of(path) == (
        "not an excomm-sim save (kind is 'chess game', not 'excomm-sim save')"
    )


def test_newer_format_says_to_update(tmp_path: Path) -> None:
    data = good_data(tmp_path)
    data["format"] = 3
    data["brand_new_key"] = {"anything": True}
    path = write_json(tmp_path / "x.json", data)
    assert problem_of(path).startswith(
        f"made by a newer excomm-sim (save format 3; this version reads {SAVE_FORMAT})"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["actions"][3].update(option=7), "actions[3].option must be a string"),
        (lambda d: d["actions"][1].update(role=None), "actions[1].role must be a string"),
        (lambda d: d["actions"][2].pop("role"), "actions[2] has no 'role'"),
        (lambda d: d["actions"].__setitem__(0, "x"), "actions[0] must be an object"),
        (lambda d: d.update(actions={}), "actions must be a list"),
        (lambda d: d.update(seed="42"), "seed must be an integer (found a string)"),
        (lambda d: d.update(seed=True), "seed must be an integer (found a boolean)"),
        (lambda d: d.update(seed=1.5), "seed must be an integer (found a decimal number)"),
        (lambda d: d.update(humans=["ann"]), "humans must be an object"),
        (lambda d: d.update(humans={"president": 3}), "humans.president must be a string"),
        (lambda d: d.update(humans={"Bad Role": "x"}), "humans: a role id must be an identifier"),
        (lambda d: d.update(created="yesterday"), "created must be an ISO 8601 time"),
        (lambda d: d.update(updated="2026-03-01T09:00:00"), "updated must say its time zone"),
        (lambda d: d.update(scenario_id=""), "scenario_id must be an identifier"),
        (lambda d: d.update(format="1"), "format must be an integer (found a string)"),
        (lambda d: d.update(format=0), "format must be 1 or more"),
        (lambda d: d.update(note=["x"]), "note must be a string"),
        (lambda d: d.update(branched_from={"save": "a.json"}), "branched_from has no 'turn'"),
        (lambda d: d.update(branched_from=4), "branched_from must be an object"),
        (lambda d: d.pop("seed"), "missing key 'seed'"),
        (lambda d: d.pop("kind"), "not an excomm-sim save (no 'kind' key)"),
        (lambda d: d.update(sead=4), "unknown key 'sead' (did you mean 'seed'?)"),
    ],
)
def test_wrong_field_is_named(tmp_path: Path, change: Any, message: str) -> None:
    data = good_data(tmp_path)
    change(data)
    path = write_json(tmp_path / "x.json", data)
    assert problem_of(path).startswith(message)


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    write_save(tmp_path / "good.json", make_save())
    text = (tmp_path / "good.json").read_text(encoding="utf-8")
    path.write_text(text.replace('"seed": 42,', '"seed": 42, "seed": 43,'), encoding="utf-8")
    assert problem_of(path) == "key 'seed' appears twice in one object"


def test_nan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    write_save(tmp_path / "good.json", make_save())
    text = (tmp_path / "good.json").read_text(encoding="utf-8")
    path.write_text(text.replace('"seed": 42', '"seed": NaN'), encoding="utf-8")
    assert problem_of(path) == "not valid JSON: NaN is not a number JSON allows"


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b" " * (MAX_SAVE_BYTES + 1))
    assert problem_of(path).startswith("too large to be a save")


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert problem_of(tmp_path / "nope.json") == "no such save file"


def test_folder_is_not_a_save(tmp_path: Path) -> None:
    (tmp_path / "dir.json").mkdir()
    assert problem_of(tmp_path / "dir.json") == "is a folder, not a save file"


def test_a_game_of_plain_acts_is_written_as_format_1() -> None:
    """Solo and hot-seat saves stay readable by every earlier excomm-sim."""
    save = with_actions(make_save(), [Action("president", "a")], NOW)
    assert save.format == 1
    assert '  "format": 1,' in to_json(save).splitlines()


@pytest.mark.parametrize(
    "move",
    [
        Action("rusk", "go_slow", "Moscow needs a way out that it can sell at home."),
        TakeSeat("rusk", "Bo Example"),
        LeaveSeat("rusk"),
        Inject("castro_tv", "Staff: Havana radio repeats the refusal."),
    ],
)
def test_arguments_seat_changes_and_injections_need_format_2_and_read_back(
    tmp_path: Path, move: Move
) -> None:
    save = with_actions(make_save(), [Action("president", "a"), move], NOW)
    assert save.format == 2
    write_save(tmp_path / "x.json", save)
    assert read_save(tmp_path / "x.json") == save


def test_a_format_1_save_may_not_hold_format_2_moves(tmp_path: Path) -> None:
    data = json.loads(to_json(make_save()))
    data["actions"].append({"leave_seat": "president"})
    path = write_json(tmp_path / "x.json", data)
    assert problem_of(path) == "actions[3]: a format-1 save holds only seats' acts"


def test_an_argument_over_the_limit_is_refused(tmp_path: Path) -> None:
    data = json.loads(to_json(make_save()))
    data["format"] = 2
    data["actions"][0]["argument"] = "x" * (MAX_ARGUMENT + 1)
    path = write_json(tmp_path / "x.json", data)
    assert problem_of(path).startswith("actions[0].argument is too long")
