"""What is at stake, on demand in the decision room (m): your objectives now, the meters."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Scenario
from excomm_sim.stakes import stakes
from excomm_sim.tui.screens.briefing import stakes_content
from excomm_sim.tui.screens.reading import ReadingModal
from excomm_sim.tui.widgets.hanging import hung
from excomm_sim.tui.widgets.objectives import objectives_content


class StakesScreen(ReadingModal):
    """The seat's objectives as they stand and what each meter means; Escape or m closes."""

    SCROLL = "stakes-scroll"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,m", "close", "Close")]

    def __init__(self, scenario: Scenario, observation: Observation) -> None:
        """``observation`` is the seat's own: its objectives and the meters it may see."""
        super().__init__()
        self.scenario = scenario
        self.observation = observation

    def compose(self) -> ComposeResult:
        observation = self.observation
        tracker = objectives_content(
            self.scenario,
            observation.objectives,
            observation.values,
            observation.ending is not None,
        )
        with Vertical(id="stakes-box"):
            with VerticalScroll(id="stakes-scroll"):
                yield Static(Content.styled("Your objectives now", "bold underline"))
                yield Static(hung(tracker), id="stakes-objectives")
                yield Static("")
                meters = stakes(self.scenario, observation.values)
                yield Static(hung(stakes_content(meters)), id="stakes-meters")
            yield Button("Close", id="stakes-close", variant="primary")
