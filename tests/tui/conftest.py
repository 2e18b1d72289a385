"""Fixtures for the TUI tests: a small scenario, a pinned clock and an app factory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.content import Content
from textual.widgets import Button, OptionList, Static

from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.app import ExcommApp

ScreenText = Callable[[App[object]], str]

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.yaml"
SEED = 1962


def fixed_clock() -> dt.datetime:
    """Saves are stamped with this, so nothing on screen depends on the real clock."""
    return dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture
def tiny_path() -> Path:
    """The small test scenario's file."""
    return TINY


@pytest.fixture
def tiny() -> Scenario:
    return load_path(TINY)


@pytest.fixture
def saves_dir(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def make_app(tiny: Scenario, saves_dir: Path) -> Callable[..., ExcommApp]:
    """An app on the tiny scenario (New game goes straight to setup), seed and clock fixed."""

    def make(**overrides: object) -> ExcommApp:
        options: dict[str, object] = {
            "scenario": tiny,
            "scenario_path": TINY,
            "seed": SEED,
            "saves_dir": saves_dir,
            "clock": fixed_clock,
        }
        options.update(overrides)
        return ExcommApp(**options)  # type: ignore[arg-type]

    return make


def _screen_text(app: App[object]) -> str:
    """Every Static's text, every option's prompt and every button label on the top screen."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, Static):
            parts.append(_plain(widget.content))
        elif isinstance(widget, OptionList):
            for index in range(widget.option_count):
                parts.append(_plain(widget.get_option_at_index(index).prompt))
    return "\n".join(parts)


def _plain(content: object) -> str:
    if isinstance(content, Content):
        return content.plain
    return str(content)


@pytest.fixture
def screen_text() -> ScreenText:
    """Reads the top screen's text: what a player sees, for assertions."""
    return _screen_text


async def settle(pilot: object) -> None:
    """Let the app finish what its workers read (saves, scenarios), then render it."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
