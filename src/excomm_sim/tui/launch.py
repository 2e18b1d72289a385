"""Starting the game: ``run_game`` (what ``excomm-sim play`` calls) and its small helpers.

Kept apart from the app class so ``app.py`` only wires screens; ``run_game`` is re-exported
from ``excomm_sim.tui.app`` where the play command looks for it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from excomm_sim.scenario.model import Scenario


def replay_available() -> bool:
    """True when the saves helper's replay screen is installed."""
    from importlib.util import find_spec

    return find_spec("excomm_sim.tui.screens.replay") is not None


def scenario_path_for_save(path: Path) -> str:
    """ "" for a bundled scenario (found again by id), else the file's absolute path."""
    from excomm_sim.paths import bundled_scenarios_dir

    try:
        if path.resolve().parent == bundled_scenarios_dir().resolve():
            return ""
    except OSError:
        return str(path)
    return str(path.resolve())


def parse_roles(roles: Sequence[str], scenario: Scenario) -> dict[str, str]:
    """``["president", "mcnamara=Ana"]`` -> {role: player}; ValueError names a bad role
    or a name a save could not hold."""
    from excomm_sim.saves.reading import player_name_problem

    known = [role.id for role in scenario.roles]
    humans: dict[str, str] = {}
    for text in roles:
        role, _, name = text.partition("=")
        role = role.strip()
        if role not in known:
            raise ValueError(f"unknown role {role!r}; the roles are: {', '.join(known)}")
        name = name.strip() or "Player"
        problem = player_name_problem(name)
        if problem is not None:
            raise ValueError(f"--role {role}=...: {problem}")
        humans[role] = name
    return humans


def run_game(
    scenario_path: Path | None,
    roles: Sequence[str] = (),
    seed: int | None = None,
    scenarios_dir: Path | None = None,
    saves_dir: Path | None = None,
    watch: bool = False,
) -> int:
    """Run the game in the terminal: 0 on a normal quit, 1 if the scenario has problems
    (printed as file:line:col), 2 if it cannot be read or a role is unknown.

    ``scenario_path`` None means the bundled meeting 19 (New game opens the picker);
    ``roles`` (role ids, optionally ``role=Name``) start a game at once, skipping the title.
    """
    scenario = None
    if scenario_path is not None or roles:
        from excomm_sim.paths import bundled_scenario
        from excomm_sim.tui.catalog import load_scenario

        path = scenario_path or bundled_scenario()
        if not path.is_file():
            print(f"excomm-sim: no scenario file {path}", file=sys.stderr)
            return 2
        entry = load_scenario(path)
        if entry.scenario is None:
            for problem in entry.problems:
                print(problem, file=sys.stderr)
            return 1
        scenario, scenario_path = entry.scenario, path
    humans: dict[str, str] = {}
    if roles and scenario is not None:
        try:
            humans = parse_roles(roles, scenario)
        except ValueError as error:
            print(f"excomm-sim play: {error}", file=sys.stderr)
            return 2
    from excomm_sim.tui.app import ExcommApp

    app = ExcommApp(
        scenario=scenario,
        scenario_path=scenario_path,
        roles=humans,
        seed=seed,
        scenarios_dir=scenarios_dir,
        saves_dir=saves_dir,
        watch=watch,
    )
    result = app.run()
    if app.failure:
        print(app.failure, file=sys.stderr)
    if app.return_code:
        return app.return_code
    return int(result or 0)
