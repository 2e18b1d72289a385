"""The Textual app: wires the screens together around one ``GameSession``; ``run_game`` starts it.

The app holds no game rules. Screens post messages (``tui.messages``); each handler
asks the session (or the saves and scenario modules) for the next thing and shows the
screen that renders it. Screens other than the title are imported when first needed so the
title appears quickly.

This module is the outline: the app's state, the title and its menus, and a game from
set-up to debrief. Each other concern is a mixin in its own module: ``saved_games``
(Continue, load, replay, branch), ``hot_seat`` (briefings and the hand-over between
players), ``author_mode`` (reload on edit, the inspector) and ``app_commands`` (help,
theme, quit, the command palette).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from excomm_sim.tui import messages as msg
from excomm_sim.tui.app_commands import DARK_THEME, LIGHT_THEME, AppCommands
from excomm_sim.tui.author_mode import AuthorMode
from excomm_sim.tui.hot_seat import HotSeat
from excomm_sim.tui.launch import (
    parse_roles,
    replay_available,
    run_game,
    scenario_path_for_save,
)
from excomm_sim.tui.saved_games import SavedGames

__all__ = ["DARK_THEME", "LIGHT_THEME", "ExcommApp", "parse_roles", "run_game"]

if TYPE_CHECKING:
    from excomm_sim.scenario.model import Scenario
    from excomm_sim.session import Clock, GameSession
    from excomm_sim.tui.authoring import ScenarioWatcher


class ExcommApp(SavedGames, HotSeat, AuthorMode, AppCommands):
    """The game. Constructor arguments mirror ``excomm-sim play``'s options.

    ``scenario`` (already loaded) or ``scenario_path`` names the scenario New game uses;
    with neither, New game opens the picker. ``roles`` (``role`` or ``role=Name``) skips
    the title and setup and starts a game at once. ``clock`` pins save timestamps (tests).
    """

    CSS_PATH = Path(__file__).parent / "excomm.tcss"
    """Absolute, so subclasses elsewhere (benchmark and test harnesses) find it too."""
    # Textual declares this a plain attribute, not a ClassVar, so it is annotated as one.
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    """Screens get ``-wide`` at 110 columns and more; the stylesheet widens panels then."""
    TITLE = "ExComm — 3 November 1962"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help"),
        Binding("t", "toggle_theme", "Theme"),
        Binding("q", "request_quit", "Quit"),
        Binding("ctrl+q", "request_quit", "Quit", show=False, priority=True),
        Binding("i", "inspect", "Inspector", show=False),
        Binding("g", "debug", "Debug panel", show=False),
    ]
    """? / F1 help · t light/dark theme · q or ctrl+q quit (asks first) · ctrl+p commands ·
    i the inspector (every variable, hidden ones too: for authors and instructors) ·
    g the debug panel (author mode: set a variable, jump, force chance, mark history)."""

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
        self.author_mode = watch
        """Author mode (``play --watch``): reload the scenario file when it changes; the
        inspector (i) works. Not named ``watch``: that is Textual's own method."""
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

    def show(self, screen: Screen[None]) -> None:
        """Put a game screen up: over the title menus, or in place of the last game screen."""
        from excomm_sim.tui.screens.title import TitleScreen

        if isinstance(self.screen, TitleScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def on_mount(self) -> None:
        self.push_screen(self.title_screen())
        self.start_watching()
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

    # -- a game -------------------------------------------------------------------

    def on_game_set_up(self, message: msg.GameSetUp) -> None:
        from excomm_sim.scenario.expr import EvalError
        from excomm_sim.session import GameSession

        kwargs = {"clock": self.clock} if self.clock else {}
        try:
            self.session = GameSession.new(
                message.scenario,
                message.seed,
                message.humans,
                self.resolved_saves_dir(),
                scenario_path=scenario_path_for_save(message.path),
                **kwargs,
            )
        except EvalError as error:
            self.scenario_failed(error)
            return
        humans = list(message.humans)
        self.seat = humans[0] if len(humans) == 1 else None
        self.briefing_queue = [r.id for r in message.scenario.roles if r.id in message.humans]
        self.next_briefing()

    def show_turn(self) -> None:
        """The decision room for whoever must act next, or the debrief once it has ended."""
        session = self.session
        assert session is not None
        turn = session.to_act
        if turn.role is None:
            self.show_debrief()
            return
        if self.hand_over_then(turn.role, self.show_turn):
            return
        from excomm_sim.tui.screens.decision import DecisionRoomScreen

        observation = session.observe(turn.role)
        self.show(DecisionRoomScreen(session.scenario, observation, self.history_marks))

    def on_option_picked(self, message: msg.OptionPicked) -> None:
        from excomm_sim.engine.events import OptionChosen
        from excomm_sim.engine.moves import Action, IllegalAction
        from excomm_sim.scenario.expr import EvalError

        assert self.session is not None
        try:
            records = self.session.seen(
                self.session.act(Action(message.role, message.option)), message.role
            )
        except IllegalAction as error:
            self.notify(error.message, severity="error")
            return
        except EvalError as error:
            self.scenario_failed(error)
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
        assert session is not None and session.ended
        self.show(DebriefScreen(session.scenario, session.observe(None)))

    def on_back_to_title(self, _message: msg.BackToTitle) -> None:
        self.pop_to_title()

    def pop_to_title(self) -> None:
        """Drop every screen above the title; refresh which save Continue resumes."""
        from excomm_sim.tui.screens.title import TitleScreen

        self.session = None
        while len(self.screen_stack) > 1 and not isinstance(self.screen, TitleScreen):
            self.pop_screen()
        self.call_after_refresh(self.find_latest_save)
