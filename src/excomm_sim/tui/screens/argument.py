"""The adviser's own case for a recommendation: a short line in the student's own words."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from excomm_sim.saves.moves import MAX_ARGUMENT


class ArgumentScreen(ModalScreen[str | None]):
    """Asked after an adviser picks a recommendation. Enter sends it (empty: no case);
    Escape goes back to the options. Dismisses with the text, or None to go back."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    DEFAULT_CSS = """
    ArgumentScreen { align: center middle; }
    #argument-box {
        width: 70; max-width: 100%; height: auto;
        border: round $primary; padding: 1 2; background: $surface;
    }
    #argument-hint { color: $text-muted; }
    """

    def __init__(self, decider: str, option: str) -> None:
        super().__init__()
        self.decider = decider
        self.option = option

    def compose(self) -> ComposeResult:
        with Vertical(id="argument-box"):
            yield Static(
                Content.assemble("You recommend ", (self.option, "bold"), f" to {self.decider}.")
            )
            yield Static(
                f"Your case, in your own words (optional, up to {MAX_ARGUMENT} characters):"
            )
            yield Input(
                placeholder="why the decider should take it",
                max_length=MAX_ARGUMENT,
                id="argument-input",
            )
            yield Static("Enter sends it · Escape goes back to the options", id="argument-hint")

    def on_mount(self) -> None:
        self.query_one("#argument-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(" ".join(event.value.split()))

    def action_back(self) -> None:
        self.dismiss(None)
