"""Pilot tests of the replay screen, branching from it, and Continue after quitting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, Static

from excomm_sim.saves import SaveGame, list_saves, read_save, write_save
from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.messages import BranchRequested
from excomm_sim.tui.replay_app import ReplayApp
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from excomm_sim.tui.screens.replay import ReplayScreen
from saves.conftest import NOW, STANDOFF, PlayFn


class Host(App[None]):
    """A bare app showing one replay screen, so the screen is tested on its own."""

    def __init__(self, make_screen: Callable[[], ReplayScreen]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.notified: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())

    def notify(self, message: str, **options: object) -> None:  # type: ignore[override]
        self.notified.append(message)
        super().notify(message, **options)  # type: ignore[arg-type]


def text_of(app: App[object], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def press(pilot: Pilot[object], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


@pytest.fixture
def save_file(tmp_path: Path, played: PlayFn) -> Path:
    path = tmp_path / "saves" / "game.json"
    write_save(path, played())
    return path


async def test_stepping_forward_and_back_shows_each_decision(
    save_file: Path, standoff: Scenario
) -> None:
    app = Host(lambda: ReplayScreen(save_file, standoff, save_file.parent))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert "Item 1: The opening move" in text_of(app, "#replay-decision")
        assert app.screen.query_one("#replay-back", Button).disabled
        await press(pilot, "right")
        assert "Item 2: Inspection" in text_of(app, "#replay-decision")
        assert "Item 2 of 3" in text_of(app, "#replay-heading")
        await press(pilot, "n")
        assert "Item 3: The departure" in text_of(app, "#replay-decision")
        await press(pilot, "left")
        assert "Item 2: Inspection" in text_of(app, "#replay-decision")
        await press(pilot, "p")
        assert "Item 1: The opening move" in text_of(app, "#replay-decision")


async def test_page_shows_positions_choice_consequences_and_state(
    save_file: Path, standoff: Scenario
) -> None:
    app = Host(lambda: ReplayScreen(save_file, standoff, save_file.parent))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        story = text_of(app, "#replay-decision")
        assert "• Admiral Stone leans to “Blockade the harbour”" in story
        assert "Choice: Governor Vale (a player) chose “Open talks”." in story
        assert "History made the same choice." in story
        assert 'because: Chose "Open talks"' in story
        state = text_of(app, "#replay-state")
        assert "Tension\n  40/100 → 35/100" in state


async def test_end_shows_the_ending_and_home_goes_back(save_file: Path, standoff: Scenario) -> None:
    app = Host(lambda: ReplayScreen(save_file, standoff, save_file.parent))
    async with app.run_test(size=(110, 40)) as pilot:
        await press(pilot, "end")
        ending = text_of(app, "#replay-decision")
        assert "Ending: The ship sails" in ending
        assert "Governor Vale (Ann): 2 of 3 points — won" in ending
        assert app.screen.query_one("#replay-forward", Button).disabled
        await press(pilot, "home")
        assert "Item 1: The opening move" in text_of(app, "#replay-decision")


async def test_branch_here_posts_the_save_cut_before_the_decision(
    save_file: Path, standoff: Scenario
) -> None:
    posted: list[Message] = []
    app = Host(lambda: ReplayScreen(save_file, standoff, save_file.parent))
    async with app.run_test(size=(110, 40), message_hook=posted.append) as pilot:
        await press(pilot, "right", "b")
    # The hook sees a message at each node it bubbles through: count distinct messages.
    branches = list({id(m): m for m in posted if isinstance(m, BranchRequested)}.values())
    assert len(branches) == 1
    branched = branches[0].save
    assert isinstance(branched, SaveGame)
    assert [action.option for action in branched.actions] == ["talk"]
    assert branched.branched_from is not None
    assert (branched.branched_from.save, branched.branched_from.turn) == ("game.json", 1)


async def test_branch_is_refused_where_no_human_acted(
    tmp_path: Path, standoff: Scenario, played: PlayFn
) -> None:
    posted: list[Message] = []
    computer_game = played(humans={})
    app = Host(lambda: ReplayScreen(computer_game, standoff, tmp_path))
    async with app.run_test(size=(110, 40), message_hook=posted.append) as pilot:
        await press(pilot, "b")
        assert app.screen.query_one("#replay-branch", Button).disabled
    assert not [message for message in posted if isinstance(message, BranchRequested)]


async def test_branch_in_the_replay_app_writes_its_own_save_and_plays_on(
    save_file: Path, standoff: Scenario
) -> None:
    saves_dir = save_file.parent
    app = ReplayApp(read_save(save_file), standoff, save_file, saves_dir)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await press(pilot, "right", "b")
        assert isinstance(app.screen, DecisionRoomScreen)
    branch_files = [path for path in list_saves(saves_dir) if path != save_file]
    assert len(branch_files) == 1
    branched = read_save(branch_files[0])
    assert branched.branched_from is not None
    assert branched.branched_from.save == "game.json"
    assert [action.option for action in branched.actions] == ["talk"]


async def test_continue_after_quitting_restores_the_game_exactly(
    tmp_path: Path, standoff: Scenario
) -> None:
    """Play two decisions, quit, start a new app: Continue brings back the same state.

    (Two, not three: three end this game, and Continue resumes only unfinished games.)"""
    saves_dir = tmp_path / "saves"

    def make_app() -> ExcommApp:
        return ExcommApp(
            scenario=standoff,
            scenario_path=STANDOFF,
            seed=11,
            saves_dir=saves_dir,
            clock=lambda: NOW,
        )

    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await press(pilot, "enter")  # title: New game
        await press(pilot, "enter")  # setup: the first seat, the governor
        await press(pilot, *"Ann", "enter")  # the player's name
        await press(pilot, "enter")  # briefing read
        decisions = 0
        while decisions < 2:
            if isinstance(first.screen, DecisionRoomScreen):
                await press(pilot, "1", "enter")
                decisions += 1
            else:
                await press(pilot, "enter")
        assert first.session is not None
        played_state = first.session.state
        assert len(played_state.choices) == 2 and not played_state.ended
        first.exit(0)

    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        menu = second.screen.query_one("#title-menu", OptionList)
        for _ in range(20):  # the title learns of the newest save just after it appears
            if not menu.get_option("continue").disabled:
                break
            await pilot.pause()
        await press(pilot, "down", "enter")  # title: Continue
        assert second.session is not None
        assert second.session.state == played_state


async def test_unreadable_save_is_reported_and_the_screen_closes(
    tmp_path: Path, standoff: Scenario
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    app = Host(lambda: ReplayScreen(broken, standoff, tmp_path))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ReplayScreen)
    assert any(f"{broken}: truncated or not JSON" in message for message in app.notified)


async def test_at_80_columns_the_heading_and_the_footer_fit(
    save_file: Path, standoff: Scenario
) -> None:
    """Issue 15 item 17: the footer ended "q Qui" and the title wrapped mid-phrase."""
    app = ReplayApp(read_save(save_file), standoff, save_file, save_file.parent)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]
        assert rows[0].strip() == "Replay: Harbour Standoff (test) — Decision 1 of 3"
        assert rows[1].strip() == "game.json"
        assert "q Quit" in rows[-1]
