"""The expression language: values, precedence, types, effects and located errors."""

from __future__ import annotations

import pickle

import pytest

from excomm_sim.scenario.expr import (
    BOOL,
    INT,
    MAX_DEPTH,
    MAX_SOURCE_LENGTH,
    EvalError,
    ExprError,
    Names,
    Type,
    compile_condition,
    compile_effect,
    compile_expression,
    literal_comparisons,
)

IL28 = Type("enum", frozenset({"in_cuba", "demanded", "promised", "removed", "gone"}))
ALERT = Type("enum", frozenset({"normal", "defcon3", "defcon2"}))
PHASE = Type("enum", frozenset({"promised", "removed", "verified"}))
UNRELATED = Type("enum", frozenset({"red", "blue"}))
NAMES = Names(
    variables={
        "verification": INT,
        "soviet_trust": INT,
        "tension": INT,
        "blockade": BOOL,
        "leak": BOOL,
        "il28_status": IL28,
        "alert": ALERT,
        "phase": PHASE,
        "colour": UNRELATED,
    },
    choices={"il28_demand": frozenset({"insist", "drop"}), "quarantine": frozenset({"keep"})},
)
ENV = {
    "verification": 70,
    "soviet_trust": 40,
    "tension": -7,
    "blockade": True,
    "leak": False,
    "il28_status": "removed",
    "alert": "defcon3",
    "phase": "removed",
    "colour": "red",
    "turn": 3,
    "day": 12,
    "@il28_demand": "insist",
}


def evaluate(source: str) -> object:
    return compile_expression(source, NAMES)(ENV)


def error_of(source: str, compile_=compile_expression) -> ExprError:
    with pytest.raises(ExprError) as caught:
        compile_(source, NAMES)
    return caught.value


# -- values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("42", 42),
        ("true", True),
        ("false", False),
        ("'gone'", "gone"),
        ('"gone"', "gone"),
        ("verification", 70),
        ("turn", 3),
        ("day", 12),
        ("1 + 2", 3),
        ("10 - 4 - 3", 3),
        ("6 * 7", 42),
        ("7 / 2", 3),
        ("-7 / 2", -4),
        ("7 % 3", 1),
        ("-7 % 3", 2),
        ("tension / 2", -4),
        ("verification % 8", 6),
        ("-verification", -70),
        ("- -3", 3),
        ("--3", 3),
        ("(1 + 2) * 3", 9),
        ("1 + 2 * 3", 7),
        ("2 * 3 - 4 / 2", 4),
        ("10 - 2 - 3", 5),
        ("100 / 10 / 5", 2),
        ("-2 * 3", -6),
        ("verification >= 60", True),
        ("verification > 70", False),
        ("verification <= 70", True),
        ("verification < 70", False),
        ("verification == 70", True),
        ("verification != 70", False),
        ("60 <= verification", True),
        ("60 > verification", False),
        ("verification > soviet_trust", True),
        ("verification + 1 > soviet_trust * 2", False),
        ("blockade == true", True),
        ("blockade != leak", True),
        ("il28_status == 'removed'", True),
        ("il28_status != 'removed'", False),
        ("'removed' == il28_status", True),
        ("il28_status == phase", True),
        ("il28_status in ('gone', 'removed')", True),
        ("il28_status not in ('gone', 'removed')", False),
        ("il28_status in ('gone',)", False),
        ("verification in (1, 70, 3)", True),
        ("verification in (soviet_trust + 30, 1)", True),
        ("verification not in (soviet_trust, 1)", True),
        ("blockade in (leak, false)", False),
        ("blockade and leak", False),
        ("blockade or leak", True),
        ("not leak", True),
        ("not not leak", False),
        ("blockade and not leak and verification > 3", True),
        ("leak or leak or leak or blockade", True),
        ("blockade and blockade and blockade and leak", False),
        ("1 if blockade else 2", 1),
        ("1 if leak else 2", 2),
        ("'gone' if leak else il28_status", "removed"),
        ("1 if leak else 2 if leak else 3", 3),
        ("min(3, verification)", 3),
        ("max(3, verification)", 70),
        ("min(5, 4, verification, 9)", 4),
        ("max(1, 2, 3)", 3),
        ("abs(tension)", 7),
        ("abs(-3) + abs(3)", 6),
        ("chose('il28_demand', 'insist')", True),
        ("chose('il28_demand', 'drop')", False),
        ("chose('quarantine', 'keep')", False),
        ("decided('il28_demand')", True),
        ("decided('quarantine')", False),
        ('not decided(\'quarantine\') and chose("il28_demand", "insist")', True),
        ("day + 2", 14),
        ("(((verification)))", 70),
        ("  verification\n  >= 60  ", True),
    ],
)
def test_expression_evaluates_to(source: str, expected: object) -> None:
    result = evaluate(source)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # not binds looser than comparison
        ("not verification > 100", True),
        # and binds tighter than or
        ("blockade or leak and leak", True),
        ("leak and leak or blockade", True),
        # not binds tighter than and
        ("not leak and blockade", True),
        # the conditional is loosest of all
        ("1 if blockade or leak else 2", 1),
        ("1 + 1 if leak else 5 * 2", 10),
        # unary minus binds tighter than *
        ("-2 * -3", 6),
        # arithmetic binds tighter than comparison
        ("verification - 70 == 0", True),
        ("2 + 3 * 4 == 14", True),
        # left associativity of - and /
        ("20 - 5 - 5 == 10", True),
        ("64 / 4 / 2 == 8", True),
    ],
)
def test_precedence(source: str, expected: object) -> None:
    assert evaluate(source) == expected


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("1", "int"),
        ("verification + 1", "int"),
        ("blockade", "bool"),
        ("verification > 1", "bool"),
        ("il28_status", "enum"),
        ("'gone'", "enum"),
        ("min(1, 2)", "int"),
        ("chose('il28_demand', 'drop')", "bool"),
    ],
)
def test_expression_type(source: str, kind: str) -> None:
    assert compile_expression(source, NAMES).type.kind == kind


