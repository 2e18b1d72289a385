"""Posing decisions: conditions, skipped items, withheld options, the calendar, turn."""

from __future__ import annotations

import datetime as dt

from engine.scenarios import START, Builder, int_var, scenario
from excomm_sim.engine.events import DateAdvanced, DecisionPosed, DecisionSkipped
from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import observe
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Scenario

CHOICES = {"first": ["calm", "push"], "second": ["go"], "third": ["go"]}
ANN = {"president": "Ann"}


def conditional(second_when: str) -> Scenario:
    b = Builder([int_var("tension", 50)], CHOICES)
    return scenario(
        b,
        [
            b.decision("first", [b.option("calm", "tension -= 10"), b.option("push")], days=2),
            b.decision("second", [b.option("go")], when=second_when),
            b.decision("third", [b.option("go")]),
        ],
    )


def test_decision_whose_condition_fails_is_skipped_for_good() -> None:
    pilot = Autopilot(conditional("tension > 45"))
    state, _ = pilot.start(1, ANN)
    state, records = pilot.act(state, Action("president", "calm"))
    assert DecisionSkipped(2, "second", "condition") in records
    assert state.current == "third"


def test_decision_whose_condition_holds_is_posed() -> None:
    pilot = Autopilot(conditional("tension > 45"))
    state, _ = pilot.start(1, ANN)
    state, records = pilot.act(state, Action("president", "push"))
    assert DecisionPosed(2, "second") in records


def test_condition_can_read_an_earlier_choice() -> None:
    pilot = Autopilot(conditional('chose("first", "push")'))
    state, _ = pilot.start(1, ANN)
    state, _ = pilot.act(state, Action("president", "push"))
    assert state.current == "second"


def test_decision_with_no_offered_option_is_skipped_not_posed() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["a"], "second": ["b"]})
    pilot = Autopilot(
        scenario(
            b,
            [
                b.decision("first", [b.option("a", when="tension > 90")]),
                b.decision("second", [b.option("b")]),
            ],
        )
    )
    state, records = pilot.start(1, ANN)
    assert DecisionSkipped(1, "first", "no options") in records
    assert DecisionPosed(1, "first") not in records
    assert state.current == "second"


def test_withheld_option_with_a_reason_is_shown_greyed_after_the_offered() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["a", "b", "c"]})
    options = [
        b.option("a", when="tension > 90", unavailable="Too calm for that."),
        b.option("b"),
        b.option("c", when="tension > 90"),
    ]
    pilot = Autopilot(scenario(b, [b.decision("first", options)]))
    state, _ = pilot.start(1, ANN)
    item = observe(pilot.rules, state, "president").item
    assert item is not None
    views = [(v.option.id, v.offered, v.reason) for v in item.options]
    assert views == [("b", True, ""), ("a", False, "Too calm for that.")]
    assert [option.id for option in item.offered] == ["b"]
    assert pilot.rules.legal_actions(state) == (Action("president", "b"),)


def test_date_advances_by_the_decision_days() -> None:
    pilot = Autopilot(conditional("true"))
    state, _ = pilot.start(1, ANN)
    state, records = pilot.act(state, Action("president", "calm"))
    assert DateAdvanced(1, 2, START + dt.timedelta(days=2)) in records
    assert pilot.rules.date(state) == START + dt.timedelta(days=2)


def test_turn_counts_decisions_taken_not_skipped() -> None:
    state, _ = Autopilot(conditional("false")).start(1)
    assert state.turn == 2
    assert [c.turn for c in state.choices] == [1, 2]


def test_env_shows_turn_day_and_choices_to_expressions() -> None:
    pilot = Autopilot(conditional("true"))
    state, _ = pilot.start(1, ANN)
    state, _ = pilot.act(state, Action("president", "push"))
    env = pilot.rules.env(state)
    assert (env["turn"], env["day"], env["@first"]) == (1, 2, "push")


def test_timeline_holds_values_at_start_and_after_each_decision() -> None:
    state, _ = Autopilot(conditional("true")).start(1)
    assert len(state.timeline) == 1 + state.turn
    assert state.timeline[0]["tension"] == 50
