"""A scenario that fails in play (division by zero in an effect) ends the app with one message.

It used to show a Rich traceback. Now the app exits with code 1 and prints the engine's
located message once, saying where the game is saved, up to the decision that failed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.saves import read_save
from excomm_sim.scenario.load import load_path
from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.screens.decision import DecisionRoomScreen
from tui.conftest import fixed_clock

DIVIDES_BY_ZERO = Path(__file__).parents[1] / "tools" / "fixtures" / "division_by_zero.yaml"


async def test_a_run_time_scenario_error_exits_1_with_one_located_message(
    saves_dir: Path,
) -> None:
    scenario = load_path(DIVIDES_BY_ZERO)
    app = ExcommApp(
        scenario=scenario,
        scenario_path=DIVIDES_BY_ZERO,
        roles={"chair": "Ann"},
        seed=1,
        saves_dir=saves_dir,
        clock=fixed_clock,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("enter", "1", "enter", "enter"):  # briefing, spend it all, consequences
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)
        await pilot.press("1", "enter")  # divide what is left: 100 / 0
        await pilot.pause()
    assert app.return_code == 1
    [save] = saves_dir.glob("division_by_zero-*.json")
    assert app.failure == (
        f"{DIVIDES_BY_ZERO}:42:9: option split.divide (turn 2): effect 'share = 100 / budget' "
        "failed: division by zero in '100 / budget' (the game cannot go on: fix the scenario)"
        f"\nThe game is saved in {save} up to this decision."
    )
    assert [action.option for action in read_save(save).actions] == ["spend"]


def test_run_game_prints_the_failure_as_plain_lines_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from excomm_sim.tui import launch

    def fail_in_play(self: ExcommApp) -> int:
        self.failure = "long/path/to/x.yaml:42:9: effect failed " + "x" * 200
        self.exit(return_code=1)
        return 0

    monkeypatch.setattr(ExcommApp, "run", fail_in_play)
    assert launch.run_game(DIVIDES_BY_ZERO, roles=("chair",)) == 1
    assert capsys.readouterr().err == "long/path/to/x.yaml:42:9: effect failed " + "x" * 200 + "\n"
