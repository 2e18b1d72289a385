"""The whole log on a screen of its own (l): the side panel's strip is too narrow to read."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.widgets.log import GameLog


class LogScreen(Screen[None]):
    """Every record the seat saw, oldest first, opened at the newest; Escape or l closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,l", "close", "Back to the table")]

    def __init__(self, scenario: Scenario, observation: Observation) -> None:
        """``observation`` is the seat's own: its log holds only what the seat may see."""
        super().__init__()
        self.scenario = scenario
        self.observation = observation

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="log-body"):
            yield Static("The log (oldest first)", classes="screen-title")
            log = GameLog(id="full-log")
            log.show(self.scenario, self.observation.log, newest_first=False, limit=None)
            yield log
        yield Footer(compact=True)

    def on_mount(self) -> None:
        body = self.query_one("#log-body", VerticalScroll)
        body.focus()
        body.scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
