"""What every game app shares: a game's screens driven by a ``GameFlow`` over a ``Session``.

``GameApp`` turns the flow's steps (``tui.flow.steps``) into screens, hands the flow what
the player did, and sends moves to the session. Nothing slow runs on the UI thread: the
local game writes its save in a worker after each move, and a seat at a host sends its
moves from its network worker.
The local game (``tui.app.ExcommApp``) and a seat at a classroom host
(``tui.join_app.JoinApp``) add their own ways into a game around it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from excomm_sim.scenario.characters import visible
from excomm_sim.tui import messages as msg
from excomm_sim.tui.flow.steps import (
    Briefing,
    Consequences,
    Debrief,
    Decision,
    Handover,
    Step,
    Stopped,
    Waiting,
)

if TYPE_CHECKING:  # types only: the kernel and the saves load after the first paint
    from excomm_sim.engine.events import Record
    from excomm_sim.engine.moves import Action
    from excomm_sim.session.interface import Session
    from excomm_sim.tui.flow.game import GameFlow

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class GameApp(App[int]):
    """A game's screens around one session (see the module docstring)."""

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
    ]
    """? / F1 help · t light/dark theme · q or ctrl+q quit (asks first) · ctrl+p commands."""

    ask_arguments = True
    """Offer an adviser a line for their own case after they pick a recommendation."""

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.flow: GameFlow | None = None
        self.acting = False
        """A move is on its way to the session: another pick waits until it is back."""
        self.held: Step | None = None
        """A step that came while a dialog was open, shown once the dialog closes."""
        self.marks_history = False
        """The decision room marks the option history took (author mode's debug panel)."""
        self.failure: str | None = None
        """Why the app had to stop, printed once the terminal is restored."""
        self.theme = DARK_THEME

    # -- showing steps -------------------------------------------------------------------

    def show(self, screen: Screen[None]) -> None:
        """Put a game screen up in place of the last one (over the base screen)."""
        if len(self.screen_stack) <= 1:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def show_step(self, step: Step | None) -> None:
        """Show the flow's ``step``; one that comes while a dialog is open waits for it."""
        if step is None:
            return
        if isinstance(self.screen, ModalScreen):
            self.held = step
            self.call_after_refresh(self._show_held)
            return
        self.held = None
        self.show(self.screen_for(step))

    def _show_held(self) -> None:
        if self.held is None:
            return
        if isinstance(self.screen, ModalScreen):
            self.set_timer(0.2, self._show_held)
            return
        self.show_step(self.held)

    def _visible_ids(self, role: str) -> Iterable[str]:
        """The variables ``role`` sees now; at a table still seating (no game yet, so no
        observation) the scenario's own, of which the briefing shows only the meters."""
        from excomm_sim.engine.moves import IllegalAction

        session = self.session
        assert session is not None
        try:
            return session.observe(role).values
        except IllegalAction:
            return [variable.id for variable in session.scenario.variables]

    def screen_for(self, step: Step) -> Screen[None]:
        """The screen that renders ``step`` (screens are imported when first needed)."""
        session = self.session
        assert session is not None
        scenario = session.scenario
        if isinstance(step, Briefing):
            from excomm_sim.stakes import stakes
            from excomm_sim.tui.screens.briefing import BriefingScreen

            meters = stakes(scenario, self._visible_ids(step.role))
            role = scenario.role(step.role)
            return BriefingScreen(role, step.player, last=step.last, stakes=meters)
        if isinstance(step, Handover):
            from excomm_sim.tui.screens.briefing import HandoverScreen

            return HandoverScreen(scenario.role(step.role), step.player)
        if isinstance(step, Decision):
            from excomm_sim.tui.screens.decision import DecisionRoomScreen

            return DecisionRoomScreen(scenario, step.observation, self.marks_history)
        if isinstance(step, Consequences):
            from excomm_sim.tui.screens.consequences import ConsequencesScreen

            return ConsequencesScreen(scenario, step.records, step.ended, step.date)
        if isinstance(step, Debrief):
            from excomm_sim.tui.screens.debrief import DebriefScreen

            return DebriefScreen(scenario, step.observation)
        if isinstance(step, Waiting):
            from excomm_sim.tui.screens.waiting import WaitingScreen

            return WaitingScreen(scenario, step.observation, step.waiting_for)
        assert isinstance(step, Stopped)
        from excomm_sim.tui.screens.waiting import StoppedScreen

        return StoppedScreen()

    # -- what the game screens post ------------------------------------------------------

    def on_briefing_read(self, message: msg.BriefingRead) -> None:
        if self.flow is not None:
            self.show_step(self.flow.briefing_read(message.role))

    def on_handed_over(self, message: msg.HandedOver) -> None:
        if self.flow is not None:
            self.show_step(self.flow.handed_over(message.role))

    def on_consequences_read(self, _message: msg.ConsequencesRead) -> None:
        if self.flow is not None:
            self.show_step(self.flow.consequences_read())

    def on_briefing_requested(self, message: msg.BriefingRequested) -> None:
        from excomm_sim.tui.screens.briefing import BriefingReminder

        session = self.session
        if session is None or message.role not in session.seats:
            return
        role = session.scenario.role(message.role)
        self.push_screen(BriefingReminder(role, session.humans.get(message.role, "")))

    def on_take_back_requested(self, _message: msg.TakeBackRequested) -> None:
        """u / ctrl+z: take the last decision back, if this player may (``tui.take_back``)."""
        from excomm_sim.tui.take_back import take_back

        if self.session is None or self.flow is None or self.acting:
            return
        self.notify(take_back(self.session, self.flow.seat))
        self.after_move()
        self.show_step(self.flow.turn())

    def on_option_picked(self, message: msg.OptionPicked) -> None:
        from excomm_sim.engine.moves import Action  # the kernel loads with the first game

        session = self.session
        if session is None or self.acting:
            return
        turn = session.to_act
        if turn.kind != "recommend" or not self.ask_arguments or turn.decision is None:
            self.send(Action(message.role, message.option))
            return
        from excomm_sim.tui.screens.argument import ArgumentScreen

        decision = session.scenario.decision(turn.decision)
        decider = session.scenario.role(decision.decider).name

        def argued(argument: str | None) -> None:
            if argument is not None:
                self.send(Action(message.role, message.option, argument))

        label = decision.option(message.option).label
        self.push_screen(ArgumentScreen(decider, label), argued)

    # -- moves ---------------------------------------------------------------------------

    def send(self, action: Action) -> None:
        """Play ``action``: the kernel answers at once (pure and quick, so on this thread);
        ``after_move`` then does the slow part (a local game's save) in a worker. A remote
        app overrides this to send the move from its network worker."""
        from excomm_sim.engine.moves import IllegalAction
        from excomm_sim.scenario.expr import EvalError

        session = self.session
        assert session is not None
        try:
            records = session.act(action)
        except IllegalAction as error:
            self.refused(error.message)
            return
        except EvalError as error:  # a scenario expression failed: the game cannot go on
            self.act_failed(error)
            return
        self.acted(action.role, records)
        self.after_move()

    def after_move(self) -> None:
        """What follows a move the session took (the local game writes its save)."""

    def acted(self, role: str, records: tuple[Record, ...]) -> None:
        """The session took ``role``'s move and answered ``records``."""
        self.acting = False
        if self.flow is not None:
            self.show_step(self.flow.acted(role, records))

    def refused(self, reason: str) -> None:
        """The move was refused (the game moved on meanwhile, the teacher paused it)."""
        self.acting = False
        self.notify(reason, severity="error")
        if self.flow is not None:
            self.show_step(self.flow.turn())

    def act_failed(self, error: Exception) -> None:
        """A move failed for a reason the player cannot fix: stop with it said."""
        self.acting = False
        self.failure = visible(f"{error} (the game cannot go on)")
        self.exit(return_code=1)

    def moved_on(self, records: tuple[Record, ...]) -> None:
        """The game moved without this app's player: keep the records or show the news."""
        if self.flow is None:
            return
        if self.acting:
            self.flow.unshown.extend(records)  # the move's own answer shows them
            return
        self.show_step(self.flow.moved_on(records))

    # -- app-wide commands ---------------------------------------------------------------

    def action_help(self) -> None:
        from excomm_sim.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def quit_question(self) -> str:
        """What the quit dialog asks (the local game says its save is kept)."""
        return "Quit ExComm?"

    def action_request_quit(self) -> None:
        from excomm_sim.tui.screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit(0)

        self.push_screen(ConfirmScreen(self.quit_question(), yes="Quit", no="Stay"), answered)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and what the meters mean", self.action_help)
        yield SystemCommand(
            "Light / dark", "Switch between the light and dark themes", self.action_toggle_theme
        )
