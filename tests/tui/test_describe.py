"""The wording every screen shares: meters, trends, sparklines, dates and reflowed prose."""

from __future__ import annotations

import datetime as dt

import pytest

from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.describe import date_text, meter, prose, spark, trend


def test_a_meter_fills_its_share_of_the_range() -> None:
    assert meter(50, 0, 100, 10) == "█████░░░░░"
    assert meter(0, 0, 100, 4) == "░░░░"
    assert meter(100, 0, 100, 4) == "████"


@pytest.mark.parametrize(
    ("variable", "old", "new", "expected"),
    [
        ("tension", 40, 50, "▲ worse"),  # good: low
        ("tension", 50, 40, "▼ better"),
        ("budget", 60, 40, "▼ worse"),  # good: high
        ("budget", 60, 60, ""),
        ("ships", "in_port", "gone", "changed"),
    ],
)
def test_trend_says_which_way_and_whether_it_is_good(
    tiny: Scenario, variable: str, old: int | str, new: int | str, expected: str
) -> None:
    assert trend(tiny.variable(variable), old, new) == expected


def test_a_sparkline_has_one_mark_per_step_scaled_to_the_range(tiny: Scenario) -> None:
    assert spark([0, 50, 100], tiny.variable("tension")) == "▁▅█"
    assert spark(["in_port", "leaving", "gone"], tiny.variable("ships")) == "▁▅█"
    assert spark([False, True], tiny.variable("inspected")) == "▁█"


def test_dates_are_spelt_out() -> None:
    assert date_text(dt.date(1962, 11, 3)) == "Saturday 3 November 1962"


def test_prose_joins_lines_but_keeps_paragraphs_and_lists() -> None:
    text = "One line\nand its tail.\n\nNext paragraph:\n- a point\n- another\n"
    assert prose(text) == "One line and its tail.\n\nNext paragraph:\n- a point\n- another"
