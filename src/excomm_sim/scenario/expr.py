"""The scenario expression language: parse, type-check and compile conditions and effects.

CONTRACT (implementation in progress; keep these names and signatures):
- ``Type``: kind "int" | "bool" | "enum"; ``values`` is the allowed set for enums.
- ``Names``: the typing environment (variables by id, decisions -> option ids).
- ``compile_expression(source, names, expect=None) -> Expression``
- ``compile_condition(source, names) -> Expression`` (must be bool)
- ``compile_effect(source, names) -> Assignment`` (``x = e``, ``x += e``, ``x -= e``)
- ``ExprError(message, offset, length, hint)``: load-time problem; offset is 0-based in source.
- ``EvalError``: run-time problem (division by zero, enum value out of set).
Run-time environment: a mapping of variable id -> value, plus "turn" and "day" (ints),
plus "@<decision id>" -> chosen option id for every decision taken.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

from attrs import field, frozen

Value = int | bool | str
Env = Mapping[str, Value]
Kind = Literal["int", "bool", "enum"]


@frozen
class Type:
    kind: Kind
    values: frozenset[str] = frozenset()


INT = Type("int")
BOOL = Type("bool")
BUILTINS: Mapping[str, Type] = {"turn": INT, "day": INT}


class ExprError(Exception):
    def __init__(self, message: str, offset: int = 0, length: int = 1, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.length = length
        self.hint = hint


class EvalError(Exception):
    """An expression failed while the game ran."""


@frozen
class Names:
    variables: Mapping[str, Type]
    choices: Mapping[str, frozenset[str]] = field(factory=dict)


@frozen
class Expression:
    source: str
    type: Type
    names: frozenset[str] = field(eq=False)
    fn: Callable[[Env], Value] = field(eq=False, repr=False)

    def __call__(self, env: Env) -> Value:
        return self.fn(env)


@frozen
class Assignment:
    source: str
    target: str
    op: Literal["=", "+=", "-="]
    value: Expression

    def apply(self, env: Env) -> Value:
        raise NotImplementedError


def compile_expression(source: str, names: Names, expect: Kind | None = None) -> Expression:
    raise NotImplementedError


def compile_condition(source: str, names: Names) -> Expression:
    return compile_expression(source, names, "bool")


def compile_effect(source: str, names: Names) -> Assignment:
    raise NotImplementedError
