"""The writer and the reader apply the same limits: whatever write_save writes, read_save reads.

A game used to be told "Game saved" for a file that ``replay`` then refused for ever (a
version with NUL, an id or name over 10,000 characters, over 10,000 actions). Now the
writer runs the reader's checks on the bytes it is about to write, and refuses instead,
leaving the previous save whole; the command line refuses such names and seeds up front.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from excomm_sim.cli import main
from excomm_sim.engine.moves import Action
from excomm_sim.saves import SAVE_FORMAT, BranchPoint, SaveError, SaveGame, read_save, write_save
from excomm_sim.saves.reading import player_name_problem
from excomm_sim.scenario.limits import (
    MAX_ACTIONS,
    MAX_ID_LENGTH,
    MAX_PLAYER_NAME,
    MAX_ROLES,
    MAX_SAVE_TEXT,
    SEED_MAX,
    SEED_MIN,
)
from saves.conftest import STANDOFF, PlayFn
from saves.test_save_format import make_save

STAMP = "2026-02-03T04:05:06Z"


def _around(limit: int) -> st.SearchStrategy[int]:
    return st.sampled_from([0, 1, limit - 1, limit, limit + 1])


any_text = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(["", "ok", "\x00", "\x1b]0;title\x07", "\ud800", "a\nb", "\u202ename"]),
    _around(MAX_SAVE_TEXT).map(lambda n: "x" * n),
    _around(MAX_PLAYER_NAME).map(lambda n: "n" * n),
)
any_id = st.one_of(
    st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    _around(MAX_ID_LENGTH).map(lambda n: "i" * n),
    any_text,
)
any_actions = st.one_of(
    st.lists(st.builds(Action, any_id, any_id), max_size=5),
    _around(MAX_ACTIONS).map(lambda n: (Action("governor", "wait"),) * n),
)
wild_saves = st.builds(
    SaveGame,
    format=st.sampled_from([SAVE_FORMAT, 0, SAVE_FORMAT + 1]),
    scenario_id=any_id,
    scenario_version=any_text,
    scenario_hash=st.one_of(st.just("ab" * 32), any_text),
    scenario_path=any_text,
    seed=st.one_of(
        st.integers(), st.sampled_from([SEED_MIN - 1, SEED_MIN, SEED_MAX, SEED_MAX + 1])
    ),
    humans=st.dictionaries(any_id, any_text, max_size=3),
    actions=any_actions,
    created=st.one_of(st.just(STAMP), any_text),
    updated=st.one_of(st.just(STAMP), any_text),
    note=any_text,
    branched_from=st.none() | st.builds(BranchPoint, any_text, st.integers(-5, MAX_ACTIONS + 5)),
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(save=wild_saves)
def test_whatever_write_save_writes_read_save_reads_back_equal(
    tmp_path_factory: pytest.TempPathFactory, save: SaveGame
) -> None:
    path = tmp_path_factory.mktemp("saves") / "game.json"
    path.write_bytes(b"previous save")
    try:
        write_save(path, save)
    except SaveError as error:
        assert error.problem.startswith("cannot save: ")
        assert path.read_bytes() == b"previous save"  # refused: the old file is untouched
        assert [p.name for p in path.parent.iterdir()] == ["game.json"]
    else:
        assert read_save(path) == save


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"scenario_version": "1\x00"}, "scenario_version contains the control character U+0000"),
        ({"scenario_version": "9" * 10_001}, "scenario_version is too long (10,001 characters"),
        ({"scenario_id": "s" * 10_001}, "scenario_id is too long (10,001 characters; at most 64)"),
        ({"humans": {"president": "A" * 10_001}}, "the player name is too long (10,001 characters"),
        ({"humans": {"president": "\x1b]0;x\x07"}}, "contains the control character U+001B (ESC)"),
        ({"actions": 10_001}, "actions has 10,001 entries"),  # make_save counts them
        ({"seed": 2**64}, "seed must be between"),
        ({"note": "bad \ud800"}, "note contains the control character U+D800"),
    ],
)
def test_the_writer_refuses_what_the_reader_would_refuse(
    tmp_path: Path, changes: dict[str, object], problem: str
) -> None:
    with pytest.raises(SaveError, match="cannot save: ") as caught:
        write_save(tmp_path / "game.json", make_save(**changes))
    assert problem in caught.value.problem
    assert not (tmp_path / "game.json").exists()


def test_a_note_keeps_its_lines_and_tabs(tmp_path: Path) -> None:
    save = make_save(note="first line\n\tindented")
    write_save(tmp_path / "game.json", save)
    assert read_save(tmp_path / "game.json") == save


def test_a_number_too_long_to_parse_is_a_save_error_not_a_crash(
    tmp_path: Path, played: PlayFn
) -> None:
    path = tmp_path / "game.json"
    write_save(path, played())
    data = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(data).replace(f'"seed": {data["seed"]}', '"seed": ' + "9" * 5000)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SaveError, match="a number far too long"):
        read_save(path)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("Ann", None),
        ("Ann-Marie O'Neil", None),
        ("n" * MAX_PLAYER_NAME, None),
        ("n" * (MAX_PLAYER_NAME + 1), "the player name is too long (101 characters; at most 100)"),
        ("", "the player name must not be empty"),
        ("   ", "the player name must not be blank"),
        ("Ann\x1b[2J", "the player name contains the control character U+001B (ESC)"),
        ("Ann\nBob", "the player name contains the control character U+000A (LINE FEED)"),
        ("\u202enA", "the player name contains U+202E (RIGHT-TO-LEFT OVERRIDE), which changes"),
    ],
)
def test_a_player_name_is_checked_by_one_rule(name: str, problem: str | None) -> None:
    found = player_name_problem(name)
    assert found == problem if problem is None else (found or "").startswith(problem)


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("governor=" + "A" * 10_001, "the player name is too long (10,001 characters"),
        ("governor=Ann\x1b]0;pwned\x07", "contains the control character U+001B (ESC)"),
    ],
)
def test_play_refuses_a_name_a_save_could_not_hold_before_the_game_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], role: str, message: str
) -> None:
    saves = tmp_path / "saves"
    args = ["play", "--plain", str(STANDOFF), "--role", role, "--saves", str(saves)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "\x1b" not in err
    assert not saves.exists()


@pytest.mark.parametrize("seed", [str(SEED_MAX + 1), str(SEED_MIN - 1), "1e5", "x"])
def test_play_refuses_a_seed_a_save_could_not_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["play", "--plain", str(STANDOFF), "--seed", seed, "--saves", str(tmp_path)])
    assert exited.value.code == 2
    assert "--seed" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_the_limits_fit_in_a_save_file() -> None:
    """The largest save the limits allow is smaller than the largest file the reader reads."""
    from excomm_sim.saves.format import MAX_HASH_LENGTH
    from excomm_sim.saves.store import MAX_NAME, MAX_SAVE_BYTES
    from excomm_sim.scenario.limits import MAX_VERSION_LENGTH

    utf8, escaped = 4, 6  # bytes per character at most: UTF-8, or a JSON escape (\\u0022)
    action = len('    {"role": "", "option": ""},\n') + 2 * MAX_ID_LENGTH
    humans = MAX_ROLES * (len('"": "", ') + MAX_ID_LENGTH + escaped * MAX_PLAYER_NAME)
    texts = escaped * (2 * MAX_SAVE_TEXT + MAX_VERSION_LENGTH + MAX_HASH_LENGTH + MAX_NAME)
    header = 1000
    largest = header + texts + humans + MAX_ACTIONS * action
    assert utf8 <= escaped and largest < MAX_SAVE_BYTES, f"{largest:,} > {MAX_SAVE_BYTES:,}"
    assert dt.date.max.year == 9999


def test_a_seat_taken_by_a_name_with_escapes_is_refused_like_any_player_name(
    tmp_path: Path,
) -> None:
    from excomm_sim.engine.moves import TakeSeat
    from excomm_sim.saves import with_actions

    save = with_actions(
        make_save(actions=0), [TakeSeat("admiral", "Bo\x1b[2J")], dt.datetime.now(dt.UTC)
    )
    with pytest.raises(SaveError, match=r"actions\[0\]\.player: the player name contains"):
        write_save(tmp_path / "game.json", save)


def test_an_argument_and_a_note_of_the_teacher_keep_their_lines(tmp_path: Path) -> None:
    from excomm_sim.engine.moves import Inject
    from excomm_sim.saves import with_actions

    moves = [Action("president", "option_0", "first, this;\nthen\tthat"), Inject("news", "a\nb")]
    save = with_actions(make_save(actions=0), moves, dt.datetime.now(dt.UTC))
    write_save(tmp_path / "game.json", save)
    assert read_save(tmp_path / "game.json") == save
