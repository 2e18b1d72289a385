"""Translate a checked expression into Python source text over an engine's state layout.

The engine generates one Python module per scenario (``excomm_sim.engine.program``) so
that a turn reads the state from list slots instead of calling closures over dicts. This
module is the expression language's half of that: it walks the syntax tree of an
expression the loader has already checked and writes the equivalent Python expression.

Nothing the scenario author wrote becomes Python syntax: names are turned into the text
the caller's ``Reader`` returns for them (``s[3]``), numbers are ``repr``ed ints, texts
are ``repr``ed strings, and operators come from fixed tables below. Division and
remainder by anything but a non-zero literal go through the helpers ``_div`` and
``_mod`` (``HELPERS``), which raise the same ``EvalError`` as the closures do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from excomm_sim.scenario._expr_lex import tokenize
from excomm_sim.scenario._expr_parse import (
    Binary,
    Call,
    Conditional,
    Literal,
    Logical,
    Membership,
    Name,
    Node,
    Parser,
    Unary,
)
from excomm_sim.scenario._expr_types import EvalError, Value


class Reader(Protocol):
    """Where the generated code finds what an expression reads."""

    def variable(self, name: str) -> str:
        """Python text for a variable, ``turn`` or ``day`` (e.g. ``s[3]``)."""
        ...

    def chosen(self, decision: str, option: str | None) -> str:
        """Python text for ``chose(decision, option)``, or ``decided(decision)`` (None)."""
        ...


_OPERATORS: Mapping[str, str] = {
    "==": "==",
    "!=": "!=",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
    "+": "+",
    "-": "-",
    "*": "*",
}


def _div(left: int, right: int, message: str) -> int:
    if right == 0:
        raise EvalError(message)
    return left // right


def _mod(left: int, right: int, message: str) -> int:
    if right == 0:
        raise EvalError(message)
    return left % right


def _enum(value: str, allowed: tuple[str, ...], target: str, source: str) -> str:
    if value not in allowed:
        raise EvalError(
            f"'{value}' is not a value of {target} (from '{source}';"
            f" expected one of: {', '.join(allowed)})"
        )
    return value


HELPERS: Mapping[str, Callable[..., Value]] = {"_div": _div, "_mod": _mod, "_enum": _enum}
"""Names the generated code may call; put them in the namespace the code runs in."""


def parse(source: str, start_token: int = 0) -> Node:
    """The syntax tree of an already-checked expression (tokens from ``start_token``)."""
    return Parser(tokenize(source), start_token).parse_expression_to_end()


class Emitter:
    """Writes one expression's Python text; ``source`` is the text the offsets refer to."""

    def __init__(self, source: str, reader: Reader) -> None:
        self.source = source
        self.reader = reader

    def emit(self, node: Node) -> str:
        if isinstance(node, Literal):
            return repr(node.value)
        if isinstance(node, Name):
            return self.reader.variable(node.name)
        if isinstance(node, Unary):
            operand = self.emit(node.operand)
            return f"(-{operand})" if node.op == "-" else f"(not {operand})"
        if isinstance(node, Binary):
            return self._binary(node)
        if isinstance(node, Logical):
            joiner = f" {node.op} "
            return "(" + joiner.join(self.emit(part) for part in node.operands) + ")"
        if isinstance(node, Membership):
            return self._membership(node)
        if isinstance(node, Conditional):
            body, test, orelse = (self.emit(n) for n in (node.body, node.test, node.orelse))
            return f"({body} if {test} else {orelse})"
        if isinstance(node, Call):
            return self._call(node)
        raise TypeError(f"unknown expression node {type(node).__name__}")  # pragma: no cover

    def _binary(self, node: Binary) -> str:
        left, right = self.emit(node.left), self.emit(node.right)
        op = node.op
        if op in _OPERATORS:
            return f"({left} {_OPERATORS[op]} {right})"
        # "/" is floor division and "%" takes the divisor's sign, as Python's // and %.
        divisor = node.right
        if isinstance(divisor, Literal) and isinstance(divisor.value, int) and divisor.value:
            return f"({left} {'//' if op == '/' else '%'} {right})"
        message = f"division by zero in '{self.source[node.start : node.end]}'"
        helper = "_div" if op == "/" else "_mod"
        return f"{helper}({left}, {right}, {message!r})"

    def _membership(self, node: Membership) -> str:
        left = self.emit(node.left)
        items = [self.emit(item) for item in node.items]
        test = "not in" if node.negated else "in"
        # A tuple display: every item is evaluated, as the closures do.
        return f"({left} {test} ({', '.join(items)},))"

    def _call(self, node: Call) -> str:
        name = node.function
        if name in ("chose", "decided"):
            quoted = [arg.value for arg in node.args if isinstance(arg, Literal)]
            decision = str(quoted[0])
            option = str(quoted[1]) if name == "chose" else None
            return self.reader.chosen(decision, option)
        args = [self.emit(arg) for arg in node.args]
        if name == "abs":
            return f"abs({args[0]})"
        # min and max of ints; the builtins are looked up in the generated module's globals.
        return f"{name}({', '.join(args)})"


def python_expression(source: str, reader: Reader) -> str:
    """Python text for the checked expression ``source``."""
    return Emitter(source, reader).emit(parse(source))


def python_effect_value(
    effect_source: str, allowed: frozenset[str] | None, target: str, reader: Reader
) -> str:
    """Python text for the right-hand side of the checked effect ``effect_source``.

    ``allowed`` is the target's value set when it is a status variable: a value that is
    not a literal is then guarded as the closures guard it (``EvalError`` naming it).
    """
    node = parse(effect_source, start_token=2)
    text = Emitter(effect_source, reader).emit(node)
    if allowed is None or isinstance(node, Literal):
        return text
    return f"_enum({text}, {tuple(sorted(allowed))!r}, {target!r}, {effect_source!r})"
