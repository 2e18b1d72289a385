"""The list of saved games (for Load and Replay); unreadable files listed with their error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from excomm_sim.tui.catalog import SaveEntry
from excomm_sim.tui.messages import SaveChosen
from excomm_sim.tui.widgets.marked import MarkedOptionList
from excomm_sim.wording import counted


def save_prompt(entry: SaveEntry) -> Content:
    if entry.problem:
        return Content.assemble(
            ("[unreadable] ", "bold"), entry.path.name, "\n   ", (entry.problem, "italic")
        )
    return Content.assemble(
        (entry.scenario_id, "bold"),
        f" · {entry.updated} UTC · {counted(entry.moves, 'move')}",
        f"\n   {entry.players}",
    )


class SavesScreen(Screen[None]):
    """Choosing a readable save posts ``SaveChosen`` with this screen's ``purpose``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, entries: Sequence[SaveEntry], purpose: str) -> None:
        super().__init__()
        self.entries = list(entries)
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        title = "Replay a saved game" if self.purpose == "replay" else "Load a saved game"
        with VerticalScroll(id="saves-body"):
            yield Static(title, classes="screen-title")
            if not self.entries:
                yield Static("No saved games yet.", id="saves-empty")
            yield MarkedOptionList(
                *(
                    Option(save_prompt(entry), id=str(index), disabled=bool(entry.problem))
                    for index, entry in enumerate(self.entries)
                ),
                id="saves-list",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#saves-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[int(event.option.id or 0)]
        if not entry.problem:
            self.post_message(SaveChosen(entry.path, self.purpose))
