"""Located problems in a scenario file, the collector that gathers them, and ScenarioError.

The loader never stops at the first mistake: every check records a ``Problem`` into a
``Problems`` collector and carries on, so an author fixes a file in one pass. Problems print
like a compiler's (``file:line:col: error: message [path]``) so editors can jump to them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Literal

from attrs import Factory, frozen

from excomm_sim.scenario.characters import visible
from excomm_sim.scenario.codes import classify

Severity = Literal["error", "warning"]


@frozen
class Problem:
    """One finding: where (file, 1-based line and column, document path), what, how bad."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = "error"
    code: str = Factory(lambda self: classify(self.message, self.severity), takes_self=True)
    """Its stable code (E101, W501, ...: see ``codes``), from the message if not given."""

    def __str__(self) -> str:
        where = f" [{self.path}]" if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}{where}"

    def coded(self) -> str:
        """The compiler-style line with the code, as ``validate`` prints it (rustc's form)."""
        where = f" [{self.path}]" if self.path else ""
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity}[{self.code}]: "
            f"{self.message}{where}"
        )

    def as_dict(self) -> dict[str, str | int]:
        """The JSON shape ``excomm-sim validate --json`` prints."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "severity": self.severity,
            "message": self.message,
            "code": self.code,
        }


class ScenarioError(Exception):
    """A scenario file could not be loaded; ``problems`` holds every finding, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "error")


class Problems:
    """Collects problems for one file; ``has_errors`` decides whether a model is built."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self._items: list[Problem] = []
        self._seen: set[tuple[int, int, str]] = set()

    def add(
        self,
        line: int,
        column: int,
        path: str,
        message: str,
        severity: Severity = "error",
        code: str = "",
    ) -> None:
        """Record a problem at a 1-based line and column (an identical repeat is dropped).

        Without ``code`` the problem's code is worked out from its message (``classify``).
        Control characters the file smuggled into a message (an unknown key written
        ``"\\e[2J"``) are shown as escapes: a problem is printed to a terminal.
        """
        message, path = visible(message), visible(path)
        key = (line, column, message)
        if key in self._seen:
            return
        self._seen.add(key)
        line, column = max(line, 1), max(column, 1)
        if code:
            problem = Problem(self.filename, line, column, path, message, severity, code)
        else:
            problem = Problem(self.filename, line, column, path, message, severity)
        self._items.append(problem)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self._items)

    def sorted(self) -> tuple[Problem, ...]:
        """Problems in file order (stable for equal positions)."""
        return tuple(sorted(self._items, key=lambda problem: (problem.line, problem.column)))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or "" when nothing is close."""
    match = closest(word, choices)
    return f" (did you mean '{match}'?)" if match is not None else ""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely misspells, or None when nothing is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None
