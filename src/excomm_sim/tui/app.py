"""The local game's app: the title and its menus, saved games, and a game on this machine.

``ExcommApp`` only wires: a screen posts a message (``tui.messages``), the app asks a
Textual-free flow what comes next (``tui.flow.menus.MenuFlow`` on the menus,
``tui.flow.game.GameFlow`` in a game, through ``GameApp``) and shows that screen, or
runs the flow's file task (``tui.flow.tasks``) in a worker and hands the result back.
Reading scenarios and saves and writing the save after each move never happen on the UI
thread. Author mode (``play --watch``) is a part of its own (``tui.author_mode``).
Screens other than the title are imported when first needed so the title appears quickly.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from excomm_sim.scenario.characters import visible
from excomm_sim.tui import messages as msg
from excomm_sim.tui.author_mode import AuthorMode
from excomm_sim.tui.flow import menus
from excomm_sim.tui.game_app import DARK_THEME, LIGHT_THEME, GameApp
from excomm_sim.tui.launch import (
    parse_roles,
    replay_available,
    run_game,
    scenario_path_for_save,
)

__all__ = ["DARK_THEME", "LIGHT_THEME", "ExcommApp", "parse_roles", "run_game"]

if TYPE_CHECKING:
    from excomm_sim.saves.summary import SaveSummary
    from excomm_sim.scenario.model import Scenario
    from excomm_sim.session import Clock, GameSession


class ExcommApp(GameApp):
    """The game. Constructor arguments mirror ``excomm-sim play``'s options.

    ``scenario`` (already loaded) or ``scenario_path`` names the scenario New game uses;
    with neither, New game opens the picker. ``roles`` (``role`` or ``role=Name``) skips
    the title and setup and starts a game at once. ``clock`` pins save timestamps (tests).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *GameApp.BINDINGS,
        Binding("i", "inspect", "Inspector", show=False),
        Binding("ctrl+d", "debug", "Debug panel", show=False),
    ]
    """As every game app's, and i the inspector (every variable, hidden ones too: for
    authors and instructors, in author mode only) and g the debug panel (author mode: set
    a variable, jump to an item, force chance, mark history's options)."""

    def __init__(
        self,
        scenario: Scenario | None = None,
        scenario_path: Path | None = None,
        roles: dict[str, str] | None = None,
        seed: int | None = None,
        scenarios_dir: Path | None = None,
        saves_dir: Path | None = None,
        watch: bool = False,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.scenario_path = scenario_path
        self.start_roles = dict(roles or {})
        self.seed = seed if seed is not None else secrets.randbelow(1_000_000)
        self.scenarios_dir = scenarios_dir
        self.saves_dir = saves_dir
        self.clock = clock
        self.menus = menus.MenuFlow(scenario, scenario_path, self.seed)
        self.author = AuthorMode(self, scenario_path, watch)
        """Author mode (``play --watch``): reload the scenario file when it changes; the
        inspector (i) works."""
        self.local: GameSession | None = None
        """The game on this machine (``session``, as the local session it is)."""

    # -- wiring helpers -------------------------------------------------------------

    def resolved_saves_dir(self) -> Path:
        if self.saves_dir is not None:
            return self.saves_dir
        from excomm_sim.paths import saves_dir

        return saves_dir()

    def title_screen(self) -> Screen[None]:
        """A fresh title; which save Continue resumes is filled in just after it shows."""
        from excomm_sim.tui.screens.title import TitleScreen

        self.call_after_refresh(self.find_latest_save)
        if self.scenario is not None and self.scenario_path is not None:
            return TitleScreen(replay_available(), f"A teaching wargame — {self.scenario.title}")
        return TitleScreen(replay_available())

    def show(self, screen: Screen[None]) -> None:
        """Put a game screen up: over the title menus, or in place of the last game screen."""
        from excomm_sim.tui.screens.title import TitleScreen

        if isinstance(self.screen, TitleScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def on_mount(self) -> None:
        self.push_screen(self.title_screen())
        self.author.start()
        start = self.menus.start_at_once(self.start_roles)
        if start is not None:
            self.go(start)

    # -- the menus' flow ----------------------------------------------------------------

    def go(self, step: menus.MenuStep | menus.MenuTask) -> None:
        """Show the menus' ``step``, or run its task off the UI thread."""
        if isinstance(step, menus.Notice):
            self.notify(visible(step.text), title=step.title, severity=step.severity)  # type: ignore[arg-type]
        elif isinstance(step, menus.Setup):
            from excomm_sim.tui.screens.setup import SetupScreen

            self.push_screen(SetupScreen(step.scenario, step.path, step.seed))
        elif isinstance(step, menus.Picker):
            from excomm_sim.tui.screens.picker import ScenarioPickerScreen

            self.push_screen(ScenarioPickerScreen(step.catalog))
        elif isinstance(step, menus.SavesList):
            from excomm_sim.tui.screens.saves import SavesScreen

            self.push_screen(
                SavesScreen(self.resolved_saves_dir(), step.purpose, self.scenarios_dir)
            )
        elif isinstance(step, menus.Replay):
            self.open_replay(step)
        elif isinstance(step, menus.StartGame):
            self.start_game(step)
        else:
            self.run_task(step)

    @work(thread=True, exclusive=True, group="menus", exit_on_error=False)
    def run_task(self, task: menus.MenuTask) -> None:
        """The menus' file work, in a thread; its result goes back to the flow."""
        try:
            self._run_task(task)
        except Exception as error:  # told in a sentence; the menus stay usable
            self.call_from_thread(self.notify, str(error), title="That failed", severity="error")

    def _run_task(self, task: menus.MenuTask) -> None:
        from excomm_sim.tui.flow import tasks
        from excomm_sim.tui.screens.title import continue_target

        if isinstance(task, menus.ScanScenarios):
            catalog = tasks.scan(self.scenarios_dir)
            self.call_from_thread(self.go, self.menus.scanned(catalog))
        elif isinstance(task, menus.FindLatest):
            latest = continue_target(self.resolved_saves_dir(), self.scenarios_dir)
            self.call_from_thread(self.go, self.menus.latest_found(latest))
        elif isinstance(task, menus.OpenSave):
            opened = tasks.opened(task.path, self.scenarios_dir)
            self.call_from_thread(self.go, self.menus.opened(opened, task.path, task.purpose))
        elif isinstance(task, menus.PlayOn):
            sampler = self.author.chance_sampler  # author mode's forced outcomes, if any
            resumed = tasks.play_on(task, self.resolved_saves_dir(), self.clock, sampler)
            self.call_from_thread(self.played_on, resumed)

    def on_new_game_requested(self, _message: msg.NewGameRequested) -> None:
        self.go(self.menus.new_game())

    def on_scenario_chosen(self, message: msg.ScenarioChosen) -> None:
        self.go(self.menus.scenario_chosen(message.scenario, message.path))

    def on_game_set_up(self, message: msg.GameSetUp) -> None:
        self.go(self.menus.set_up(message.scenario, message.path, message.seed, message.humans))

    def on_saves_list_requested(self, message: msg.SavesListRequested) -> None:
        self.go(self.menus.saves_list(message.purpose))

    def on_continue_requested(self, _message: msg.ContinueRequested) -> None:
        self.go(self.menus.continue_latest())

    def on_save_chosen(self, message: msg.SaveChosen) -> None:
        self.go(self.menus.save_chosen(message.path, message.purpose))

    def on_branch_requested(self, message: msg.BranchRequested) -> None:
        from excomm_sim.saves import SaveGame

        assert isinstance(message.save, SaveGame)
        self.pop_to_title()
        self.go(self.menus.branch(message.save, message.scenario))

    def on_back_to_title(self, _message: msg.BackToTitle) -> None:
        self.pop_to_title()

    @work(thread=True, exclusive=True, group="latest-save", exit_on_error=False)
    def find_latest_save(self) -> None:
        """Tell the title about the newest save (read off the UI thread, after it shows)."""
        from excomm_sim.tui.screens.title import continue_target

        # Not through flow.tasks: with no save at all, continue_target loads nothing more.
        latest = continue_target(self.resolved_saves_dir(), self.scenarios_dir)
        self.call_from_thread(self.show_latest_save, latest)

    def show_latest_save(self, latest: SaveSummary | None) -> None:
        from excomm_sim.tui.screens.title import TitleScreen

        for screen in self.screen_stack:
            if isinstance(screen, TitleScreen):
                screen.set_latest(latest)

    def open_replay(self, step: menus.Replay) -> None:
        """The saves helper's replay screen; its "Branch here" comes back as BranchRequested."""
        try:
            from excomm_sim.tui.screens.replay import ReplayScreen
        except ImportError:
            self.notify("Replay is not available in this version.", severity="warning")
            return
        self.push_screen(
            ReplayScreen(
                step.save, step.scenario, self.resolved_saves_dir(), source_name=step.path.name
            )
        )

    def pop_to_title(self) -> None:
        """Drop every screen above the title; refresh which save Continue resumes."""
        from excomm_sim.tui.screens.title import TitleScreen

        self.session = self.local = None
        self.flow = None
        while len(self.screen_stack) > 1 and not isinstance(self.screen, TitleScreen):
            self.pop_screen()
        self.call_after_refresh(self.find_latest_save)

    # -- a game ---------------------------------------------------------------------

    def start_game(self, step: menus.StartGame) -> None:
        """A new game: the kernel starts it here; its file is written in a worker."""
        from excomm_sim.scenario.expr import EvalError
        from excomm_sim.session import GameSession

        kwargs = {"clock": self.clock} if self.clock else {}
        try:
            session = GameSession.new(
                step.scenario,
                step.seed,
                step.humans,
                self.resolved_saves_dir(),
                scenario_path=scenario_path_for_save(step.path),
                deferred=True,
                **kwargs,
            )
        except EvalError as error:
            self.act_failed(error)
            return
        self.play(session, briefed=False)
        self.after_move()

    def played_on(self, resumed: object) -> None:
        """A save opened (or branched, or reloaded): play on from it."""
        from excomm_sim.tui.flow.tasks import Resumed

        assert isinstance(resumed, Resumed)
        if resumed.session is None:
            self.notify(resumed.problem, title="Cannot open this save", severity="error")
            return
        if resumed.notice:
            self.notify(
                resumed.notice, title="The scenario changed", severity="warning", timeout=20
            )
        self.play(resumed.session, briefed=True)
        self.author.replayed(len(resumed.session.actions))

    def play(self, session: GameSession, briefed: bool) -> None:
        from excomm_sim.tui.flow.game import GameFlow

        self.session = self.local = session

        self.flow = GameFlow(session, briefed=briefed)
        self.show_step(self.flow.start())

    def after_move(self) -> None:
        self.autosave()

    @work(thread=True, group="autosave", exit_on_error=False)
    def autosave(self) -> None:
        """Write the game's save (off the UI thread); a failure is told, the game goes on."""
        session = self.local
        if session is None:
            return
        problem = session.autosave()
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning", timeout=8)

    async def on_unmount(self) -> None:
        """Leaving: the last move's save must be on the disk, not in a worker still writing
        (a thread, awaited here, so the screen never waits on the disk)."""
        import asyncio

        if self.local is not None:
            await asyncio.to_thread(self.local.autosave)

    def act_failed(self, error: Exception) -> None:
        """A scenario expression failed in play: leave with its located message, exit 1.

        The engine raised before the move was applied, so the save holds every decision
        up to this one. ``run_game`` prints ``failure`` once the terminal is restored, as
        plain lines (Rich would wrap or crop the file:line:col an editor jumps to).
        """
        saved = ""
        if self.local is not None and self.local.path is not None:
            saved = f"\nThe game is saved in {self.local.path} up to this decision."
        self.acting = False
        self.failure = visible(f"{error} (the game cannot go on: fix the scenario){saved}")
        self.exit(return_code=1)

    # -- app-wide ---------------------------------------------------------------------

    def quit_question(self) -> str:
        question = "Quit ExComm?"
        if self.session is not None and not self.session.ended:
            question += " The game is saved; Continue resumes it."
        return question

    def action_inspect(self) -> None:
        self.author.inspect()

    def action_debug(self) -> None:
        self.author.debug()

    def check_scenario_file(self) -> None:
        """Author mode: look at the scenario file now (the timer does it twice a second)."""
        self.author.check()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.session is not None:
            yield SystemCommand("Back to title", "Leave this game (it is saved)", self.pop_to_title)
