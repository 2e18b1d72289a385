"""Killing a game while it saves never loses the previous save: it stays whole and readable."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from excomm_sim.saves import list_saves, read_save

ACTIONS_PER_SAVE = 10_000
OPTION_ID = "option_" + "x" * 57
"""The longest id a save holds: about 1 MB a save, long enough to write that kills often
land mid-write."""

WRITER = f"""
import sys
from pathlib import Path
from excomm_sim.engine.moves import Action
from excomm_sim.saves import SAVE_FORMAT, SaveGame, store, write_save
from excomm_sim.saves.store import checked_json

path = Path(sys.argv[1])
actions = tuple(Action("president", "{OPTION_ID}") for n in range({ACTIONS_PER_SAVE}))
saves = [
    SaveGame(
        format=SAVE_FORMAT, scenario_id="meeting19", scenario_version="1.0",
        scenario_hash="", scenario_path="", seed=seed, humans={{"president": "Ann"}},
        actions=actions, created="2026-03-01T09:00:00Z", updated="2026-03-01T09:00:00Z",
        note=f"version {{seed}}",
    )
    for seed in (0, 1)
]
# Serialising (and checking) is patched to precomputed bytes so the child spends its time
# writing, which is where a kill could tear a file.
texts = {{save.seed: checked_json(save) for save in saves}}
store.checked_json = lambda save, written_by="", path=None: texts[save.seed]
round_number = 0
while True:
    write_save(path, saves[round_number % 2])
    if round_number == 0:
        print("ready", flush=True)
    round_number += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_repeated_saves_keeps_a_whole_save(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    chooser = random.Random(1962)
    for _attempt in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(chooser.uniform(0.0, 0.25))  # a random moment, usually mid-write
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        save = read_save(path)
        assert save.note == f"version {save.seed}"
        assert len(save.actions) == ACTIONS_PER_SAVE
    assert list_saves(tmp_path) == [path]  # leftover temp files are hidden, never listed
