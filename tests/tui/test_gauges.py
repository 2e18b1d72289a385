"""The text gauges of the screens: a meter bar and a sparkline."""

from __future__ import annotations

from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.gauges import meter, spark


def test_a_meter_fills_its_share_of_the_range() -> None:
    assert meter(50, 0, 100, 10) == "█████░░░░░"
    assert meter(0, 0, 100, 4) == "░░░░"
    assert meter(100, 0, 100, 4) == "████"


def test_a_sparkline_has_one_mark_per_step_scaled_to_the_range(tiny: Scenario) -> None:
    assert spark([0, 50, 100], tiny.variable("tension")) == "▁▅█"
    assert spark(["in_port", "leaving", "gone"], tiny.variable("ships")) == "▁▅█"
    assert spark([False, True], tiny.variable("inspected")) == "▁█"
