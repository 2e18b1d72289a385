"""The game's words, shared by the plain game, the screens and the reports: one sentence
per record, with names, values, directions, stances and citations (and, from
``story.history`` and ``story.retelling``, the score and choice-beside-history lines)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from excomm_sim.engine import events as ev
from excomm_sim.engine.kernel import RoleScore
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Citation, Scenario
from excomm_sim.story.history import beside_history, history_match, history_note
from excomm_sim.story.names import stance_verb
from excomm_sim.story.records import (
    cause_text,
    change_text,
    explained_text,
    hidden_from_players,
    record_text,
)
from excomm_sim.story.retelling import score_text
from excomm_sim.story.text import a_percent, date_text, played_text, prose, stamp_text
from excomm_sim.story.values import trend, values_line

TINY = Path(__file__).parent.parent / "tui" / "data" / "tiny.yaml"
CITED = ev.Cause("option", 1, "demand", "inspect", text='Chose "Demand an inspection"',
              sources=(Citation("record", 1, 2),))  # fmt: skip


@pytest.fixture(scope="module")
def tiny() -> Scenario:
    return load_path(TINY)


def change(variable: str, old: object, new: object, clamped: bool = False) -> ev.VariableChanged:
    effect = f"{variable} = {new}"
    return ev.VariableChanged(1, variable, old, new, CITED, effect, clamped)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("variable", "old", "new", "expected"),
    [
        ("tension", 40, 50, "up, worse"),  # good: low
        ("tension", 50, 40, "down, better"),
        ("budget", 60, 40, "down, worse"),  # good: high
        ("budget", 60, 60, ""),
        ("ships", "in_port", "gone", "changed"),
    ],
)
def test_trend_says_which_way_and_whether_it_is_good(
    tiny: Scenario, variable: str, old: int | str, new: int | str, expected: str
) -> None:
    assert trend(tiny.variable(variable), old, new) == expected


def test_without_a_good_direction_trend_says_only_which_way(tiny: Scenario) -> None:
    neutral = attrs.evolve(tiny.variable("budget"), good="none")
    assert trend(neutral, 60, 40) == "down"
    assert trend(neutral, 60, 40, symbols=True) == "▼"


def test_trend_symbols_stand_beside_the_verdict_not_instead_of_it(tiny: Scenario) -> None:
    assert trend(tiny.variable("tension"), 40, 50, symbols=True) == "▲ worse"


@pytest.mark.parametrize(
    ("probability", "expected"),
    [(0.67, "a 67%"), (0.8, "an 80%"), (0.08, "an 8%"), (0.11, "an 11%"), (0.18, "an 18%"),
     (0.5, "a 50%"), (1.0, "a 100%")],
)  # fmt: skip
def test_a_percentage_takes_the_article_it_is_read_aloud_with(
    probability: float, expected: str
) -> None:
    assert a_percent(probability) == expected


def test_dates_are_spelt_out() -> None:
    assert date_text(dt.date(1962, 11, 3)) == "Saturday 3 November 1962"


def test_prose_joins_lines_but_keeps_paragraphs_and_lists() -> None:
    text = "One line\nand its tail.\n\nNext paragraph:\n- a point\n- another\n"
    assert prose(text) == "One line and its tail.\n\nNext paragraph:\n- a point\n- another"


def test_a_change_gives_the_range_and_the_direction_in_words(tiny: Scenario) -> None:
    assert change_text(tiny, change("tension", 40, 60)) == "Tension: 40/100 → 60/100 (up, worse)"


def test_a_change_on_screen_puts_the_arrow_beside_the_word(tiny: Scenario) -> None:
    text = change_text(tiny, change("tension", 90, 100, clamped=True), symbols=True)
    assert text == "Tension: 90/100 → 100/100 ▲ worse (at its limit)"


def test_a_clamped_change_says_it_reached_its_limit(tiny: Scenario) -> None:
    text = change_text(tiny, change("tension", 90, 100, clamped=True))
    assert text == "Tension: 90/100 → 100/100 (up, worse, at its limit)"


def test_a_flag_or_status_change_needs_no_direction(tiny: Scenario) -> None:
    assert change_text(tiny, change("inspected", False, True)) == "Inspected: no → yes"
    assert change_text(tiny, change("ships", "in_port", "gone")) == "Ships: In port → Gone"


def test_a_cause_carries_its_citations_unless_already_given() -> None:
    assert cause_text(CITED) == 'Chose "Demand an inspection" [record p.1 ¶2]'
    assert cause_text(CITED, sources=False) == 'Chose "Demand an inspection"'


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (ev.DecisionPosed(1, "demand"), "On the table: What to demand"),
        (
            ev.DecisionSkipped(2, "pay", "no options"),
            "Off the agenda: Who pays for the tugs (no option was open)",
        ),
        (ev.DecisionSkipped(2, "pay"), "Off the agenda: Who pays for the tugs (it did not arise)"),
        (
            ev.Recommended(1, "demand", "harbourmaster", "depart", False, "Ready."),
            "Captain Ines Moor leans to “Demand they depart”",
        ),
        (
            ev.Recommended(1, "demand", "harbourmaster", "depart", True, ""),
            "Captain Ines Moor recommends “Demand they depart”",
        ),
        (
            ev.OptionChosen(1, "demand", "mayor", "inspect", True),
            "Mayor Ada Byrne decides: “Demand an inspection”",
        ),
        (
            ev.ChanceResolved(1, "demand", "inspect", "allowed", 2 / 3),
            "Chance: “Inspectors allowed” (it had a 67% chance)",
        ),
        (
            ev.ConsequenceScheduled(1, 3, "demand", "depart", 0, "Under way."),
            "Later (in 2 decisions): Under way.",
        ),
        (
            ev.ConsequenceScheduled(1, 2, "demand", "depart", 0, "Under way."),
            "Later (in 1 decision): Under way.",
        ),
        (
            ev.ConsequenceLanded(2, "demand", "depart", 0, "Under way."),
            "A consequence lands: Under way.",
        ),
        (
            ev.ConsequenceLapsed(2, "demand", "depart", 0, "Under way."),
            "A consequence no longer applies: Under way.",
        ),
        (ev.EventFired(1, "standoff", CITED), "Event: Standoff at the gangways"),
        (ev.DateAdvanced(1, 1, dt.date(1962, 11, 4)), "The date is now Sunday 4 November 1962"),
        (ev.GameEnded(3, "uneasy"), "The game ends: An uneasy peace"),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, str) else "",
)
def test_each_record_has_one_line(tiny: Scenario, record: ev.Record, expected: str) -> None:
    assert record_text(tiny, record) == expected


def test_ids_a_scenario_no_longer_has_are_shown_as_ids(tiny: Scenario) -> None:
    assert (
        record_text(tiny, ev.OptionChosen(1, "gone", "nobody", "x", True)) == "nobody decides: “x”"
    )
    assert record_text(tiny, ev.EventFired(1, "vanished", CITED)) == "Event: vanished"


def test_an_explained_change_ends_with_its_cause(tiny: Scenario) -> None:
    assert explained_text(tiny, change("budget", 60, 40)) == (
        "Budget: 60/100 → 40/100 (down, worse)"
        ' — because: Chose "Demand an inspection" [record p.1 ¶2]'
    )


def test_an_explained_event_tells_what_happened_and_why(tiny: Scenario) -> None:
    assert explained_text(tiny, ev.EventFired(1, "standoff", CITED)) == (
        "Event: Standoff at the gangways. Crowds gather on the quay to watch the captains "
        'refuse. — because: Chose "Demand an inspection" [record p.1 ¶2]'
    )


@pytest.mark.parametrize(
    ("favour", "strength", "verb"),
    [
        (True, 1, "leans to"),
        (True, 2, "favours"),
        (True, 3, "insists on"),
        (False, 1, "is wary of"),
        (False, 2, "opposes"),
        (False, 3, "strongly opposes"),
        (False, 9, "opposes"),  # out of range: the plain verb
    ],
)
def test_an_advisers_verb_carries_the_strength(favour: bool, strength: int, verb: str) -> None:
    assert stance_verb(favour, strength) == verb


def test_only_changes_to_hidden_variables_are_hidden_from_players(tiny: Scenario) -> None:
    assert hidden_from_players(tiny, change("resolve", 5, 3))
    assert not hidden_from_players(tiny, change("tension", 40, 60))
    assert not hidden_from_players(tiny, ev.DecisionPosed(1, "demand"))


def test_values_line_lists_the_values_in_scenario_order(tiny: Scenario) -> None:
    values = {"inspected": True, "tension": 55}
    assert values_line(tiny, values) == "Tension 55/100 · Inspected yes"


@pytest.mark.parametrize(
    ("points", "possible", "expected"),
    [
        (3, 4, "3 of 4 points — won"),
        (2, 4, "2 of 4 points — not won (a win needs more than half)"),
        (1, 1, "1 of 1 point — won"),
        (0, 1, "0 of 1 point — not won (a win needs more than half)"),
    ],
)
def test_a_score_says_points_and_whether_they_won_with_the_rule(
    points: int, possible: int, expected: str
) -> None:
    """Half the points is not a win: the sentence says so, in every shell that shows it."""
    assert score_text(RoleScore("mayor", points, possible, ())) == expected


def test_beside_history_names_historys_choice_only_when_it_differs(tiny: Scenario) -> None:
    demand = tiny.decision("demand")
    assert beside_history(demand, "depart") == "History made the same choice."
    assert beside_history(demand, "inspect") == f"History chose “{demand.option('depart').label}”."
    assert beside_history(demand, None) == f"History chose “{demand.option('depart').label}”."
    assert history_match(demand, "depart") == "the same choice"
    assert history_match(demand, "inspect") == "a different choice"
    assert history_match(demand, None) is None


def test_without_a_historical_option_there_is_nothing_to_compare(tiny: Scenario) -> None:
    demand = tiny.decision("demand")
    unmarked = attrs.evolve(
        demand, options=tuple(attrs.evolve(o, history=False) for o in demand.options)
    )
    assert beside_history(unmarked, "depart") == (
        "History: no single course is marked for this item."
    )
    assert history_match(unmarked, "depart") is None
    assert history_note(unmarked) == "The council asked for departure and nothing more."


def test_the_historical_options_note_and_the_decisions_are_both_shown(tiny: Scenario) -> None:
    assert history_note(tiny.decision("demand")) == (
        "This is what the council did. The council asked for departure and nothing more."
    )
    assert history_note(tiny.decision("statement")) == ""


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2026-02-03T04:05:06Z", "Tuesday 3 February 2026, 04:05 UTC"),
        ("2026-02-03T23:30:00-05:00", "Wednesday 4 February 2026, 04:30 UTC"),
        ("2026-02-03T04:05:06", "Tuesday 3 February 2026, 04:05"),
        ("last week, roughly", "last week, roughly"),
    ],
)
def test_a_save_time_is_spelt_out_in_utc_and_a_bad_one_kept_as_written(
    stamp: str, expected: str
) -> None:
    assert stamp_text(stamp) == expected


def test_a_save_played_and_saved_at_once_gives_its_time_once() -> None:
    assert played_text("2026-02-03T04:05:06Z", "2026-02-03T04:05:06Z") == (
        "Played Tuesday 3 February 2026, 04:05 UTC"
    )
    assert played_text("2026-02-03T04:05:06Z", "2026-02-04T09:00:00Z") == (
        "Played Tuesday 3 February 2026, 04:05 UTC; last saved Wednesday 4 February 2026, 09:00 UTC"
    )
