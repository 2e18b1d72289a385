"""Author mode's debug panel (ctrl+d): each action is a move through the kernel (or, for chance,
the sampler's rigging), and what it did shows on screen and in the log."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from excomm_sim.engine.events import ChanceResolved, DecisionSkipped, VariableChanged
from excomm_sim.engine.moves import Action, AuthorJump, AuthorSet
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.sampler import Rigged
from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.screens.debug import DebugScreen
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from excomm_sim.tui.widgets.options import HISTORY_MARK
from tui.conftest import settle

MakeApp = Callable[..., ExcommApp]
ScreenText = Callable[[ExcommApp], str]


async def _open_panel(app: ExcommApp, pilot: object) -> DebugScreen:
    await pilot.press("enter", "ctrl+d")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, DebugScreen)
    return app.screen


async def _set(panel: DebugScreen, pilot: object, variable: str, value: str) -> None:
    """Choose ``variable``, type ``value`` and press Set."""
    panel.query_one("#debug-variable", Select).value = variable
    panel.query_one("#debug-value", Input).value = value
    await pilot.click("#debug-set")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def _messages(app: ExcommApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_setting_a_variable_is_an_author_move_the_log_shows(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app(roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        panel = await _open_panel(app, pilot)
        await _set(panel, pilot, "tension", "75")
        assert isinstance(app.screen, DecisionRoomScreen)
        assert app.session is not None and app.session.state.values["tension"] == 75
        assert app.session.actions[-1] == AuthorSet("tension", 75)
        (change,) = [r for r in app.session.records if isinstance(r, VariableChanged)]
        assert change.cause.kind == "author"
        assert "Tension: 40/100 → 75/100 (set by you)." in _messages(app)
        assert "75/100" in screen_text(app)


async def test_a_value_out_of_range_is_refused_with_the_range(make_app: MakeApp) -> None:
    app = make_app(roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        panel = await _open_panel(app, pilot)
        await _set(panel, pilot, "tension", "170")
        assert app.session is not None and app.session.state.values["tension"] == 40
        assert any("tension lies within 0..100" in message for message in _messages(app))


async def test_a_word_that_is_no_value_is_refused_in_the_panel(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app(roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await _open_panel(app, pilot)
        await _set(panel, pilot, "ships", "sunk")
        assert isinstance(app.screen, DebugScreen)
        assert "one of in_port, leaving, gone" in screen_text(app)


async def test_jumping_puts_a_later_item_on_the_table(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app(roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        panel = await _open_panel(app, pilot)
        panel.query_one("#debug-decision", Select).value = "statement"
        await pilot.click("#debug-jump")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)
        assert "The public statement" in screen_text(app)
        assert app.session is not None and app.session.actions[-1] == AuthorJump("statement")
        skipped = [r for r in app.session.records if isinstance(r, DecisionSkipped)]
        assert [(r.decision, r.reason) for r in skipped] == [
            ("demand", "author"),
            ("pay", "author"),
        ]


@pytest.mark.parametrize("outcome", ["allowed", "refused"])
async def test_a_forced_outcome_is_what_chance_gives(make_app: MakeApp, outcome: str) -> None:
    app = make_app(roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        panel = await _open_panel(app, pilot)
        panel.query_one("#debug-chance", Select).value = f"inspect/{outcome}"
        await pilot.click("#debug-force")
        await pilot.pause()
        assert app.session is not None and isinstance(app.session.autopilot.sampler, Rigged)
        await pilot.press("2", "enter")  # "Demand an inspection"
        await pilot.pause()
        drawn = [r.outcome for r in app.session.records if isinstance(r, ChanceResolved)]
        assert drawn == [outcome]
        assert not [a for a in app.session.actions if not isinstance(a, Action)]


async def test_history_marks_toggle_on_the_options(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app(roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert HISTORY_MARK.strip() not in screen_text(app)
        for marked in (True, False):
            await pilot.press("ctrl+d")
            await pilot.pause()
            await pilot.click("#debug-marks")
            await pilot.pause()
            assert isinstance(app.screen, DecisionRoomScreen)
            shown = screen_text(app)
            assert (f"Demand they depart{HISTORY_MARK}" in shown) is marked
            assert "Close the harbour mouth" + HISTORY_MARK not in shown


async def test_the_panel_is_closed_to_players(make_app: MakeApp) -> None:
    app = make_app(roles={"mayor": "Ann"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)


async def test_author_moves_and_forced_chance_survive_a_reload(
    make_app: MakeApp, tmp_path: Path, tiny_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    shutil.copy(tiny_path, path)
    app = make_app(scenario_path=path, roles={"mayor": "Ann"}, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        panel = await _open_panel(app, pilot)
        await _set(panel, pilot, "budget", "10")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DebugScreen)
        forced = "refused" if _seeded_draw(app) == "allowed" else "allowed"
        app.screen.query_one("#debug-chance", Select).value = f"inspect/{forced}"
        await pilot.click("#debug-force")
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        text = path.read_text(encoding="utf-8").replace("Who pays for the tugs", "Who pays")
        path.write_text(text, encoding="utf-8")
        app.check_scenario_file()
        await settle(pilot)  # the file is read in a worker
        assert app.session is not None and app.session.actions[0] == AuthorSet("budget", 10)
        set_by_author = [
            r for r in app.session.records if isinstance(r, VariableChanged) and r.new == 10
        ]
        assert [r.cause.kind for r in set_by_author] == ["author"]
        drawn = [r.outcome for r in app.session.records if isinstance(r, ChanceResolved)]
        assert drawn == [forced]


def _seeded_draw(app: ExcommApp) -> str:
    """What chance gives "Demand an inspection" on this game's seed, unforced."""
    assert app.session is not None
    autopilot = Autopilot(app.session.scenario)
    state, _ = autopilot.act(app.session.state, Action("mayor", "inspect"))
    (drawn,) = [r.outcome for r in state.log if isinstance(r, ChanceResolved)]
    return drawn
