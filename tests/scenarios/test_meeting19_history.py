"""Meeting 19 told true: what the debrief says beside history, checked against the sources.

The fact check of issue 16 found notes that were never shown and game inventions told as
history; these tests pin the corrections where a player reads them.
"""

from __future__ import annotations

from functools import cache

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import check_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.history import history_note


@cache
def scenario() -> Scenario:
    loaded, problems = check_path(bundled_scenario("meeting19"))
    assert loaded is not None, "\n".join(str(problem) for problem in problems)
    return loaded


def test_the_decision_notes_are_shown_beside_the_historical_options() -> None:
    sea = history_note(scenario().decision("sea_inspection"))
    assert "Kuznetsov offered" in sea and "38 of the 42" in sea
    zone = history_note(scenario().decision("nuclear_free_zone"))
    assert "no US push" in zone and "ratified only in 2002" in zone
