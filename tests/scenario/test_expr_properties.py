"""Properties of the expression language, checked with hypothesis.

- Any text, and any sequence of the language's own tokens, compiles or raises ExprError:
  never another exception.
- Randomly generated well-typed expressions compile to their declared type and evaluate to
  the same value as an independent reference built alongside the text (precedence is
  exercised by printing only the parentheses that are needed, plus random extra ones).
- Compiling is deterministic.
- The regex fast path of the tokenizer yields exactly what the reference tokenizer does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from excomm_sim.scenario._expr_lex import MAX_SOURCE_LENGTH, Token, _tokenize_slowly, tokenize
from excomm_sim.scenario.expr import (
    BOOL,
    INT,
    EvalError,
    ExprError,
    Names,
    Type,
    compile_effect,
    compile_expression,
)

STATUS = Type("enum", frozenset({"open", "closed", "sealed"}))
NAMES = Names(
    variables={"a": INT, "b": INT, "p": BOOL, "q": BOOL, "s": STATUS, "t": STATUS},
    choices={"d": frozenset({"yes", "no"})},
)
INT_VARS = ("a", "b", "turn", "day")
BOOL_VARS = ("p", "q")
ENUM_VARS = ("s", "t")
VALUES = sorted(STATUS.values)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

envs = st.fixed_dictionaries(
    {
        "a": st.integers(-50, 50),
        "b": st.integers(-50, 50),
        "turn": st.integers(0, 30),
        "day": st.integers(0, 30),
        "p": st.booleans(),
        "q": st.booleans(),
        "s": st.sampled_from(VALUES),
        "t": st.sampled_from(VALUES),
    },
    optional={"@d": st.sampled_from(["yes", "no"])},
)

# -- anything in, ExprError or an Expression out ----------------------------------------

LANGUAGE_TOKENS = [
    *INT_VARS, *BOOL_VARS, *ENUM_VARS, "zz", "min", "max", "abs", "chose", "decided",
    "and", "or", "not", "if", "else", "in", "true", "false",
    "0", "1", "7", "999999999", "1000000000", "'open'", '"sealed"', "'d'", "'yes'", "'x",
    "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "(", ")", ",", "=", "+=", "-=",
]  # fmt: skip


def _compiles_or_expr_error(source: str) -> None:
    for compile_ in (compile_expression, compile_effect):
        try:
            compile_(source, NAMES)
        except ExprError as error:
            assert isinstance(error.message, str) and error.message
            assert 0 <= error.offset <= len(source)
            assert error.length >= 0


@SETTINGS
@given(st.text(max_size=80))
def test_any_text_compiles_or_raises_expr_error(source: str) -> None:
    _compiles_or_expr_error(source)


@SETTINGS
@given(st.text(alphabet="ab pqs()'\"0123456789+-*/%<>=!,.inotradfuelsxm_", max_size=60))
def test_text_of_language_characters_compiles_or_raises_expr_error(source: str) -> None:
    _compiles_or_expr_error(source)


@SETTINGS
@given(st.lists(st.sampled_from(LANGUAGE_TOKENS), max_size=25))
def test_token_soup_compiles_or_raises_expr_error(tokens: list[str]) -> None:
    _compiles_or_expr_error(" ".join(tokens))


# -- well-typed generated expressions ---------------------------------------------------

Env = dict[str, object]


@dataclass(frozen=True)
class Gen:
    """A generated expression: its text, binding level and a reference evaluator."""

    source: str
    level: int
    evaluate: Callable[[Env], object]


ATOM, UNARY, PRODUCT, SUM, COMPARISON, NOT, AND, OR, CONDITIONAL = 8, 7, 6, 5, 4, 3, 2, 1, 0


def _wrap(draw: st.DrawFn, gen: Gen, level: int) -> str:
    """``gen``'s text, in parentheses when it binds looser than ``level`` (or at random)."""
    if gen.level < level or draw(st.integers(0, 9)) == 0:
        return f"({gen.source})"
    return gen.source


def _floordiv(x: int, y: int) -> int:
    if y == 0:
        raise ZeroDivisionError
    return x // y


def _mod(x: int, y: int) -> int:
    if y == 0:
        raise ZeroDivisionError
    return x % y


ARITHMETIC: dict[str, tuple[int, Callable[[int, int], int]]] = {
    "+": (SUM, lambda x, y: x + y),
    "-": (SUM, lambda x, y: x - y),
    "*": (PRODUCT, lambda x, y: x * y),
    "/": (PRODUCT, _floordiv),
    "%": (PRODUCT, _mod),
}
ORDERINGS: dict[str, Callable[[object, object], bool]] = {
    "<": lambda x, y: x < y,  # type: ignore[operator]
    "<=": lambda x, y: x <= y,  # type: ignore[operator]
    ">": lambda x, y: x > y,  # type: ignore[operator]
    ">=": lambda x, y: x >= y,  # type: ignore[operator]
}
EQUALITIES: dict[str, Callable[[object, object], bool]] = {
    "==": lambda x, y: x == y,
    "!=": lambda x, y: x != y,
}


