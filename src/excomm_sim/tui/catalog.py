"""Finding scenarios for the menus, with each broken file's problems kept as text.

Pure of Textual: the picker renders what these functions return, and a broken file
becomes an entry with its messages instead of an exception. (The load list's saves are
read by ``saves.summary``.)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from attrs import frozen

from excomm_sim.scenario.model import Scenario


@frozen
class ScenarioEntry:
    """A scenario file as the picker lists it: loaded, or the problems that stop it."""

    path: Path
    scenario: Scenario | None
    problems: tuple[str, ...] = ()
    bundled: bool = False


def load_scenario(path: Path, bundled: bool = False) -> ScenarioEntry:
    """Load one scenario file; every problem ("file:line:col: error: ...") becomes a line."""
    from excomm_sim.scenario.load import ScenarioError, load_path

    try:
        scenario = load_path(path)
    except ScenarioError as error:
        problems = tuple(str(problem) for problem in getattr(error, "problems", ())) or (
            str(error),
        )
        return ScenarioEntry(path, None, problems, bundled)
    except OSError as error:
        return ScenarioEntry(path, None, (f"{path}: cannot read: {error.strerror}",), bundled)
    return ScenarioEntry(path, scenario, (), bundled)


def scan_scenarios(bundled_dir: Path, extra_dirs: Sequence[Path] = ()) -> list[ScenarioEntry]:
    """Every *.yaml in the bundled folder, then in each instructor's folder, sorted by name."""
    entries: list[ScenarioEntry] = []
    for folder, bundled in [(bundled_dir, True), *((d, False) for d in extra_dirs)]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.y*ml")):
            entries.append(load_scenario(path, bundled))
    return entries
