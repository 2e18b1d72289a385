"""``excomm-sim replay --plain`` and ``excomm-sim report``: output, and bad input exits 2."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from excomm_sim.cli import main
from excomm_sim.saves import write_save
from saves.conftest import FIXTURES, STANDOFF, PlayFn


@pytest.fixture
def save_file(tmp_path: Path, played: PlayFn) -> Path:
    path = tmp_path / "saves" / "game.json"
    write_save(path, played())
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_replay_plain_prints_the_game(save_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["replay", str(save_file), "--plain", "--scenarios", str(FIXTURES)], capsys)
    assert code == 0
    assert "Item 1: The opening move" in out
    assert "Ending: The ship sails" in out


@pytest.mark.parametrize("columns", [80, 60])
def test_replay_plain_fits_the_terminal_named_by_columns(
    tmp_path: Path,
    played: PlayFn,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    """Issue 15 item 17: lines ran to 88 columns even with COLUMNS=80."""
    path = tmp_path / "a-save-with-a-rather-long-name-for-its-header-line.json"
    write_save(path, played(humans={"governor": "Ann", "admiral": "Ben", "envoy": "Cy"}))
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(["replay", str(path), "--plain", "--scenarios", str(FIXTURES)], capsys)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= columns
    assert max(len(line) for line in out.splitlines()) > columns - 10  # it does use the room


def test_replay_finds_a_save_by_name_in_the_saves_folder(
    save_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["replay", "game", "--plain", "--saves", str(save_file.parent)]
    code, out, _ = run([*args, "--scenarios", str(FIXTURES)], capsys)
    assert code == 0
    assert out.startswith("Harbour Standoff (test)\n")


def test_replay_of_a_corrupt_save_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "kind": "excomm-sim save", "seed": ', encoding="utf-8")
    code, out, err = run(["replay", str(broken), "--plain"], capsys)
    assert (code, out) == (2, "")
    assert f"{broken}: truncated or not JSON (line 1" in err


def test_replay_without_the_scenario_exits_2_and_says_where_to_point(
    save_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["replay", str(save_file), "--plain"], capsys)
    assert code == 2
    assert "cannot find scenario 'standoff'" in err
    assert "--scenarios DIR" in err


def test_replay_of_a_save_for_another_scenario_exits_2(
    tmp_path: Path, played: PlayFn, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = attrs.evolve(played(), scenario_id="other_game", scenario_path=str(STANDOFF))
    write_save(tmp_path / "foreign.json", foreign)
    code, _, err = run(["replay", str(tmp_path / "foreign.json"), "--plain"], capsys)
    assert code == 2
    assert "this save is for scenario 'other_game', not 'standoff'" in err


def test_replay_with_a_broken_scenario_says_how_to_see_its_problems(
    tmp_path: Path, save_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The save chose the file, so its content is never quoted; validate lists it."""
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    broken = scenarios / "standoff.yaml"
    broken.write_text("format: 1\nid: standoff\nsecret: do not show\n", encoding="utf-8")
    code, _, err = run(["replay", str(save_file), "--plain", "--scenarios", str(scenarios)], capsys)
    assert code == 2
    assert f"its scenario {broken} does not load (" in err
    assert f"excomm-sim validate {broken} lists them" in err
    assert "secret" not in err


def test_report_prints_markdown_by_default(
    save_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["report", str(save_file), "--scenarios", str(FIXTURES)], capsys)
    assert code == 0
    assert out.startswith("# After-action report: Harbour Standoff (test)")


def test_report_writes_html_to_a_file_named_with_html(
    tmp_path: Path, save_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "debrief.html"
    code, out, _ = run(
        ["report", str(save_file), "--scenarios", str(FIXTURES), "-o", str(target)], capsys
    )
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_report_of_a_newer_save_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text('{"kind": "excomm-sim save", "format": 3}', encoding="utf-8")
    code, _, err = run(["report", str(newer)], capsys)
    assert code == 2
    assert "made by a newer excomm-sim (save format 3; this version reads 2)" in err


def test_example_saves_replay_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    history = Path(__file__).resolve().parents[2] / "saves" / "history-president.json"
    code, out, _ = run(["replay", str(history), "--plain"], capsys)
    assert code == 0
    assert "History made the same choice." in out
    assert "points — won" in out


def test_replay_screen_launcher_refuses_a_bad_save_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from excomm_sim.tui.replay_app import run_replay

    foreign = tmp_path / "package.json"
    foreign.write_text('{"name": "left-pad"}', encoding="utf-8")
    assert run_replay(foreign, None, tmp_path) == 2
    _, err = capsys.readouterr()
    assert err == f"excomm-sim replay: {foreign}: not an excomm-sim save (no 'format' key)\n"
