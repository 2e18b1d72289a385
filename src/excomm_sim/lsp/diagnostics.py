"""validate's problems as diagnostics: each with the range it covers in the file.

A problem has a start (line and column); the range runs to the end of the value its path
names when that value starts there (a whole condition that never holds), else, and for
problems about one part of an expression (an unknown name), to the end of the word at
the start, so an editor underlines the right thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from excomm_sim.lsp.assist import Spot
from excomm_sim.scenario.lint import node_at
from excomm_sim.scenario.problems import Problem
from excomm_sim.scenario.yamlnodes import YNode, YScalar

_WORD = re.compile(r"[A-Za-z0-9_]+|\S")
IN_EXPRESSION = frozenset({"E202", "E203", "E204", "E306", "W307", "W417"})
"""Codes that point at one part of an expression: the range is that word, not the value."""
UNNECESSARY = frozenset({"W404", "W414", "W416", "W417", "W501", "W502"})
"""Codes for text that does nothing: editors may fade it."""


@frozen
class Diagnostic:
    spot: Spot
    severity: str
    code: str
    message: str
    unnecessary: bool = False


def diagnostics(
    problems: Sequence[Problem], lines: Sequence[str], tree: YNode | None
) -> list[Diagnostic]:
    return [
        Diagnostic(
            _spot(problem, lines, tree),
            problem.severity,
            problem.code,
            problem.message,
            problem.code in UNNECESSARY,
        )
        for problem in problems
    ]


def _spot(problem: Problem, lines: Sequence[str], tree: YNode | None) -> Spot:
    row = max(problem.line - 1, 0)
    column = max(problem.column - 1, 0)
    if row >= len(lines):
        return Spot(row, column, row, column)
    line = lines[row].rstrip("\r\n")
    whole = tree is not None and problem.path and problem.code not in IN_EXPRESSION
    node = node_at(tree, problem.path) if tree is not None and whole else None
    if isinstance(node, YScalar) and (node.line, node.column) == (problem.line, problem.column):
        end = node.node.end_mark
        end_row, end_column = int(end.line), int(end.column)
        if end_row == row:
            return Spot(row, column, row, max(end_column, column + 1))
        return Spot(row, column, row, max(len(line), column + 1))
    word = _WORD.match(line, column)
    if word is not None:
        return Spot(row, column, row, word.end())
    return Spot(row, column, row, column)
