"""The advisers' positions as the decider reads them (``widgets.positions``)."""

from __future__ import annotations

from excomm_sim.engine.observe import PositionView
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Position
from excomm_sim.tui.widgets.positions import position_entries


def test_a_persons_own_case_is_shown_once_under_their_recommendation() -> None:
    scenario = load_path(bundled_scenario("meeting19"))
    decision = scenario.decisions[0]
    option = decision.options[0]
    view = PositionView("rusk", option.id, Position.FAVOUR, 1, "", True, "Show them the photos")
    lines = [str(text) for _indent, text in position_entries(scenario, decision, [view])]
    assert lines.count("“Show them the photos”") == 1
    assert lines.index("“Show them the photos”") == len(lines) - 1
