"""Ignore comments: ``# excomm: ignore[W501]`` silences one finding on purpose.

Modelled on the linters' comments (``# noqa: E501``, ``# type: ignore[code]``,
``// eslint-disable-line rule``): a comment names the codes it silences, and applies to
the findings on its own line, or anywhere in a value that starts on its line (a block
scalar ``when: >  # excomm: ignore[E401]``, whose text cannot hold a comment). A comment
``# excomm: ignore-file[W412]`` anywhere silences a code in the whole file.

Only warnings and the logic checks' errors can be silenced: an error of the reader
stops the file from loading, so there is nothing to play with it silenced. A comment
that silences nothing is itself a warning (W601), like ruff's unused ``noqa``, so stale
comments do not pile up; one that names no code or an unknown one is W602.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from attrs import frozen

from excomm_sim.scenario.codes import CODES
from excomm_sim.scenario.problems import Problem
from excomm_sim.scenario.yamlnodes import SourceText, YMap, YNode, YScalar, YSeq

_COMMENT = re.compile(r"#\s*excomm\s*:\s*ignore(?P<file>-file)?(?:\[(?P<codes>[^\]\n]*)\])?")
_CODE = re.compile(r"[EW]\d{3}")


@frozen
class Ignore:
    """One ignore comment: where it stands, the codes it names, the lines it covers."""

    line: int
    column: int
    codes: tuple[str, ...]
    first: int
    last: int
    whole_file: bool = False

    def covers(self, problem: Problem) -> bool:
        return self.whole_file or self.first <= problem.line <= self.last


def find_ignores(source: SourceText, tree: YNode | None) -> list[Ignore]:
    """Every ignore comment in the file (none when ``excomm:`` appears nowhere)."""
    text = source.text
    if "excomm" not in text:
        return []
    scalars = sorted(_scalars(tree, text)) if tree is not None else []
    found: list[Ignore] = []
    for match in _COMMENT.finditer(text):
        start = match.start()
        if start > 0 and text[start - 1] not in " \t\n\r":
            continue  # a '#' that does not start a YAML comment
        if any(low <= start < high for low, high, _, _ in scalars):
            continue  # inside a value, not a comment
        line, column = source.position(start)
        last = max([line, *(end for _, _, first, end in scalars if first == line)])
        codes = tuple(part.strip() for part in (match.group("codes") or "").split(","))
        found.append(
            Ignore(
                line,
                column,
                tuple(code for code in codes if code),
                line,
                last,
                bool(match.group("file")),
            )
        )
    return found


def _scalars(node: YNode, text: str) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, first line, last line) of every scalar in the tree.

    A block scalar's text starts on the line after its ``|`` or ``>``, so the rest of that
    line (where a comment may stand) is not counted as inside it.
    """
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, YScalar):
            end = current.node.end_mark
            # A block scalar ends at the start of the line after it.
            last = int(end.line) + (0 if end.column == 0 and end.line > current.line - 1 else 1)
            start = current.index
            if current.style in ("|", ">"):
                start = text.find("\n", start) + 1 or current.end
            yield start, current.end, current.line, last
        elif isinstance(current, YMap):
            stack.extend(entry.value for entry in current.entries.values())
        elif isinstance(current, YSeq):
            stack.extend(current.items)


def silenceable(problem: Problem) -> bool:
    """Warnings, and errors of the logic checks (the file loads with those)."""
    code = CODES.get(problem.code)
    return problem.severity == "warning" or (code is not None and code.logic)


def apply_ignores(
    problems: Sequence[Problem], ignores: Sequence[Ignore], logic_ran: bool = True
) -> list[Problem]:
    """``problems`` without the silenced ones, plus a warning for each idle or bad comment.

    When the logic checks did not run (the file has errors), a comment naming one of their
    codes cannot be judged idle, so it is left alone.
    """
    if not ignores:
        return list(problems)
    used: set[tuple[int, str]] = set()
    kept: list[Problem] = []
    for problem in problems:
        silencer = next(
            (
                ignore
                for ignore in ignores
                if problem.code in ignore.codes and ignore.covers(problem)
            ),
            None,
        )
        if silencer is not None and silenceable(problem):
            used.add((silencer.line, problem.code))
        else:
            kept.append(problem)
    filename = problems[0].file if problems else ""
    for ignore in ignores:
        kept.extend(_complaints(ignore, used, filename, logic_ran))
    return sorted(kept, key=lambda problem: (problem.line, problem.column))


def _complaints(
    ignore: Ignore, used: set[tuple[int, str]], filename: str, logic_ran: bool
) -> Iterator[Problem]:
    def warn(code: str, message: str) -> Problem:
        return Problem(filename, ignore.line, ignore.column, "", message, "warning", code)

    if not ignore.codes:
        yield warn("W602", "name the codes this comment silences, as in # excomm: ignore[W501]")
    for code in ignore.codes:
        known = CODES.get(code)
        if not _CODE.fullmatch(code) or known is None:
            yield warn("W602", f"'{code}' is not a code excomm-sim reports (see docs/codes.md)")
        elif (ignore.line, code) not in used and (logic_ran or not known.logic):
            if known.severity == "error" and not known.logic:
                why = f"{code} is an error that stops the file loading, and cannot be silenced"
            elif ignore.whole_file:
                why = f"there is no {code} finding in this file"
            else:
                why = f"there is no {code} finding on this line"
            yield warn("W601", f"this ignore comment silences nothing: {why}")
