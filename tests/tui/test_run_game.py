"""run_game's checks before the app opens, and starting straight into a game with roles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.app import ExcommApp, parse_roles, run_game
from excomm_sim.tui.screens.briefing import BriefingScreen

MakeApp = Callable[..., ExcommApp]


def test_a_broken_scenario_prints_its_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("format: 1\nid: bad\n", encoding="utf-8")
    assert run_game(path) == 1
    assert f"{path}:1:1: error: missing required key 'title'" in capsys.readouterr().err


def test_a_missing_scenario_file_exits_2(tmp_path: Path) -> None:
    assert run_game(tmp_path / "nowhere.yaml") == 2


def test_an_unknown_role_exits_2_naming_the_roles(
    tiny_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_game(tiny_path, roles=["admiral"]) == 2
    assert "mayor, harbourmaster, treasurer" in capsys.readouterr().err


def test_roles_may_name_their_players(tiny: Scenario) -> None:
    assert parse_roles(["mayor=Ann", "treasurer"], tiny) == {
        "mayor": "Ann",
        "treasurer": "Player",
    }


async def test_with_roles_the_game_starts_at_the_first_briefing(make_app: MakeApp) -> None:
    app = make_app(roles={"mayor": "Ann"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.player == "Ann"
