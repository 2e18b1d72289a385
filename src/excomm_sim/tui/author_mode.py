"""Author mode (``play --watch``): reload the scenario file when it changes, the inspector,
and the debug panel.

A mixin of ``ExcommApp``. The file watcher itself (``tui.authoring``) is free of Textual;
this part polls it on a timer, replays the game so far on the reloaded scenario, and opens
the inspector, which shows hidden variables and so stays out of a class's game.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from excomm_sim.wording import counted

if TYPE_CHECKING:
    from excomm_sim.policies.sampler import Sampler
    from excomm_sim.saves import SaveGame
    from excomm_sim.scenario.model import Scenario
    from excomm_sim.session import GameSession
    from excomm_sim.tui.authoring import ScenarioWatcher
    from excomm_sim.tui.screens.debug import DebugRequest

WATCH_SECONDS = 0.5
"""Author mode: how often the scenario file's modification time is checked."""
PROBLEMS_SHOWN = 6
"""How many of a broken edit's problems the notification lists."""


class AuthorMode(App[int]):
    """Watching the scenario file, and the inspector (every variable, hidden ones too)."""

    scenario: Scenario | None
    scenario_path: Path | None
    author_mode: bool
    """Author mode: reload the scenario file when it changes; the inspector (i) works."""
    watcher: ScenarioWatcher | None
    session: GameSession | None
    history_marks: bool = False
    """Author mode: the decision room marks the option history took (debug panel)."""
    chance_sampler: Sampler | None = None
    """Author mode: the sampler with the outcomes the author forced, kept across reloads."""
    problems_shown: bool = False
    """A broken edit's problems are on screen (cleared once the file loads again)."""

    if TYPE_CHECKING:  # provided by SavedGames

        def start_session_from_save(
            self, save: SaveGame, scenario: Scenario, path: Path | None
        ) -> None: ...

        def show_turn(self) -> None: ...

    def start_watching(self) -> None:
        """In author mode with a scenario file, check the file every ``WATCH_SECONDS``."""
        if self.author_mode and self.scenario_path is not None:
            from excomm_sim.tui.authoring import ScenarioWatcher

            self.watcher = ScenarioWatcher(self.scenario_path)
            self.set_interval(WATCH_SECONDS, self.check_scenario_file)

    def check_scenario_file(self) -> None:
        """Author mode: when the scenario file changes, reload it and replay the game so far.

        A file with problems leaves the game as it was and shows the problems (file:line:col)
        in a notification, so the author can fix and save again without restarting.
        """
        reloaded = self.watcher.poll() if self.watcher is not None else None
        if reloaded is None:
            return
        if reloaded.scenario is None:
            problems = "\n".join(reloaded.problems[:PROBLEMS_SHOWN])
            more = len(reloaded.problems) - PROBLEMS_SHOWN
            if more > 0:
                problems += f"\n… and {more} more"
            self.clear_notifications()  # the last edit's problems give way to this one's
            self.notify(problems, title="The scenario has problems", severity="error", timeout=30)
            self.problems_shown = True
            return
        if self.problems_shown:
            self.clear_notifications()  # fixed: its problems no longer stand
            self.problems_shown = False
        self.scenario = reloaded.scenario
        session = self.session
        if session is None:
            self.notify("Scenario reloaded.", title=reloaded.scenario.title)
            return
        self.start_session_from_save(session.save, reloaded.scenario, session.path)
        applied = len(self.session.actions) if self.session else 0
        self.notify(
            f"Reloaded and replayed {counted(applied, 'move')}.", title=reloaded.scenario.title
        )

    def action_inspect(self) -> None:
        from excomm_sim.tui.screens.inspector import InspectorScreen

        session = self.session
        if session is None or isinstance(self.screen, InspectorScreen):
            return
        if not self.author_mode:
            # Hidden variables would spoil a class's game: the inspector is author mode only.
            self.notify("The inspector is part of author mode (play --watch).")
            return
        self.push_screen(InspectorScreen(session.scenario, session.state.values, session.records))

    def action_debug(self) -> None:
        """The author's debug panel (g): set, jump, force chance, mark history's options."""
        from excomm_sim.tui.screens.debug import DebugScreen

        session = self.session
        if session is None or isinstance(self.screen, DebugScreen):
            return
        if not self.author_mode:
            self.notify("The debug panel is part of author mode (play --watch).")
            return
        panel = DebugScreen(session.scenario, session.state, self.history_marks)
        self.push_screen(panel, self.debug_requested)

    def debug_requested(self, request: DebugRequest | None) -> None:
        from excomm_sim.tui.author_tools import carry_out, rigged
        from excomm_sim.tui.screens.debug import ForceChance, ToggleHistoryMarks

        if request is None or self.session is None:
            return
        done = carry_out(self.session, request)
        if isinstance(request, ForceChance):
            self.chance_sampler = rigged(self.session)
        if isinstance(request, ToggleHistoryMarks):
            self.history_marks = request.on
        self.notify(done.message, severity="error" if done.failed else "information")
        if done.moved or isinstance(request, ToggleHistoryMarks):
            self.show_turn()
