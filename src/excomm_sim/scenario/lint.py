"""Everything ``validate`` says about a file: the reader's problems, the logic checks, ignores.

``lint_text`` and ``lint_path`` read a scenario as the game does (``load.read_text``), run
the logic checks (``logic``) on the model when it loads, place their findings in the file
through the located YAML tree, and apply the file's ignore comments (``suppress``). The
game itself loads with ``load``: the logic checks are for authors, and a file they flag
still plays. The language server calls ``lint_text`` on every edit.
"""

from __future__ import annotations

import os
import re

from attrs import frozen

from excomm_sim.scenario.codes import CODES
from excomm_sim.scenario.load import (
    MAX_FILE_BYTES,
    Loaded,
    check_bytes,
    check_path,
    collector_paused,
    read_text,
)
from excomm_sim.scenario.logic.checks import Finding, logic_findings
from excomm_sim.scenario.model import Scenario
from excomm_sim.scenario.problems import Problem, Severity
from excomm_sim.scenario.suppress import apply_ignores, find_ignores
from excomm_sim.scenario.userfiles import read_limited
from excomm_sim.scenario.yamlnodes import SourceText, YMap, YNode, YScalar, YSeq

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@frozen
class Linted:
    """A linted file: the model (None on errors), every problem to show, and the reading."""

    scenario: Scenario | None
    problems: tuple[Problem, ...]
    loaded: Loaded


def lint_text(text: str, filename: str = "<string>", keep_tree: bool = False) -> Linted:
    """Read ``text``, run the logic checks if it loads, and apply its ignore comments.

    ``keep_tree`` keeps the located YAML tree in ``loaded`` (the language server reads it);
    without it the tree is freed before the collector resumes, which keeps a big file fast.
    """
    with collector_paused():  # the located tree is alive throughout: see load.read_text
        linted = _lint(text, filename)
        if not keep_tree:
            linted = Linted(linted.scenario, linted.problems, Loaded(linted.scenario, ()))
        return linted


def _lint(text: str, filename: str) -> Linted:
    loaded = read_text(text, filename, keep_tree=True)
    problems = list(loaded.problems)
    logic_ran = loaded.scenario is not None and loaded.tree is not None
    if loaded.scenario is not None and loaded.tree is not None:
        problems += place(logic_findings(loaded.scenario), loaded.tree, loaded.source, filename)
    if loaded.source is not None:
        ignores = find_ignores(loaded.source, loaded.tree)
        problems = apply_ignores(problems, ignores, logic_ran)
    ordered = tuple(sorted(problems, key=lambda problem: (problem.line, problem.column)))
    return Linted(loaded.scenario, ordered, loaded)


def lint_path(path: str | os.PathLike[str], keep_tree: bool = False) -> Linted:
    """``lint_text`` of a file; a file too big or not UTF-8 gets the reader's one problem.

    Raises OSError (``UnreadableFile``, saying what the path is) when it cannot be read.
    """
    filename = os.fspath(path)
    data, size = read_limited(path, MAX_FILE_BYTES)  # a regular file only, never blocking
    if size > MAX_FILE_BYTES:
        _, problems = check_path(path)
        return Linted(None, problems, Loaded(None, problems))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or len(data) > MAX_FILE_BYTES:
        _, problems = check_bytes(data, filename)
        return Linted(None, problems, Loaded(None, problems))
    return lint_text(text, filename, keep_tree)


def node_at(tree: YNode, path: str) -> YNode | None:
    """The node at a document path such as ``decisions[3].options[1].when``, or None."""
    node: YNode | None = tree
    for key, index in _STEP.findall(path):
        if isinstance(node, YMap) and key:
            entry = node.entries.get(key)
            node = entry.value if entry is not None else None
        elif isinstance(node, YSeq) and index:
            position = int(index)
            node = node.items[position] if position < len(node.items) else None
        elif index == "0" and node is not None and not isinstance(node, YSeq):
            continue  # a list of one written as its single item (effects: x += 1)
        else:
            return None
    return node


def place(
    findings: list[Finding], tree: YNode, source: SourceText | None, filename: str
) -> list[Problem]:
    """Problems at the file position of each finding's path (or its nearest parent), at the
    character inside the expression when the finding has an offset."""
    placed = []
    for finding in findings:
        path = finding.path
        node = node_at(tree, path)
        while node is None and path:
            path = path.rsplit(".", 1)[0] if "." in path else ""
            node = node_at(tree, path)
        line, column = (node.line, node.column) if node is not None else (1, 1)
        if finding.offset >= 0 and isinstance(node, YScalar) and source is not None:
            if node.style in ("", "'", '"') and "\n" not in node.text and "\\" not in node.text:
                # One line, no escapes: the offset is a column away (skipping the quote).
                column += finding.offset + (1 if node.style else 0)
            else:
                line, column = source.locate(node, finding.offset)
        severity: Severity = "error" if CODES[finding.code].severity == "error" else "warning"
        placed.append(
            Problem(filename, line, column, finding.path, finding.message, severity, finding.code)
        )
    return placed


__all__ = ["Linted", "lint_path", "lint_text", "node_at", "place"]
