"""Loading a valid scenario: the model built, the hash and path, and the public API's contract."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from excomm_sim.scenario.load import (
    Problem,
    ScenarioError,
    check_text,
    load_path,
    load_text,
)
from excomm_sim.scenario.model import Display, Position, VariableKind

HARBOUR = Path(__file__).parent / "fixtures" / "harbour.yaml"


def test_fixture_loads_without_any_problem(harbour_text: str) -> None:
    scenario, problems = check_text(harbour_text, "harbour.yaml")
    assert problems == ()
    assert scenario is not None and scenario.id == "harbour"


def test_load_path_sets_hash_of_the_bytes_and_path() -> None:
    scenario = load_path(HARBOUR)
    assert scenario.content_hash == hashlib.sha256(HARBOUR.read_bytes()).hexdigest()
    assert scenario.path == str(HARBOUR)


def test_metadata_and_calendar(harbour_text: str) -> None:
    scenario = load_text(harbour_text)
    assert (scenario.title, scenario.version) == ("The Harbour Standoff", "0.3")
    assert scenario.date == dt.date(1962, 10, 1)
    assert scenario.calendar.start == dt.date(1962, 10, 2)
    assert scenario.summary.endswith("how to handle it.")
    assert [source.id for source in scenario.sources] == ["log", "minutes"]


def test_president_and_default_decider(harbour_text: str) -> None:
    scenario = load_text(harbour_text)
    assert scenario.president.id == "mayor"
    assert scenario.decision("first_contact").decider == "mayor"
    assert scenario.decision("cargo_question").decider == "admiral"


def test_variables_get_kind_defaults_and_ranges(harbour_text: str) -> None:
    scenario = load_text(harbour_text)
    tension = scenario.variable("tension")
    assert (tension.kind, tension.minimum, tension.maximum, tension.initial) == (
        VariableKind.INT,
        0,
        100,
        50,
    )
    assert tension.good == "low"
    assert scenario.variable("boarded").display is Display.FLAG
    cargo = scenario.variable("cargo")
    assert cargo.values == ("unknown", "declared", "inspected", "seized")
    assert cargo.label_of("seized") == "Seized by the port"
    assert scenario.variable("goodwill").display is Display.HIDDEN


def test_citations_in_both_spellings(harbour_text: str) -> None:
    first, second = load_text(harbour_text).decision("first_contact").sources
    assert (first.source, first.page, first.paragraph) == ("log", 1, 2)
    assert (second.source, second.page, second.note) == ("minutes", 3, "the mayor's question")


def test_option_parts_are_built(harbour_text: str) -> None:
    board = load_text(harbour_text).decision("first_contact").option("board")
    assert [effect.source for effect in board.effects] == ["boarded = true", "tension += 20"]
    assert board.trigger == "protest" and board.lean == "hawk"
    assert board.unavailable == "Too soon to board."
    assert board.chance is not None and board.chance.visible
    assert [outcome.id for outcome in board.chance.outcomes] == ["calm_boarding", "scuffle"]
    assert board.chance.outcomes[0].weight({"goodwill": 5}) == 60
    assert board.delayed[0].after == 1 and board.delayed[0].trigger == "protest"


def test_stances_with_strength_and_condition(harbour_text: str) -> None:
    radio = load_text(harbour_text).decision("first_contact").option("radio")
    envoy, admiral = radio.stances
    assert (envoy.role, envoy.position, envoy.strength) == ("envoy", Position.FAVOUR, 3)
    assert admiral.position is Position.OPPOSE and admiral.when is not None
    assert radio.history and radio.history_note == "They radioed at dawn."


def test_single_effect_string_is_a_list_of_one(harbour_text: str) -> None:
    board = load_text(harbour_text).decision("first_contact").option("board")
    assert board.chance is not None
    assert [e.source for e in board.chance.outcomes[0].effects] == ['cargo = "inspected"']


def test_endings_fallback_and_historical(harbour_text: str) -> None:
    endings = load_text(harbour_text).endings
    assert [ending.when is None for ending in endings] == [False, False, True]
    assert [ending.early for ending in endings] == [True, False, False]
    assert endings[1].historical and len(endings[1].questions) == 2


def test_locations_point_at_the_mapping(harbour_text: str) -> None:
    option = load_text(harbour_text, "harbour.yaml").decision("first_contact").option("board")
    assert str(option.location) == "harbour.yaml:104:9"


def test_load_text_raises_with_every_problem(harbour_text: str) -> None:
    text = harbour_text.replace("title: The Harbour Standoff", "titel: The Harbour Standoff")
    text = text.replace('version: "0.3"', "version: 0.3")
    with pytest.raises(ScenarioError) as caught:
        load_text(text, "harbour.yaml")
    messages = [problem.message for problem in caught.value.problems]
    assert messages == [
        "unknown key 'titel' in a scenario (did you mean 'title'?)",
        'version must be text: YAML reads 0.3 as a number; quote it (version: "0.3")',
    ]


def test_warnings_alone_do_not_raise(edit) -> None:  # type: ignore[no-untyped-def]
    text = edit("label: Seize it", "label: no")
    scenario, problems = check_text(text, "harbour.yaml")
    assert scenario is not None
    assert [problem.severity for problem in problems] == ["warning"]
    assert load_text(text).decision("cargo_question").option("seize").label == "no"


def test_problem_prints_like_a_compiler() -> None:
    problem = Problem("x.yaml", 41, 9, "decisions[3].effects[0]", "unknown variable 'v'")
    assert str(problem) == "x.yaml:41:9: error: unknown variable 'v' [decisions[3].effects[0]]"


def test_problem_without_path_has_no_brackets() -> None:
    assert str(Problem("x.yaml", 1, 1, "", "the file is empty", "warning")) == (
        "x.yaml:1:1: warning: the file is empty"
    )


def test_lean_middle_means_the_middle_course(edit) -> None:  # type: ignore[no-untyped-def]
    text = edit("lean: dove", "lean: middle")
    assert load_text(text).decision("first_contact").option("radio").lean == ""
