"""Trying to break out of the expression language: every attempt is a plain ExprError.

In the spirit of simpleeval's tests/test_security.py. The language has no attributes,
subscripts, calls beyond five named functions, or way to reach Python objects, so each
attempt must stop at the tokenizer, the parser or the checker with an ExprError, and
oversized or deeply nested input must be refused by a named limit, never by a
RecursionError or MemoryError.
"""

from __future__ import annotations

import io
import itertools
import sys
import tokenize
from pathlib import Path

import pytest

from excomm_sim.scenario import expr
from excomm_sim.scenario.expr import (
    BOOL,
    INT,
    MAX_DEPTH,
    MAX_SOURCE_LENGTH,
    ExprError,
    Names,
    Type,
    compile_condition,
    compile_effect,
    compile_expression,
)

NAMES = Names(
    variables={
        "verification": INT,
        "blockade": BOOL,
        "il28_status": Type("enum", frozenset({"in_cuba", "removed", "gone"})),
    },
    choices={"il28_demand": frozenset({"insist", "drop"})},
)

BREAKOUTS = [
    "().__class__",
    "().__class__.__bases__[0].__subclasses__()",
    "verification.__class__",
    "verification.real",
    "__import__('os')",
    "__import__('os').system('echo pwned')",
    "__builtins__",
    "open('/etc/passwd')",
    "eval('1')",
    "exec('x = 1')",
    "compile('1', '', 'eval')",
    "getattr(verification, 'real')",
    "globals()",
    "locals()",
    "vars()",
    "type(1)",
    "print(1)",
    "lambda: 0",
    "lambda x: x",
    "(lambda: 1)()",
    "[x for x in (1, 2)]",
    "[1, 2][0]",
    "verification[0]",
    "'abc'[0]",
    "{}",
    "{1: 2}",
    "{1, 2}",
    "f'{verification}'",
    "f\"{__import__('os')}\"",
    "b'x'",
    "r'x'",
    "'a' 'b'",
    "'%s' % verification",
    "'{}'.format(1)",
    "x := 1",
    "(x := 1)",
    "verification; import os",
    "import os",
    "yield 1",
    "await verification",
    "*verification",
    "min(*(1, 2))",
    "abs(x=1)",
    "verification @ 1",
    "~verification",
    "1 << 100",
    "9 ** 9 ** 9",
    "'a' * 1000000000",
    "0x10",
    "0b1",
    "1e9",
    "1j",
    "1_000",
    "1.0",
    "\\x41",
    "'\\x41'",
    "'\\u0041'",
    "# comment",
    "verification # comment",
    "None",
    "...",
    "1 if True else __import__('os')",
    "chose(__import__, 'os')",
    "decided('__class__')",
    "chose('il28_demand', '__class__')",
    "il28_status == '__class__'",
    "min",
    "min.__self__",
]

UNICODE_TRICKS = [
    "ｖerification > 1",  # fullwidth letter: Python's NFKC would read it as 'v'
    "𝐯erification > 1",  # mathematical bold letter, NFKC 'v'
    "verificаtion > 1",  # Cyrillic 'а'
    "verifi\u200bcation > 1",  # zero-width space inside a name
    "verification\u00a0> 1",  # no-break space
    "verification >\u20031",  # em space
    "verification > 1\u2028",  # line separator
    "\u202everification > 1",  # right-to-left override
    "verification > \u0661",  # Arabic-Indic digit one
    "verification > \uff11",  # fullwidth digit one
    "verification > ¹",  # superscript one
    "verification ＝＝ 1",  # fullwidth equals
    "verification ≥ 1",
    "blockade ∧ blockade",
    "il28_status == “gone”",  # typographic quotes
    "il28_status == 'gone\u0000'",  # NUL inside a string
    "\x00",
    "verification\x00 > 1",
    "\ufeffverification > 1",  # byte-order mark
    "e\u0301 > 1",  # combining accent
    "\ud800",  # lone surrogate
]


@pytest.mark.parametrize("source", BREAKOUTS)
def test_breakout_attempt_is_an_expr_error(source: str) -> None:
    with pytest.raises(ExprError):
        compile_expression(source, NAMES)


