"""Saved games: a versioned JSON file of seed, players and actions, replayed through the engine.

The public names are the contract in docs/saves-api.md; shells import them from here.
"""

from __future__ import annotations

from excomm_sim.saves.format import (
    SAVE_FORMAT,
    BranchPoint,
    SaveError,
    SaveGame,
    branch,
    new_save,
    timestamp,
    with_actions,
)
from excomm_sim.saves.reading import player_name_problem
from excomm_sim.saves.replay import Resumed, resume
from excomm_sim.saves.store import (
    MAX_SAVE_BYTES,
    delete_save,
    latest_save,
    list_saves,
    read_save,
    rename_save,
    resolve_scenario,
    safe_save_path,
    save_path,
    write_save,
)

__all__ = [
    "MAX_SAVE_BYTES",
    "SAVE_FORMAT",
    "BranchPoint",
    "Resumed",
    "SaveError",
    "SaveGame",
    "branch",
    "delete_save",
    "latest_save",
    "list_saves",
    "new_save",
    "player_name_problem",
    "read_save",
    "rename_save",
    "resolve_scenario",
    "resume",
    "safe_save_path",
    "save_path",
    "timestamp",
    "with_actions",
    "write_save",
]
