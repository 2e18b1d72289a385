"""The author's inspector: every variable (hidden ones too), its value, and why it last moved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from excomm_sim.engine.events import Record, VariableChanged
from excomm_sim.scenario.model import Scenario, Value
from excomm_sim.story.records import cause_text
from excomm_sim.story.values import value_text
from excomm_sim.tui.widgets.hanging import hung

CHANGES_SHOWN = 3
"""How many of a variable's latest changes the inspector lists."""


def inspector_content(
    scenario: Scenario, values: Mapping[str, Value], records: Sequence[Record]
) -> Content:
    """Per variable: label, id, display, value, then its last few changes with their causes."""
    changes: dict[str, list[VariableChanged]] = {}
    for record in records:
        if isinstance(record, VariableChanged):
            changes.setdefault(record.variable, []).append(record)
    lines: list[Content] = []
    for variable in scenario.variables:
        value = values.get(variable.id, variable.initial)
        lines.append(
            Content.assemble(
                (variable.label, "bold"),
                f" ({variable.id}, {variable.display.value}): ",
                (value_text(variable, value), "bold"),
            )
        )
        latest = changes.get(variable.id, [])[-CHANGES_SHOWN:]
        if not latest:
            lines.append(Content.styled("    unchanged since the start", "italic"))
        for change in reversed(latest):
            lines.append(
                Content(
                    f"    turn {change.turn}: {value_text(variable, change.old)} → "
                    f"{value_text(variable, change.new)} by `{change.effect}` — "
                    f"{cause_text(change.cause)}"
                )
            )
    return Content("\n").join(lines)


class InspectorScreen(ModalScreen[None]):
    """Opened with i during a game; Escape or i closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,i", "close", "Close"),
    ]

    def __init__(
        self, scenario: Scenario, values: Mapping[str, Value], records: Sequence[Record]
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.values = dict(values)
        self.records = list(records)

    def compose(self) -> ComposeResult:
        with Vertical(id="inspector-box"):
            yield Static(
                Content.styled("Inspector: every variable, hidden ones too", "bold"),
                classes="screen-title",
            )
            with VerticalScroll(id="inspector-scroll"):
                yield Static(
                    hung(inspector_content(self.scenario, self.values, self.records)),
                    id="inspector-text",
                )
            yield Button("Close", id="inspector-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#inspector-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
