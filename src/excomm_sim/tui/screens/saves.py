"""The list of saved games (for Load and Replay): where each stands, renamed and deleted here.

Each entry says what the game is (scenario, seats and names), where it stands (item and
game date), whether it finished and how, and which game it branched from; files that
cannot be opened are listed with why, so they can be cleared away. The screen shows at
once and reads (and replays) the saves in a thread worker: a slow network folder, or a
file that is not a save, never freezes the app (Escape and q keep working). Renaming and
deleting are file I/O too, and run in workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from excomm_sim.tui.messages import SaveChosen
from excomm_sim.tui.widgets.marked import MarkedOptionList, gutter

if TYPE_CHECKING:  # read in the worker: the engine loads after the screen shows
    from excomm_sim.saves.summary import SaveSummary

READING = "Reading the saved games…"
KEYS_HINT = "Enter: open · r: rename · d: delete · Esc: back"


def save_prompt(summary: SaveSummary) -> Content:
    """An entry of the list: its first line bold, the rest indented under it."""
    from excomm_sim.story.saved import row_lines

    first, *rest = row_lines(summary)
    if summary.problem:
        mark = "[unreadable] " if summary.save is None else "[cannot open] "
        return Content.assemble(
            (mark, "bold"), first, *(("\n   " + line, "italic") for line in rest)
        )
    return Content.assemble((first, "bold"), *("\n   " + line for line in rest))


class SavesScreen(Screen[None]):
    """Choosing a save that opens posts ``SaveChosen`` with this screen's ``purpose``.

    ``r`` renames the highlighted save and ``d`` deletes it (after a yes/no question);
    the list is read again afterwards, so it always shows what is on disk.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("r", "rename", "Rename"),
        Binding("d", "delete", "Delete"),
    ]

    def __init__(self, saves_dir: Path, purpose: str, scenarios_dir: Path | None = None) -> None:
        super().__init__()
        self.saves_dir = saves_dir
        self.purpose = purpose
        self.scenarios_dir = scenarios_dir
        self.entries: list[SaveSummary] = []
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
    def read_saves(self, highlight: Path | None = None) -> None:
        """Read and replay the folder's saves off the UI thread; fill the list when done."""
        from excomm_sim.saves.summary import ScenarioCache, summarize_saves

        scenarios = ScenarioCache([self.scenarios_dir] if self.scenarios_dir else [])
        try:
            if not self.saves_dir.is_dir():
                entries: list[SaveSummary] = []
            else:
                self.saves_dir.iterdir()  # an unreadable folder raises here, not later
                entries = summarize_saves(self.saves_dir, scenarios)
        except OSError as error:  # the folder itself is unreadable
            self.app.call_from_thread(self.show_problem, error.strerror or str(error))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_entries, entries, highlight)

    def show_entries(self, entries: Sequence[SaveSummary], highlight: Path | None = None) -> None:
        """Fill the list (on the UI thread), unless the screen has been closed meanwhile."""
        if not self.is_attached:
            return
        self.entries = list(entries)
        status = self.query_one("#saves-status", Static)
        status.update(KEYS_HINT if self.entries else "No saved games yet.")
        options = self.query_one("#saves-list", OptionList)
        options.clear_options()
        options.add_options(  # with the marker's gutter, as MarkedOptionList's own options
            gutter(Option(save_prompt(entry), id=str(index), disabled=bool(entry.problem)))
            for index, entry in enumerate(self.entries)
        )
        chosen = [i for i, entry in enumerate(self.entries) if entry.path == highlight]
        readable = [i for i, entry in enumerate(self.entries) if not entry.problem]
        if chosen or readable:
            options.highlighted = (chosen or readable)[0]

    def show_problem(self, problem: str) -> None:
        if self.is_attached:
            self.query_one("#saves-status", Static).update(
                f"The saves folder cannot be read: {problem}"
            )

    def highlighted_entry(self) -> SaveSummary | None:
        """The entry under the marker; broken ones too (they can be renamed or deleted)."""
        options = self.query_one("#saves-list", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[int(event.option.id or 0)]
        if not entry.problem:
            self.post_message(SaveChosen(entry.path, self.purpose))

    def action_rename(self) -> None:
        entry = self.highlighted_entry()
        if entry is None:
            return

        def renamed(name: str | None) -> None:
            if name:
                self.rename(entry.path, name)

        from excomm_sim.tui.screens.ask import AskScreen

        question = f"Rename {entry.path.name} to:"
        value = entry.path.name.removesuffix(".json")
        self.app.push_screen(
            AskScreen(question, value, hint="Enter: rename · Esc: cancel"), renamed
        )

    def action_delete(self) -> None:
        from excomm_sim.tui.screens.confirm import ConfirmScreen

        entry = self.highlighted_entry()
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(entry.path)

        question = f"Delete {entry.path.name}? The game cannot be brought back."
        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answered)

    @work(thread=True, exclusive=True, group="saves-change", exit_on_error=False)
    def rename(self, path: Path, name: str) -> None:
        from excomm_sim.saves import SaveError, rename_save

        try:
            target = rename_save(path, name)
        except SaveError as error:
            self.app.call_from_thread(self.tell, f"Not renamed: {error.problem}", "error")
            return
        self.app.call_from_thread(self.tell, f"Renamed to {target.name}.", "information")
        self.read_saves(highlight=target)

    @work(thread=True, exclusive=True, group="saves-change", exit_on_error=False)
    def delete(self, path: Path) -> None:
        from excomm_sim.saves import SaveError, delete_save

        try:
            delete_save(path)
        except SaveError as error:
            self.app.call_from_thread(self.tell, f"Not deleted: {error.problem}", "error")
            return
        self.app.call_from_thread(self.tell, f"Deleted {path.name}.", "information")
        self.read_saves()

    def tell(self, text: str, severity: str) -> None:
        from excomm_sim.scenario.characters import visible

        self.notify(visible(text), severity=severity)  # type: ignore[arg-type]
