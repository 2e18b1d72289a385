"""Author mode: the scenario reloads when its file changes, and the inspector shows all."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from excomm_sim.scenario.load import load_path
from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.authoring import ScenarioWatcher
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from excomm_sim.tui.screens.inspector import InspectorScreen
from tui.conftest import settle

MakeApp = Callable[..., ExcommApp]
ScreenText = Callable[[ExcommApp], str]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_watcher_is_quiet_until_the_file_changes(tmp_path: Path, tiny_path: Path) -> None:
    path = tmp_path / "s.yaml"
    shutil.copy(tiny_path, path)
    watcher = ScenarioWatcher(path)
    assert watcher.poll() is None
    edit(path, "Who pays for the tugs", "Who pays for the pilots")
    reloaded = watcher.poll()
    assert reloaded is not None and reloaded.scenario is not None
    assert watcher.poll() is None


def test_the_watcher_reports_a_broken_edit_with_its_location(
    tmp_path: Path, tiny_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    shutil.copy(tiny_path, path)
    watcher = ScenarioWatcher(path)
    edit(path, 'version: "1.0"', "version: 1.0")
    reloaded = watcher.poll()
    assert reloaded is not None and reloaded.scenario is None
    assert any(f"{path}:" in problem and "version" in problem for problem in reloaded.problems)


async def test_an_edit_reloads_and_replays_the_game_so_far(
    make_app: MakeApp, screen_text: ScreenText, tmp_path: Path, tiny_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    shutil.copy(tiny_path, path)
    app = make_app(scenario=load_path(path), scenario_path=path, roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter", "1", "enter", "enter")  # briefing, decide, consequences
        await pilot.pause()
        assert "Who pays for the tugs" in screen_text(app)
        edit(path, "Who pays for the tugs", "Who pays for the pilots")
        app.check_scenario_file()
        await settle(pilot)  # the file is read in a worker
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "Who pays for the pilots" in screen_text(app)
        assert app.session is not None and len(app.session.actions) == 1
        assert "Reloaded and replayed 1 move." in [n.message for n in app._notifications]


async def test_a_broken_edit_keeps_the_game_and_says_why(
    make_app: MakeApp, screen_text: ScreenText, tmp_path: Path, tiny_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    shutil.copy(tiny_path, path)
    app = make_app(scenario_path=path, roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        edit(path, 'version: "1.0"', "version: 1.0")
        app.check_scenario_file()
        await settle(pilot)  # the file is read in a worker
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "What to demand" in screen_text(app)
        messages = [n.message for n in app._notifications]
        assert any("version" in message and f"{path}:" in message for message in messages)


async def test_the_inspector_shows_hidden_variables_in_author_mode(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app(roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1", "enter", "enter", "i")
        await pilot.pause()
        assert isinstance(app.screen, InspectorScreen)
        shown = screen_text(app)
        assert "Captain's resolve (resolve, hidden): 5/10" in shown
        assert "turn 1: 40/100 → 50/100 by `tension += 10`" in shown


async def test_the_inspector_is_closed_to_players(make_app: MakeApp) -> None:
    app = make_app(roles={"mayor": "Ann"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "i")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)


async def test_a_fixed_edit_takes_its_problems_off_the_screen(
    make_app: MakeApp, tmp_path: Path, tiny_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    shutil.copy(tiny_path, path)
    app = make_app(scenario_path=path, roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        edit(path, 'version: "1.0"', "version: 1.0")
        app.check_scenario_file()
        await settle(pilot)  # the file is read in a worker
        assert any(f"{path}:" in n.message for n in app._notifications)
        edit(path, "version: 1.0", 'version: "1.0"')
        app.check_scenario_file()
        await settle(pilot)  # the file is read in a worker
        messages = [n.message for n in app._notifications]
        assert not any(f"{path}:" in message for message in messages)
        assert "Reloaded and replayed 0 moves." in messages
