"""Whole games played by pressing keys, asserting on what each screen shows."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.screens.briefing import BriefingScreen, HandoverScreen
from excomm_sim.tui.screens.consequences import ConsequencesScreen
from excomm_sim.tui.screens.debrief import DebriefScreen
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from excomm_sim.tui.screens.setup import SetupScreen
from excomm_sim.tui.screens.title import TitleScreen

MakeApp = Callable[..., ExcommApp]
ScreenText = Callable[[ExcommApp], str]


async def press(pilot: Pilot[int], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def open_setup(pilot: Pilot[int]) -> None:
    assert isinstance(pilot.app.screen, TitleScreen)
    await press(pilot, "enter")  # New game (the app was given the tiny scenario)
    assert isinstance(pilot.app.screen, SetupScreen)


async def play_to_debrief(pilot: Pilot[int], screen_text: ScreenText, limit: int = 20) -> list[str]:
    """Press 1 in every decision room and Enter on every other screen; return what showed."""
    seen: list[str] = []
    for _ in range(limit):
        screen = pilot.app.screen
        if isinstance(screen, DebriefScreen):
            return seen
        seen.append(screen_text(pilot.app))
        if isinstance(screen, DecisionRoomScreen):
            await press(pilot, "1", "enter")
        else:
            await press(pilot, "enter")
    raise AssertionError("no debrief after many key presses")


async def test_solo_president_plays_to_an_ending(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_setup(pilot)
        await press(pilot, "enter")  # the first seat is the mayor, who decides
        await press(pilot, *"Ana", "enter")  # the player's name
        assert isinstance(app.screen, BriefingScreen)
        assert "You decide. The council advises" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, DecisionRoomScreen)
        room = screen_text(app)
        assert "What to demand" in room
        assert "record p.1 ¶2" in room
        assert "1. Demand they depart" in room
        assert "[withheld] Close the harbour mouth" in room
        assert "why: Only once tension reaches 90." in room
        assert "odds: Inspectors allowed 67%, Inspectors refused 33%" in room
        assert "Captain Ines Moor\n✓ favours “Demand they depart”" in room
        assert "Captain's resolve" not in room  # a hidden variable
        await press(pilot, "1", "enter")
        assert isinstance(app.screen, ConsequencesScreen)
        shown = screen_text(app)
        assert "Tension: 40/100 → 50/100 ▲ worse" in shown
        assert "what it changed [record p.1 ¶2]" in shown
        assert "Ships: In port → Leaving" in shown
        assert "The date is now Sunday 4 November 1962" in shown
        await play_to_debrief(pilot, screen_text)
        debrief = screen_text(app)
        assert "■ The ships sail and the town sleeps" in debrief
        assert "Mayor Ada Byrne (Ana): 3 of 3 points — won" in debrief
        assert "History made the same choice." in debrief
        assert "1. Was the letter enough on its own?" in debrief


async def test_solo_adviser_recommends_and_the_computer_decides(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_setup(pilot)
        await press(pilot, "down", "enter")  # the harbourmaster
        await press(pilot, *"Ana", "enter")  # the player's name
        assert "You know the pilots" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "What do you recommend to Mayor Ada Byrne?" in screen_text(app)
        await press(pilot, "2", "enter")  # recommend the inspection
        assert "Your case, in your own words" in screen_text(app)
        await press(pilot, *"Inspectors calm the town", "enter")
        assert isinstance(app.screen, ConsequencesScreen)
        shown = screen_text(app)
        assert "Captain Ines Moor recommends “Demand an inspection”" in shown
        assert app.local is not None
        assert app.local.save.actions[0].argument == "Inspectors calm the town"
        assert "▶ Mayor Ada Byrne decides: “" in shown
        # why the computer mayor chose as she did, with the player's advice among the voices
        assert "Why: Mayor Ada Byrne adds up every voice at the table" in shown
        assert "Captain Ines Moor advised it +" in shown
        await play_to_debrief(pilot, screen_text)
        debrief = screen_text(app)
        assert "Captain Ines Moor (Ana)" in debrief
        assert "Captain Ines Moor advised “Demand an inspection” (" in debrief


async def test_two_player_hot_seat_hides_each_briefing(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_setup(pilot)
        await press(pilot, "h")  # the hot-seat tab; the mayor's name field has focus
        await pilot.press(*"Ann")
        await press(pilot, "tab")
        await pilot.press(*"Ben")
        await press(pilot, "enter")
        assert isinstance(app.screen, HandoverScreen)
        shown = screen_text(app)
        assert "Pass to Ann (Mayor Ada Byrne) — press Enter when only they can see" in shown
        assert "You decide" not in shown
        await press(pilot, "enter")
        assert "You decide. The council advises" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, HandoverScreen)
        shown = screen_text(app)
        assert "Pass to Ben (Captain Ines Moor)" in shown
        assert "You decide" not in shown  # Ann's briefing is gone
        await press(pilot, "enter")
        assert "You know the pilots" in screen_text(app)
        await press(pilot, "enter")
        # Ben has the screen and advises first; then the screen goes to Ann to decide.
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "You: Captain Ines Moor — recommend" in screen_text(app)
        await press(pilot, "1", "enter", "enter")  # and no case of his own
        assert isinstance(app.screen, HandoverScreen)
        assert "Pass to Ann" in screen_text(app)
        await press(pilot, "enter")
        room = screen_text(app)
        assert "You: Mayor Ada Byrne — decide" in room
        assert "Captain Ines Moor\n→ recommends “Demand they depart”" in room
        await play_to_debrief(pilot, screen_text, limit=40)
        debrief = screen_text(app)
        assert "Mayor Ada Byrne (Ann)" in debrief
        assert "Captain Ines Moor (Ben)" in debrief
