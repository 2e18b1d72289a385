"""The list of saved games (for Load and Replay); unreadable files listed with their error.

The screen shows at once and reads the saves folder in a thread worker: a slow network
folder, or a file that is not a save, never freezes the app (Escape and q keep working).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from excomm_sim.story.text import counted
from excomm_sim.tui.catalog import SaveEntry
from excomm_sim.tui.messages import SaveChosen
from excomm_sim.tui.widgets.marked import MarkedOptionList, gutter

READING = "Reading the saved games…"


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

    def __init__(self, saves_dir: Path, purpose: str) -> None:
        super().__init__()
        self.saves_dir = saves_dir
        self.purpose = purpose
        self.entries: list[SaveEntry] = []
        """The saves listed, once the worker has read them (empty until then)."""

    def compose(self) -> ComposeResult:
        title = "Replay a saved game" if self.purpose == "replay" else "Load a saved game"
        with VerticalScroll(id="saves-body"):
            yield Static(title, classes="screen-title")
            yield Static(READING, id="saves-status")
            yield MarkedOptionList(id="saves-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#saves-list", OptionList).focus()
        self.read_saves()

    @work(thread=True, exclusive=True, group="saves-list", exit_on_error=False)
    def read_saves(self) -> None:
        """Read the folder off the UI thread; the list is filled in when it is done."""
        from excomm_sim.tui.catalog import scan_saves

        try:
            entries = scan_saves(self.saves_dir)
        except OSError as error:  # the folder itself is unreadable
            self.app.call_from_thread(self.show_problem, error.strerror or str(error))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_entries, entries)

    def show_entries(self, entries: Sequence[SaveEntry]) -> None:
        """Fill the list (on the UI thread), unless the screen has been closed meanwhile."""
        if not self.is_attached:
            return
        self.entries = list(entries)
        status = self.query_one("#saves-status", Static)
        status.update("" if self.entries else "No saved games yet.")
        status.display = not self.entries
        options = self.query_one("#saves-list", OptionList)
        options.add_options(  # with the marker's gutter, as MarkedOptionList's own options
            gutter(Option(save_prompt(entry), id=str(index), disabled=bool(entry.problem)))
            for index, entry in enumerate(self.entries)
        )
        readable = [index for index, entry in enumerate(self.entries) if not entry.problem]
        if readable:
            options.highlighted = readable[0]

    def show_problem(self, problem: str) -> None:
        if self.is_attached:
            self.query_one("#saves-status", Static).update(
                f"The saves folder cannot be read: {problem}"
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[int(event.option.id or 0)]
        if not entry.problem:
            self.post_message(SaveChosen(entry.path, self.purpose))
