"""The plain-text game through the real command line: transcripts, bad input, end of input.

Golden transcripts live in tests/engine/golden/; after a deliberate change to the game's
text or rules, regenerate them with ``UPDATE_GOLDEN=1 pytest tests/test_plain_game.py``
and review the diff.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from excomm_sim.commands import play as play_command
from excomm_sim.saves import read_save, resume
from excomm_sim.scenario.load import load_path

GOLDEN = Path(__file__).parent / "engine" / "golden"
HARBOUR = GOLDEN / "harbour.yaml"


def play(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "excomm_sim", "play", "--plain", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"transcript differs from {path}"


@pytest.mark.parametrize(
    ("name", "args", "stdin"),
    [
        ("harbour_president.txt", ["--seed", "7"], "1\n1\n1\n"),
        ("harbour_warning_shot.txt", ["--seed", "3"], "2\n2\n2\n"),
        (
            "harbour_admiral.txt",
            ["--seed", "7", "--role", "admiral"],
            "2\nThe cutter costs us nothing and shows we mean it.\n1\n\n2\n\n",
        ),
        (
            "harbour_hot_seat.txt",
            ["--seed", "7", "--role", "governor", "--role", "envoy=Kim"],
            "1\n\n1\n2\nTalk to the captain before anything else.\n1\n1\n\n1\n",
        ),
        ("harbour_watch.txt", ["--seed", "11", "--spectate"], ""),
    ],
)
def test_scripted_game_matches_its_golden_transcript(
    name: str, args: list[str], stdin: str
) -> None:
    result = play(str(HARBOUR), *args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "THE END:" in result.stdout
    check_golden(name, result.stdout)


def test_bundled_scenario_plays_to_an_ending_the_same_way_twice() -> None:
    first = play("--seed", "7", stdin="1\n2\n" * 30)
    second = play("--seed", "7", stdin="1\n2\n" * 30)
    assert first.returncode == 0, first.stderr
    assert "THE END:" in first.stdout
    assert first.stdout == second.stdout


def test_scripted_bundled_game_through_the_entry_point_matches_its_golden() -> None:
    """``printf '1\\n2\\n...' | excomm-sim play --plain --seed 7`` on meeting 19.

    This golden follows the bundled scenario's text: after a deliberate edit of
    meeting19.yaml, regenerate with UPDATE_GOLDEN=1 and read the diff.
    """
    entry_point = Path(sys.executable).parent / "excomm-sim"
    command = [str(entry_point)] if entry_point.exists() else [sys.executable, "-m", "excomm_sim"]
    result = subprocess.run(
        [*command, "play", "--plain", "--seed", "7"],
        input="1\n2\n" * 30,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert "THE END:" in result.stdout
    check_golden("meeting19_seed7.txt", result.stdout)


def test_bad_input_gets_a_message_and_the_question_again() -> None:
    result = play(str(HARBOUR), "--seed", "7", stdin="zero\n9\n\n1\n")
    assert result.returncode == 0
    assert result.stdout.count("Please type a number from 1 to 2, or ? for the situation.") == 3
    assert "Governor Hale decides: “Hail the captain" in result.stdout


def test_a_question_mark_shows_the_situation_and_asks_again() -> None:
    """Issue 15 item 18: ``?`` got "Please type a number from 1 to 2." and nothing else."""
    result = play(str(HARBOUR), "--seed", "7", stdin="?\n1\n")
    assert result.returncode == 0
    situation = result.stdout.split("The situation on ", 1)[1].split("Choose 1-", 1)[0]
    assert situation.startswith("Saturday 3 November 1962 · item 1: ")
    assert "Meters:" in situation and "/100" in situation
    assert "Your objectives (private):" in situation and "[not yet]" in situation
    assert "Please type a number" not in result.stdout
    assert "Governor Hale decides:" in result.stdout


def test_end_of_input_leaves_the_game_cleanly() -> None:
    result = play(str(HARBOUR), "--seed", "7", stdin="1\n")
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith("Game left at item 2.")
    assert "Traceback" not in result.stderr


def test_a_plain_game_left_before_its_first_decision_writes_no_save(tmp_path: Path) -> None:
    """Issue 15 item 14: a game quit at once left a 0-move save that Continue then chose."""
    saves = tmp_path / "saves"
    result = play(str(HARBOUR), "--seed", "7", "--saves", str(saves), stdin="")
    assert result.returncode == 0
    assert not saves.exists() or list(saves.iterdir()) == []
    assert "No decision was made, so nothing was saved." in result.stderr


def test_plain_game_is_saved_after_every_move_and_resumes(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    result = play(str(HARBOUR), "--seed", "7", "--saves", str(saves), stdin="1\n1\n")
    assert result.returncode == 0
    [path] = saves.glob("harbour-*.json")
    assert f"Game saved in {path}" in result.stderr
    save = read_save(path)
    assert [a.option for a in save.actions] == ["hail", "board"]
    resumed = resume(save, load_path(HARBOUR))
    assert resumed.problem is None
    assert [c.option for c in resumed.state.choices] == ["hail", "board"]


def test_unwritable_saves_folder_warns_and_the_game_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("")
    result = play(str(HARBOUR), "--seed", "7", "--saves", str(blocker), stdin="1\n1\n1\n")
    assert result.returncode == 0
    assert "THE END:" in result.stdout
    assert "not being saved" in result.stderr
    assert "Traceback" not in result.stderr


def test_watching_saves_nothing(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    result = play(str(HARBOUR), "--seed", "7", "--spectate", "--saves", str(saves))
    assert result.returncode == 0
    assert not saves.exists()


def test_output_has_no_terminal_control_codes() -> None:
    result = play(str(HARBOUR), "--seed", "7", stdin="1\n1\n1\n")
    assert "\x1b" not in result.stdout


def test_broken_scenario_prints_its_problems_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(HARBOUR.read_text().replace("initial: 60", "initial: lots"))
    result = play(str(broken), "--seed", "1")
    assert result.returncode == 1
    assert f"{broken}:" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_role_is_a_usage_error_naming_the_roles() -> None:
    result = play(str(HARBOUR), "--role", "king")
    assert result.returncode == 2
    assert "governor, admiral, envoy" in result.stderr


def test_missing_scenario_is_a_usage_error() -> None:
    result = play("no_such_scenario")
    assert result.returncode == 2
    assert "no scenario 'no_such_scenario'" in result.stderr


def test_without_a_seed_a_fresh_one_is_shown() -> None:
    result = play(str(HARBOUR), stdin="")
    assert result.returncode == 0
    assert "Seed: " in result.stdout


def _play_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    play_command.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_play_without_plain_hands_its_options_to_the_terminal_ui(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[dict[str, object]] = []
    fake = types.ModuleType("excomm_sim.tui.app")
    fake.run_game = lambda **kwargs: calls.append(kwargs) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "excomm_sim.tui.app", fake)
    args = _play_args(str(HARBOUR), "--role", "admiral", "--seed", "5", "--watch")
    assert play_command.run(args) == 0
    assert calls == [
        {
            "scenario_path": HARBOUR,
            "roles": ("admiral",),
            "seed": 5,
            "scenarios_dir": None,
            "saves_dir": None,
            "watch": True,
        }
    ]


def test_play_without_plain_explains_when_the_terminal_ui_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "excomm_sim.tui.app", None)
    assert play_command.run(_play_args()) == 2
    assert "--plain" in capsys.readouterr().err


def test_narrow_console_and_stray_bytes_do_not_crash_the_game() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "excomm_sim", "play", "--plain", str(HARBOUR), "--seed", "7"],
        input=b"\xff\xfe\n1\n1\n1\n",
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0, result.stderr
    assert b"THE END:" in result.stdout
    assert b"Please type a number from 1 to 2, or ? for the situation." in result.stdout


def test_plain_autosave_retries_after_a_failed_write_and_says_when_it_works_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk for one decision: the game goes on, and the last save holds every move."""
    import io

    from excomm_sim import saves

    real_write = saves.write_save
    writes: list[int] = []

    def full_disk_for_a_while(path: Path, save: saves.SaveGame) -> None:
        writes.append(len(save.actions))
        if len(writes) == 2:
            raise saves.SaveError(path, "cannot write: No space left on device")
        real_write(path, save)

    monkeypatch.setattr(saves, "write_save", full_disk_for_a_while)
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n1\n1\n"))
    folder = tmp_path / "saves"
    code = play_command.run(
        _play_args(str(HARBOUR), "--plain", "--seed", "7", "--saves", str(folder))
    )
    assert code == 0
    err = capsys.readouterr().err
    assert err.count("the game is not being saved") == 1
    assert "No space left on device; it will try again after each decision" in err
    [path] = folder.glob("harbour-*.json")
    assert f"saving works again: the game is saved in {path}" in err
    assert f"Game saved in {path}" in err
    assert len(writes) == 3 and len(read_save(path).actions) == writes[-1] == 3


