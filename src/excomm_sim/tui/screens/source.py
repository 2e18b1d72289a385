"""The source beside the game: the paragraphs of the record an item cites, to read in full.

Opened with ``s`` from the decision room. The scenario's shipped texts are read in a
worker thread (file I/O stays off the UI thread); until they arrive the screen says so.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from excomm_sim.scenario.model import Citation, Scenario
from excomm_sim.sourcetext import Passage, SourceTexts, shipped_texts
from excomm_sim.story.text import prose


def passages_content(
    passages: list[Passage], notes: dict[tuple[str, int, int], str], scenario: Scenario
) -> Content:
    """The sources' titles, then each passage under its citation ('record p.2 ¶4 — note')."""
    if not passages:
        return Content("None of this item's citations points to a paragraph of a shipped text.")
    titles = {source.id: source.title for source in scenario.sources}
    shown = dict.fromkeys(passage.source for passage in passages)
    blocks = [
        Content.styled(f"{source}: {titles.get(source, source)}", "italic") for source in shown
    ]
    for passage in passages:
        note = notes.get((passage.source, passage.page, passage.paragraph), "")
        heading = passage.label + (f" — {note}" if note else "")
        blocks.append(
            Content("\n").join([Content.styled(heading, "bold"), Content(prose(passage.text))])
        )
    return Content("\n\n").join(blocks)


class SourceScreen(ModalScreen[None]):
    """The cited paragraphs of the record, in the record's own words; Escape or s closes."""

    DEFAULT_CSS = """
    SourceScreen { align: center middle; }
    #source-box {
        width: 86; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    #source-scroll { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("s", "close", "Close", show=False),
    ]

    def __init__(self, scenario: Scenario, title: str, citations: list[Citation]) -> None:
        """``citations``: what the item cites, in order; those with a page and paragraph show."""
        super().__init__()
        self.scenario = scenario
        self.title_text = title
        self.citations = citations

    def compose(self) -> ComposeResult:
        with Vertical(id="source-box"):
            yield Static(
                Content.styled(f"The source: {self.title_text}", "bold"), classes="screen-title"
            )
            with VerticalScroll(id="source-scroll"):
                yield Static(Content("Reading the record…"), id="source-text")
            yield Button("Close", id="source-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#source-scroll").focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        texts = shipped_texts(self.scenario)
        self.app.call_from_thread(self.show, texts)

    def show(self, texts: SourceTexts) -> None:
        notes: dict[tuple[str, int, int], str] = {}
        for c in self.citations:
            if c.note:
                notes.setdefault((c.source, c.page or 0, c.paragraph or 0), c.note)
        passages = texts.cited(self.citations)
        self.query_one("#source-text", Static).update(
            passages_content(passages, notes, self.scenario)
        )

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
