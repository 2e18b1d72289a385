"""The clock follows the agenda's dates: a decision's date arrives when its turn comes, the
events dated then fire first, and ``days`` still moves the clock on after a decision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from excomm_sim.engine import turns
from excomm_sim.engine.events import DateAdvanced, DecisionPosed, EventFired, Record
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.layout import Slots
from excomm_sim.engine.moves import Action
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario

FIXTURE = Path(__file__).parents[1] / "scenario" / "fixtures" / "calendar.yaml"
CHOICES = {
    "agenda": "open",
    "cargo": "inspect",
    "pilots": "order",
    "storm_item": "close",
    "last": "close_week",
}


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_path(FIXTURE)


def played(scenario: Scenario, choices: dict[str, str]) -> GameState:
    rules = Rules(scenario)
    state = rules.new_game(0, {"mayor": "Ada"})
    while (turn := rules.to_act(state)).kind != "ended":
        assert turn.decision is not None
        state, _ = rules.apply(state, Action("mayor", choices[turn.decision]))
    return state


def story(log: tuple[Record, ...]) -> list[str]:
    """The clock, the items posed and the events fired, in order."""
    told = []
    for record in log:
        if isinstance(record, DateAdvanced):
            told.append(f"date {record.date.isoformat()}")
        elif isinstance(record, DecisionPosed):
            told.append(f"posed {record.decision}")
        elif isinstance(record, EventFired):
            told.append(f"event {record.event}")
    return told


def test_items_of_one_day_share_its_date_and_later_items_come_on_their_own(
    scenario: Scenario,
) -> None:
    state = played(scenario, CHOICES)
    assert story(state.log) == [
        "posed agenda",
        "posed cargo",
        "date 1962-10-04",
        "posed pilots",
        "event quay_protest",
        "date 1962-10-06",
        "event forecast",
        "posed storm_item",
        "date 1962-10-08",
        "posed last",
    ]
    assert state.day == 7


def test_an_event_dated_before_an_item_fires_before_the_item_is_tested(
    scenario: Scenario,
) -> None:
    """The storm item asks ``when: storm``; the forecast dated the day before sets it, so
    the item is posed: the clock reaches its date before its condition is read."""
    state = played(scenario, CHOICES)
    assert {c.decision: c.option for c in state.choices}["storm_item"] == "close"


def test_an_event_with_a_date_and_a_condition_waits_for_both(scenario: Scenario) -> None:
    calm = played(scenario, {**CHOICES, "pilots": "talk"})
    assert "event quay_protest" not in story(calm.log)


def test_the_clock_never_goes_back() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace("date: 1962-10-08", "date: 1962-10-03")
    from excomm_sim.scenario.load import load_text

    scenario = load_text(text, "calendar.yaml")
    state = played(scenario, CHOICES)
    assert state.day == 5
    assert story(state.log)[-1] == "posed last"


class _Choices(turns.Agent):
    def __init__(self, scenario: Scenario, choices: dict[str, str]) -> None:
        self.scenario = scenario
        self.choices = choices

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        decision = self.scenario.decisions[k]
        return [o.id for o in decision.options].index(self.choices[decision.id])


@pytest.mark.parametrize("pilots", ["talk", "order"])
def test_the_clock_is_the_same_with_and_without_records(scenario: Scenario, pilots: str) -> None:
    choices = {**CHOICES, "pilots": pilots}
    program = turns.program(scenario, records=False)
    s = list(program.layout.initial(program.layout.humans_mask(["mayor"])))
    turns.play(program, s, _Choices(scenario, choices))
    assert tuple(s) == played(scenario, choices).slots


def test_a_days_per_decision_file_still_moves_the_clock_after_each_item() -> None:
    harbour = load_path(Path(__file__).parents[1] / "scenario" / "fixtures" / "harbour.yaml")
    assert harbour.calendar.days_per_decision == 1
    assert [d.date for d in harbour.decisions] == [None] * len(harbour.decisions)
    rules = Rules(harbour)
    state = rules.new_game(0)
    assert rules.date(state) == dt.date(1962, 10, 2)


@pytest.mark.parametrize(("pilots", "tension", "storm"), [("order", 35, False), ("talk", 30, True)])
def test_effects_under_a_condition_apply_only_when_it_holds(
    scenario: Scenario, pilots: str, tension: int, storm: bool
) -> None:
    """``close_week`` lowers tension by 20 and clears the storm only if tension is 45 or
    more (format 2's ``{when: ..., effects: [...]}``)."""
    state = played(scenario, {**CHOICES, "pilots": pilots})
    assert (state.values["tension"], state.values["storm"]) == (tension, storm)
