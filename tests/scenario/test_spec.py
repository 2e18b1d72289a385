"""The format declared once: the reader, the docs tables and the schema follow ``scenario.spec``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from excomm_sim.scenario.load import load_text
from excomm_sim.scenario.problems import ScenarioError
from excomm_sim.scenario.spec import PARTS, SCENARIO
from excomm_sim.scenario.spec.tables import UnknownTable, render_docs, table

ROOT = Path(__file__).resolve().parents[2]
FORMAT_DOCS = ROOT / "docs" / "scenario-format.md"

EVERY_PART_EMPTY = """\
format: 2
sources: [{}]
calendar: {}
phases: [{}]
roles: [{objectives: [{}]}]
variables: [{type: bool}]
decisions:
  - sources: [{}]
    context: [{}]
    options:
      - effects: [{}]
        chance: {outcomes: [{}]}
        delayed: [{}]
        stances: [{}]
events: [{}]
endings: [{}]
people: [{}]
glossary: [{}]
bibliography: [{}]
"""
"""Every part once, each with none of its own keys (but the lists that hold the others)."""
PRESENT = {
    ("scenario", key) for key in ("format", "roles", "variables", "decisions", "endings")
} | {
    ("variable", "type"),
    ("decision", "context"),
    ("decision", "options"),
    ("chance", "outcomes"),
}


def _messages(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as raised:
        load_text(text, "empty.yaml")
    return [problem.message for problem in raised.value.problems]


def test_committed_field_tables_are_up_to_date() -> None:
    text = FORMAT_DOCS.read_text(encoding="utf-8")
    assert render_docs(text) == text, (
        "regenerate them: excomm-sim schema --docs docs/scenario-format.md"
    )


def test_every_part_has_a_table_in_the_docs() -> None:
    marked = set(re.findall(r"<!-- fields: ([a-z-]+) -->", FORMAT_DOCS.read_text("utf-8")))
    assert {part.name for part in PARTS} - {"citation"} <= marked
    assert "variable-types" in marked


def test_an_unknown_table_name_is_refused() -> None:
    with pytest.raises(UnknownTable):
        table("roels")


def test_the_reader_requires_exactly_the_declared_keys() -> None:
    reported = {
        match.groups()
        for message in _messages(EVERY_PART_EMPTY)
        if (match := re.fullmatch(r"missing required key '(\w+)' in (.+)", message))
    }
    declared = {
        (key, part.what)
        for part in PARTS
        for key in part.required
        if (part.name, key) not in PRESENT
    }
    assert reported == declared


def test_the_reader_refuses_exactly_the_undeclared_keys() -> None:
    keys = "\n".join(f"{key}: ~" for key in SCENARIO.keys)
    messages = _messages(keys + "\nextra: 1\n")
    assert [m for m in messages if m.startswith("unknown key")] == [
        "unknown key 'extra' in a scenario"
    ]