def test_enum_expression_type_carries_its_values() -> None:
    assert compile_expression("il28_status", NAMES).type == IL28


def test_conditional_of_two_texts_has_both_values() -> None:
    assert compile_expression("'a' if blockade else 'b'", NAMES).type.values == {"a", "b"}


def test_names_lists_variables_read_including_builtins() -> None:
    expression = compile_expression("verification + turn > min(soviet_trust, day)", NAMES)
    assert expression.names == {"verification", "turn", "soviet_trust", "day"}


def test_names_excludes_decisions() -> None:
    assert compile_expression("chose('il28_demand', 'drop')", NAMES).names == frozenset()


def test_compiled_expressions_compare_equal_by_source_and_type() -> None:
    assert compile_condition("blockade", NAMES) == compile_condition("blockade", NAMES)


def test_constant_subexpression_is_folded_but_still_correct() -> None:
    assert compile_expression("verification > 10 * 6 + 1", NAMES)(ENV) is True


def test_compiling_the_same_text_again_reuses_the_result() -> None:
    assert compile_effect("tension += 5", NAMES) is compile_effect("tension += 5", NAMES)


def test_cached_result_is_not_shared_with_other_names() -> None:
    other = Names({"tension": BOOL})
    assert compile_expression("tension", NAMES).type == INT
    assert compile_expression("tension", other).type == BOOL


def test_cache_keeps_expected_kind_apart() -> None:
    assert compile_expression("blockade", NAMES).type == BOOL
    with pytest.raises(ExprError):
        compile_expression("blockade", NAMES, "int")


def test_missing_decision_key_means_not_chosen() -> None:
    assert compile_condition("chose('quarantine', 'keep')", NAMES)({}) is False


# -- conditions ------------------------------------------------------------------------


def test_condition_must_be_boolean() -> None:
    error = error_of("  verification + 1", compile_condition)
    assert error.message == "expected a condition (true/false), but this is a number"
    assert (error.offset, error.length) == (2, 16)


def test_condition_refuses_enum_value() -> None:
    error = error_of("il28_status", compile_condition)
    assert "expected a condition (true/false), but this is il28_status" in error.message


def test_expect_int_refuses_condition() -> None:
    with pytest.raises(ExprError, match="expected a number, but this is a condition"):
        compile_expression("blockade", NAMES, "int")


