"""Load a scenario file into the model, or report every problem in it with file:line:column.

The public entry points: ``load_path`` and ``load_text`` return a ``Scenario`` or raise
``ScenarioError`` carrying all problems (warnings alone never raise); ``check_text`` returns
the model (or None) together with every problem, warnings included, for ``validate``.
Reading is YAML via a safe loader only; nothing in a file is ever executed.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Iterator

from attrs import evolve, frozen

from excomm_sim.scenario.build import build_scenario
from excomm_sim.scenario.fields import Context
from excomm_sim.scenario.limits import MAX_FILE_BYTES
from excomm_sim.scenario.model import Scenario
from excomm_sim.scenario.problems import Problem, Problems, ScenarioError
from excomm_sim.scenario.textchecks import check_characters
from excomm_sim.scenario.userfiles import read_limited
from excomm_sim.scenario.yamlnodes import SourceText, YNode
from excomm_sim.scenario.yamlread import read_yaml

__all__ = [
    "MAX_FILE_BYTES",
    "Loaded",
    "Problem",
    "ScenarioError",
    "check_bytes",
    "check_path",
    "check_text",
    "load_path",
    "load_text",
    "read_text",
]


def check_text(
    text: str, filename: str = "<string>"
) -> tuple[Scenario | None, tuple[Problem, ...]]:
    """The scenario (None if any error) and every problem found, warnings included."""
    loaded = read_text(text, filename)
    return loaded.scenario, loaded.problems


@frozen
class Loaded:
    """All that reading a text gives: the model (None on errors), the problems, and the
    located YAML tree with its source (None when the text never got that far), for tools
    that point into the file (the logic checks, the language server)."""

    scenario: Scenario | None
    problems: tuple[Problem, ...]
    tree: YNode | None = None
    source: SourceText | None = None


def read_text(text: str, filename: str = "<string>", keep_tree: bool = False) -> Loaded:
    """``check_text``'s whole result; with ``keep_tree`` the located tree and source too.

    The tree is large (several objects per value): keep it only when it is used, and read
    with the collector paused (``collector_paused``) while it is alive, as this does.
    """
    problems = Problems(filename)
    if len(text) > MAX_FILE_BYTES:
        problems.add(1, 1, "", _too_big(len(text), "characters"))
        return Loaded(None, problems.sorted())
    if text.startswith("\ufeff"):
        text = text[1:]
    source = SourceText(text)
    if not check_characters(source, problems):
        return Loaded(None, problems.sorted(), None, source)
    with collector_paused():
        # In a function of its own so the YAML graph is freed before the collector resumes.
        tree, scenario = _build(source, problems)
        if not keep_tree:
            tree = None
    if problems.has_errors or scenario is None:
        return Loaded(None, problems.sorted(), tree, source)
    return Loaded(scenario, problems.sorted(), tree, source)


def _build(source: SourceText, problems: Problems) -> tuple[YNode | None, Scenario | None]:
    root = read_yaml(source, problems)
    if problems.has_errors:
        return root, None
    return root, build_scenario(Context(problems, source), root)


def check_bytes(
    data: bytes, filename: str = "<bytes>"
) -> tuple[Scenario | None, tuple[Problem, ...]]:
    """Like ``check_text`` for a file's bytes: size limit first, then UTF-8, then the rest."""
    if len(data) > MAX_FILE_BYTES:
        return None, (Problem(filename, 1, 1, "", _too_big(len(data), "bytes")),)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, (
            Problem(
                filename,
                line,
                column,
                "",
                f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8",
            ),
        )
    scenario, problems = check_text(text, filename)
    if scenario is not None:
        scenario = evolve(scenario, content_hash=hashlib.sha256(data).hexdigest(), path=filename)
    return scenario, problems


def load_text(text: str, filename: str = "<string>") -> Scenario:
    """The scenario in ``text``; raises ScenarioError listing every problem if any is an error."""
    scenario, problems = check_text(text, filename)
    if scenario is None:
        raise ScenarioError(problems)
    return evolve(scenario, content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())


def load_path(path: str | os.PathLike[str]) -> Scenario:
    """Read and load a scenario file; the size limit is checked before the file is parsed.

    Raises ScenarioError for problems in the file and OSError when it cannot be read.
    """
    scenario, problems = check_path(path)
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def check_path(path: str | os.PathLike[str]) -> tuple[Scenario | None, tuple[Problem, ...]]:
    """``check_bytes`` of a file, read at most one byte past the limit.

    Only a regular file is read, and never in a way that blocks (a named pipe is refused
    at once); ``UnreadableFile``, an OSError saying what the path is, when it cannot be.
    """
    filename = os.fspath(path)
    data, size = read_limited(path, MAX_FILE_BYTES)
    if size > MAX_FILE_BYTES:
        return None, (Problem(filename, 1, 1, "", _too_big(size, "bytes")),)
    return check_bytes(data, filename)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file is read.

    Loading allocates hundreds of thousands of objects and no reference cycles worth
    collecting; left on, the collector rescans the growing heap again and again, which
    made a large file three times slower. The temporary YAML graph is freed (by reference
    counting) before the collector resumes, so its first pass afterwards sees only the
    model. Its previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _too_big(size: int, unit: str) -> str:
    return (
        f"the file is too large ({size:,} {unit}; the limit is {MAX_FILE_BYTES:,} bytes); "
        "a scenario this big is probably not what you meant"
    )
