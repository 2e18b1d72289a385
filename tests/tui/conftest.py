"""Fixtures for the TUI tests: a small scenario, a pinned clock and an app factory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.app import ExcommApp

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.yaml"
SEED = 1962


def fixed_clock() -> dt.datetime:
    """Saves are stamped with this, so nothing on screen depends on the real clock."""
    return dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


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
