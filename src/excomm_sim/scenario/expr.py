"""The scenario expression language: parse, type-check and compile conditions and effects.

Public contract (the loader and the engine code against these names):
- ``Type``: kind "int" | "bool" | "enum"; ``values`` is the allowed set for enums.
- ``Names``: the typing environment (variables by id, decisions -> option ids).
- ``compile_expression(source, names, expect=None) -> Expression``
- ``compile_condition(source, names) -> Expression`` (must be bool)
- ``compile_effect(source, names) -> Assignment`` (``x = e``, ``x += e``, ``x -= e``)
- ``ExprError(message, offset, length, hint)``: load-time problem; offset is 0-based in source.
- ``EvalError``: run-time problem (division by zero, enum value out of set).
- ``python_expression(source, reader)``, ``python_effect_value(...)``: a checked expression
  as Python text over the engine's state (``reader`` says where each name is kept), for
  the code the engine generates per scenario; ``PYTHON_HELPERS`` are the functions that
  text may call.
Run-time environment: a mapping of variable id -> value, plus "turn" and "day" (ints),
plus "@<decision id>" -> chosen option id for every decision taken.

Scenario text is never handed to eval/exec/compile: a hand-written tokenizer and parser
build a small tree, which is type-checked once at load and compiled into nested closures
(see ``_expr_check``), so the engine's hot path is plain Python function calls.
The grammar and every message are documented in docs/expressions.md.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import field, frozen

from excomm_sim.scenario._expr_check import (
    Checker,
    Compiled,
    describe,
    describe_type,
    did_you_mean,
    enum_guard,
)
from excomm_sim.scenario._expr_emit import HELPERS as PYTHON_HELPERS
from excomm_sim.scenario._expr_emit import Reader, python_effect_value, python_expression
from excomm_sim.scenario._expr_lex import MAX_INT_LITERAL, MAX_SOURCE_LENGTH, Token, tokenize
from excomm_sim.scenario._expr_parse import (
    ASSIGNMENTS,
    MAX_DEPTH,
    Binary,
    Membership,
    Name,
    Node,
    Parser,
    Unary,
    walk,
)
from excomm_sim.scenario._expr_parse import Literal as LiteralNode
from excomm_sim.scenario._expr_types import (
    ASSIGN_OPS,
    BOOL,
    BUILTINS,
    INT,
    AssignOp,
    Env,
    EvalError,
    ExprError,
    Kind,
    Names,
    Type,
    Value,
)

__all__ = [
    "ASSIGN_OPS",
    "BOOL",
    "BUILTINS",
    "INT",
    "MAX_DEPTH",
    "MAX_INT_LITERAL",
    "MAX_SOURCE_LENGTH",
    "PYTHON_HELPERS",
    "AssignOp",
    "Assignment",
    "Env",
    "EvalError",
    "ExprError",
    "Expression",
    "Kind",
    "LiteralComparison",
    "Names",
    "Reader",
    "Type",
    "Value",
    "compile_condition",
    "compile_effect",
    "compile_expression",
    "literal_comparisons",
    "parse_tree",
    "python_effect_value",
    "python_expression",
]

_KIND_WORDS: dict[str, str] = {
    "int": "a number",
    "bool": "a condition (true/false)",
    "enum": "a status value",
}


@frozen
class Expression:
    """A checked, compiled expression; call it with the run-time environment.

    ``names`` holds every variable it reads, builtins (``turn``, ``day``) included, but not
    the decisions named in ``chose``/``decided``.
    """

    source: str
    type: Type
    names: frozenset[str] = field(eq=False)
    fn: Callable[[Env], Value] = field(eq=False, repr=False)

    def __call__(self, env: Env) -> Value:
        return self.fn(env)


@frozen
class Assignment:
    """A compiled effect ``target op value``.

    ``value`` is the right-hand side only. ``apply`` returns the target's new raw value,
    unclamped: the engine clamps ints to the variable's range and records that it did.
    """

    source: str
    target: str
    op: AssignOp
    value: Expression
    when: Expression | None = None
    """Applied only if this holds (format 2's ``{when: ..., effects: [...]}``): read once,
    before the first effect of the group it guards."""

    def apply(self, env: Env) -> Value:
        """The target's new value in ``env``; raises EvalError like any expression."""
        op = self.op
        if op == "=":
            return self.value.fn(env)
        old, change = env[self.target], self.value.fn(env)
        # Not a hot path (the engine inlines this): narrow the union the load-time check fixed.
        assert isinstance(old, int) and isinstance(change, int), "+= and -= take numbers"
        return old + change if op == "+=" else old - change


def _check_source(source: object) -> str:
    if not isinstance(source, str):
        raise ExprError(f"expected an expression as text, found {type(source).__name__}", 0, 0)
    if not source.strip():
        raise ExprError("empty expression: expected a value", 0, len(source))
    return source


def _compile(
    source: str, names: Names, tokens: list[Token], start: int
) -> tuple[Compiled, set[str]]:
    node = Parser(tokens, start).parse_expression_to_end()
    checker = Checker(source, names)
    return checker.check(node), checker.reads


_CACHE_SIZE = 4096
"""Compiled results remembered per (Names object, kind, source): scenario files repeat
effects like ``tension += 5`` many times, and results are immutable, so sharing is safe."""

_cache: dict[tuple[int, str, str], tuple[Names, Expression | Assignment]] = {}


def _cached(kind: str, source: str, names: Names) -> Expression | Assignment | None:
    hit = _cache.get((id(names), kind, source))
    # The Names object itself is kept in the entry, so its id cannot be reused while cached.
    if hit is not None and hit[0] is names:
        return hit[1]
    return None


def _remember(kind: str, source: str, names: Names, result: Expression | Assignment) -> None:
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[(id(names), kind, source)] = (names, result)


def compile_expression(source: str, names: Names, expect: Kind | None = None) -> Expression:
    """Parse, check and compile ``source``; ``expect`` demands a result kind.

    Raises ExprError (and nothing else) for any malformed or ill-typed text. Results are
    memoised per ``names`` object, which callers must therefore not mutate after use.
    """
    source = _check_source(source)
    kind = expect or "any"
    hit = _cached(kind, source, names)
    if isinstance(hit, Expression):
        return hit
    expression = _compile_expression(source, names, expect)
    _remember(kind, source, names, expression)
    return expression


def _compile_expression(source: str, names: Names, expect: Kind | None) -> Expression:
    compiled, reads = _compile(source, names, tokenize(source), 0)
    if expect is not None and compiled.type.kind != expect:
        raise ExprError(
            f"expected {_KIND_WORDS[expect]}, but this is {describe(compiled)}",
            compiled.start,
            compiled.end - compiled.start,
        )
    return Expression(source, compiled.type, frozenset(reads), compiled.fn)


def compile_condition(source: str, names: Names) -> Expression:
    """A condition: an expression that must be true/false."""
    return compile_expression(source, names, "bool")


def compile_effect(source: str, names: Names) -> Assignment:
    """Parse, check and compile an effect ``target = e``, ``target += e`` or ``target -= e``.

    Raises ExprError (and nothing else); memoised like ``compile_expression``.
    """
    source = _check_source(source)
    hit = _cached("effect", source, names)
    if isinstance(hit, Assignment):
        return hit
    assignment = _compile_effect(source, names)
    _remember("effect", source, names, assignment)
    return assignment


def _compile_effect(source: str, names: Names) -> Assignment:
    tokens = tokenize(source)
    first, second = tokens[0], tokens[1]
    if first.kind != "name":
        raise ExprError(
            "an effect starts with the variable it changes (as in 'soviet_trust -= 10'),"
            f" found {first.describe()}",
            first.start,
            first.end - first.start,
        )
    target = first.text
    if target in BUILTINS and target not in names.variables:
        raise ExprError(
            f"{target} is read-only: effects change declared variables",
            first.start,
            first.end - first.start,
        )
    target_type = names.variables.get(target)
    if target_type is None:
        hint = did_you_mean(target, names.variables)
        message = f"unknown variable '{target}'" + (f" ({hint})" if hint else "")
        raise ExprError(message, first.start, first.end - first.start, hint)
    op = ASSIGN_OPS.get(second.text) if second.kind == "op" else None
    if op is None:
        hint = "'==' compares; an effect sets a value with '='" if second.text == "==" else ""
        message = f"expected '=', '+=' or '-=' after '{target}', found {second.describe()}"
        raise ExprError(
            message + (f" ({hint})" if hint else ""), second.start, second.end - second.start, hint
        )
    if op != "=" and target_type.kind != "int":
        raise ExprError(
            f"'{op}' works only on numbers, but {target} is {describe_type(target_type)}",
            second.start,
            second.end - second.start,
        )
    if tokens[2].kind == "end":
        raise ExprError(
            f"expected a value after '{op}', found the end of the expression", len(source), 0
        )
    value, reads = _compile(source, names, tokens, 2)
    fn = _check_assigned(value, target, target_type, source)
    rhs = source[tokens[2].start :].strip()
    return Assignment(source, target, op, Expression(rhs, target_type, frozenset(reads), fn))


def _check_assigned(
    value: Compiled, target: str, target_type: Type, source: str
) -> Callable[[Env], Value]:
    """Type-check the value assigned to ``target`` and return its (maybe guarded) closure."""
    if target_type.kind != "enum":
        if value.type.kind != target_type.kind:
            raise ExprError(
                f"{target} holds {describe_type(target_type)}, but this is {describe(value)}",
                value.start,
                value.end - value.start,
            )
        return value.fn
    if value.type.kind != "enum":
        raise ExprError(
            f"{target} holds {describe_type(target_type)}, but this is {describe(value)}",
            value.start,
            value.end - value.start,
        )
    allowed = target_type.values
    if value.is_text:
        missing = sorted(value.type.values - allowed)
        if missing:
            text = str(value.const) if value.is_const else missing[0]
            hint = did_you_mean(text, allowed)
            expected = f"expected one of: {', '.join(sorted(allowed))}"
            raise ExprError(
                f"'{text}' is not a value of {target} ({expected}{'; ' + hint if hint else ''})",
                value.start,
                value.end - value.start,
                hint,
            )
        return value.fn
    if value.type.values <= allowed:
        return value.fn
    if not value.type.values & allowed:
        raise ExprError(
            f"cannot set {target} to {describe(value)}: they share no value"
            f" ({target} takes one of: {', '.join(sorted(allowed))})",
            value.start,
            value.end - value.start,
        )
    return enum_guard(value.fn, allowed, target, source)


def parse_tree(source: str, effect: bool = False) -> Node:
    """The syntax tree of ``source`` (of an effect's value when ``effect``), unchecked.

    For tools that read expressions as well as run them (the logic checks, the language
    server). Raises ExprError when the text does not tokenize or parse; an error that
    ``compile_*`` raises for text that parses here is about names or types.
    """
    tokens = tokenize(_check_source(source))
    start = 0
    if effect:
        if len(tokens) < 3 or tokens[0].kind != "name" or tokens[1].text not in ASSIGNMENTS:
            raise ExprError("an effect is 'variable = value', '+= value' or '-= value'", 0, 0)
        start = 2
    return Parser(tokens, start).parse_expression_to_end()


@frozen
class LiteralComparison:
    """``variable op value`` found in an expression, with the literal's location.

    ``op`` is as if the variable stood on the left (``60 < x`` gives ``x > 60``); an effect
    ``x = 500`` gives op "=". Lets the loader flag literals outside a variable's range.
    """

    variable: str
    op: str
    value: int
    offset: int
    length: int


_MIRRORED = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


def literal_comparisons(source: str, names: Names) -> tuple[LiteralComparison, ...]:
    """Every comparison (or plain assignment) of an int variable with a number literal.

    ``source`` is a condition, expression or effect that compiles without error; returns
    () for text that does not parse. Variables of other types are skipped.
    """
    try:
        tokens = tokenize(_check_source(source))
        is_effect = len(tokens) > 2 and tokens[0].kind == "name" and tokens[1].text in ASSIGNMENTS
        root = Parser(tokens, 2 if is_effect else 0).parse_expression_to_end()
    except ExprError:
        return ()
    found: list[LiteralComparison] = []

    def int_variable(node: Node) -> str | None:
        if (
            isinstance(node, Name)
            and (names.variables.get(node.name) or BUILTINS.get(node.name)) == INT
        ):
            return node.name
        return None

    def number(node: Node) -> int | None:
        if isinstance(node, LiteralNode) and type(node.value) is int:
            return node.value
        if isinstance(node, Unary) and node.op == "-":
            inner = number(node.operand)
            return None if inner is None else -inner
        return None

    def note(variable: str | None, op: str, literal: Node) -> None:
        value = number(literal)
        if variable is not None and value is not None:
            length = literal.end - literal.start
            found.append(LiteralComparison(variable, op, value, literal.start, length))

    if is_effect and tokens[1].text == "=" and names.variables.get(tokens[0].text) == INT:
        note(tokens[0].text, "=", root)
    for node in walk(root):
        if isinstance(node, Binary) and node.op in _MIRRORED:
            note(int_variable(node.left), node.op, node.right)
            note(int_variable(node.right), _MIRRORED[node.op], node.left)
        elif isinstance(node, Membership):
            for item in node.items:
                note(int_variable(node.left), "!=" if node.negated else "==", item)
    return tuple(found)
