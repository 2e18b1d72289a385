"""Screens of a seat at a classroom host while it is not this player's turn.

``WaitingScreen``: someone else must act (or the teacher has not started the game); the
situation and the log stay on screen, from this seat's own observation. ``StoppedScreen``:
the teacher ended the game before it reached an ending. ``NoticeScreen``: a plain message
with one button (joining, a seat lost for good).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.messages import BackToTitle, BriefingRequested
from excomm_sim.tui.widgets.dashboard import Dashboard
from excomm_sim.tui.widgets.log import GameLog


def waiting_line(observation: Observation | None, waiting_for: str) -> Content:
    """'Item 2 · waiting for Ann (Robert McNamara) to recommend…' (the date is on the
    decision room's line; this one must fit 80 columns with two names in it)."""
    if observation is None:
        return Content.assemble("Waiting for ", (waiting_for, "bold"), "…")
    return Content.assemble(
        (f"Item {observation.turn + 1}", "bold"), " · waiting for ", (waiting_for, "bold"), "…"
    )


class WaitingScreen(Screen[None]):
    """The table while others act: the item, the situation and the log, nothing to choose."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("b", "briefing", "Briefing")]
    """b shows your briefing again."""
    DEFAULT_CSS = """
    #waiting-text { padding: 1 1 0 1; color: $text-muted; }
    """

    def __init__(
        self, scenario: Scenario, observation: Observation | None, waiting_for: str
    ) -> None:
        super().__init__(classes="waiting-screen")
        self.scenario = scenario
        self.observation = observation
        self.waiting_for = waiting_for

    def compose(self) -> ComposeResult:
        observation = self.observation
        yield Static(waiting_line(observation, self.waiting_for), id="status-line")
        with Horizontal(id="room"):
            with VerticalScroll(id="agenda"):
                if observation is not None and observation.item is not None:
                    decision = observation.item.decision
                    yield Static(Content.styled(decision.title, "bold"), id="agenda-text")
                    yield Static(
                        Content(
                            f"{self.scenario.role(decision.decider).name} decides this item; "
                            "your turn comes when the table needs you."
                        ),
                        id="waiting-text",
                    )
                else:
                    yield Static(
                        "The game has not started: the teacher starts it when the table is "
                        "ready. Read your briefing meanwhile (b).",
                        id="waiting-text",
                    )
            with VerticalScroll(id="side"):
                yield Static(Content.styled("Situation", "bold"), classes="section-title")
                dashboard = Dashboard(id="dashboard")
                if observation is not None:
                    dashboard.show(self.scenario, observation.timeline)
                yield dashboard
                yield Static(Content.styled("Log (newest first)", "bold"), classes="section-title")
                log = GameLog(id="log")
                if observation is not None:
                    log.show(self.scenario, observation.log)
                yield log
        yield Footer()

    def action_briefing(self) -> None:
        seat = self.observation.seat if self.observation is not None else None
        if seat is not None:
            self.post_message(BriefingRequested(role=seat))
        else:
            self.app.action_briefing()  # type: ignore[attr-defined]


class NoticeScreen(Screen[None]):
    """A message and one button; the button (or Enter) posts ``BackToTitle``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "done", "Continue", show=False)]
    DEFAULT_CSS = """
    #notice-body { padding: 1 2; }
    #notice-text { margin: 0 0 1 0; }
    """

    def __init__(self, title: str, text: str, button: str | None = "Quit") -> None:
        super().__init__(classes="notice-screen")
        self.heading = title
        self.text = text
        self.button = button

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="notice-body"):
            yield Static(self.heading, classes="screen-title")
            yield Static(self.text, id="notice-text")
            if self.button is not None:
                with Center():
                    yield Button(self.button, id="notice-button", variant="primary")
        yield Footer()

    def action_done(self) -> None:
        if self.button is not None:
            self.post_message(BackToTitle())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()


class StoppedScreen(NoticeScreen):
    """The teacher ended the game early; the host keeps it as a save."""

    def __init__(self) -> None:
        super().__init__(
            "The teacher ended the game",
            "The game stopped before it reached an ending. The host keeps it in the class "
            "folder, so your teacher can replay it and report on it.",
        )
