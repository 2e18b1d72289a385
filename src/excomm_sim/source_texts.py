"""Read the source texts a scenario ships beside it (``sources: - file: record.txt``).

The shell half of ``scenario.documents``: this module does the file I/O (a regular file
only, never blocking, size-limited, UTF-8, and only inside the scenario's own folder) and
hands the text to the pure indexer. ``validate`` uses ``check_source_texts`` to report an
unreadable text and every citation that names a page or paragraph the text does not
have; the game and the reports use ``source_texts`` to show a cited paragraph.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from excomm_sim.scenario.documents import (
    MAX_SOURCE_TEXT_BYTES,
    Document,
    citation_problems,
    read_document,
)
from excomm_sim.scenario.model import Scenario, Source
from excomm_sim.scenario.problems import Problem
from excomm_sim.scenario.userfiles import read_limited

__all__ = ["check_source_texts", "source_text_path", "source_texts"]


def source_text_path(
    scenario: Scenario, source: Source, scenario_path: str | os.PathLike[str] | None = None
) -> Path | None:
    """Where ``source``'s text lies: its ``file`` beside the scenario's file
    (``scenario_path``, or where the scenario was loaded from); None when it names none,
    or the scenario was not loaded from a file."""
    where = scenario_path if scenario_path is not None else scenario.path
    if not source.file or not where:
        return None
    return Path(where).parent / source.file


def source_texts(
    scenario: Scenario, scenario_path: str | os.PathLike[str] | None = None
) -> tuple[Mapping[str, Document], list[Problem]]:
    """Every source text the scenario names, indexed by source id, and a located problem
    for each that cannot be read (those are left out). ``scenario_path`` is the scenario's
    file, when the model does not know it (``Scenario.path`` is set by ``load_path``)."""
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    for index, source in enumerate(scenario.sources):
        path = source_text_path(scenario, source, scenario_path)
        if path is None:
            continue
        folder = path.parents[len(Path(source.file).parts) - 1]  # the scenario's folder
        text, trouble = _read(path, folder, source)
        if text is None:
            where = source.location
            problems.append(
                Problem(where.file, where.line, where.column, f"sources[{index}].file", trouble)
            )
            continue
        document, found = read_document(text, source.id, os.fspath(path))
        documents[source.id] = document
        problems.extend(found)
    return documents, problems


def check_source_texts(
    scenario: Scenario, scenario_path: str | os.PathLike[str] | None = None
) -> list[Problem]:
    """What ``validate`` adds for a scenario that ships source texts: texts that cannot be
    read, page markers out of order, and citations of pages or paragraphs not there."""
    documents, problems = source_texts(scenario, scenario_path)
    return [*problems, *citation_problems(scenario, documents)]


def _read(path: Path, folder: Path, source: Source) -> tuple[str | None, str]:
    """The text at ``path``, or None and why it cannot be read."""
    named = f"the text of source '{source.id}' ({source.file})"
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        inside = False
    if not inside:
        return None, f"cannot read {named}: it leads outside the scenario's folder"
    try:
        data, size = read_limited(path, MAX_SOURCE_TEXT_BYTES)
    except OSError as error:
        return None, f"cannot read {named}: {error.strerror or error}"
    if size > MAX_SOURCE_TEXT_BYTES:
        return None, (
            f"cannot read {named}: it is {size:,} bytes, more than a source text may hold "
            f"({MAX_SOURCE_TEXT_BYTES:,})"
        )
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        return None, f"cannot read {named}: it is not UTF-8 text (byte {error.start:,})"
