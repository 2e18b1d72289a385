"""Posing decisions: conditions, skipped items, withheld options, the calendar, turn."""

from __future__ import annotations

import datetime as dt

from engine.scenarios import START, Builder, int_var, scenario
from excomm_sim.engine.events import DateAdvanced, DecisionPosed, DecisionSkipped
from excomm_sim.engine.game import Action, Game
from excomm_sim.scenario.model import Scenario

CHOICES = {"first": ["calm", "push"], "second": ["go"], "third": ["go"]}


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
    game = Game(conditional("tension > 45"), {"president": "Ann"})
    state, _ = game.start(1)
    state, records = game.step(state, Action("president", "calm"))
    assert DecisionSkipped(2, "second", "condition") in records
    assert state.current == "third"


def test_decision_whose_condition_holds_is_posed() -> None:
    game = Game(conditional("tension > 45"), {"president": "Ann"})
    state, _ = game.start(1)
    state, records = game.step(state, Action("president", "push"))
    assert DecisionPosed(2, "second") in records


def test_condition_can_read_an_earlier_choice() -> None:
    game = Game(conditional('chose("first", "push")'), {"president": "Ann"})
    state, _ = game.start(1)
    state, _ = game.step(state, Action("president", "push"))
    assert state.current == "second"


def test_decision_with_no_offered_option_is_skipped_not_posed() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["a"], "second": ["b"]})
    game = Game(
        scenario(
            b,
            [
                b.decision("first", [b.option("a", when="tension > 90")]),
                b.decision("second", [b.option("b")]),
            ],
        ),
        {"president": "Ann"},
    )
    state, records = game.start(1)
    assert DecisionSkipped(1, "first", "no options") in records
    assert state.current == "second"


def test_withheld_option_with_a_reason_is_shown_greyed_after_the_offered() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["a", "b", "c"]})
    options = [
        b.option("a", when="tension > 90", unavailable="Too calm for that."),
        b.option("b"),
        b.option("c", when="tension > 90"),
    ]
    game = Game(scenario(b, [b.decision("first", options)]), {"president": "Ann"})
    state, _ = game.start(1)
    prompt = game.prompt(state)
    assert prompt is not None
    views = [(v.option.id, v.offered, v.reason) for v in prompt.options]
    assert views == [("b", True, ""), ("a", False, "Too calm for that.")]
    assert game.legal_actions(state) == [Action("president", "b")]


def test_date_advances_by_the_decision_days() -> None:
    game = Game(conditional("true"), {"president": "Ann"})
    state, _ = game.start(1)
    state, records = game.step(state, Action("president", "calm"))
    assert DateAdvanced(1, 2, START + dt.timedelta(days=2)) in records
    assert game.date(state) == START + dt.timedelta(days=2)


def test_turn_counts_decisions_taken_not_skipped() -> None:
    game = Game(conditional("false"))
    state, _ = game.start(1)
    assert state.turn == 2
    assert [c.turn for c in state.choices] == [1, 2]


def test_env_shows_turn_day_and_choices_to_expressions() -> None:
    game = Game(conditional("true"), {"president": "Ann"})
    state, _ = game.start(1)
    state, _ = game.step(state, Action("president", "push"))
    env = game.env(state)
    assert (env["turn"], env["day"], env["@first"]) == (1, 2, "push")


def test_timeline_holds_values_at_start_and_after_each_decision() -> None:
    game = Game(conditional("true"))
    state, _ = game.start(1)
    assert len(state.timeline) == 1 + state.turn
    assert state.timeline[0]["tension"] == 50
