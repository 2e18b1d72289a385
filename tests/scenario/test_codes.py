"""Every problem carries a stable code, documented once in docs/codes.md."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_load_errors import CASES

from excomm_sim.scenario.codes import CODES, UNCLASSIFIED, classify
from excomm_sim.scenario.load import check_text
from excomm_sim.scenario.problems import Problem, Problems
from fuzzing.scenario_mutants import KINDS, mutant, seed_texts

TEXTS = seed_texts()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "codes.md"

EXPECTED_CODES = {
    "unknown_key_with_did_you_mean": "E101",  # with E102 for the key it misspells
    "missing_required_key": "E102",
    "required_key_without_value": "E103",
    "empty_required_text": "E104",
    "list_where_text_expected": "E105",
    "text_where_integer_expected": "E105",
    "quoted_integer": "E105",
    "base_sixty_integer": "E109",
    "integer_outside_bounds": "E108",
    "value_not_in_choices": "E107",
    "invalid_id": "E106",
    "empty_required_list": "E113",
    "duplicate_mapping_key": "E011",
    "duplicate_decision_id": "E120",
    "unknown_decider_role": "E201",
    "unknown_citation_source": "E201",
    "unreadable_citation": "E118",
    "unknown_variable_in_expression": "E202",
    "type_mismatch_in_expression": "E204",
    "chose_names_unknown_option": "E202",
    "initial_outside_range": "E304",
    "initial_not_among_values": "E304",
    "effect_assigns_literal_outside_range": "E306",
    "comparison_with_literal_outside_range": "W307",
    "max_below_min": "E305",
    "int_key_on_bool_variable": "E114",
    "display_unsuited_to_kind": "E115",
    "builtin_name_as_variable": "E119",
    "no_president": "E301",
    "two_fallback_endings": "E302",
    "early_fallback_ending": "E302",
    "two_historical_endings": "E303",
    "unsupported_format": "E112",
    "unavailable_without_when": "W308",
    "event_that_never_fires": "W309",
    "no_in_a_text_field": "W110",
    "unquoted_version_number": "E111",
    "date_in_another_format": "E105",
    "impossible_date": "E009",
    "foreign_yaml_tag": "E008",
}


def _documented() -> dict[str, str]:
    """code -> its section in docs/codes.md (headings like ``### E101 unknown-key``)."""
    text = DOCS.read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    return {section.split()[0]: section for section in sections}


def test_every_code_is_documented_with_its_name() -> None:
    documented = _documented()
    for code in CODES.values():
        assert code.code in documented, f"{code.code} is missing from docs/codes.md"
        assert documented[code.code].split()[1] == code.name


def test_the_docs_list_no_code_that_does_not_exist() -> None:
    assert set(_documented()) <= set(CODES)


def test_a_code_letter_is_its_severity() -> None:
    for code in CODES.values():
        assert re.fullmatch(r"[EW]\d{3}", code.code)
        assert code.severity == ("error" if code.code[0] == "E" else "warning")


@pytest.mark.parametrize("case", EXPECTED_CODES)
def test_each_loader_mistake_has_its_code(
    case: str, edit: Callable[[str, str], str], findings: Callable[[str], list[str]]
) -> None:
    old, new, _ = CASES[case]
    _, problems = check_text(edit(old, new), "harbour.yaml")
    codes = [problem.code for problem in problems]
    assert EXPECTED_CODES[case] in codes, [str(problem) for problem in problems]


@pytest.mark.parametrize("case", CASES)
def test_no_loader_problem_is_left_without_a_code(
    case: str, edit: Callable[[str, str], str]
) -> None:
    old, new, _ = CASES[case]
    _, problems = check_text(edit(old, new), "harbour.yaml")
    assert problems
    for problem in problems:
        assert problem.code in CODES, str(problem)
        assert CODES[problem.code].severity == problem.severity


def _assert_coded(text: str) -> None:
    _, problems = check_text(text, "fuzz.yaml")
    for problem in problems:
        assert problem.code not in UNCLASSIFIED.values(), problem.message
        assert CODES[problem.code].severity == problem.severity, problem.message


@settings(max_examples=600, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(KINDS))
def test_mutants_give_only_coded_problems(number: int, kind: str) -> None:
    """The scenario fuzzer's mutants (structural, text, literal), at numbers hypothesis picks."""
    _kind, text = mutant(TEXTS, number, kind)
    _assert_coded(text)


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("tension >= verificaton", "E202"),
        ("chose('first_contact', 'dorp')", "E202"),
        ("frobnicate(tension)", "E202"),
        ("tension >= (40", "E203"),
        ("tension = 40", "E203"),
        ("10 < tension < 60", "E203"),
        ("tension + boarded > 3", "E204"),
        ("cargo == 'gnoe'", "E204"),
    ],
)
def test_expression_errors_are_syntax_names_or_types(
    source: str, code: str, edit: Callable[[str, str], str]
) -> None:
    _, problems = check_text(edit("when: tension >= 40", f'when: "{source}"'), "h.yaml")
    assert [problem.code for problem in problems] == [code], [str(p) for p in problems]


def test_a_given_code_is_kept() -> None:
    problems = Problems("x.yaml")
    problems.add(3, 4, "", "unknown key 'x' in a role", "error", "E999")
    assert next(iter(problems)).code == "E999"


def test_an_unmatched_message_gets_the_placeholder_code() -> None:
    assert classify("something nobody wrote", "warning") == "W000"
    assert Problem("x", 1, 1, "", "something nobody wrote").code == "E000"


def test_the_coded_line_reads_like_rustc() -> None:
    problem = Problem("x.yaml", 3, 9, "roles[0]", "unknown key 'titel' in a role")
    assert problem.coded() == "x.yaml:3:9: error[E101]: unknown key 'titel' in a role [roles[0]]"
    assert problem.as_dict()["code"] == "E101"


@pytest.mark.parametrize(
    ("message", "severity", "code"),
    [
        (
            "a tab character in the indentation: YAML reads only spaces there; use spaces",
            "error",
            "E014",
        ),
        (
            "... and 30 more lines with a tab where YAML expects spaces (the last on line 9)",
            "error",
            "E014",
        ),
        (
            "the text holds U+001B (ESC), written as an escape: a control character would ...",
            "error",
            "E015",
        ),
        (
            "the text holds U+202E (RIGHT-TO-LEFT OVERRIDE), an invisible character that ...",
            "warning",
            "W016",
        ),
        ("... and 5 more invisible characters in the file", "warning", "W016"),
        ("the number 0xfff... is too large (the limit is 999,999,999 either way)", "error", "E121"),
        ("the id 'hhh...' is too long (10,001 characters; at most 64)", "error", "E122"),
        (
            "the version is too long (10,001 characters; at most 100): saves record it",
            "error",
            "E123",
        ),
        ("the calendar runs past 9999-12-31, the last date there is: ...", "error", "E310"),
        ("the scenario has 501 roles, more than a game seats (500)", "error", "E311"),
        ("a game of this scenario could take 10,004 actions (...)", "error", "E312"),
    ],
)
def test_the_reliability_problems_have_their_codes(message: str, severity: str, code: str) -> None:
    assert classify(message, severity) == code
