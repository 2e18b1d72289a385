"""Save files on disk: atomic writes, bounded strict reads, safe names, listing, finding scenarios.

Nothing a player did may be lost: a write goes to a temporary file in the same folder, is
flushed to the disk, then renamed over the old save in one step, so a crash or a kill
leaves either the old save or the new one, whole. Names a player types can never reach
outside the saves folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from excomm_sim.saves.format import SaveError, SaveGame, to_json
from excomm_sim.saves.leftovers import TEMP_SUFFIX, remove_stale_temp_files, temp_prefix
from excomm_sim.saves.reading import from_json
from excomm_sim.scenario.limits import MAX_FILE_BYTES
from excomm_sim.scenario.userfiles import UnreadableFile, read_limited, sha256_of

MAX_SAVE_BYTES = 4 * 1024 * 1024
"""Larger files are refused unread: no real save comes near this (a game is a few KB)."""

SUFFIX = ".json"
MAX_NAME = 200
"""Longest file name accepted (file systems allow 255 bytes; leave room for temp names)."""

_FORBIDDEN_NAME_CHARACTERS = frozenset('/\\:*?"<>|')


def write_save(path: Path, save: SaveGame) -> None:
    """Write ``save`` to ``path`` atomically; creates the folder; SaveError if it cannot.

    Readers (and a crash at any moment) see the previous file or the new one, never part
    of one: temp file in the same folder, flush, fsync, ``os.replace``, fsync the folder.
    Afterwards, stale temp files an earlier killed write of this save left are removed.
    """
    from excomm_sim import __version__

    path = Path(path)
    folder = path.parent
    data = checked_json(save, written_by=f"excomm-sim {__version__}", path=path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            prefix=temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:
        raise SaveError(path, f"cannot write: {error.strerror or error}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise SaveError(path, f"cannot write: {error.strerror or error}") from error
        raise
    _fsync_folder(folder)
    remove_stale_temp_files(folder, save_name=path.name)


def checked_json(save: SaveGame, written_by: str = "", path: Path | None = None) -> bytes:
    """The save's file content, once the reader has read it back as the same save.

    The writer never writes what ``read_save`` would refuse (a name too long, a control
    character, a seed out of range, a file over ``MAX_SAVE_BYTES``): it runs the reader's
    own checks on the very bytes, so the two can never disagree, and raises SaveError
    instead. The shells refuse such input up front; this is the last guard.
    """
    text = to_json(save, written_by=written_by)
    try:
        again = from_json(text, path)
    except SaveError as error:
        raise SaveError(path, f"cannot save: {error.problem}") from None
    if again != save:
        raise SaveError(path, "cannot save: the file would not read back as this game")
    data = text.encode("utf-8")  # the reader refused lone surrogates: this cannot fail
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(path, f"cannot save: over {MAX_SAVE_BYTES // (1024 * 1024)} MB")
    return data


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform lets a folder be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_save(path: Path) -> SaveGame:
    """Read and validate a save; SaveError (naming the file) if it is not a whole, known save."""
    path = Path(path)
    try:
        data, size = read_limited(path, MAX_SAVE_BYTES)
    except UnreadableFile as error:
        problem = error.strerror or "cannot be read"
        if problem == "no such file":
            problem = "no such save file"
        elif problem == "is a folder, not a file":
            problem = "is a folder, not a save file"
        raise SaveError(path, problem) from None
    except OSError as error:
        raise SaveError(path, f"cannot read: {error.strerror or error}") from None
    if size > MAX_SAVE_BYTES:
        raise SaveError(path, f"too large to be a save (over {MAX_SAVE_BYTES // (1024 * 1024)} MB)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SaveError(
            path, f"not an excomm-sim save (not UTF-8 text: bad byte at offset {error.start})"
        ) from None
    return from_json(text, path)


def safe_save_path(saves_dir: Path, name: str) -> Path:
    """``saves_dir / name`` (``.json`` added if missing), refusing any name that could escape.

    Refused: empty names, ``.`` and ``..``, names starting with a dot (hidden and
    temporary files), path separators, drive letters and other characters Windows forbids,
    control characters including NUL, absolute paths, overlong names, and names that
    resolve outside the folder through a link.
    """
    if not isinstance(name, str) or not name.strip():
        raise SaveError(None, "a save name must not be empty")
    if any(ord(character) < 32 or character == "\x7f" for character in name):
        raise SaveError(None, f"save name {name!r} contains a control character")
    if name in (".", "..") or name.startswith("."):
        raise SaveError(None, f"save name {name!r} must not start with a dot")
    bad = sorted(set(name) & _FORBIDDEN_NAME_CHARACTERS)
    if bad or (os.sep in name) or (os.altsep and os.altsep in name):
        shown = " ".join(bad) if bad else os.sep
        raise SaveError(None, f"save name {name!r} must not contain {shown}")
    if Path(name).is_absolute():
        raise SaveError(None, f"save name {name!r} must not be an absolute path")
    if name != name.strip():
        raise SaveError(None, f"save name {name!r} must not start or end with spaces")
    if not name.endswith(SUFFIX):
        name += SUFFIX
    if len(name.encode("utf-8")) > MAX_NAME:
        raise SaveError(None, f"save name is too long (at most {MAX_NAME} bytes)")
    folder = Path(saves_dir)
    candidate = folder / name
    resolved_folder = folder.resolve()
    if candidate.resolve().parent != resolved_folder:
        raise SaveError(candidate, "is a link that leads outside the saves folder")
    return candidate


def save_path(saves_dir: Path, save: SaveGame) -> Path:
    """A fresh file name for ``save``, reserved: ``<scenario id>-<YYYYmmdd-HHMMSS>[-n].json``.

    The name is taken by creating the file, empty, in one step that fails if it exists
    (``O_CREAT | O_EXCL``), so two games started in the same second in two processes get
    two files; the first ``write_save`` fills it. An empty save file is a game reserved
    and not yet saved: the load list shows it as unreadable, and no other game takes it.
    If the folder cannot be written now, the first free name is returned unreserved, and
    the first write that succeeds creates it.
    """
    try:
        created = dt.datetime.fromisoformat(save.created)
        stamp = created.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    except ValueError:
        stamp = "game"
    base = f"{save.scenario_id}-{stamp}"
    folder = Path(saves_dir)
    with contextlib.suppress(OSError):  # if so, reserving fails below: see the docstring
        folder.mkdir(parents=True, exist_ok=True)
    number = 1
    while True:
        name = base if number == 1 else f"{base}-{number}"
        number += 1
        try:
            candidate = safe_save_path(folder, name)
        except SaveError:
            if (folder / f"{name}{SUFFIX}").is_symlink():
                continue  # a link in the way (to outside the folder) is never followed
            raise
        try:
            descriptor = os.open(candidate, _RESERVE_FLAGS, 0o600)
        except FileExistsError:
            continue
        except OSError:
            if candidate.exists() or candidate.is_symlink():
                continue
            return candidate
        os.close(descriptor)
        return candidate


_RESERVE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
"""Create the file, or fail if anything (a file, a link) has the name already."""


def _sort_key(path: Path) -> tuple[float, float]:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    try:
        updated = dt.datetime.fromisoformat(read_save(path).updated).timestamp()
    except (SaveError, ValueError):
        updated = mtime
    return (updated, mtime)


def list_saves(saves_dir: Path) -> list[Path]:
    """Every ``*.json`` file in the folder, newest first (by ``updated``, then mtime).

    Unreadable files are listed too (by their mtime) so the player can see and remove
    them; reading one gives its SaveError. Stale temp files of killed writes are removed
    on the way (one folder scan; reading the saves to sort them costs far more).
    """
    folder = Path(saves_dir)
    remove_stale_temp_files(folder)
    try:
        paths = [
            path
            for path in folder.iterdir()
            if path.suffix == SUFFIX and not path.name.startswith(".") and path.is_file()
        ]
    except OSError:
        return []
    keyed = sorted(((_sort_key(path), path.name, path) for path in paths), reverse=True)
    return [path for _key, _name, path in keyed]


def latest_save(saves_dir: Path) -> Path | None:
    """The newest save that reads cleanly, for "Continue"; None if there is none."""
    for path in list_saves(saves_dir):
        try:
            read_save(path)
        except SaveError:
            continue
        return path
    return None


def rename_save(path: Path, new_name: str) -> Path:
    """Give the save at ``path`` the name ``new_name`` (checked as ``safe_save_path``).

    The new name is taken atomically and never overwrites: a hard link to the new name
    fails if anything has it, and only then is the old name removed, so a crash leaves
    the game under one name or both, never under none. Where the folder cannot hold
    links, the new name is reserved (``O_EXCL``) and the file renamed over the reservation.
    Returns the new path; SaveError (saying why) if the name is taken, unsafe or unwritable.
    """
    path = Path(path)
    target = safe_save_path(path.parent, new_name)
    if target.name == path.name:
        return path
    read_save(path)  # only a save is renamed: the list never offers anything else
    try:
        os.link(path, target, follow_symlinks=False)
    except FileExistsError:
        raise SaveError(target, "a save of that name exists already; pick another name") from None
    except OSError:
        _reserve_and_replace(path, target)
    else:
        try:
            path.unlink()
        except OSError as error:
            target.unlink(missing_ok=True)
            raise SaveError(path, f"cannot rename: {error.strerror or error}") from None
    _fsync_folder(path.parent)
    return target


def _reserve_and_replace(path: Path, target: Path) -> None:
    """Rename without links: take ``target`` with O_EXCL, then replace it with ``path``."""
    try:
        os.close(os.open(target, _RESERVE_FLAGS, 0o600))
    except FileExistsError:
        raise SaveError(target, "a save of that name exists already; pick another name") from None
    except OSError as error:
        raise SaveError(target, f"cannot rename: {error.strerror or error}") from None
    try:
        os.replace(path, target)
    except OSError as error:
        target.unlink(missing_ok=True)
        raise SaveError(path, f"cannot rename: {error.strerror or error}") from None


def delete_save(path: Path) -> None:
    """Remove the save file at ``path``; SaveError if it is not a file or cannot be removed.

    Entries that are not saves (they fail to read, or are a pipe) may be removed too: the
    load list shows them so that a player can clear them away. A link is removed, never
    what it points to; a folder never.
    """
    path = Path(path)
    if not path.is_symlink():
        if not path.exists():
            raise SaveError(path, "no such save file")
        if path.is_dir():
            raise SaveError(path, "is a folder, not a save file")
    try:
        path.unlink()
    except OSError as error:
        raise SaveError(path, f"cannot delete: {error.strerror or error}") from None
    _fsync_folder(path.parent)


SCENARIO_SUFFIXES = (".yaml", ".yml")
"""A save's scenario is only ever looked for in files named like scenarios."""


