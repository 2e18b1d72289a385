"""The plain-text game through the real command line: transcripts, bad input, end of input.

Golden transcripts live in tests/engine/golden/; after a deliberate change to the game's
text or rules, regenerate them with ``UPDATE_GOLDEN=1 pytest tests/test_plain_game.py``
and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
        ("harbour_admiral.txt", ["--seed", "7", "--role", "admiral"], "2\n1\n2\n"),
        (
            "harbour_hot_seat.txt",
            ["--seed", "7", "--role", "governor", "--role", "envoy=Kim"],
            "1\n1\n2\n1\n1\n1\n",
        ),
        ("harbour_watch.txt", ["--seed", "11", "--watch"], ""),
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


def test_bad_input_gets_a_message_and_the_question_again() -> None:
    result = play(str(HARBOUR), "--seed", "7", stdin="zero\n9\n\n1\n")
    assert result.returncode == 0
    assert result.stdout.count("Please type a number from 1 to 2.") == 3
    assert "Governor Hale decides: Hail the captain" in result.stdout


def test_end_of_input_leaves_the_game_cleanly() -> None:
    result = play(str(HARBOUR), "--seed", "7", stdin="1\n")
    assert result.returncode == 0
    assert result.stdout.rstrip().endswith("Game left at turn 2.")
    assert result.stderr == ""


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
