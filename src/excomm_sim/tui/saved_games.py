"""The app's saved games: the saves list, Continue, opening a save to play or replay, branching.

A mixin of ``ExcommApp``: these handlers answer the title's and the saves screen's messages.
Every path ends in ``start_session_from_save`` (play on) or the replay screen; a save that
will not open is told in a notification, never raised.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from excomm_sim.scenario.characters import visible
from excomm_sim.tui import messages as msg

if TYPE_CHECKING:
    from excomm_sim.saves import SaveGame
    from excomm_sim.scenario.model import Scenario
    from excomm_sim.session import Clock, GameSession
    from excomm_sim.tui.opening import Opened


class SavedGames(App[int]):
    """Listing, continuing, opening, replaying and branching saved games."""

    failure: str | None = None
    """Why the game had to stop (a scenario failing in play), printed once the app exits."""

    scenarios_dir: Path | None
    clock: Clock | None
    session: GameSession | None
    seat: str | None

    if TYPE_CHECKING:  # provided by ExcommApp

        def resolved_saves_dir(self) -> Path: ...
        def pop_to_title(self) -> None: ...
        def show_turn(self) -> None: ...

    def on_saves_list_requested(self, message: msg.SavesListRequested) -> None:
        from excomm_sim.tui.screens.saves import SavesScreen

        self.push_screen(SavesScreen(self.resolved_saves_dir(), message.purpose))

    # Reading saves and scenarios is file I/O: it runs in thread workers, never on the UI
    # thread, and hands its result back with call_from_thread.

    @work(thread=True, exclusive=True, group="latest-save", exit_on_error=False)
    def find_latest_save(self) -> None:
        """Tell the title about the newest save (read off the UI thread, after it shows)."""
        from excomm_sim.saves import latest_save

        latest = latest_save(self.resolved_saves_dir())
        self.call_from_thread(self.show_latest_save, latest)

    def show_latest_save(self, latest: Path | None) -> None:
        from excomm_sim.tui.screens.title import TitleScreen

        for screen in self.screen_stack:
            if isinstance(screen, TitleScreen):
                screen.set_latest(latest.name if latest else None)

    def on_continue_requested(self, _message: msg.ContinueRequested) -> None:
        self.continue_latest()

    @work(thread=True, exclusive=True, group="open-save", exit_on_error=False)
    def continue_latest(self) -> None:
        from excomm_sim.saves import latest_save

        latest = latest_save(self.resolved_saves_dir())
        if latest is None:
            self.call_from_thread(
                self.notify, "There is no saved game to continue.", severity="warning"
            )
            return
        self.call_from_thread(self.post_message, msg.SaveChosen(latest, "load"))

    def on_save_chosen(self, message: msg.SaveChosen) -> None:
        self.open_chosen(message.path, message.purpose)

    @work(thread=True, exclusive=True, group="open-save", exit_on_error=False)
    def open_chosen(self, path: Path, purpose: str) -> None:
        """Read the save and load its scenario off the UI thread, then open it."""
        from excomm_sim.tui.opening import open_save

        opened = open_save(path, self.scenarios_dir)
        self.call_from_thread(self.show_opened, opened, path, purpose)

    def show_opened(self, opened: Opened, path: Path, purpose: str) -> None:
        if opened.problem:
            self.notify(visible(opened.problem), title="Cannot open this save", severity="error")
            return
        assert opened.save is not None and opened.scenario is not None
        if purpose == "replay":
            self.open_replay(opened.save, opened.scenario, path)
            return
        self.start_session_from_save(opened.save, opened.scenario, path)

    def open_replay(self, save: object, scenario: Scenario, path: Path) -> None:
        """The saves helper's replay screen; its "Branch here" comes back as BranchRequested."""
        try:
            from excomm_sim.tui.screens.replay import ReplayScreen
        except ImportError:
            self.notify("Replay is not available in this version.", severity="warning")
            return
        self.push_screen(
            ReplayScreen(save, scenario, self.resolved_saves_dir(), source_name=path.name)  # type: ignore[arg-type]
        )

    def on_branch_requested(self, message: msg.BranchRequested) -> None:
        from excomm_sim.saves import SaveGame, save_path

        save = message.save
        assert isinstance(save, SaveGame)
        path = save_path(self.resolved_saves_dir(), save)
        self.pop_to_title()
        self.start_session_from_save(save, message.scenario, path, new_file=True)

    def scenario_failed(self, error: Exception) -> None:
        """A scenario expression failed in play: leave with its located message, exit 1.

        The engine raised before the move was applied, so the save holds every decision
        up to this one. ``run_game`` prints ``failure`` once the terminal is restored, as
        plain lines (Rich would wrap or crop the file:line:col an editor jumps to).
        """
        saved = ""
        if self.session is not None and self.session.path is not None:
            saved = f"\nThe game is saved in {self.session.path} up to this decision."
        self.failure = visible(f"{error} (the game cannot go on: fix the scenario){saved}")
        self.exit(return_code=1)

    def start_session_from_save(
        self, save: SaveGame, scenario: Scenario, path: Path | None, new_file: bool = False
    ) -> None:
        """Play on from ``save``; ``new_file`` when ``path`` was just reserved for it."""
        from excomm_sim.policies.sampler import sample
        from excomm_sim.saves import SaveError
        from excomm_sim.session import GameSession, utc_now

        try:
            clock = self.clock if self.clock is not None else utc_now
            sampler = getattr(self, "chance_sampler", None) or sample  # author mode's rigging
            session = GameSession.resumed(save, scenario, path, clock, sampler)
        except SaveError as error:  # the scenario fails as the game starts
            self.notify(str(error), title="Cannot open this save", severity="error")
            return
        if session.problem:
            # Replay stopped early: play on in a new file and keep the original whole.
            from excomm_sim.saves import save_path

            session.path = save_path(self.resolved_saves_dir(), session.save)
            new_file = True
            self.notify(
                f"{session.problem}\nPlaying on in {session.path.name}"
                + (f"; {path.name} is kept." if path is not None else "."),
                title="The scenario changed",
                severity="warning",
                timeout=20,
            )
        if new_file:
            session.autosave()  # a branch or a cut replay: its own file from the start
        self.session = session
        self.seat = None if len(session.humans) > 1 else next(iter(session.humans))
        self.show_turn()