def _hash_matches(path: Path, expected: str) -> bool:
    """Whether the file's sha256 is ``expected``: read in chunks, never past the loader's limit.

    A save may name any path as its scenario; a file larger than a scenario may be is
    never read whole (nor at all past the limit) just to be hashed.
    """
    if not expected:
        return False
    digest = sha256_of(path, MAX_FILE_BYTES)
    return digest is not None and expected in (digest, f"sha256:{digest}")


def resolve_scenario(save: SaveGame, search_dirs: Sequence[Path] = ()) -> Path | None:
    """The scenario file to replay ``save`` with, or None if none can be found.

    Candidates: the path it was played from (if it names a ``.yaml`` or ``.yml`` file: a
    save never makes the game open anything else), ``<id>.yaml`` / ``<id>.yml`` in each
    search folder, then the bundled scenario named by the save's id. The first whose bytes match
    the save's hash wins; failing that, the first that exists (``resume`` then explains
    that the scenario changed and replays as far as it still fits).
    """
    from excomm_sim.paths import bundled_scenarios_dir

    candidates: list[Path] = []
    if save.scenario_path:
        candidates.append(Path(save.scenario_path))
    for folder in search_dirs:
        candidates.extend(Path(folder) / f"{save.scenario_id}{ext}" for ext in (".yaml", ".yml"))
    candidates.append(bundled_scenarios_dir() / f"{save.scenario_id}.yaml")
    existing = [path for path in candidates if path.suffix in SCENARIO_SUFFIXES and path.is_file()]
    for path in existing:
        if _hash_matches(path, save.scenario_hash):
            return path
    return existing[0] if existing else None
