"""'While you were away': shown to a hot-seat player over the room at their next turn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from excomm_sim.tui.screens.reading import ReadingModal
from excomm_sim.tui.widgets.hanging import hung


class AwayScreen(ReadingModal):
    """What was decided since this player last had the keyboard; Enter or Escape closes."""

    SCROLL = "away-scroll"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,escape", "close", "To the table")]

    def __init__(self, player: str, lines: Sequence[str]) -> None:
        super().__init__()
        self.player = player
        self.lines = tuple(lines)

    def compose(self) -> ComposeResult:
        with Vertical(id="away-box"):
            yield Static(
                Content.styled(f"While you were away, {self.player}", "bold"),
                classes="screen-title",
            )
            with VerticalScroll(id="away-scroll"):
                yield Static(hung(Content("\n".join(self.lines))), id="away-text")
            yield Button("To the table", id="away-close", variant="primary")
