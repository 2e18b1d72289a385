"""docs/expressions.md stays true: every error example in its tables is what the code says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from excomm_sim.scenario.expr import (
    BOOL,
    INT,
    ExprError,
    Names,
    Type,
    compile_condition,
    compile_effect,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "expressions.md"
NAMES = Names(
    variables={
        "verification": INT,
        "soviet_trust": INT,
        "tension": INT,
        "blockade": BOOL,
        "il28_status": Type(
            "enum", frozenset({"in_cuba", "demanded", "promised", "removed", "gone"})
        ),
    },
    choices={"il28_demand": frozenset({"insist", "drop"})},
)
ROW = re.compile(
    r"^\| `(?P<source>[^`]+)`[^|]*\| @(?P<offset>\d+)\+(?P<length>\d+) (?P<message>.+) \|$"
)


def _examples() -> list[tuple[str, str, int, int, str]]:
    examples = []
    section = ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("| Effect |"):
            section = "effect"
        elif line.startswith("| Expression |"):
            section = "condition"
        match = ROW.match(line)
        if match:
            examples.append(
                (
                    section,
                    match["source"],
                    int(match["offset"]),
                    int(match["length"]),
                    match["message"],
                )
            )
    return examples


EXAMPLES = _examples()


def test_doc_has_error_examples_of_both_kinds() -> None:
    assert {section for section, *_ in EXAMPLES} == {"condition", "effect"}
    assert len(EXAMPLES) >= 20


@pytest.mark.parametrize(("section", "source", "offset", "length", "message"), EXAMPLES)
def test_documented_error_is_what_the_code_reports(
    section: str, source: str, offset: int, length: int, message: str
) -> None:
    compile_ = compile_effect if section == "effect" else compile_condition
    with pytest.raises(ExprError) as caught:
        compile_(source, NAMES)
    assert (caught.value.message, caught.value.offset, caught.value.length) == (
        message,
        offset,
        length,
    )