def _var(name: str) -> Gen:
    return Gen(name, ATOM, lambda env: env[name])


def _const(text: str, value: object) -> Gen:
    return Gen(text, ATOM, lambda env: value)


@st.composite
def int_exprs(draw: st.DrawFn, depth: int = 4) -> Gen:
    choice = draw(st.integers(0, 1 if depth <= 0 else 6))
    if choice == 0:
        value = draw(st.integers(0, 60))
        return _const(str(value), value)
    if choice == 1:
        return _var(draw(st.sampled_from(INT_VARS)))
    if choice == 2:
        operand = draw(int_exprs(depth - 1))
        text = _wrap(draw, operand, UNARY)
        return Gen(f"-{text}", UNARY, lambda env: -operand.evaluate(env))  # type: ignore[operator]
    if choice in (3, 4):
        op = draw(st.sampled_from(sorted(ARITHMETIC)))
        level, fn = ARITHMETIC[op]
        left, right = draw(int_exprs(depth - 1)), draw(int_exprs(depth - 1))
        text = f"{_wrap(draw, left, level)} {op} {_wrap(draw, right, level + 1)}"
        return Gen(text, level, lambda env: fn(left.evaluate(env), right.evaluate(env)))  # type: ignore[arg-type]
    if choice == 5:
        name = draw(st.sampled_from(["min", "max", "abs"]))
        count = 1 if name == "abs" else draw(st.integers(2, 4))
        args = [draw(int_exprs(depth - 1)) for _ in range(count)]
        pick = {"min": min, "max": max, "abs": abs}[name]
        text = f"{name}({', '.join(arg.source for arg in args)})"
        if name == "abs":
            return Gen(text, ATOM, lambda env: abs(args[0].evaluate(env)))  # type: ignore[arg-type]
        return Gen(text, ATOM, lambda env: pick([arg.evaluate(env) for arg in args]))  # type: ignore[operator]
    return draw(conditionals(int_exprs, depth))


@st.composite
def enum_exprs(draw: st.DrawFn, depth: int = 4) -> Gen:
    choice = draw(st.integers(0, 1 if depth <= 0 else 2))
    if choice == 0:
        value = draw(st.sampled_from(VALUES))
        quote = draw(st.sampled_from(["'", '"']))
        return _const(f"{quote}{value}{quote}", value)
    if choice == 1:
        return _var(draw(st.sampled_from(ENUM_VARS)))
    return draw(conditionals(enum_exprs, depth))


@st.composite
def conditionals(
    draw: st.DrawFn, branch: Callable[[int], st.SearchStrategy[Gen]], depth: int
) -> Gen:
    body, test, orelse = (
        draw(branch(depth - 1)),
        draw(bool_exprs(depth - 1)),
        draw(branch(depth - 1)),
    )
    parts = [_wrap(draw, body, OR), "if", _wrap(draw, test, OR), "else"]
    text = " ".join([*parts, _wrap(draw, orelse, CONDITIONAL)])
    return Gen(
        text,
        CONDITIONAL,
        lambda env: body.evaluate(env) if test.evaluate(env) else orelse.evaluate(env),
    )


