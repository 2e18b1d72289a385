"""Games started at the same moment never share a save file: names are reserved atomically.

``save_path`` used to check ``exists()`` while the file appeared only at the first write's
``os.replace``, so two games started in the same second were both told "Game saved in X"
and one was lost. Now the name is taken by creating the file (``O_CREAT | O_EXCL``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from excomm_sim.saves import read_save, save_path
from saves.conftest import NOW, STANDOFF

PROCESSES = 6
GAMES_EACH = 8

STARTER = f"""
import datetime as dt
import sys
import time
from pathlib import Path

from excomm_sim.engine.moves import Action
from excomm_sim.scenario.load import load_path
from excomm_sim.session import GameSession

folder, go, worker = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
scenario = load_path({str(STANDOFF)!r})
clock = lambda: dt.datetime({NOW.year}, {NOW.month}, {NOW.day}, tzinfo=dt.UTC)
while not go.exists():
    time.sleep(0.001)
for game in range({GAMES_EACH}):
    seed = worker * 1000 + game
    session = GameSession.new(scenario, seed, {{"governor": "Ann"}}, folder, clock=clock)
    # a game takes its file name at its first move
    legal = session.rules.legal_actions(session.state)
    session.act(next(move for move in legal if isinstance(move, Action)))
"""


def test_games_started_at_the_same_moment_in_parallel_processes_get_a_file_each(
    tmp_path: Path,
) -> None:
    folder, go = tmp_path / "saves", tmp_path / "go"
    starters = [
        subprocess.Popen([sys.executable, "-c", STARTER, str(folder), str(go), str(worker)])
        for worker in range(PROCESSES)
    ]
    time.sleep(1.0)  # let every process load the scenario and wait at the line
    go.touch()
    for starter in starters:
        assert starter.wait(timeout=120) == 0
    files = sorted(folder.glob("*.json"))
    assert len(files) == PROCESSES * GAMES_EACH
    seeds = sorted(read_save(path).seed for path in files)
    assert seeds == sorted(w * 1000 + g for w in range(PROCESSES) for g in range(GAMES_EACH))


def test_a_reserved_name_is_an_empty_file_no_other_game_takes(tmp_path: Path, played) -> None:  # type: ignore[no-untyped-def]
    save = played()
    first = save_path(tmp_path, save)
    assert first.exists() and first.read_bytes() == b""
    second = save_path(tmp_path, save)
    assert second != first and second.name.endswith("-2.json")


def test_a_link_in_the_way_is_never_followed_or_reused(tmp_path: Path, played) -> None:  # type: ignore[no-untyped-def]
    save = played()
    target = tmp_path / "elsewhere.txt"
    (tmp_path / "saves").mkdir()
    taken = save_path(tmp_path / "saves", save)
    taken.unlink()
    taken.symlink_to(target)
    assert save_path(tmp_path / "saves", save) != taken
    assert not target.exists()


def test_an_unwritable_folder_gives_a_name_the_first_write_creates(tmp_path: Path, played) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "saves"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        path = save_path(folder, played())
        if path.exists():  # running as root: the folder is writable after all
            return
        assert path.parent == folder
    finally:
        folder.chmod(0o700)