# -- errors: offsets and messages -------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "offset", "length", "message"),
    [
        ("", 0, 0, "empty expression: expected a value"),
        ("   ", 0, 3, "empty expression: expected a value"),
        ("verification >", 14, 0, "expected a value after '>', found the end of the expression"),
        ("(1 + 2", 6, 0, "expected ')' to close the '(' opened at character 1, found the end"),
        ("1 + 2)", 5, 1, "expected an operator or the end of the expression, found ')'"),
        ("1 2", 2, 1, "expected an operator or the end of the expression, found number 2"),
        ("blockade leak", 9, 4, "found name 'leak'"),
        ("1 < 2 < 3", 6, 1, "comparisons cannot be chained"),
        ("1 == 2 != 3", 7, 2, "comparisons cannot be chained"),
        ("1 < 2 in (3,)", 6, 2, "comparisons cannot be chained"),
        ("'gone", 0, 5, "unterminated string: missing the closing '"),
        ('x == "gone', 5, 5, 'unterminated string: missing the closing "'),
        ("1 + $", 4, 1, "unexpected character '$'"),
        ("1.5", 1, 1, "unexpected '.' after 1: numbers are whole, with no decimals"),
        ("12ab", 0, 4, "invalid number '12ab'"),
        ("007", 0, 3, "numbers cannot start with 0"),
        ("1000000000", 0, 10, "number 1000000000 is too large (the limit is 999999999)"),
        ("blockade && leak", 9, 2, "use 'and'"),
        ("blockade || leak", 9, 2, "use 'or'"),
        ("!blockade", 0, 1, "use 'not'"),
        ("2 ** 3", 2, 2, "there is no power operator"),
        ("7 // 2", 2, 2, "'/' already divides whole numbers"),
        ("verification = 3", 13, 1, "to compare, write '=='"),
        ("verification += 3", 13, 2, "only appears in effects"),
        ("1 if blockade", 13, 0, "expected 'else' to finish 'value if condition else other'"),
        ("verification not 3", 17, 1, "expected 'in' after 'not'"),
        ("verification in 3", 16, 1, "expected '(' after 'in'"),
        ("verification in ()", 16, 2, "expected at least one value inside 'in (...)'"),
        ("min(1 2)", 6, 1, "expected ')' to close the '(' of min(...)"),
        ("1 == not blockade", 5, 3, "expected a value after '==', found 'not'"),
        ("()", 1, 1, "expected a value after '(', found ')'"),
        ("and", 0, 3, "expected a value, found 'and'"),
    ],
)
def test_syntax_error_location_and_message(
    source: str, offset: int, length: int, message: str
) -> None:
    error = error_of(source)
    assert message in error.message
    assert (error.offset, error.length) == (offset, length)


@pytest.mark.parametrize(
    ("source", "offset", "length", "message", "hint"),
    [
        (
            "verificaton >= 60",
            0,
            11,
            "unknown variable 'verificaton' (did you mean 'verification'?)",
            "did you mean 'verification'?",
        ),
        ("blockade and True", 13, 4, "unknown variable 'True'", "did you mean 'true'?"),
        ("zzz > 1", 0, 3, "unknown variable 'zzz'", ""),
        ("mni(1, 2)", 0, 3, "unknown function 'mni'", "did you mean 'min'?"),
        (
            "il28_status == 'gnoe'",
            15,
            6,
            "'gnoe' is not a value of il28_status (expected one of: demanded, gone, in_cuba,"
            " promised, removed; did you mean 'gone'?)",
            "did you mean 'gone'?",
        ),
        (
            "chose('il28_demnd', 'drop')",
            6,
            12,
            "unknown decision 'il28_demnd'",
            "did you mean 'il28_demand'?",
        ),
        (
            "chose('il28_demand', 'dorp')",
            21,
            6,
            "'dorp' is not an option of decision 'il28_demand'",
            "did you mean 'drop'?",
        ),
        (
            "decided('quarantin')",
            8,
            11,
            "unknown decision 'quarantin'",
            "did you mean 'quarantine'?",
        ),
    ],
)
def test_unknown_name_error_suggests_the_closest(
    source: str, offset: int, length: int, message: str, hint: str
) -> None:
    error = error_of(source)
    assert message in error.message
    assert error.hint == hint
    assert (error.offset, error.length) == (offset, length)