@st.composite
def bool_exprs(draw: st.DrawFn, depth: int = 4) -> Gen:
    choice = draw(st.integers(0, 2 if depth <= 0 else 10))
    if choice == 0:
        value = draw(st.booleans())
        return _const("true" if value else "false", value)
    if choice == 1:
        return _var(draw(st.sampled_from(BOOL_VARS)))
    if choice == 2:
        option = draw(st.sampled_from(["yes", "no"]))
        if draw(st.booleans()):
            return Gen(f"chose('d', '{option}')", ATOM, lambda env: env.get("@d") == option)
        return Gen('decided("d")', ATOM, lambda env: "@d" in env)
    if choice == 3:
        operand = draw(bool_exprs(depth - 1))
        text = f"not {_wrap(draw, operand, NOT)}"
        return Gen(text, NOT, lambda env: not operand.evaluate(env))
    if choice in (4, 5):
        op = draw(st.sampled_from(["and", "or"]))
        level = AND if op == "and" else OR
        parts = [draw(bool_exprs(depth - 1)) for _ in range(draw(st.integers(2, 4)))]
        text = f" {op} ".join(_wrap(draw, part, level + 1) for part in parts)
        if op == "and":
            return Gen(text, level, lambda env: all(part.evaluate(env) for part in parts))
        return Gen(text, level, lambda env: any(part.evaluate(env) for part in parts))
    if choice in (6, 7):
        operands = draw(st.sampled_from([int_exprs, enum_exprs, bool_exprs]))
        table = ORDERINGS | EQUALITIES if operands is int_exprs else EQUALITIES
        op = draw(st.sampled_from(sorted(table)))
        fn = table[op]
        left, right = draw(operands(depth - 1)), draw(operands(depth - 1))
        text = f"{_wrap(draw, left, SUM)} {op} {_wrap(draw, right, SUM)}"
        return Gen(text, COMPARISON, lambda env: fn(left.evaluate(env), right.evaluate(env)))
    if choice == 8:
        operands = draw(st.sampled_from([int_exprs, enum_exprs]))
        left = draw(operands(depth - 1))
        items = [draw(operands(depth - 1)) for _ in range(draw(st.integers(1, 3)))]
        negated = draw(st.booleans())
        op = "not in" if negated else "in"
        inside = ", ".join(item.source for item in items) + ("," if len(items) == 1 else "")
        text = f"{_wrap(draw, left, SUM)} {op} ({inside})"
        return Gen(
            text,
            COMPARISON,
            lambda env: (left.evaluate(env) in [item.evaluate(env) for item in items]) != negated,
        )
    return draw(conditionals(bool_exprs, depth))


TYPED = {"int": int_exprs, "bool": bool_exprs, "enum": enum_exprs}


@SETTINGS
@given(
    st.sampled_from(sorted(TYPED)).flatmap(lambda kind: st.tuples(st.just(kind), TYPED[kind]())),
    envs,
)
def test_generated_expression_matches_reference(pair: tuple[str, Gen], env: Env) -> None:
    kind, gen = pair
    expression = compile_expression(gen.source, NAMES, kind)  # type: ignore[arg-type]
    assert expression.type.kind == kind
    try:
        expected = gen.evaluate(env)
    except ZeroDivisionError:
        try:
            expression(env)  # type: ignore[arg-type]
        except EvalError as error:
            assert "division by zero" in str(error)
        else:
            raise AssertionError(f"{gen.source!r} should divide by zero") from None
        return
    result = expression(env)  # type: ignore[arg-type]
    assert result == expected
    python_type = {"int": int, "bool": bool, "enum": str}[kind]
    assert type(result) is python_type
    if kind == "enum":
        assert result in STATUS.values


@SETTINGS
@given(bool_exprs(), envs)
def test_compiling_is_deterministic(gen: Gen, env: Env) -> None:
    first = compile_expression(gen.source, NAMES)
    # A distinct but equal Names object, so the second compile is not a cache hit.
    second = compile_expression(gen.source, Names(dict(NAMES.variables), dict(NAMES.choices)))
    assert first is not second
    assert first == second
    assert first.names == second.names
    with contextlib.suppress(EvalError):
        assert first(env) == second(env)  # type: ignore[arg-type]


@SETTINGS
@given(st.text(max_size=40))
def test_errors_are_deterministic(source: str) -> None:
    def outcome() -> tuple[str, int, int] | None:
        try:
            compile_expression(source, NAMES)
        except ExprError as error:
            return (error.message, error.offset, error.length)
        return None

    assert outcome() == outcome()


@SETTINGS
@given(int_exprs(), envs)
def test_generated_int_effect_adds_to_the_target(gen: Gen, env: Env) -> None:
    assignment = compile_effect(f"a += {gen.source}", NAMES)
    try:
        expected = env["a"] + gen.evaluate(env)  # type: ignore[operator]
    except ZeroDivisionError:
        return
    assert assignment.apply(env) == expected  # type: ignore[arg-type]


# -- the fast tokenizer agrees with the reference one -----------------------------------


def _slow_outcome(source: str) -> list[Token] | tuple[str, int, int]:
    try:
        return _tokenize_slowly(source)
    except ExprError as error:
        return (error.message, error.offset, error.length)


def _fast_outcome(source: str) -> list[Token] | tuple[str, int, int]:
    try:
        return tokenize(source)
    except ExprError as error:
        return (error.message, error.offset, error.length)


@SETTINGS
@given(st.lists(st.sampled_from([*LANGUAGE_TOKENS, " ", "\t", "\n", "00", "1.", "!", "**"])))
def test_fast_tokenizer_matches_reference_on_token_soup(parts: list[str]) -> None:
    source = "".join(parts)[:MAX_SOURCE_LENGTH]
    assert _fast_outcome(source) == _slow_outcome(source)


@SETTINGS
@given(st.text(max_size=60))
def test_fast_tokenizer_matches_reference_on_any_text(source: str) -> None:
    assert _fast_outcome(source) == _slow_outcome(source)
