"""The guides stay true: every schema field is documented, and the tutorial's file checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from excomm_sim.scenario.load import load_text
from excomm_sim.scenario.schema import json_schema
from excomm_sim.tools.check import check, format_text

DOCS = Path(__file__).resolve().parents[2] / "docs"
REFERENCE = ("scenario-format.md", "authoring.md")


def _property_names(node: Any) -> Iterator[str]:
    """Every key named under any ``properties`` in the schema, nested definitions too."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from _property_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _property_names(item)


SCHEMA_FIELDS = sorted(set(_property_names(json_schema())))


def _reference_text() -> str:
    return "\n".join((DOCS / name).read_text(encoding="utf-8") for name in REFERENCE)


def test_schema_has_fields_to_document() -> None:
    assert {"decisions", "options", "chance", "weight", "lean"} <= set(SCHEMA_FIELDS)


@pytest.mark.parametrize("field", SCHEMA_FIELDS)
def test_every_schema_field_is_documented_in_the_reference(field: str) -> None:
    """Documented = written as a key (``field:``) or as code (`field`) in the reference."""
    pattern = rf"(`{re.escape(field)}`|(^|\s){re.escape(field)}:)"
    assert re.search(pattern, _reference_text(), re.MULTILINE), f"{field} is not documented"


def _tutorial_file() -> str:
    text = (DOCS / "authoring.md").read_text(encoding="utf-8")
    section = text.split("### The whole file", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_the_tutorial_scenario_loads_and_passes_check() -> None:
    scenario = load_text(_tutorial_file(), "storm.yaml")
    report = check(scenario)
    assert report.complete
    assert report.findings == (), format_text(report)


def test_the_tutorial_defect_it_describes_is_what_check_reports() -> None:
    text = _tutorial_file().replace("when: boats_lost == 0", "when: boats_lost >= 0")
    report = check(load_text(text, "storm.yaml"))
    messages = [finding.message for finding in report.findings]
    assert "objective fleet_safe of harbour is always met (of the end states reached)" in messages


def test_teaching_guide_covers_the_lesson_and_the_class_report() -> None:
    text = (DOCS / "teaching.md").read_text(encoding="utf-8")
    for needle in ("50", "Debrief questions", "Hot-seat", "class-report", "Roles handed out"):
        assert needle in text


def test_the_tutorial_scenario_validates_with_no_findings() -> None:
    from excomm_sim.scenario.lint import lint_text

    assert [problem.coded() for problem in lint_text(_tutorial_file(), "storm.yaml").problems] == []


def test_the_tutorial_starts_from_the_starter() -> None:
    text = (DOCS / "authoring.md").read_text(encoding="utf-8")
    part = text.split("## Part 1: a tutorial", 1)[1]
    assert part.index("excomm-sim new storm.yaml") < part.index("### Step 1")


def test_the_logic_finding_the_tutorial_quotes_is_what_validate_says() -> None:
    from excomm_sim.scenario.lint import lint_text

    text = (DOCS / "authoring.md").read_text(encoding="utf-8")
    step_one = re.search(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert step_one is not None
    idle = step_one.group(1).replace("        effects:\n          - danger += 10\n", "", 1)
    quoted = re.search(r"```text\n(storm\.yaml:\d+:\d+: warning\[W502\].*)\n```", text)
    assert quoted is not None
    assert [p.coded() for p in lint_text(idle, "storm.yaml").problems] == [quoted.group(1)]
