"""The debrief tells chance against history and hidden values one way, and fits 80 columns."""

from __future__ import annotations

from attrs import evolve

from excomm_sim.chance_road import off_road
from excomm_sim.engine.moves import Action
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.session import GameSession
from excomm_sim.story.names import history_option
from excomm_sim.tui.screens.debrief import chance_content, choices_content
from excomm_sim.tui.widgets.chart import chart_content

MEETING = load_path(bundled_scenario("meeting19"))


def on_historys_course(seed: int) -> GameSession:
    """Meeting 19 played by making history's choice wherever it is offered."""
    session = GameSession.new(MEETING, seed, {"president": "Ann"}, None)
    while not session.ended:
        item = session.observe("president").item
        assert item is not None
        offered = [option.id for option in item.offered]
        history = history_option(item.decision)
        pick = history.id if history is not None and history.id in offered else offered[0]
        session.act(Action("president", pick))
    return session


def test_a_roll_that_went_otherwise_than_in_1962_is_told_beside_the_choice() -> None:
    """Seed 2 on history's course: two rolls come out otherwise (20% and 28%)."""
    end = on_historys_course(2).observe(None)
    roads = off_road(MEETING, end.choices, end.log)
    assert [road.outcome.label for road in roads] == [
        "Moscow stays vague",
        "Khrushchev haggles, then agrees",
    ]
    told = chance_content(MEETING, end).plain
    assert "Chance went another way: “Moscow stays vague” (it had a 20% chance)" in told
    choices = choices_content(MEETING, end, end.humans).plain
    assert "History made the same choice.\n   Chance went another way:" in choices


def test_when_chance_kept_to_history_the_debrief_says_so() -> None:
    end = on_historys_course(2).observe(None)
    quiet = [c for c in end.choices if c.outcome is None]
    assert chance_content(MEETING, evolve(end, choices=tuple(quiet))).plain.startswith("Nowhere")


def test_a_hidden_variable_is_shown_revealed_as_a_number_with_what_it_meant() -> None:
    end = on_historys_course(2).observe(None)
    chart = chart_content(MEETING, end.timeline, 76).plain
    (row,) = [line for line in chart.splitlines() if "Undisclosed" in line]
    assert "98/98" not in row
    assert "(hidden during play, revealed now)" in chart
    assert "about a hundred" in chart  # the description: what the number stood for


def test_no_chart_row_is_wider_than_the_debrief_at_80_columns() -> None:
    """'Gone from / Cuba' once wrapped: a row that does not fit hangs its values under it
    (a hidden variable's description is prose, wrapped under its own indent)."""
    end = on_historys_course(2).observe(None)
    chart = chart_content(MEETING, end.timeline, 76).plain
    rows = [line for line in chart.splitlines() if "→" in line or "▁" in line]
    assert max(len(line) for line in rows) <= 76
