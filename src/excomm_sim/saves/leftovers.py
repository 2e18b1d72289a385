"""Temporary files a killed save left behind: their names, and removing the stale ones safely.

``write_save`` writes to ``.<save name>.<8 random characters>.tmp`` in the saves folder and
renames it over the save. A kill between the two leaves that hidden file behind; the save
itself stays whole. Nothing else ever removes it, so the store sweeps such leftovers when it
lists the folder and after each successful write.

Only names of exactly that shape are touched (``tempfile.mkstemp``'s random part is eight
characters of ``a-z0-9_``; a test pins that the store's real temp names match), only regular
files (never a link, a folder or anything else), only directly in the folder given, and only
when untouched for longer than :data:`STALE_AFTER_SECONDS`. Removal that fails is skipped in
silence: a read-only or shared folder must never stop a game from loading or saving.
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"

STALE_AFTER_SECONDS = 60 * 60
"""A temp file untouched this long has no live writer.

A live writer holds its temp file for one write of a save of a few KB (4 MiB at most):
milliseconds, seconds on a slow network drive, and the file's mtime moves with every
write. An hour is far beyond any real write and beyond the clock drift between a computer
and a network file server (which stamps the mtime). Were a live writer's file ever removed
anyway, its rename fails, ``write_save`` reports a ``SaveError``, the previous save is
still whole and the next autosave tries again: nothing a player did is lost. A file
stamped in the future (a clock set back) counts as fresh and is kept.
"""

_TEMP_NAME = re.compile(r"\.(?P<save>.+\.json)\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))


def temp_prefix(save_name: str) -> str:
    """The prefix ``write_save`` gives the temp file for the save called ``save_name``."""
    return f".{save_name}."


def is_temp_name(name: str, save_name: str | None = None) -> bool:
    """Whether ``name`` is a temp file name ``write_save`` makes (for ``save_name``, if given)."""
    match = _TEMP_NAME.fullmatch(name)
    if match is None:
        return False
    return save_name is None or match.group("save") == save_name


def remove_stale_temp_files(
    folder: Path, *, save_name: str | None = None, now: float | None = None
) -> list[Path]:
    """Remove stale leftovers of killed writes directly in ``folder``; return what went.

    ``save_name`` limits the sweep to one save's leftovers; ``now`` (seconds since the
    epoch) defaults to the clock. Never raises for a folder or file it cannot read or
    remove, and never follows a link.
    """
    current = time.time() if now is None else now
    try:
        with os.scandir(folder) as entries:
            candidates = [entry for entry in entries if is_temp_name(entry.name, save_name)]
    except OSError:
        return []
    removed: list[Path] = []
    for entry in candidates:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or current - info.st_mtime <= STALE_AFTER_SECONDS:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
