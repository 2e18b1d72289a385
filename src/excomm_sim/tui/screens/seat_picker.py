"""Choosing a free seat at a classroom host's table, and the name the table will see."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

MAX_NAME = 40
"""A player's name as the host keeps it (longer names are cut)."""


class SeatPickerScreen(Screen[tuple[str, str] | None]):
    """The table's free seats; choosing one (and giving a name, unless ``name`` was given
    on the command line) dismisses with ``(role, name)``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "focus_seats", "Seats")]

    DEFAULT_CSS = """
    #seats-body { padding: 1 2; }
    #seat-list { height: auto; max-height: 14; }
    #seat-name { margin: 1 0 0 0; }
    #seat-problem { color: $text-error; }
    """

    def __init__(
        self,
        table: int,
        title: str,
        free: Sequence[Mapping[str, Any]],
        name: str | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(classes="seat-picker-screen")
        self.table = table
        self.heading = title
        self.free = list(free)
        self.player_name = name
        self.problem = problem
        self.chosen: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="seats-body"):
            yield Static(f"Table {self.table}: {self.heading}", classes="screen-title")
            yield Static(self.problem, id="seat-problem")
            if not self.free:
                yield Static("Every seat at this table is taken; ask your teacher.")
            else:
                yield Static(Content.styled("Choose your seat:", "bold"))
                yield OptionList(
                    *(
                        Option(f"{seat['name']} — {seat['title']}", id=str(seat["role"]))
                        for seat in self.free
                    ),
                    id="seat-list",
                )
                if not self.player_name:
                    yield Static("Your name, as the table will see it:", id="seat-name")
                    yield Input(placeholder="your name", max_length=MAX_NAME, id="name-input")
        yield Footer()

    def on_mount(self) -> None:
        if self.free:
            self.query_one("#seat-list", OptionList).focus()

    def action_focus_seats(self) -> None:
        if self.free:
            self.query_one("#seat-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = event.option.id
        if self.player_name:
            self.finish(self.player_name)
        else:
            self.query_one("#name-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())[:MAX_NAME]
        if not name:
            self.query_one("#seat-problem", Static).update("Please type your name.")
            return
        self.finish(name)

    def finish(self, name: str) -> None:
        seats = self.query_one("#seat-list", OptionList)
        chosen = self.chosen
        if chosen is None and seats.highlighted is not None:
            chosen = seats.get_option_at_index(seats.highlighted).id
        if chosen is None:
            self.query_one("#seat-problem", Static).update("Choose a seat first.")
            seats.focus()
            return
        self.dismiss((chosen, name))
