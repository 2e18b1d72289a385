"""Temp files a killed save left behind are removed once stale, and nothing else ever is."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs
import pytest

from excomm_sim.saves import SaveGame, leftovers, list_saves, read_save, write_save
from excomm_sim.saves.leftovers import STALE_AFTER_SECONDS, is_temp_name
from saves.conftest import PlayFn

LEFTOVER = ".game.json.k3x_9q2a.tmp"
"""The name a write of ``game.json`` that was killed before its rename leaves behind."""


@pytest.fixture
def save(played: PlayFn) -> SaveGame:
    return played(limit=1)


def make_file(path: Path, age_seconds: float) -> Path:
    """A file at ``path`` last modified ``age_seconds`` ago (by os.utime: no sleeping)."""
    path.write_text('{"kind": "excomm-sim save", "form')
    stamp = time.time() - age_seconds
    os.utime(path, (stamp, stamp), follow_symlinks=False)
    return path


OLD = STALE_AFTER_SECONDS + 24 * 60 * 60
FRESH = 60


def test_an_old_leftover_is_removed_when_the_saves_are_listed(
    tmp_path: Path, save: SaveGame
) -> None:
    write_save(tmp_path / "game.json", save)
    leftover = make_file(tmp_path / LEFTOVER, OLD)
    assert list_saves(tmp_path) == [tmp_path / "game.json"]
    assert not leftover.exists()


def test_an_old_leftover_of_the_save_being_written_is_removed_by_the_write(
    tmp_path: Path,
    save: SaveGame,
) -> None:
    leftover = make_file(tmp_path / LEFTOVER, OLD)
    write_save(tmp_path / "game.json", save)
    assert not leftover.exists()


def test_a_write_leaves_other_saves_leftovers_for_the_listing(
    tmp_path: Path, save: SaveGame
) -> None:
    other = make_file(tmp_path / ".other.json.abcdefgh.tmp", OLD)
    write_save(tmp_path / "game.json", save)
    assert other.exists()


def test_a_fresh_leftover_is_kept_because_its_writer_may_be_alive(
    tmp_path: Path, save: SaveGame
) -> None:
    leftover = make_file(tmp_path / LEFTOVER, FRESH)
    list_saves(tmp_path)
    write_save(tmp_path / "game.json", save)
    assert leftover.exists()


def test_a_leftover_stamped_in_the_future_is_kept(tmp_path: Path) -> None:
    leftover = make_file(tmp_path / LEFTOVER, -OLD)
    list_saves(tmp_path)
    assert leftover.exists()


def test_a_leftover_just_inside_the_limit_is_kept(tmp_path: Path) -> None:
    leftover = make_file(tmp_path / LEFTOVER, 0)
    now = leftover.stat().st_mtime + STALE_AFTER_SECONDS
    assert leftovers.remove_stale_temp_files(tmp_path, now=now) == []
    assert leftovers.remove_stale_temp_files(tmp_path, now=now + 1) == [tmp_path / LEFTOVER]


@pytest.mark.parametrize(
    "name",
    [
        ".game.json.k3x_9q2a.tmp.bak",  # more after the suffix
        ".game.json.K3X9Q2AB.tmp",  # capitals: mkstemp never makes them
        ".game.json.k3x9q2a.tmp",  # seven random characters
        ".game.json.k3x9q2abc.tmp",  # nine
        ".game.json.k3x-9q2a.tmp",  # a character mkstemp never uses
        ".game.txt.k3x9q2ab.tmp",  # not a save's temp file
        "game.json.k3x9q2ab.tmp",  # not hidden
        ".json.k3x9q2ab.tmp",  # no save name
        "notes.tmp",
        ".notes.tmp",
        "game.json",
    ],
)
def test_an_old_file_that_merely_looks_similar_is_kept(
    tmp_path: Path, save: SaveGame, name: str
) -> None:
    lookalike = make_file(tmp_path / name, OLD)
    list_saves(tmp_path)
    write_save(tmp_path / "game.json", save)
    assert lookalike.exists()


def test_an_old_folder_with_a_leftover_name_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / LEFTOVER
    folder.mkdir()
    stamp = time.time() - OLD
    os.utime(folder, (stamp, stamp))
    list_saves(tmp_path)
    assert folder.is_dir()


def test_leftovers_in_subfolders_are_not_touched(tmp_path: Path) -> None:
    (tmp_path / "class").mkdir()
    nested = make_file(tmp_path / "class" / LEFTOVER, OLD)
    list_saves(tmp_path)
    assert nested.exists()


def test_a_link_with_a_leftover_name_is_neither_followed_nor_removed(
    tmp_path: Path, save: SaveGame
) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    target = make_file(tmp_path / "precious.txt", OLD)
    link = saves / LEFTOVER
    link.symlink_to(target)
    stamp = time.time() - OLD
    os.utime(link, (stamp, stamp), follow_symlinks=False)
    list_saves(saves)
    write_save(saves / "game.json", save)
    assert link.is_symlink()
    assert target.read_text().startswith('{"kind"')


def test_a_dangling_link_with_a_leftover_name_is_kept(tmp_path: Path) -> None:
    link = tmp_path / LEFTOVER
    link.symlink_to(tmp_path / "gone")
    list_saves(tmp_path)
    assert link.is_symlink()


def test_an_unremovable_leftover_does_not_break_listing_or_saving(
    tmp_path: Path, save: SaveGame, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_save(tmp_path / "game.json", save)
    leftover = make_file(tmp_path / LEFTOVER, OLD)

    def refuse(path: Any, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    # As if the folder were read-only to us (the tests run as root, whom chmod cannot stop).
    monkeypatch.setattr(leftovers.os, "unlink", refuse)
    assert list_saves(tmp_path) == [tmp_path / "game.json"]
    write_save(tmp_path / "game.json", attrs.evolve(save, note="again"))
    assert read_save(tmp_path / "game.json").note == "again"
    assert leftover.exists()


def test_sweeping_a_missing_folder_removes_nothing_and_does_not_raise(tmp_path: Path) -> None:
    assert leftovers.remove_stale_temp_files(tmp_path / "missing") == []


def test_the_temp_files_write_save_makes_have_the_name_cleanup_recognises(
    tmp_path: Path, save: SaveGame, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    real_mkstemp = tempfile.mkstemp

    def recording_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        made.append(Path(name).name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", recording_mkstemp)
    for _ in range(20):
        write_save(tmp_path / "game.json", save)
    assert len(made) == 20
    assert all(is_temp_name(name, "game.json") for name in made)


def test_a_leftover_name_belongs_to_its_own_save_only() -> None:
    assert is_temp_name(".game.json.abcdefgh.tmp", "game.json")
    assert not is_temp_name(".game.json.abcdefgh.tmp", "other.json")
    assert is_temp_name(".a.b.json.abcdefgh.tmp", "a.b.json")