def test_plain_autosave_that_never_recovers_says_the_game_is_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from excomm_sim import saves

    def always_full(path: Path, save: saves.SaveGame) -> None:
        raise saves.SaveError(path, "cannot write: No space left on device")

    monkeypatch.setattr(saves, "write_save", always_full)
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n1\n1\n"))
    args = _play_args(str(HARBOUR), "--plain", "--seed", "7", "--saves", str(tmp_path))
    assert play_command.run(args) == 0
    err = capsys.readouterr().err
    assert err.count("the game is not being saved") == 1
    assert "the game could not be saved:" in err and "Game saved in" not in err


def test_a_run_time_scenario_error_is_one_located_message_exit_1_game_saved(
    tmp_path: Path,
) -> None:
    fixture = Path(__file__).parent / "tools" / "fixtures" / "division_by_zero.yaml"
    saves = tmp_path / "saves"
    result = play(str(fixture), "--seed", "1", "--saves", str(saves), stdin="1\n1\n")
    assert result.returncode == 1
    [path] = saves.glob("division_by_zero-*.json")
    assert result.stderr.splitlines() == [
        f"{fixture}:42:9: option split.divide (turn 2): effect 'share = 100 / budget' failed: "
        "division by zero in '100 / budget' (the game cannot go on: fix the scenario)",
        f"Game saved in {path} (review it: excomm-sim replay {path.name})",
    ]
    assert [action.option for action in read_save(path).actions] == ["spend"]


def test_source_command_prints_the_cited_paragraphs_of_the_record() -> None:
    """'source' reads the item's citations, 'source 2 4' any paragraph; a bad one says how."""
    result = play("--seed", "3", stdin="source\nsource 2 4\nsource 9 9\n")
    out = result.stdout
    assert "(Type “source” to read the cited paragraphs of the record.)" in out
    assert "record p.1 ¶1: Prior to the reading of a summary" in out
    assert "record p.2 ¶4: The President said we must insist on UN inspection" in out
    assert "The record has no paragraph “9 9”" in out
    assert result.returncode == 0
