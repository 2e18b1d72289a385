"""Choices are safe: a digit selects, Enter confirms, and u takes the last decision back."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.screens.briefing import HandoverScreen
from excomm_sim.tui.screens.consequences import ConsequencesScreen
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from excomm_sim.tui.widgets.options import OptionsList

MakeApp = Callable[..., ExcommApp]
ScreenText = Callable[[ExcommApp], str]


async def press(pilot: Pilot[int], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def notes(app: ExcommApp) -> str:
    """Every notification the app has shown, one a line."""
    return "\n".join(note.message for note in app._notifications)


async def test_a_digit_selects_and_only_enter_decides(make_app: MakeApp) -> None:
    app = make_app(roles={"mayor": "Ann"})
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter")  # the briefing
        assert isinstance(app.screen, DecisionRoomScreen)
        await press(pilot, "2")
        assert isinstance(app.screen, DecisionRoomScreen)
        options = app.screen.query_one("#options", OptionsList)
        assert options.highlighted == options.get_option_index(options.offered_ids[1])
        assert app.session is not None and app.session.actions == ()
        await press(pilot, "enter")
        assert isinstance(app.screen, ConsequencesScreen)
        assert [action.option for action in app.session.actions] == [options.offered_ids[1]]


async def test_u_takes_back_the_last_decision_in_a_solo_game(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app(roles={"mayor": "Ann"})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await press(pilot, "enter", "1", "enter", "enter")  # briefing, decide, consequences
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "Who pays for the tugs" in screen_text(app)
        await press(pilot, "u")
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "What to demand" in screen_text(app)
        assert app.session is not None and app.session.actions == ()
        assert "Taken back: “Demand they depart”" in notes(app)
        await press(pilot, "2", "enter", "ctrl+z")  # from the consequences screen too
        assert isinstance(app.screen, DecisionRoomScreen)
        assert app.session.actions == ()


async def test_in_hot_seat_a_move_stands_once_the_keyboard_is_handed_on(
    make_app: MakeApp,
) -> None:
    app = make_app(roles={"mayor": "Ann", "harbourmaster": "Ben"})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(8):  # hand-overs and briefings until Ben has recommended
            if isinstance(app.screen, DecisionRoomScreen):
                break
            await press(pilot, "enter")
        assert isinstance(app.screen, DecisionRoomScreen)
        await press(pilot, "1", "enter", "enter")  # Ben recommends (no case); waits for Ann
        assert isinstance(app.screen, HandoverScreen)
        await press(pilot, "u")  # Ben still has the screen: he may take it back
        assert isinstance(app.screen, DecisionRoomScreen)
        assert app.session is not None and app.session.actions == ()
        await press(pilot, "1", "enter", "enter", "enter")  # again; Ann takes the keyboard
        assert isinstance(app.screen, DecisionRoomScreen)
        await press(pilot, "u")
        assert len(app.session.actions) == 1
        assert "Too late to take that back" in notes(app)


async def test_in_hot_seat_a_player_learns_what_was_decided_while_away(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    from excomm_sim.tui.screens.away import AwayScreen

    app = make_app(roles={"mayor": "Ann", "harbourmaster": "Ben"})
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(8):
            if isinstance(app.screen, DecisionRoomScreen):
                break
            await press(pilot, "enter")
        await press(pilot, "2", "enter", "enter")  # Ben recommends the inspection, no case
        await press(pilot, "enter")  # Ann has the keyboard
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "No adviser" not in screen_text(app)
        await press(pilot, "1", "enter", "enter")  # Ann decides; reads what happened
        for _ in range(4):  # to Ben's next turn
            if isinstance(app.screen, AwayScreen):
                break
            await press(pilot, "enter")
        assert isinstance(app.screen, AwayScreen)
        shown = screen_text(app)
        assert "While you were away, Ben" in shown
        assert "▶ Mayor Ada Byrne decides: “Demand they depart”" in shown
        await press(pilot, "enter")
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "You: Captain Ines Moor — recommend" in screen_text(app)
