"""``run_replay``: open a save straight in the replay screen, inside the game app.

The replay runs in the full ``ExcommApp`` (over its title screen) rather than a bare app
so that "Branch here" can do what it promises: the app's ``BranchRequested`` handler
saves the branch as its own file and starts playing it. Closing the replay leaves the
player on the title screen, with the rest of the game a key away.
"""

from __future__ import annotations

import sys
from pathlib import Path

from excomm_sim.saves import SaveError, SaveGame
from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.app import ExcommApp


class ReplayApp(ExcommApp):
    """The game app opened on the replay of one save."""

    def __init__(
        self,
        save: SaveGame,
        scenario: Scenario,
        save_path: Path,
        saves_dir: Path,
        scenarios_dir: Path | None = None,
    ) -> None:
        super().__init__(scenarios_dir=scenarios_dir, saves_dir=saves_dir)
        self.replay_save = save
        self.replay_scenario = scenario
        self.replay_path = save_path

    def on_mount(self) -> None:
        # ExcommApp.on_mount (run after this one) pushes the title; the replay goes over it.
        self.call_later(self.open_replay_screen)

    def open_replay_screen(self) -> None:
        from excomm_sim.tui.screens.replay import ReplayScreen

        self.push_screen(
            ReplayScreen(
                self.replay_save,
                self.replay_scenario,
                self.resolved_saves_dir(),
                source_name=self.replay_path.name,
            )
        )


def run_replay(save_path: Path, scenarios_dir: Path | None, saves_dir: Path) -> int:
    """Replay ``save_path`` in the terminal; 2 (with a message, no traceback) if it won't open."""
    from excomm_sim.reports.loading import open_save

    try:
        save, scenario = open_save(save_path, [scenarios_dir] if scenarios_dir else [])
    except SaveError as error:
        print(f"excomm-sim replay: {error}", file=sys.stderr)
        return 2
    app = ReplayApp(save, scenario, save_path, saves_dir, scenarios_dir)
    app.run()
    if app.failure:  # a branch played on into a scenario defect
        print(app.failure, file=sys.stderr)
    return app.return_code or 0
