"""Ignore comments silence one finding on purpose, and complain when they silence nothing."""

from __future__ import annotations

from test_logic_checks import RAISE, lint, scenario

BOUND = scenario(RAISE).replace(
    "    initial: 50\n    min: 0\n    max: 100", "    initial: 100\n    min: 0\n    max: 100"
)
"""Credibility starts at its maximum, so 'credibility += 10' on the first decision is W501."""
EFFECT = "      effects: [credibility += 10, \"status = 'talking'\"]"


def codes(text: str) -> list[str]:
    return [problem.code for problem in lint(text)]


def test_the_finding_is_there_without_a_comment() -> None:
    assert codes(BOUND) == ["W501"]


def test_a_comment_on_the_line_silences_its_code() -> None:
    assert codes(BOUND.replace(EFFECT, EFFECT + "  # excomm: ignore[W501]")) == []


def test_a_comment_naming_another_code_silences_nothing_and_says_so() -> None:
    problems = lint(BOUND.replace(EFFECT, EFFECT + "  # excomm: ignore[W502]"))
    assert [problem.code for problem in problems] == ["W501", "W601"]
    assert problems[1].message == (
        "this ignore comment silences nothing: there is no W502 finding on this line"
    )
    assert problems[1].line == problems[0].line


def test_several_codes_may_be_named() -> None:
    assert codes(BOUND.replace(EFFECT, EFFECT + "  # excomm: ignore[W402, W501]")) == ["W601"]


def test_a_file_wide_comment_silences_the_code_everywhere() -> None:
    assert codes("# excomm: ignore-file[W501]\n" + BOUND) == []


def test_a_comment_on_a_block_scalar_header_covers_its_lines() -> None:
    text = scenario(
        RAISE.replace(
            "      label: Up\n",
            "      label: Up\n      when: >  # excomm: ignore[E401]\n"
            "        credibility > 60 and\n        credibility < 40\n",
        )
    )
    assert "E401" in codes(text.replace("  # excomm: ignore[E401]", ""))
    assert "E401" not in codes(text)


def test_a_hash_inside_a_text_is_not_a_comment() -> None:
    text = BOUND.replace("label: Up", 'label: "Up # excomm: ignore[W501]"')
    assert codes(text) == ["W501"]


def test_an_unknown_code_and_a_bare_comment_are_warned_about() -> None:
    problems = lint(BOUND.replace(EFFECT, EFFECT + "  # excomm: ignore[W999]"))
    assert [problem.code for problem in problems] == ["W501", "W602"]
    bare = lint(BOUND.replace(EFFECT, EFFECT + "  # excomm: ignore"))
    assert [problem.code for problem in bare] == ["W501", "W602"]


def test_a_reader_error_cannot_be_silenced() -> None:
    line = EFFECT.replace("credibility += 10", "credibilty += 10")
    found = lint(BOUND.replace(EFFECT, line + "  # excomm: ignore[E202]"))
    assert [problem.code for problem in found] == ["E202", "W601"]
    assert "stops the file loading, and cannot be silenced" in found[1].message


def test_logic_codes_are_not_judged_while_the_file_has_errors() -> None:
    broken = BOUND.replace("label: Down", "label: Down\n        lean: sideways")
    found = codes(broken.replace(EFFECT, EFFECT + "  # excomm: ignore[W501]"))
    assert found == ["E107"]
