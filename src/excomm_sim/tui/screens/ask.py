"""A one-line question as a modal dialog: a save's new name, a solo player's own name."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AskScreen(ModalScreen[str | None]):
    """Dismisses with the stripped answer, or None on Escape.

    ``check`` returns why an answer cannot be taken (shown under the field, the dialog
    stays open) or None; an empty answer is refused with ``empty``.
    """

    DEFAULT_CSS = """
    AskScreen {
        align: center middle;
        background: $background 60%;
    }
    AskScreen #ask-problem {
        color: $text-error;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        question: str,
        value: str = "",
        *,
        hint: str = "Enter: done · Esc: cancel",
        empty: str = "Type something first.",
        max_length: int = 190,
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.hint = hint
        self.empty = empty
        self.max_length = max_length
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question")
            yield Input(self.value, id="ask-input", max_length=self.max_length)
            yield Static("", id="ask-problem")
            yield Static(self.hint, classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = event.value.strip()
        problem = self.empty if not answer else (self.check(answer) if self.check else None)
        if problem:
            self.query_one("#ask-problem", Static).update(problem)
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)
