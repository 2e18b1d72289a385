"""An expression error points at the offending character inside its YAML scalar, any style."""

from __future__ import annotations

from collections.abc import Callable

import pytest

OPTION_WHEN = "        when: tension >= 40\n"
"""Line 106 of the harbour fixture; the value starts at column 15."""


def _located(findings: Callable[[str], list[str]], text: str) -> list[str]:
    return [line.split(": error: ")[0] for line in findings(text) if ": error: " in line]


@pytest.mark.parametrize(
    ("replacement", "where"),
    [
        ("        when: tension >= verificaton\n", "harbour.yaml:106:26"),
        ("        when: 'tension >= verificaton'\n", "harbour.yaml:106:27"),
        ('        when: "tension >= verificaton"\n', "harbour.yaml:106:27"),
        ('        when: "tension >= \\u0076erificaton"\n', "harbour.yaml:106:27"),
        ("        when: '\"it''s\" == verificaton'\n", "harbour.yaml:106:27"),
        (
            "        when: |\n          tension >= 40 and\n          verificaton\n",
            "harbour.yaml:108:11",
        ),
        (
            "        when: >-\n          tension >= 40\n          and verificaton\n",
            "harbour.yaml:108:15",
        ),
        ("        when: tension >= 40\n          and verificaton\n", "harbour.yaml:107:15"),
        ("        when: {tension: 1}\n", "harbour.yaml:106:15"),
    ],
    ids=[
        "plain",
        "single-quoted",
        "double-quoted",
        "double-quoted-escape",
        "single-quoted-doubled-quote",
        "literal-block",
        "folded-block",
        "multi-line-plain",
        "not-text",
    ],
)
def test_error_column_inside_the_scalar(
    replacement: str,
    where: str,
    edit: Callable[[str, str], str],
    findings: Callable[[str], list[str]],
) -> None:
    assert _located(findings, edit(OPTION_WHEN, replacement)) == [where]


def test_block_scalar_header_comment_is_not_matched(
    edit: Callable[[str, str], str], findings: Callable[[str], list[str]]
) -> None:
    text = edit(
        OPTION_WHEN, "        when: |  # verificaton here is a comment\n          verificaton\n"
    )
    assert _located(findings, text) == ["harbour.yaml:107:11"]


def test_effect_error_points_into_a_flow_list(
    edit: Callable[[str, str], str], findings: Callable[[str], list[str]]
) -> None:
    text = edit(
        'effects: [boarded = true, "tension += 20"]', 'effects: [boarded = 3, "tension += 20"]'
    )
    assert _located(findings, text) == ["harbour.yaml:108:29"]


def test_windows_line_endings_keep_the_same_place(
    edit: Callable[[str, str], str], findings: Callable[[str], list[str]]
) -> None:
    text = edit(
        OPTION_WHEN, "        when: >-\n          tension >= 40\n          and verificaton\n"
    )
    assert _located(findings, text.replace("\n", "\r\n")) == ["harbour.yaml:108:15"]
