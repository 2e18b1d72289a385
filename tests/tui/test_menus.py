"""The title's menus, saves, help, quitting and themes, driven by keys."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from textual.widgets import OptionList

from excomm_sim.saves import read_save
from excomm_sim.tui.app import DARK_THEME, LIGHT_THEME, ExcommApp
from excomm_sim.tui.screens.confirm import ConfirmScreen
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from excomm_sim.tui.screens.help import HelpScreen
from excomm_sim.tui.screens.picker import ScenarioPickerScreen
from excomm_sim.tui.screens.saves import SavesScreen
from excomm_sim.tui.screens.setup import SetupScreen
from excomm_sim.tui.screens.title import TitleScreen
from excomm_sim.tui.widgets.hanging import Hanging
from excomm_sim.tui.widgets.marked import GUTTER
from tui.conftest import settle

MakeApp = Callable[..., ExcommApp]
ScreenText = Callable[[ExcommApp], str]

BROKEN = """\
format: 1
id: broken
title: Broken
version: 1.0
"""


async def test_picker_lists_a_broken_scenario_with_its_location(
    make_app: MakeApp, screen_text: ScreenText, tmp_path: Path, tiny_path: Path
) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(tiny_path, folder / "harbour.yaml")
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    app = make_app(scenario=None, scenario_path=None, scenarios_dir=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScenarioPickerScreen)
        shown = screen_text(app)
        assert "[broken] broken.yaml" in shown
        assert "broken.yaml:1:1: error: missing required key 'date'" in shown
        assert "The Harbour Crisis" in shown


async def test_choosing_a_scenario_in_the_picker_opens_setup(
    make_app: MakeApp, tmp_path: Path, tiny_path: Path
) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(tiny_path, folder / "harbour.yaml")
    app = make_app(scenario=None, scenario_path=None, scenarios_dir=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScenarioPickerScreen)
        index = next(i for i, e in enumerate(screen.entries) if e.path.name == "harbour.yaml")
        await pilot.press(*["down"] * index, "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.scenario.id == "tiny"


async def test_every_decision_is_autosaved(make_app: MakeApp, saves_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"Ana", "enter", "enter", "1", "enter")
        await pilot.pause()
        saves = list(saves_dir.glob("*.json"))
        assert len(saves) == 1
        assert [a.option for a in read_save(saves[0]).actions] == ["depart"]


async def test_a_solo_player_is_asked_their_name_and_the_save_holds_it(
    make_app: MakeApp, screen_text: ScreenText, saves_dir: Path
) -> None:
    """Issue 15 item 15: every solo game was played by "Player", so every report said so."""
    from excomm_sim.tui.screens.ask import AskScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert "Your name (it goes on your report)" in screen_text(app)
        await pilot.press("enter")  # nothing typed: asked again
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert "Type your name first" in screen_text(app)
        await pilot.press(*"Ana Ruiz", "enter", "enter", "1", "enter")
        await pilot.pause()
    (path,) = saves_dir.glob("*.json")
    assert list(read_save(path).humans.values()) == ["Ana Ruiz"]


async def test_a_game_quit_before_its_first_decision_leaves_no_save(
    make_app: MakeApp, saves_dir: Path
) -> None:
    """Issue 15 item 14: every game started wrote a save, and Continue could pick it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"Ana", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)
    assert list(saves_dir.glob("*.json")) == []


async def test_continue_resumes_the_latest_save(
    make_app: MakeApp, screen_text: ScreenText, saves_dir: Path
) -> None:
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"Ana", "enter", "enter", "1", "enter")
        await pilot.pause()
    second = make_app()
    async with second.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Continue: The Harbour Crisis as" in screen_text(second)
        assert "item 2," in screen_text(second)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(second.screen, DecisionRoomScreen)
        assert "Who pays for the tugs" in screen_text(second)


