"""Shared plumbing for the instructor commands: find and load a scenario, write output."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from excomm_sim.scenario.model import Scenario


def resolve_scenario_path(name: str | None) -> Path:
    """A path as given, or a bundled scenario by stem (``meeting19``) when no file matches."""
    from excomm_sim.paths import bundled_scenario

    if name is None:
        return bundled_scenario()
    path = Path(name)
    if not path.exists() and path.suffix == "" and bundled_scenario(name).exists():
        return bundled_scenario(name)
    return path


def load_scenario_or_report(name: str | None) -> Scenario | None:
    """Load a scenario; on failure print every problem (file:line:col) to stderr, return None."""
    from excomm_sim.scenario.characters import visible
    from excomm_sim.scenario.load import ScenarioError, load_path

    path = resolve_scenario_path(name)
    try:
        return load_path(path)
    except ScenarioError as error:
        problems = getattr(error, "problems", ())
        if problems:
            for problem in problems:
                print(visible(str(problem)), file=sys.stderr)
        else:
            print(visible(str(error)), file=sys.stderr)
        return None
    except OSError as error:
        print(visible(f"{path}: cannot read: {error.strerror or error}"), file=sys.stderr)
        return None


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` so a reader never sees half a file: temp file, fsync, replace."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())  # as open() would make it, not mkstemp's 0600
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def create_text(path: Path, text: str) -> None:
    """Write a new file, never replacing one: FileExistsError if ``path`` is taken.

    The text goes to a temporary file first (written and fsynced), which is then linked
    to ``path``: the link fails if the name exists, so the check and the creation are one
    step and no reader ever sees half a file. Where the file system has no hard links,
    the name is reserved with O_EXCL and written in place.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())  # as open() would make it, not mkstemp's 0600
        try:
            os.link(temp_name, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some network and FAT file systems)
            with path.open("x", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
    finally:
        Path(temp_name).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def emit(text: str, output: str | None) -> int:
    """Print ``text`` or write it to ``output``; returns an exit code (2 if unwritable)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_text_atomic(Path(output), text)
    except OSError as error:
        print(f"{output}: cannot write: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"wrote {output}", file=sys.stderr)
    return 0