@pytest.mark.parametrize(
    ("source", "offset", "length", "message"),
    [
        ("true + 1", 0, 4, "'+' needs numbers on both sides, but this is a condition"),
        ("1 + blockade", 4, 8, "'+' needs numbers on both sides, but this is a condition"),
        ("il28_status * 2", 0, 11, "'*' needs numbers on both sides, but this is il28_status"),
        ("-blockade", 1, 8, "'-' needs a number, but this is a condition"),
        ("not verification", 4, 12, "'not' needs a condition (true/false), but this is a number"),
        ("blockade and 1", 13, 1, "'and' combines conditions (true/false), but this is a number"),
        ("1 or blockade", 0, 1, "'or' combines conditions"),
        ("blockade < leak", 0, 8, "'<' compares numbers, but this is a condition"),
        ("il28_status >= 'gone'", 0, 11, "'>=' compares numbers"),
        ("verification == blockade", 16, 8, "cannot compare a number and a condition"),
        ("verification == 'gone'", 16, 6, "cannot compare a number and the text 'gone'"),
        ("'gone' == verification", 0, 6, "cannot compare a number and the text 'gone'"),
        ("il28_status == colour", 15, 6, "which share no value"),
        ("il28_status in ('gone', 'gnoe')", 24, 6, "'gnoe' is not a value of il28_status"),
        ("verification in (1, true)", 20, 4, "cannot compare a number and a condition"),
        ("1 if verification else 2", 5, 12, "the condition after 'if' must be true/false"),
        ("1 if blockade else leak", 19, 4, "both branches of 'if ... else' must have one type"),
        ("il28_status if blockade else 'gnoe'", 29, 6, "'gnoe' is not a value of il28_status"),
        ("min(1, blockade)", 7, 8, "min works on numbers, but this is a condition"),
        ("min(1)", 0, 6, "min needs at least two numbers, got 1"),
        ("max()", 0, 5, "max needs at least two numbers, got 0"),
        ("abs(1, 2)", 0, 9, "abs takes exactly one number, got 2"),
        ("abs(blockade)", 4, 8, "abs works on numbers"),
        ("chose('il28_demand')", 0, 20, "chose takes 2 quoted name(s)"),
        ("chose(il28_status, 'drop')", 6, 11, "chose takes quoted names"),
        ("decided(1)", 8, 1, "decided takes quoted names"),
        ("verification(1)", 0, 12, "'verification' is a variable, not a function"),
        ("min + 1", 0, 3, "'min' is a function: call it"),
        ("(blockade) + 1", 0, 10, "'+' needs numbers on both sides"),
    ],
)
def test_type_error_location_and_message(
    source: str, offset: int, length: int, message: str
) -> None:
    error = error_of(source)
    assert message in error.message
    assert (error.offset, error.length) == (offset, length)


def test_enums_with_overlapping_values_compare() -> None:
    assert compile_condition("il28_status == phase", NAMES)(ENV) is True


def test_too_long_source_is_refused_at_the_limit() -> None:
    source = "1 + " * MAX_SOURCE_LENGTH + "1"
    error = error_of(source)
    assert "expression is too long" in error.message
    assert error.offset == MAX_SOURCE_LENGTH


def test_nesting_at_the_limit_is_accepted() -> None:
    depth = MAX_DEPTH - 1
    assert evaluate("(" * depth + "1" + ")" * depth) == 1


def test_nesting_past_the_limit_is_refused() -> None:
    depth = MAX_DEPTH + 1
    error = error_of("(" * depth + "1" + ")" * depth)
    assert "nested too deeply" in error.message


def test_long_operator_chain_is_refused_as_too_deep() -> None:
    error = error_of(" + ".join(["1"] * (MAX_DEPTH + 5)))
    assert "nested too deeply" in error.message


def test_long_and_chain_is_flat_and_accepted() -> None:
    assert evaluate("true and " * 99 + "blockade") is True


def test_error_caret_underlines_the_offending_part() -> None:
    error = error_of("verificaton >= 60")
    assert error.caret("verificaton >= 60") == "verificaton >= 60\n^" + "~" * 10


def test_error_str_is_its_message() -> None:
    error = error_of("zzz")
    assert str(error) == error.message


def test_error_survives_pickling_with_its_location() -> None:
    error = pickle.loads(pickle.dumps(error_of("verificaton >= 60")))
    assert (error.message, error.offset, error.length, error.hint) == (
        "unknown variable 'verificaton' (did you mean 'verification'?)",
        0,
        11,
        "did you mean 'verification'?",
    )


def test_non_text_source_is_an_expr_error() -> None:
    with pytest.raises(ExprError, match="expected an expression as text"):
        compile_expression(60, NAMES)  # type: ignore[arg-type]


# -- run-time errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["verification / (turn - 3)", "verification % (turn - 3)", "1 / 0", "verification % 0"],
)
def test_division_by_zero_is_an_eval_error(source: str) -> None:
    expression = compile_expression(source, NAMES)
    with pytest.raises(EvalError, match="division by zero"):
        expression(ENV)


def test_division_by_zero_error_quotes_the_expression() -> None:
    with pytest.raises(EvalError, match=r"in 'verification / \(turn - 3\)'"):
        compile_expression("1 + verification / (turn - 3)", NAMES)(ENV)


def test_unevaluated_division_by_zero_is_harmless() -> None:
    assert evaluate("1 / 0 if leak else 5") == 5


