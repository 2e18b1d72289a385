"""The saves folder: safe names, fresh names, listing newest first, finding the scenario."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

from excomm_sim.engine.moves import Action
from excomm_sim.saves import (
    SAVE_FORMAT,
    SaveError,
    SaveGame,
    latest_save,
    list_saves,
    resolve_scenario,
    safe_save_path,
    save_path,
    write_save,
)


def make_save(**changes: Any) -> SaveGame:
    fields: dict[str, Any] = {
        "format": SAVE_FORMAT,
        "scenario_id": "meeting19",
        "scenario_version": "1.0",
        "scenario_hash": "",
        "scenario_path": "",
        "seed": 1,
        "humans": {"president": "Ann"},
        "actions": (Action("president", "wait"),),
        "created": "2026-03-01T09:00:00Z",
        "updated": "2026-03-01T09:30:00Z",
    }
    fields.update(changes)
    return SaveGame(**fields)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        ".",
        "..",
        "../escape",
        "../../etc/passwd",
        "/etc/passwd",
        "sub/game",
        "sub\\game",
        "C:game",
        "game\x00.json",
        "game\n",
        ".hidden",
        " padded ",
        "x" * 300,
    ],
)
def test_name_that_could_escape_or_hide_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(SaveError):
        safe_save_path(tmp_path, name)


def test_plain_name_lands_inside_the_folder_with_json_suffix(tmp_path: Path) -> None:
    assert safe_save_path(tmp_path, "my game") == tmp_path / "my game.json"
    assert safe_save_path(tmp_path, "x.json") == tmp_path / "x.json"


def test_link_leading_outside_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    outside = tmp_path / "outside.json"
    outside.write_text("{}", encoding="utf-8")
    (folder / "trap.json").symlink_to(outside)
    with pytest.raises(SaveError, match="outside the saves folder"):
        safe_save_path(folder, "trap")


def test_save_path_is_scenario_and_creation_time(tmp_path: Path) -> None:
    assert save_path(tmp_path, make_save()) == tmp_path / "meeting19-20260301-090000.json"


def test_save_path_never_reuses_an_existing_file(tmp_path: Path) -> None:
    first = save_path(tmp_path, make_save())
    write_save(first, make_save())
    second = save_path(tmp_path, make_save())
    write_save(second, make_save())
    third = save_path(tmp_path, make_save())
    assert (second.name, third.name) == (
        "meeting19-20260301-090000-2.json",
        "meeting19-20260301-090000-3.json",
    )


def test_list_saves_is_newest_first_by_updated_time(tmp_path: Path) -> None:
    write_save(tmp_path / "old.json", make_save(updated="2026-01-01T00:00:00Z"))
    write_save(tmp_path / "new.json", make_save(updated="2026-05-01T00:00:00Z"))
    write_save(tmp_path / "mid.json", make_save(updated="2026-03-01T00:00:00Z"))
    os.utime(tmp_path / "old.json")  # touched last, but its game is the oldest
    assert [path.name for path in list_saves(tmp_path)] == ["new.json", "mid.json", "old.json"]


def test_list_saves_skips_hidden_temporary_and_other_files(tmp_path: Path) -> None:
    write_save(tmp_path / "a.json", make_save())
    (tmp_path / ".a.json.123.tmp").write_text("partial", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("hi", encoding="utf-8")
    assert list_saves(tmp_path) == [tmp_path / "a.json"]


def test_list_saves_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert list_saves(tmp_path / "none") == []


def test_latest_save_skips_a_newer_corrupt_file(tmp_path: Path) -> None:
    write_save(tmp_path / "good.json", make_save(updated="2026-01-01T00:00:00Z"))
    (tmp_path / "broken.json").write_text('{"format": 1, "kind"', encoding="utf-8")
    assert latest_save(tmp_path) == tmp_path / "good.json"


def test_latest_save_of_an_empty_folder_is_none(tmp_path: Path) -> None:
    assert latest_save(tmp_path) is None


def test_resolve_scenario_prefers_the_file_whose_bytes_match_the_hash(tmp_path: Path) -> None:
    edited = tmp_path / "edited" / "meeting19.yaml"
    original = tmp_path / "original" / "meeting19.yaml"
    for path, text in ((edited, "id: meeting19 # edited\n"), (original, "id: meeting19\n")):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    save = make_save(scenario_hash=digest, scenario_path=str(edited))
    assert resolve_scenario(save, [edited.parent, original.parent]) == original


def test_resolve_scenario_falls_back_to_the_path_it_was_played_from(tmp_path: Path) -> None:
    played = tmp_path / "custom.yaml"
    played.write_text("id: custom\n", encoding="utf-8")
    save = make_save(scenario_id="custom", scenario_hash="f" * 64, scenario_path=str(played))
    assert resolve_scenario(save) == played


def test_resolve_scenario_finds_nothing_for_an_unknown_id(tmp_path: Path) -> None:
    save = attrs.evolve(make_save(), scenario_id="nowhere_to_be_found")
    assert resolve_scenario(save, [tmp_path]) is None


def test_a_save_write_fsyncs_the_file_and_then_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write is durable only once the data and the rename are both on disk."""
    import os
    import stat

    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        synced.append("folder" if stat.S_ISDIR(mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_save(tmp_path / "game.json", make_save())
    assert synced == ["file", "folder"]
