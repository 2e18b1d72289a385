"""Golden replays: every game in saves/ replays to exactly its recorded log and final state.

A failure means the scenario or the engine changed what these games do. Read the diff;
if the change is intended, regenerate with ``UPDATE_GOLDEN=1 python tests/saves/make_golden.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.saves import read_save, resolve_scenario
from excomm_sim.scenario.load import load_path
from saves.make_golden import GOLDEN, SAVES, bundled, golden_text

SAVE_FILES = sorted(SAVES.glob("*.json"))


def test_saves_folder_holds_history_as_the_president() -> None:
    assert SAVES / "history-president.json" in SAVE_FILES
    assert len(SAVE_FILES) >= 2


@pytest.mark.parametrize("save_file", SAVE_FILES, ids=lambda path: path.stem)
def test_example_game_replays_to_its_golden_log_and_state(save_file: Path) -> None:
    save = read_save(save_file)
    scenario_path = resolve_scenario(save)
    assert scenario_path is not None, f"{save_file.name}: scenario {save.scenario_id} not found"
    golden = GOLDEN / f"{save_file.stem}.txt"
    assert golden.exists(), f"no golden for {save_file.name}: run make_golden.py"
    expected = golden.read_text(encoding="utf-8")
    actual = golden_text(save, load_path(scenario_path))
    assert actual == expected, (
        f"{save_file.name} no longer replays as recorded; if intended, run "
        "UPDATE_GOLDEN=1 python tests/saves/make_golden.py"
    )


def test_history_example_takes_history_option_whenever_offered() -> None:
    from excomm_sim.engine.observe import observe
    from excomm_sim.policies.autopilot import Autopilot

    scenario = bundled()
    save = read_save(SAVES / "history-president.json")
    pilot = Autopilot(scenario)
    state, _ = pilot.start(save.seed, dict(save.humans))
    for action in save.actions:
        item = observe(pilot.rules, state, action.role).item
        assert item is not None
        history = [option.id for option in item.offered if option.history]
        if history:
            assert action.option == history[0], item.decision.id
        state, _ = pilot.act(state, action)
    assert state.ended  # played to the end
