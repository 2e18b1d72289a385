"""Opening a save for the menus: read it, find and load its scenario, or say why not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from excomm_sim.story.text import counted

if TYPE_CHECKING:  # types only: the kernel and the saves load after the first paint
    from excomm_sim.saves import SaveGame
    from excomm_sim.scenario.model import Scenario


@frozen
class Opened:
    """A save and its scenario, or ``problem`` saying (in a sentence) what stopped it."""

    save: SaveGame | None = None
    scenario: Scenario | None = None
    problem: str = ""


def open_save(path: Path, scenarios_dir: Path | None = None) -> Opened:
    from excomm_sim.saves import SaveError, read_save, resolve_scenario
    from excomm_sim.tui.catalog import load_scenario

    try:
        save = read_save(path)
    except SaveError as error:
        return Opened(problem=str(error))
    dirs = [scenarios_dir] if scenarios_dir else []
    scenario_path = resolve_scenario(save, dirs)
    if scenario_path is None:
        return Opened(save, problem=f"{path.name}: scenario {save.scenario_id!r} was not found")
    entry = load_scenario(scenario_path)
    if entry.scenario is None:
        # The save chose this file: say that it fails, never what it holds.
        errors = sum(": error: " in problem for problem in entry.problems) or 1
        return Opened(
            save,
            problem=f"{scenario_path.name} does not load ({counted(errors, 'error')}); "
            f"excomm-sim validate {scenario_path} lists them",
        )
    return Opened(save, entry.scenario)
