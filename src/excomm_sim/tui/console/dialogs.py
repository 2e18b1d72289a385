"""The console's questions: a timer, a seat to free, an event to inject; the class report."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from excomm_sim.commands.durations import duration

CLEAR = "off"
"""What the teacher types to clear the timer."""

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 72; max-width: 100%; height: auto; max-height: 90%;
    border: round $primary; padding: 0 1; background: $surface;
}}
{name} .dialog-hint {{ color: $text-muted; }}
{name} .dialog-problem {{ color: $text-error; }}
{name} OptionList {{ height: auto; max-height: 12; }}
"""


class TimerDialog(ModalScreen[float | str | None]):
    """A time per item (``3m``, ``90s``) or ``off``; dismisses with seconds, ``CLEAR`` or
    None (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="TimerDialog")

    def __init__(self, table: int, now: str) -> None:
        super().__init__()
        self.table = table
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Timer for table {self.table} (now: {self.now})")
            yield Input(placeholder="e.g. 3m, 90s, or off", id="timer-input")
            yield Static("", classes="dialog-problem", id="timer-problem")
            yield Static(
                "When time runs out the computer acts for whoever has not. Enter sets it; "
                "Escape cancels.",
                classes="dialog-hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip().lower()
        if text in (CLEAR, "none", "clear", "0"):
            self.dismiss(CLEAR)
            return
        try:
            seconds = duration(text)
        except argparse.ArgumentTypeError as error:
            self.query_one("#timer-problem", Static).update(str(error))
            return
        self.dismiss(seconds)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """A list to choose from (a seat to free); dismisses with the chosen id or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="ChoiceDialog")

    def __init__(self, question: str, choices: Sequence[tuple[str, str]], hint: str) -> None:
        super().__init__()
        self.question = question
        self.choices = list(choices)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question)
            yield OptionList(*(Option(text, id=key) for key, text in self.choices))
            yield Static(self.hint, classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class InjectDialog(ModalScreen[tuple[str, str] | None]):
    """One of the scenario's events and a line of the teacher's own; dismisses with
    (event id, note) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="InjectDialog")

    def __init__(self, table: int, events: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.table = table
        self.events = list(events)
        self.chosen: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Inject an event into table {self.table}:")
            yield OptionList(*(Option(title, id=key) for key, title in self.events))
            yield Input(placeholder="a line read with it (optional)", max_length=600)
            yield Static(
                "Choose the event, type a line, Enter injects; Escape cancels.",
                classes="dialog-hint",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = event.option.id
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        chosen = self.chosen
        if chosen is None and options.highlighted is not None:
            chosen = options.get_option_at_index(options.highlighted).id
        if chosen is None:
            options.focus()
            return
        self.dismiss((chosen, " ".join(event.value.split())))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReportDialog(ModalScreen[None]):
    """The class report (markdown) over the console; Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,r", "close", "Close")]
    DEFAULT_CSS = """
    ReportDialog { align: center middle; }
    ReportDialog > VerticalScroll {
        width: 100%; height: 100%; border: round $primary; background: $surface;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(self.text)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