@pytest.mark.parametrize("source", BREAKOUTS)
def test_breakout_attempt_as_effect_is_an_expr_error(source: str) -> None:
    with pytest.raises(ExprError):
        compile_effect(f"verification = {source}", NAMES)


@pytest.mark.parametrize("source", UNICODE_TRICKS)
def test_unicode_trick_is_an_expr_error(source: str) -> None:
    with pytest.raises(ExprError):
        compile_condition(source, NAMES)


def test_unicode_trick_is_named_in_the_message() -> None:
    with pytest.raises(ExprError, match=r"U\+FF56 FULLWIDTH LATIN SMALL LETTER V") as caught:
        compile_condition("ｖerification > 1", NAMES)
    assert caught.value.offset == 0


def test_non_ascii_text_in_a_string_is_only_an_unknown_value() -> None:
    with pytest.raises(ExprError, match="'göne' is not a value of il28_status"):
        compile_condition("il28_status == 'göne'", NAMES)


def test_dunder_name_is_an_unknown_variable() -> None:
    with pytest.raises(ExprError, match="unknown variable '__class__'"):
        compile_expression("__class__", NAMES)


def test_runtime_environment_keys_of_decisions_are_unreachable_by_name() -> None:
    # '@' cannot start a name, so "@il28_demand" is only reachable through chose/decided.
    with pytest.raises(ExprError, match="unexpected character '@'"):
        compile_expression("@il28_demand", NAMES)


@pytest.mark.parametrize(
    "source",
    [
        "(" * 10_000 + "1" + ")" * 10_000,
        "1" * 100_000,
        "'" + "a" * 100_000 + "'",
        "verification + " * 10_000 + "1",
        "x" * 1_000_000,
    ],
)
def test_oversized_input_is_refused_by_the_length_limit(source: str) -> None:
    with pytest.raises(ExprError, match="expression is too long") as caught:
        compile_expression(source, NAMES)
    assert caught.value.offset == MAX_SOURCE_LENGTH


@pytest.mark.parametrize(
    "source",
    [
        "(" * 400 + "1" + ")" * 400,
        "-" * 900 + "1",
        "not " * 240 + "true",
        "abs(" * 190 + "1" + ")" * 190,
        "1 if true else " * 60 + "1",
        "verification in (" * 50 + "1" + ")" * 50,
        "min(1, " * 120 + "1" + ")" * 120,
        "1 + " * 240 + "1",
        "1 * (" * 150 + "1" + ")" * 150,
    ],
)
def test_deep_nesting_is_refused_by_the_depth_limit(source: str) -> None:
    assert len(source) <= MAX_SOURCE_LENGTH
    with pytest.raises(ExprError, match=f"nested too deeply \\(the limit is {MAX_DEPTH} levels\\)"):
        compile_expression(source, NAMES)


def test_depth_limit_holds_under_a_low_recursion_limit() -> None:
    """The parser stays far below Python's stack even when the caller is already deep."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(600)
    try:
        with pytest.raises(ExprError, match="nested too deeply"):
            compile_expression("(" * 400 + "1" + ")" * 400, NAMES)
        depth = MAX_DEPTH - 1
        assert compile_expression("(" * depth + "1" + ")" * depth, NAMES)({}) == 1
    finally:
        sys.setrecursionlimit(old)


EXPR_MODULES = sorted(Path(expr.__file__).parent.glob("*expr*.py"))


@pytest.mark.parametrize("path", EXPR_MODULES, ids=lambda path: path.name)
def test_expression_modules_never_call_eval_exec_or_compile(path: Path) -> None:
    forbidden = {"eval", "exec", "compile", "__import__", "getattr", "ast", "importlib"}
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline))
    # Bare names only: ``re.compile`` is a method of the re module, not the builtin.
    used = {
        token.string
        for previous, token in itertools.pairwise(tokens)
        if token.type == tokenize.NAME and previous.string != "."
    }
    assert used & forbidden == set()


def test_expression_modules_were_found() -> None:
    assert len(EXPR_MODULES) >= 2
