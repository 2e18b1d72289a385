"""Author mode (``play --watch``): reload the scenario file when it changes, the inspector,
and the debug panel.

A part of ``ExcommApp`` (``app.author``). The file watcher itself (``tui.authoring``) is
free of Textual; this part polls it in a worker on a timer (the poll reads the file), has
the menus' flow replay the game so far on the reloaded scenario, and opens the
inspector, which shows hidden variables and so stays out of a class's game.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from excomm_sim.story.text import counted

if TYPE_CHECKING:
    from excomm_sim.policies.sampler import Sampler
    from excomm_sim.tui.app import ExcommApp
    from excomm_sim.tui.authoring import ScenarioWatcher
    from excomm_sim.tui.catalog import ScenarioEntry
    from excomm_sim.tui.screens.debug import DebugRequest

WATCH_SECONDS = 0.5
"""Author mode: how often the scenario file's modification time is checked."""
PROBLEMS_SHOWN = 6
"""How many of a broken edit's problems the notification lists."""


class AuthorMode:
    """Watching the scenario file, and the inspector (every variable, hidden ones too)."""

    def __init__(self, app: ExcommApp, scenario_path: Path | None, enabled: bool) -> None:
        self.app = app
        self.scenario_path = scenario_path
        self.enabled = enabled
        """Author mode: reload the scenario file when it changes; the inspector (i) works."""
        self.watcher: ScenarioWatcher | None = None
        self.reloading = False
        """A reload is replaying the game: say how many moves once it has."""
        self.problems_shown = False
        """A broken edit's problems are on screen (taken off once the file loads again)."""
        self.chance_sampler: Sampler | None = None
        """The sampler with the outcomes the author forced (debug panel), kept for reloads."""

    def start(self) -> None:
        """In author mode with a scenario file, check the file every ``WATCH_SECONDS``."""
        if self.enabled and self.scenario_path is not None:
            from excomm_sim.tui.authoring import ScenarioWatcher

            self.watcher = ScenarioWatcher(self.scenario_path)
            self.app.set_interval(WATCH_SECONDS, self.check)

    def check(self) -> None:
        """Look at the file now, in a worker (the app's: this part is no widget)."""
        watcher = self.watcher
        if watcher is not None:
            self.app.run_worker(
                lambda: self.poll(watcher),
                thread=True,
                exclusive=True,
                group="author-watch",
                exit_on_error=False,
            )

    def poll(self, watcher: ScenarioWatcher) -> None:
        """Stat (and, when it changed, read) the file; runs off the UI thread."""
        reloaded = watcher.poll()
        if reloaded is not None:
            self.app.call_from_thread(self.reloaded, reloaded)

    def reloaded(self, reloaded: ScenarioEntry) -> None:
        """When the scenario file changes, reload it and replay the game so far.

        A file with problems leaves the game as it was and shows the problems (file:line:col)
        in a notification, so the author can fix and save again without restarting.
        """
        app = self.app
        if reloaded.scenario is None:
            problems = "\n".join(reloaded.problems[:PROBLEMS_SHOWN])
            more = len(reloaded.problems) - PROBLEMS_SHOWN
            if more > 0:
                problems += f"\n… and {more} more"
            app.clear_notifications()  # the last edit's problems give way to this one's
            app.notify(problems, title="The scenario has problems", severity="error", timeout=30)
            self.problems_shown = True
            return
        if self.problems_shown:
            app.clear_notifications()  # fixed: its problems no longer stand
            self.problems_shown = False
        app.scenario = reloaded.scenario
        session = app.local
        if session is None:
            app.menus.scenario = reloaded.scenario
            app.notify("Scenario reloaded.", title=reloaded.scenario.title)
            return
        self.reloading = True
        app.go(app.menus.reloaded(session.save, reloaded.scenario, session.path))

    def replayed(self, applied: int) -> None:
        """The game so far was replayed on the reloaded scenario."""
        if self.reloading:
            self.reloading = False
            title = self.app.scenario.title if self.app.scenario else ""
            self.app.notify(f"Reloaded and replayed {counted(applied, 'move')}.", title=title)

    def inspect(self) -> None:
        from excomm_sim.tui.screens.inspector import InspectorScreen

        app = self.app
        session = app.local
        if session is None or isinstance(app.screen, InspectorScreen):
            return
        if not self.enabled:
            # Hidden variables would spoil a class's game: the inspector is author mode only.
            app.notify("The inspector is part of author mode (play --watch).")
            return
        app.push_screen(InspectorScreen(session.scenario, session.state.values, session.records))

    def debug(self) -> None:
        """The author's debug panel (ctrl+d): set, jump, force chance, mark history's options."""
        from excomm_sim.tui.screens.debug import DebugScreen

        app = self.app
        session = app.local
        if session is None or isinstance(app.screen, DebugScreen):
            return
        if not self.enabled:
            app.notify("The debug panel is part of author mode (play --watch).")
            return
        panel = DebugScreen(session.scenario, session.state, app.marks_history)
        app.push_screen(panel, self.debug_requested)

    def debug_requested(self, request: DebugRequest | None) -> None:
        """Carry out what the panel asked (``tui.author_tools``), then show the game again."""
        from excomm_sim.scenario.expr import EvalError
        from excomm_sim.tui.author_tools import carry_out, rigged
        from excomm_sim.tui.screens.debug import ForceChance, ToggleHistoryMarks

        app = self.app
        session = app.local
        if request is None or session is None or app.flow is None:
            return
        try:
            done = carry_out(session, request)
        except EvalError as error:  # a scenario expression failed: the game cannot go on
            app.act_failed(error)
            return
        if isinstance(request, ForceChance):
            self.chance_sampler = rigged(session)
        if isinstance(request, ToggleHistoryMarks):
            app.marks_history = request.on
        app.notify(done.message, severity="error" if done.failed else "information")
        if done.moved:
            app.after_move()
        if done.moved or isinstance(request, ToggleHistoryMarks):
            app.show_step(app.flow.turn())
