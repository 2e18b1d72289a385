"""The scenario picker: bundled scenarios and the instructor's folder, broken files explained."""

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

from excomm_sim.story.text import prose
from excomm_sim.tui.catalog import ScenarioEntry
from excomm_sim.tui.messages import ScenarioChosen
from excomm_sim.tui.widgets.marked import MarkedOptionList

MAX_PROBLEMS = 3
"""Problems listed per broken file; the rest are one ``validate`` away."""


def entry_prompt(entry: ScenarioEntry) -> Content:
    where = "bundled" if entry.bundled else str(entry.path.parent)
    if entry.scenario is None:
        count = len(entry.problems)
        folder = f"{entry.path.parent}/"
        shown = "\n".join(
            "   " + line.removeprefix(folder) for line in entry.problems[:MAX_PROBLEMS]
        )
        more = (
            f"\n   … and {count - MAX_PROBLEMS} more: excomm-sim validate {entry.path}"
            if count > MAX_PROBLEMS
            else ""
        )
        return Content.assemble(
            ("[broken] ", "bold"),
            f"{entry.path.name} — {count} problem{'s' if count != 1 else ''} ({where})\n",
            (shown + more, "italic"),
        )
    scenario = entry.scenario
    return Content.assemble(
        (scenario.title, "bold"),
        f"\n   {entry.path.name} · version {scenario.version} · {where}",
    )


class ScenarioPickerScreen(Screen[None]):
    """Lists scenarios; choosing a good one posts ``ScenarioChosen``; broken ones are greyed."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, entries: Sequence[ScenarioEntry]) -> None:
        super().__init__()
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="picker-body"):
            yield Static("Choose a scenario", classes="screen-title")
            if not self.entries:
                yield Static("No scenario files found.", id="picker-empty")
            yield MarkedOptionList(
                *(
                    Option(entry_prompt(entry), id=str(index), disabled=entry.scenario is None)
                    for index, entry in enumerate(self.entries)
                ),
                id="picker-list",
            )
            yield Static("", id="picker-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#picker-list", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        entry = self.entries[int(event.option.id or 0)]
        if entry.scenario is not None:
            detail = Content.assemble(
                (entry.scenario.title, "bold"), "\n", prose(entry.scenario.summary)
            )
            self.query_one("#picker-detail", Static).update(detail)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[int(event.option.id or 0)]
        if entry.scenario is not None:
            self.post_message(ScenarioChosen(entry.scenario, entry.path))
