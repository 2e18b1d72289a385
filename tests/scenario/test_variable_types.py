"""A variable type is declared in one place: a toy type added for one test reaches the reader,
the schema, the docs tables, the language server and the game without touching them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action
from excomm_sim.lsp.keys import key_at
from excomm_sim.scenario.load import load_text
from excomm_sim.scenario.model import Display, VariableKind
from excomm_sim.scenario.problems import ScenarioError
from excomm_sim.scenario.schema import json_schema
from excomm_sim.scenario.spec import VARIABLE_TYPES
from excomm_sim.scenario.spec.tables import types_table
from excomm_sim.scenario.spec.variable_types import TypeParts, VariableType, initial_integer

FIXTURE = Path(__file__).parent / "fixtures" / "harbour.yaml"
TENSION_AS_INT = "    type: int\n    label: Tension\n"
TENSION_AS_PERCENT = "    type: percent\n    label: Tension\n"
RANGE = "    min: 0\n    max: 100\n    good: low\n"

PERCENT = VariableType(
    name="percent",
    kind=VariableKind.INT,
    summary="A share from 0 to 100; effects are clamped into it.",
    keys=(),
    required=(),
    initial_json="integer",
    initial_docs="integer from 0 to 100",
    default_display=Display.METER,
    displays=(Display.METER, Display.STATUS, Display.HIDDEN),
    read=lambda fields: TypeParts(minimum=0, maximum=100),
    initial=initial_integer,
)
"""The toy type: everything it is, in one declaration (its runtime is the int's)."""


@pytest.fixture
def percent(monkeypatch: pytest.MonkeyPatch) -> Iterator[VariableType]:
    monkeypatch.setitem(VARIABLE_TYPES, "percent", PERCENT)
    yield PERCENT


def _harbour(with_range: bool) -> str:
    text = FIXTURE.read_text(encoding="utf-8").replace(TENSION_AS_INT, TENSION_AS_PERCENT, 1)
    return text if with_range else text.replace(RANGE, "    good: low\n", 1)


def test_the_reader_reads_a_declared_type(percent: VariableType) -> None:
    scenario = load_text(_harbour(with_range=False), "harbour.yaml")
    tension = next(v for v in scenario.variables if v.id == "tension")
    assert (tension.kind, tension.minimum, tension.maximum) == (VariableKind.INT, 0, 100)
    assert tension.display is Display.METER


def test_the_reader_refuses_another_types_keys_on_it(percent: VariableType) -> None:
    with pytest.raises(ScenarioError) as raised:
        load_text(_harbour(with_range=True), "harbour.yaml")
    assert [p.message for p in raised.value.problems] == [
        "'min' applies only to int variables, not percent",
        "'max' applies only to int variables, not percent",
    ]


def test_an_undeclared_type_is_refused_with_the_declared_ones() -> None:
    with pytest.raises(ScenarioError) as raised:
        load_text(_harbour(with_range=False), "harbour.yaml")
    messages = [p.message for p in raised.value.problems]
    assert "'percent' is not one of int, bool, enum" in messages


def test_the_schema_lists_it_with_its_rule(percent: VariableType) -> None:
    variable = json_schema()["definitions"]["variable"]
    assert "percent" in variable["properties"]["type"]["enum"]
    assert {
        "if": {"properties": {"type": {"const": "percent"}}},
        "then": {"properties": {"initial": {"type": "integer"}}},
    } in variable["allOf"]


def test_the_docs_table_has_a_row_for_it(percent: VariableType) -> None:
    assert "| `percent` | integer from 0 to 100 | none | `meter`;" in types_table()


def test_the_language_server_completes_it(percent: VariableType) -> None:
    key = key_at(["variables"], "type")
    assert key is not None and "percent" in key.words


def test_the_game_clamps_it_as_an_int(percent: VariableType) -> None:
    """Tension starts at 95 and boarding adds 20: the game holds it at 100."""
    text = _harbour(with_range=False).replace("    initial: 50\n", "    initial: 95\n", 1)
    rules = Rules(load_text(text, "harbour.yaml"))
    state = rules.new_game(seed=1)
    while not state.choices:
        moves = rules.legal_actions(state)
        boarding = [m for m in moves if isinstance(m, Action) and m.option == "board"]
        state, _ = rules.apply(state, (boarding or list(moves))[0])
    assert state.choices[0].option == "board"
    assert state.values["tension"] == 100