# -- effects ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "op", "new_value"),
    [
        ("soviet_trust -= 10", "soviet_trust", "-=", 30),
        ("soviet_trust += verification / 7", "soviet_trust", "+=", 50),
        ("soviet_trust = 500", "soviet_trust", "=", 500),
        ("tension = tension * 2", "tension", "=", -14),
        ("blockade = not blockade", "blockade", "=", False),
        ("leak = verification > 60", "leak", "=", True),
        ("il28_status = 'promised'", "il28_status", "=", "promised"),
        ("il28_status = \"gone\" if blockade else 'demanded'", "il28_status", "=", "gone"),
        ("il28_status = phase", "il28_status", "=", "removed"),
        ("il28_status=il28_status", "il28_status", "=", "removed"),
    ],
)
def test_effect_applies(source: str, target: str, op: str, new_value: object) -> None:
    assignment = compile_effect(source, NAMES)
    assert (assignment.target, assignment.op) == (target, op)
    assert assignment.apply(ENV) == new_value


def test_effect_value_is_the_right_hand_side() -> None:
    assignment = compile_effect("soviet_trust -= 10 + turn", NAMES)
    assert assignment.value.source == "10 + turn"
    assert assignment.value.names == {"turn"}
    assert assignment.value(ENV) == 13


def test_effect_result_is_not_clamped() -> None:
    assert compile_effect("soviet_trust -= 1000", NAMES).apply(ENV) == -960


def test_enum_from_enum_outside_target_set_is_eval_error() -> None:
    assignment = compile_effect("il28_status = phase", NAMES)
    with pytest.raises(EvalError, match="'verified' is not a value of il28_status"):
        assignment.apply({**ENV, "phase": "verified"})


@pytest.mark.parametrize(
    ("source", "offset", "length", "message"),
    [
        ("turn = 3", 0, 4, "turn is read-only"),
        ("day += 1", 0, 3, "day is read-only"),
        (
            "soviet_trst -= 10",
            0,
            11,
            "unknown variable 'soviet_trst' (did you mean 'soviet_trust'?)",
        ),
        ("3 = soviet_trust", 0, 1, "an effect starts with the variable it changes"),
        ("soviet_trust == 3", 13, 2, "expected '=', '+=' or '-=' after 'soviet_trust', found '=='"),
        ("soviet_trust", 12, 0, "expected '=', '+=' or '-=' after 'soviet_trust', found the end"),
        ("soviet_trust -=", 15, 0, "expected a value after '-=', found the end of the expression"),
        ("il28_status += 1", 12, 2, "'+=' works only on numbers"),
        ("blockade -= 1", 9, 2, "'-=' works only on numbers"),
        ("blockade = 3", 11, 1, "blockade holds a condition (true/false), but this is a number"),
        ("soviet_trust = leak", 15, 4, "soviet_trust holds a number, but this is a condition"),
        ("il28_status = 3", 14, 1, "il28_status holds a status value"),
        ("il28_status = 'gon'", 14, 5, "'gon' is not a value of il28_status"),
        ("il28_status = colour", 14, 6, "they share no value"),
        ("soviet_trust -= 10 10", 19, 2, "expected an operator or the end of the expression"),
        ("soviet_trust = = 1", 15, 1, "expected a value after '=', found '='"),
        ("", 0, 0, "empty expression"),
    ],
)
def test_effect_error_location_and_message(
    source: str, offset: int, length: int, message: str
) -> None:
    error = error_of(source, compile_effect)
    assert message in error.message
    assert (error.offset, error.length) == (offset, length)


def test_effect_suggestion_is_in_hint() -> None:
    assert error_of("il28_status = 'gon'", compile_effect).hint == "did you mean 'gone'?"


# -- literal comparisons, for the loader's range checks ----------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("verification >= 160", [("verification", ">=", 160, 16, 3)]),
        ("160 < verification", [("verification", ">", 160, 0, 3)]),
        ("(verification) == -5", [("verification", "==", -5, 18, 2)]),
        ("blockade and turn > 2", [("turn", ">", 2, 20, 1)]),
        (
            "verification in (1, 200)",
            [("verification", "==", 1, 17, 1), ("verification", "==", 200, 20, 3)],
        ),
        ("verification not in (7,)", [("verification", "!=", 7, 21, 1)]),
        ("soviet_trust = 500", [("soviet_trust", "=", 500, 15, 3)]),
        ("soviet_trust += 5 if verification > 90 else 0", [("verification", ">", 90, 36, 2)]),
        ("verification + 1 > 100", []),
        ("verification > soviet_trust", []),
        ("il28_status == 'gone'", []),
        ("verification >", []),
    ],
)
def test_literal_comparisons(source: str, expected: list[tuple[str, str, int, int, int]]) -> None:
    found = literal_comparisons(source, NAMES)
    assert [(c.variable, c.op, c.value, c.offset, c.length) for c in found] == expected