async def test_the_load_list_says_where_a_game_stands_and_renames_and_deletes_it(
    make_app: MakeApp, screen_text: ScreenText, saves_dir: Path
) -> None:
    """Issue 15 item 13: the list showed an id, a stamp and a move count; no rename, no delete."""
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"Ana", "enter", "enter", "1", "enter")
        await pilot.pause()
    second = make_app()
    async with second.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # Load
        await settle(pilot)
        shown = screen_text(second)
        assert "The Harbour Crisis · " in shown
        assert "item 2, Sunday 4 November 1962 · unfinished · 1 move" in shown
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+u", *"my game", "enter")
        await settle(pilot)
        assert [path.name for path in saves_dir.glob("*.json")] == ["my game.json"]
        assert "my game.json · saved" in screen_text(second)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(second.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert list(saves_dir.glob("*.json")) == []
        assert "No saved games yet." in screen_text(second)


async def test_load_lists_an_unreadable_save_with_its_error(
    make_app: MakeApp, screen_text: ScreenText, saves_dir: Path
) -> None:
    saves_dir.mkdir(parents=True)
    (saves_dir / "tiny-20260101-000000.json").write_text("{not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SavesScreen)
        assert "[unreadable] tiny-20260101-000000.json" in screen_text(app)


async def test_quit_asks_first_and_no_keeps_playing(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_value == 0


async def test_help_opens_with_question_mark_and_closes_with_escape(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "▲ better, ▼ worse" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_t_switches_between_dark_and_light(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == DARK_THEME
        await pilot.press("t")
        assert app.theme == LIGHT_THEME
        await pilot.press("t")
        assert app.theme == DARK_THEME


async def test_the_command_palette_offers_the_game_commands(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Help", "Light / dark", "Theme", "Quit"} <= set(titles)


async def test_clicking_an_option_chooses_it(make_app: MakeApp, screen_text: ScreenText) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"Ana", "enter", "enter")
        await pilot.pause()
        options = app.screen.query_one("#options")
        await pilot.click(options, offset=(4, 2))  # the second line: option 2
        await pilot.pause()
        assert "decides: “Demand an inspection”" in screen_text(app)


async def test_replay_opens_a_save_and_branch_here_plays_on(
    make_app: MakeApp, screen_text: ScreenText, saves_dir: Path
) -> None:
    from excomm_sim.tui.screens.replay import ReplayScreen

    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press(
            "enter", "enter", *"Ana", "enter", "enter", "1", "enter", "enter", "1", "enter"
        )
        await pilot.pause()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down", "enter")  # Replay a saved game
        await settle(pilot)
        assert isinstance(app.screen, SavesScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("right", "b")  # branch before the second decision
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "Who pays for the tugs" in screen_text(app)
    branched = [read_save(path) for path in saves_dir.glob("*.json")]
    assert any(save.branched_from is not None for save in branched)


async def test_back_to_title_from_the_debrief(make_app: MakeApp, screen_text: ScreenText) -> None:
    from excomm_sim.tui.screens.debrief import DebriefScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"Ana", "enter", "enter")
        for _ in range(3):
            await pilot.press("1", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert len(app.screen_stack) == 2
        await settle(pilot)
        assert "Continue  (no unfinished game)" in screen_text(app)


async def test_b_shows_the_players_briefing_again(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    from excomm_sim.tui.screens.briefing import BriefingReminder

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"Ana", "enter", "enter", "b")
        await pilot.pause()
        assert isinstance(app.screen, BriefingReminder)
        assert "You decide. The council advises" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)


async def test_a_save_that_no_longer_fits_plays_on_in_a_new_file(
    make_app: MakeApp, saves_dir: Path, tmp_path: Path, tiny_path: Path
) -> None:
    from excomm_sim.scenario.load import load_path

    path = tmp_path / "harbour.yaml"
    shutil.copy(tiny_path, path)
    first = make_app(scenario=load_path(path), scenario_path=path)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press(
            "enter", "enter", *"Ana", "enter", "enter", "1", "enter", "enter", "1", "enter"
        )
        await pilot.pause()
    (original,) = saves_dir.glob("*.json")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: town", "id: city"), encoding="utf-8")
    second = make_app(scenario=load_path(path), scenario_path=path)
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Continue
        await pilot.pause()
        assert isinstance(second.screen, DecisionRoomScreen)
    assert len(read_save(original).actions) == 2
    (cut,) = [p for p in saves_dir.glob("*.json") if p != original]
    assert len(read_save(cut).actions) == 1


async def test_a_named_pipe_in_the_saves_folder_is_listed_as_unreadable_without_freezing(
    make_app: MakeApp, screen_text: ScreenText, saves_dir: Path
) -> None:
    """It used to block the load list for ever (q and ctrl+c did nothing)."""
    import os
    import threading

    if not hasattr(os, "mkfifo"):
        return
    saves_dir.mkdir(parents=True)
    fifo = saves_dir / "pipe.json"
    os.mkfifo(fifo)
    released = threading.Event()

    def release_a_blocked_reader() -> None:  # so a regression fails instead of hanging
        if not released.wait(timeout=15):
            with open(fifo, "wb"):
                pass

    watchdog = threading.Thread(target=release_a_blocked_reader, daemon=True)
    watchdog.start()
    app = make_app()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("down", "down", "enter")
            await settle(pilot)
            shown = screen_text(app)
            assert "[unreadable] pipe.json" in shown
            assert "is not a regular file: it is a named pipe (FIFO)" in shown
            listed = app.screen.query_one("#saves-list", OptionList)
            first = listed.get_option_at_index(0).prompt  # filled in late, gutter and all
            assert isinstance(first, Hanging) and first.plain.startswith(GUTTER)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen)
    finally:
        released.set()
