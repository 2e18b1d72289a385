"""Types, typing environment and error classes shared by the expression modules.

They live here so the tokenizer, parser and compiler can import them without a cycle;
``excomm_sim.scenario.expr`` re-exports every one of them and is where callers import from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from attrs import field, frozen

Value = int | bool | str
Env = Mapping[str, Value]
Kind = Literal["int", "bool", "enum"]
AssignOp = Literal["=", "+=", "-="]
ASSIGN_OPS: Mapping[str, AssignOp] = {"=": "=", "+=": "+=", "-=": "-="}
"""The assignment operators by their text: looking a token up narrows it to one."""


@frozen
class Type:
    """An expression's type: "int", "bool", or "enum" with its allowed ``values``."""

    kind: Kind
    values: frozenset[str] = frozenset()


INT = Type("int")
BOOL = Type("bool")
BUILTINS: Mapping[str, Type] = {"turn": INT, "day": INT}


class ExprError(Exception):
    """A load-time problem in one expression.

    ``offset`` is the 0-based character offset of the offending token or subexpression in
    the source and ``length`` its extent (0 when the problem is the end of the text), so
    the loader can turn it into file:line:column. ``hint`` repeats the suggestion (e.g.
    "did you mean 'verification'?") on its own, or is empty.
    """

    def __init__(self, message: str, offset: int = 0, length: int = 1, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.length = length
        self.hint = hint

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[ExprError], tuple[str, int, int, str]]:
        # Keep the location when pickled (e.g. across a process pool in the tools).
        return (type(self), (self.message, self.offset, self.length, self.hint))

    def __repr__(self) -> str:
        return f"ExprError({self.message!r}, offset={self.offset}, length={self.length})"

    def caret(self, source: str) -> str:
        """The source with a ``^~~`` line under the offending part (for terminals)."""
        line_start = source.rfind("\n", 0, self.offset) + 1
        line_end = source.find("\n", self.offset)
        line = source[line_start : line_end if line_end != -1 else len(source)]
        column = self.offset - line_start
        width = max(1, min(self.length, len(line) - column))
        return f"{line}\n{' ' * column}^{'~' * (width - 1)}"


class EvalError(Exception):
    """An expression failed while the game ran (division by zero, enum value out of set)."""


@frozen
class Names:
    """The typing environment: declared variables, and decision id -> its option ids."""

    variables: Mapping[str, Type]
    choices: Mapping[str, frozenset[str]] = field(factory=dict)
