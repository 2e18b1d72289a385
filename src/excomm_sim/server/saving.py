"""A table's game as an ordinary save in the class folder, once it ends or is stopped.

The save holds the seed, the people seated at the start and every committed move (seat
changes and the teacher's injections included: save format 2), so ``replay``, ``report``
and ``class-report`` read a classroom game like any other. Its note says which table of
which lesson it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from attrs import evolve

from excomm_sim.saves import SaveError, new_save, save_path, with_actions, write_save
from excomm_sim.server.table import Table


def save_game(table: Table, class_dir: Path, scenario_path: str, started: str) -> Path:
    """Write ``table``'s game to a fresh file in ``class_dir``; OSError if it cannot."""
    now = dt.datetime.now(dt.UTC)
    try:
        begun = dt.datetime.fromisoformat(started.replace("Z", "+00:00"))
    except ValueError:
        begun = now
    save = new_save(table.scenario, table.seed, table.humans, begun, scenario_path=scenario_path)
    save = evolve(
        with_actions(save, table.moves, now),
        note=f"classroom lesson of {started}, table {table.number} (code {table.code})",
    )
    try:
        path = save_path(class_dir, save)
        write_save(path, save)
    except SaveError as error:
        raise OSError(str(error)) from None
    return path
