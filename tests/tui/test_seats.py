"""The setup screen names who decides: a scenario's chair need not be a President."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.containers import VerticalScroll

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.screens.setup import SetupScreen, seats_text

TINY = Path(__file__).parent / "data" / "tiny.yaml"


def test_the_chair_is_named_with_their_title() -> None:
    tiny = load_path(TINY)
    assert all(decision.decider == tiny.president.id for decision in tiny.decisions)
    chair = tiny.president
    assert seats_text(tiny).startswith(f"Pick your seat: {chair.name} decides; the others advise.")


def test_when_an_item_names_another_decider_the_chair_decides_most_items() -> None:
    meeting = load_path(bundled_scenario("meeting19"))
    assert seats_text(meeting).startswith(
        "Pick your seat: John F. Kennedy decides most items; the others advise."
    )


def test_a_school_board_chair_is_not_called_a_president() -> None:
    school = load_path(bundled_scenario("school_budget"))
    assert "President" not in seats_text(school)
    assert school.president.name in seats_text(school)


async def test_meeting_19_setup_fits_a_classroom_terminal_without_scrolling(
    make_app: Callable[..., ExcommApp],
) -> None:
    """At 80x24 all nine seats and the scenario's title show at once: nothing scrolled off."""
    meeting = load_path(bundled_scenario("meeting19"))
    app = make_app(scenario=meeting, scenario_path=bundled_scenario("meeting19"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        body = app.screen.query_one("#setup-body", VerticalScroll)
        assert body.max_scroll_y == 0
        assert body.scroll_y == 0
