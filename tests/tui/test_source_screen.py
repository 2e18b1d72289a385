"""The source screen: 's' in the decision room shows the record's paragraphs the item cites."""

from __future__ import annotations

from collections.abc import Callable

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.screens.briefing import BriefingScreen
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from excomm_sim.tui.screens.source import SourceScreen
from tui.conftest import ScreenText, settle


async def test_s_opens_the_cited_paragraphs_and_escape_goes_back(
    make_app: Callable[..., ExcommApp], screen_text: ScreenText
) -> None:
    meeting = load_path(bundled_scenario("meeting19"))
    app = make_app(scenario=meeting, scenario_path=bundled_scenario("meeting19"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # New game
        await settle(pilot)
        await pilot.press("enter")  # the first seat, the President
        await settle(pilot)
        await pilot.press(*"Ana", "enter")  # a solo student is asked their name
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DecisionRoomScreen)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        shown = screen_text(app)
        assert "record p.1 ¶1" in shown and "greatest deception in our history" in shown
        assert "record p.1 ¶2 — the President proposes a sanitized copy for McCloy" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)
