"""Characters an author cannot see: tabs, invisible and direction-changing ones, escapes.

Every tab that YAML would read as structure is listed, one line each, with "use spaces";
tabs that are text (quoted, in a block, in a comment) are left alone. Invisible and bidi
characters are warned about with their code point and column. A control character made
by a double-quoted escape is refused, and never printed raw.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from excomm_sim.scenario.load import check_text
from excomm_sim.scenario.textchecks import MAX_LISTED_CHARACTERS
from excomm_sim.scenario.yamltabs import MAX_LISTED_LINES, find_tab_slips

Edit = Callable[[str, str], str]
Findings = Callable[[str], list[str]]
INDENTED = "a tab character in the indentation: YAML reads only spaces there; use spaces"
BETWEEN = "a tab character where YAML expects spaces: YAML reads only spaces there; use spaces"


def test_every_tab_line_is_listed_with_use_spaces(harbour_text: str, findings: Findings) -> None:
    lines = harbour_text.splitlines(keepends=True)
    indented = [number for number, line in enumerate(lines, 1) if line.startswith("    ")][:17]
    for number in indented:
        lines[number - 1] = "\t" + lines[number - 1][4:]
    found = findings("".join(lines))
    assert found == [f"harbour.yaml:{number}:1: error: {INDENTED}" for number in indented]


@pytest.mark.parametrize(
    ("text", "column", "indentation"),
    [
        ("title: a\tb\n", 9, False),
        ("title:\tb\n", 7, False),
        ("title: b\t\n", 9, False),
        ("title: b \t# a comment\n", 10, False),
        ("roles: [a,\tb]\n", 11, False),
        ("a:\n  - b\n \t- c\n", 2, True),
        ("a: |\n  text\n\t\n", 1, True),
        ("a: |\t\n  text\n", 5, False),
        ("\t# a comment\n", 1, True),
    ],
)
def test_a_tab_where_yaml_reads_structure_is_a_slip(
    text: str, column: int, indentation: bool
) -> None:
    (slip,) = find_tab_slips(text)
    assert (slip.column, slip.indentation) == (column, indentation)


@pytest.mark.parametrize(
    "text",
    [
        "title: 'a\tb'\n",
        'title: "a\tb"\n',
        'title: "a\n\tb"\n',
        "title: 'it''s\ta'\n",
        "a: |\n  one\ttwo\n  \tthree\n",
        "a: >\n  folded\ttext\n",
        "title: x # a\tcomment\n",
        "# a\tcomment\n",
        'title: it\'s "x"\n',
    ],
)
def test_a_tab_that_is_text_is_left_alone(text: str) -> None:
    assert find_tab_slips(text) == []


def test_past_the_listed_lines_one_problem_counts_the_rest(findings: Findings) -> None:
    text = "".join(f"k{index}:\tv\n" for index in range(MAX_LISTED_LINES + 30))
    found = findings(text)
    assert len(found) == MAX_LISTED_LINES + 1
    assert "... and 30 more lines with a tab" in found[-1]


@pytest.mark.parametrize(
    ("character", "name", "bidi"),
    [
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE", True),
        ("\u2066", "LEFT-TO-RIGHT ISOLATE", True),
        ("\u200b", "ZERO WIDTH SPACE", False),
        ("\u00ad", "SOFT HYPHEN", False),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE", False),
    ],
)
def test_an_invisible_character_is_warned_with_its_code_point_and_column(
    edit: Edit, findings: Findings, character: str, name: str, bidi: bool
) -> None:
    found = findings(edit("label: Seize it", f"label: Sei{character}ze it"))
    code = f"U+{ord(character):04X} ({name})"
    kind = (
        "an invisible character that changes the direction the text around it is shown in"
        if bidi
        else "an invisible character"
    )
    line = _line_of(edit, "label: Seize it")
    assert found == [
        f"harbour.yaml:{line}:19: warning: the text holds {code}, {kind}; "
        "remove it unless you mean it"
    ]


def test_an_invisible_character_in_a_comment_is_warned_too(harbour_text: str) -> None:
    _scenario, problems = check_text("# \u202e hidden\n" + harbour_text, "harbour.yaml")
    assert [(p.line, p.column, p.severity) for p in problems] == [(1, 3, "warning")]


def test_an_invisible_character_from_an_escape_is_warned_at_its_scalar(
    edit: Edit, findings: Findings
) -> None:
    found = findings(edit("label: Seize it", 'label: "Sei\\u200bze it"'))
    assert len(found) == 1 and "U+200B (ZERO WIDTH SPACE)" in found[0]
    assert "(it is written as an escape)" in found[0] and ": warning: " in found[0]


def test_past_the_listed_characters_one_warning_counts_the_rest(harbour_text: str) -> None:
    text = harbour_text + "#" + "\u200b" * (MAX_LISTED_CHARACTERS + 5) + "\n"
    _scenario, problems = check_text(text, "harbour.yaml")
    assert len(problems) == MAX_LISTED_CHARACTERS + 1
    assert problems[-1].message == "... and 5 more invisible characters in the file"


@pytest.mark.parametrize(
    ("escape", "name"),
    [("\\e[2J", "U+001B (ESC)"), ("\\x9b", "U+009B (CSI)"), ("\\a", "U+0007 (BEL)")],
)
def test_a_control_character_from_an_escape_is_refused(
    edit: Edit, findings: Findings, escape: str, name: str
) -> None:
    found = findings(edit("label: Seize it", f'label: "Seize{escape} it"'))
    assert len(found) == 1 and f"the text holds {name}, written as an escape" in found[0]


def test_an_escape_in_a_key_is_shown_escaped_never_raw(harbour_text: str) -> None:
    text = harbour_text.replace("title: The Harbour Standoff", '"\\e]0;pwned\\a": x', 1)
    _scenario, problems = check_text(text, "harbour.yaml")
    printed = "\n".join(str(problem) for problem in problems)
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\\x1b]0;pwned\\x07" in printed


def _line_of(edit: Edit, text: str) -> int:
    marked = edit(text, "@@here@@")
    return marked[: marked.index("@@here@@")].count("\n") + 1
