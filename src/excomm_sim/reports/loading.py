"""Open a save together with its scenario for the replay and report commands.

Every way this can fail (unreadable save, scenario missing or broken, a save for another
scenario) becomes one SaveError naming the save file, so commands print one clear message
and exit 2 instead of showing a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from excomm_sim.saves.format import SaveError, SaveGame
from excomm_sim.saves.replay import check_roles, check_scenario
from excomm_sim.saves.store import read_save, resolve_scenario
from excomm_sim.scenario.model import Scenario
from excomm_sim.scenario.problems import ScenarioError
from excomm_sim.story.text import counted


def load_scenario_for(save: SaveGame, save_file: Path, search_dirs: Sequence[Path]) -> Scenario:
    """The scenario ``save`` was played on (by hash, path, search folders, bundled)."""
    from excomm_sim.scenario.load import load_path

    scenario_path = resolve_scenario(save, search_dirs)
    if scenario_path is None:
        looked = ", ".join(str(folder) for folder in search_dirs) or "no --scenarios folder"
        raise SaveError(
            save_file,
            f"cannot find scenario {save.scenario_id!r} (not bundled, "
            f"not at {save.scenario_path or 'a recorded path'}, not in {looked}); "
            f"pass --scenarios DIR with {save.scenario_id}.yaml in it",
        )
    try:
        scenario = load_path(scenario_path)
    except ScenarioError as error:
        raise SaveError(save_file, scenario_failure(scenario_path, error)) from None
    except OSError as error:
        raise SaveError(
            save_file, f"cannot read its scenario {scenario_path}: {error.strerror or error}"
        ) from None
    try:
        check_scenario(save, scenario)
        check_roles(save, scenario)
    except SaveError as error:
        raise SaveError(save_file, error.problem) from None
    return scenario


def scenario_failure(scenario_path: Path, error: ScenarioError) -> str:
    """Why a save's scenario did not load, without quoting the file.

    The scenario is whatever file the save names, so its problems (which quote what
    the file holds) are not shown here; ``validate`` lists them for the file's author.
    """
    errors = len(error.errors) or len(error.problems)
    return (
        f"its scenario {scenario_path} does not load ({counted(errors, 'error')}); "
        f"excomm-sim validate {scenario_path} lists them"
    )


def open_save(save_file: Path, search_dirs: Sequence[Path] = ()) -> tuple[SaveGame, Scenario]:
    """Read ``save_file`` and load its scenario; SaveError (naming the file) if either fails."""
    save = read_save(save_file)
    return save, load_scenario_for(save, save_file, search_dirs)


def find_save(name: str, saves_dir: Path | None) -> Path:
    """A save given on the command line: a path as given, else a name in the saves folder."""
    path = Path(name)
    if path.exists() or saves_dir is None or path.parent != Path("."):
        return path
    from excomm_sim.saves.store import safe_save_path

    try:
        candidate = safe_save_path(saves_dir, name)
    except SaveError:
        return path
    return candidate if candidate.exists() else path
