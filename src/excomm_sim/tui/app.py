"""The Textual app: wires the screens together around one ``GameSession``; ``run_game`` starts it.

The app holds no game rules. Screens post messages (``tui.messages``); each handler here
asks the session (or the saves and scenario modules) for the next thing and shows the
screen that renders it. Screens other than the title are imported when first needed so the
title appears quickly.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from excomm_sim.tui import messages as msg
from excomm_sim.tui.launch import (
    parse_roles,
    replay_available,
    run_game,
    scenario_path_for_save,
)

__all__ = ["ExcommApp", "parse_roles", "run_game"]

if TYPE_CHECKING:
    from excomm_sim.scenario.model import Scenario
    from excomm_sim.session import Clock, GameSession
    from excomm_sim.tui.authoring import ScenarioWatcher

WATCH_SECONDS = 0.5
"""Author mode: how often the scenario file's modification time is checked."""
DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class ExcommApp(App[int]):
    """The game. Constructor arguments mirror ``excomm-sim play``'s options.

    ``scenario`` (already loaded) or ``scenario_path`` names the scenario New game uses;
    with neither, New game opens the picker. ``roles`` (``role`` or ``role=Name``) skips
    the title and setup and starts a game at once. ``clock`` pins save timestamps (tests).
    """

    CSS_PATH = Path(__file__).parent / "excomm.tcss"
    """Absolute, so subclasses elsewhere (benchmark and test harnesses) find it too."""
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    """Screens get ``-wide`` at 110 columns and more; the stylesheet widens panels then."""
    TITLE = "ExComm — 3 November 1962"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help"),
        Binding("t", "toggle_theme", "Theme"),
        Binding("q", "request_quit", "Quit"),
        Binding("ctrl+q", "request_quit", "Quit", show=False, priority=True),
        Binding("i", "inspect", "Inspector", show=False),
    ]
    """? / F1 help · t light/dark theme · q or ctrl+q quit (asks first) · ctrl+p commands ·
    i the inspector (every variable, hidden ones too: for authors and instructors)."""

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
        self.watch = watch
        """Author mode: reload the scenario file when it changes; the inspector (i) works."""
        self.watcher: ScenarioWatcher | None = None
        self.clock = clock
        self.session: GameSession | None = None
        self.seat: str | None = None
        """The role whose private information may be on screen (hot-seat hand-over)."""
        self.briefing_queue: list[str] = []
        self.after_handover: Callable[[], None] | None = None
        self.theme = DARK_THEME

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

    def find_latest_save(self) -> None:
        """Tell the title about the newest save (reading saves loads the engine: kept off
        the startup path so the title appears at once)."""
        from excomm_sim.saves import latest_save
        from excomm_sim.tui.screens.title import TitleScreen

        latest = latest_save(self.resolved_saves_dir())
        for screen in self.screen_stack:
            if isinstance(screen, TitleScreen):
                screen.set_latest(latest.name if latest else None)

    def show(self, screen: Screen[None]) -> None:
        """Put a game screen up: over the title menus, or in place of the last game screen."""
        from excomm_sim.tui.screens.title import TitleScreen

        if isinstance(self.screen, TitleScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def on_mount(self) -> None:
        self.push_screen(self.title_screen())
        if self.watch and self.scenario_path is not None:
            from excomm_sim.tui.authoring import ScenarioWatcher

            self.watcher = ScenarioWatcher(self.scenario_path)
            self.set_interval(WATCH_SECONDS, self.check_scenario_file)
        if self.start_roles and self.scenario is not None:
            path = self.scenario_path or Path(self.scenario.path)
            self.post_message(msg.GameSetUp(self.scenario, path, self.seed, self.start_roles))

    # -- title and menus ------------------------------------------------------------

    def on_new_game_requested(self, _message: msg.NewGameRequested) -> None:
        if self.scenario is not None:
            path = self.scenario_path or Path(self.scenario.path)
            self.post_message(msg.ScenarioChosen(self.scenario, path))
            return
        from excomm_sim.paths import bundled_scenarios_dir
        from excomm_sim.tui.catalog import scan_scenarios
        from excomm_sim.tui.screens.picker import ScenarioPickerScreen

        extra = [self.scenarios_dir] if self.scenarios_dir else []
        self.push_screen(ScenarioPickerScreen(scan_scenarios(bundled_scenarios_dir(), extra)))

    def on_scenario_chosen(self, message: msg.ScenarioChosen) -> None:
        from excomm_sim.tui.screens.setup import SetupScreen

        self.push_screen(SetupScreen(message.scenario, message.path, self.seed))

    def on_saves_list_requested(self, message: msg.SavesListRequested) -> None:
        from excomm_sim.tui.catalog import scan_saves
        from excomm_sim.tui.screens.saves import SavesScreen

        self.push_screen(SavesScreen(scan_saves(self.resolved_saves_dir()), message.purpose))

    def on_continue_requested(self, _message: msg.ContinueRequested) -> None:
        from excomm_sim.saves import latest_save

        latest = latest_save(self.resolved_saves_dir())
        if latest is None:
            self.notify("There is no saved game to continue.", severity="warning")
            return
        self.post_message(msg.SaveChosen(latest, "load"))

    def on_save_chosen(self, message: msg.SaveChosen) -> None:
        from excomm_sim.tui.opening import open_save

        opened = open_save(message.path, self.scenarios_dir)
        if opened.problem:
            self.notify(opened.problem, title="Cannot open this save", severity="error")
            return
        assert opened.save is not None and opened.scenario is not None
        if message.purpose == "replay":
            self.open_replay(opened.save, opened.scenario, message.path)
            return
        self.start_session_from_save(opened.save, opened.scenario, message.path)

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
        self.start_session_from_save(save, message.scenario, path)

    def start_session_from_save(self, save: object, scenario: Scenario, path: Path) -> None:
        from excomm_sim.session import GameSession

        kwargs = {"clock": self.clock} if self.clock else {}
        session = GameSession.resumed(save, scenario, path, **kwargs)  # type: ignore[arg-type]
        if session.problem:
            # Replay stopped early: play on in a new file and keep the original whole.
            from excomm_sim.saves import save_path

            session.path = save_path(self.resolved_saves_dir(), session.save)
            self.notify(
                f"{session.problem}\nPlaying on in {session.path.name}; {path.name} is kept.",
                title="The scenario changed",
                severity="warning",
                timeout=20,
            )
        if session.path is not None and not session.path.exists():
            session.autosave()  # a branch or a cut replay: its own file from the start
        self.session = session
        self.seat = None if len(session.game.humans) > 1 else next(iter(session.game.humans))
        self.show_turn()

    # -- a game -------------------------------------------------------------------

    def on_game_set_up(self, message: msg.GameSetUp) -> None:
        from excomm_sim.session import GameSession

        kwargs = {"clock": self.clock} if self.clock else {}
        self.session = GameSession.new(
            message.scenario,
            message.seed,
            message.humans,
            self.resolved_saves_dir(),
            scenario_path=scenario_path_for_save(message.path),
            **kwargs,  # type: ignore[arg-type]
        )
        humans = list(message.humans)
        self.seat = humans[0] if len(humans) == 1 else None
        self.briefing_queue = [r.id for r in message.scenario.roles if r.id in message.humans]
        self.next_briefing()

    def hot_seat(self) -> bool:
        return self.session is not None and len(self.session.game.humans) > 1

    def hand_over_then(self, role: str, then: Callable[[], None]) -> bool:
        """In hot-seat, hide the screen until ``role``'s player has it; True if it did."""
        if self.session is None or not self.hot_seat() or self.seat == role:
            return False
        from excomm_sim.tui.screens.briefing import HandoverScreen

        self.after_handover = then
        scenario = self.session.scenario
        self.show(HandoverScreen(scenario.role(role), self.session.game.humans[role]))
        return True

    def on_handed_over(self, message: msg.HandedOver) -> None:
        self.seat = message.role
        then, self.after_handover = self.after_handover, None
        if then is not None:
            then()

    def next_briefing(self) -> None:
        assert self.session is not None
        if not self.briefing_queue:
            self.show_turn()
            return
        role_id = self.briefing_queue[0]
        if self.hand_over_then(role_id, self.next_briefing):
            return
        from excomm_sim.tui.screens.briefing import BriefingScreen

        role = self.session.scenario.role(role_id)
        name = self.session.game.humans[role_id]
        self.show(BriefingScreen(role, name, last=len(self.briefing_queue) == 1))

    def on_briefing_read(self, message: msg.BriefingRead) -> None:
        if self.briefing_queue and self.briefing_queue[0] == message.role:
            self.briefing_queue.pop(0)
        self.next_briefing()

    def show_turn(self) -> None:
        """The decision room for whoever must act next, or the debrief once it has ended."""
        session = self.session
        assert session is not None
        prompt = session.prompt
        if prompt is None:
            self.show_debrief()
            return
        if self.hand_over_then(prompt.role, self.show_turn):
            return
        from excomm_sim.tui.screens.decision import DecisionRoomScreen

        self.show(
            DecisionRoomScreen(
                session.scenario, session.state, prompt, session.date, session.records
            )
        )

    def on_briefing_requested(self, message: msg.BriefingRequested) -> None:
        from excomm_sim.tui.screens.briefing import BriefingReminder

        session = self.session
        if session is None or message.role not in session.game.humans:
            return
        role = session.scenario.role(message.role)
        self.push_screen(BriefingReminder(role, session.game.humans[message.role]))

    def on_option_picked(self, message: msg.OptionPicked) -> None:
        from excomm_sim.engine.events import OptionChosen
        from excomm_sim.engine.game import Action, IllegalAction

        assert self.session is not None
        try:
            records = self.session.act(Action(message.role, message.option))
        except IllegalAction as error:
            self.notify(error.message, severity="error")
            return
        if self.session.save_problem:
            self.notify(self.session.save_problem, severity="warning", timeout=8)
        if any(isinstance(record, OptionChosen) for record in records):
            from excomm_sim.tui.screens.consequences import ConsequencesScreen

            session = self.session
            self.show(ConsequencesScreen(session.scenario, records, session.ended, session.date))
        else:
            self.show_turn()

    def on_consequences_read(self, _message: msg.ConsequencesRead) -> None:
        self.show_turn()

    def show_debrief(self) -> None:
        from excomm_sim.tui.screens.debrief import DebriefScreen

        session = self.session
        assert session is not None and session.ending is not None
        humans = dict(session.game.humans)
        self.show(
            DebriefScreen(session.scenario, session.state, session.ending, session.scores(), humans)
        )

    def on_back_to_title(self, _message: msg.BackToTitle) -> None:
        self.pop_to_title()

    def pop_to_title(self) -> None:
        """Drop every screen above the title; refresh which save Continue resumes."""
        from excomm_sim.tui.screens.title import TitleScreen

        self.session = None
        while len(self.screen_stack) > 1 and not isinstance(self.screen, TitleScreen):
            self.pop_screen()
        self.call_after_refresh(self.find_latest_save)

    # -- author mode -------------------------------------------------------------------

    def check_scenario_file(self) -> None:
        """Author mode: when the scenario file changes, reload it and replay the game so far.

        A file with problems leaves the game as it was and shows the problems (file:line:col)
        in a notification, so the author can fix and save again without restarting.
        """
        reloaded = self.watcher.poll() if self.watcher is not None else None
        if reloaded is None:
            return
        if reloaded.scenario is None:
            problems = "\n".join(reloaded.problems[:6])
            more = len(reloaded.problems) - 6
            if more > 0:
                problems += f"\n… and {more} more"
            self.notify(problems, title="The scenario has problems", severity="error", timeout=30)
            return
        self.scenario = reloaded.scenario
        session = self.session
        if session is None:
            self.notify("Scenario reloaded.", title=reloaded.scenario.title)
            return
        self.start_session_from_save(session.save, reloaded.scenario, session.path)
        applied = len(self.session.actions) if self.session else 0
        self.notify(f"Reloaded and replayed {applied} moves.", title=reloaded.scenario.title)

    # -- app-wide actions -------------------------------------------------------------

    def action_help(self) -> None:
        from excomm_sim.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_inspect(self) -> None:
        from excomm_sim.tui.screens.inspector import InspectorScreen

        session = self.session
        if session is None or isinstance(self.screen, InspectorScreen):
            return
        if not self.watch:
            # Hidden variables would spoil a class's game: the inspector is author mode only.
            self.notify("The inspector is part of author mode (play --watch).")
            return
        self.push_screen(InspectorScreen(session.scenario, session.state.values, session.records))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def action_request_quit(self) -> None:
        from excomm_sim.tui.screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return
        question = "Quit ExComm?"
        if self.session is not None and not self.session.ended:
            question += " The game is saved; Continue resumes it."

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit(0)

        self.push_screen(ConfirmScreen(question, yes="Quit", no="Stay"), answered)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and what the meters mean", self.action_help)
        yield SystemCommand(
            "Light / dark", "Switch between the light and dark themes", self.action_toggle_theme
        )
        if self.session is not None:
            yield SystemCommand("Back to title", "Leave this game (it is saved)", self.pop_to_title)
