"""What a decision did: every change with its cause, chance rolls, events, the date moving on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from excomm_sim.engine.events import (
    Cause,
    ChanceResolved,
    ConsequenceLanded,
    DateAdvanced,
    DecisionPosed,
    DecisionWeighed,
    EventFired,
    GameEnded,
    OptionChosen,
    Record,
    VariableChanged,
)
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.names import outcome_of
from excomm_sim.story.records import (
    cause_text,
    change_text,
    citations_text,
    record_text,
    sources_text,
)
from excomm_sim.story.text import date_text, prose
from excomm_sim.story.why import why_lines
from excomm_sim.tui.messages import ConsequencesRead, TakeBackRequested
from excomm_sim.tui.widgets.hanging import hung

Line = tuple[int, Content]
"""A line and its indent level (0 = an event of the step, 1 = its cause, 2 = its detail)."""


def consequence_lines(
    scenario: Scenario, records: Sequence[Record], date: dt.date | None = None
) -> list[Line]:
    """The records of one step, in order, each with what the player needs to know why.

    Changes with the same cause are grouped under one "because" line; give it the records
    the seat may see (``GameSession.seen``). Records from the next item being posed on are left
    out: the decision room shows them. ``date`` (today) is named when the calendar did not
    move, so the player always sees where time stands.
    """
    lines: list[Line] = []
    last_cause = None
    shown: Record | None = None
    cited: set[tuple[object, ...]] = set()
    for record in records:
        if isinstance(record, DecisionPosed):
            break
        if isinstance(record, VariableChanged):
            if record.cause != last_cause:
                # Cite each set of sources once: a chance roll repeats its option's sources.
                new = tuple(record.cause.sources) not in cited
                cited.add(tuple(record.cause.sources))
                lines.append((1, _cause_line(record.cause, shown, new)))
                last_cause = record.cause
            change = change_text(scenario, record, symbols=True)
            lines.append((2, Content.assemble("• ", (change, "bold"))))
            continue
        last_cause = None
        shown = record
        lines.extend(_record_lines(scenario, record))
    moved = any(isinstance(record, DateAdvanced) for record in records)
    if date is not None and not moved:
        still = f"→ Still {date_text(date)}: the meeting goes on"
        lines.append((0, Content.styled(still, "bold")))
    return lines


def _cause_line(cause: Cause, shown: Record | None, cite: bool) -> Content:
    """The line over a group of changes. Caused by the record just above them (the choice,
    the roll, the event), it says so with that record's sources rather than repeat it:
    'what it changed [record p.1 ¶1]'; caused by something else, 'because: ' and the cause.
    """
    if caused_by(cause, shown):
        sources = f" [{citations_text(cause.sources)}]" if cite and cause.sources else ""
        return Content.styled(f"what it changed{sources}", "italic")
    return Content.assemble("because: ", (cause_text(cause, sources=cite), "italic"))


def caused_by(cause: Cause, record: Record | None) -> bool:
    """True when ``cause`` is ``record`` itself: its option, its outcome, its event."""
    if isinstance(record, OptionChosen):
        return cause.kind == "option" and cause.option == record.option
    if isinstance(record, ChanceResolved):
        return cause.kind == "chance" and cause.outcome == record.outcome
    if isinstance(record, EventFired):
        return cause.kind == "event" and cause.event == record.event
    if isinstance(record, ConsequenceLanded):
        return cause.kind == "delayed" and cause.option == record.option
    return False


def _record_lines(scenario: Scenario, record: Record) -> list[Line]:
    """The record's line, marked by kind, and for chance and events the story told."""
    if isinstance(record, DecisionWeighed):
        heading, *options = why_lines(scenario, [record])
        return [(1, Content.styled(heading, "italic"))] + [
            (2, Content(f"• {option}")) for option in options
        ]
    line = record_text(scenario, record)
    if line is None:
        return []
    if isinstance(record, OptionChosen):
        return [(0, Content.styled(f"▶ {line}", "bold"))]
    if isinstance(record, ChanceResolved):
        lines: list[Line] = [(0, Content(f"• {line}"))]
        outcome = outcome_of(scenario, record.decision, record.option, record.outcome)
        if outcome is not None and outcome.text:
            lines.append((1, Content.styled(prose(outcome.text), "italic")))
        return lines
    if isinstance(record, ConsequenceLanded):
        return [(0, Content(f"↳ {line}"))]
    if isinstance(record, EventFired):
        event = scenario.event(record.event)
        lines = [(0, Content.styled(f"! {line}", "bold")), (1, Content(prose(event.text)))]
        if event.sources:
            lines.append((1, Content.styled(sources_text(event.sources), "italic")))
        return lines
    if isinstance(record, DateAdvanced):
        return [(0, Content.styled(f"→ {line}", "bold"))]
    if isinstance(record, GameEnded):
        return [(0, Content.styled(f"■ {line}", "bold"))]
    return [(0, Content(f"• {line}"))]


class ConsequencesScreen(Screen[None]):
    """Shown after every decision; Enter goes on (to the next item or the debrief)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "Continue", show=True),
        Binding("u,ctrl+z", "take_back", "Take back", key_display="u"),
    ]
    """Enter goes on; u or ctrl+z take the decision back (in hot-seat, before the hand-over)."""

    def __init__(
        self,
        scenario: Scenario,
        records: Sequence[Record],
        ended: bool,
        date: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.date = date
        self.scenario = scenario
        self.records = list(records)
        self.ended = ended

    def compose(self) -> ComposeResult:
        lines = consequence_lines(self.scenario, self.records, None if self.ended else self.date)
        with VerticalScroll(id="consequences-body"):
            yield Static("What happened", classes="screen-title")
            with Vertical(id="consequences-text"):
                if not lines:
                    yield Static("Nothing changed.")
                for level, text in lines:
                    yield Static(hung(text), classes=f"indent-{level}")
            with Center():
                label = "See the debrief" if self.ended else "Back to the table"
                yield Button(label, id="consequences-continue", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#consequences-body").focus()

    def action_done(self) -> None:
        self.post_message(ConsequencesRead())

    def action_take_back(self) -> None:
        self.post_message(TakeBackRequested())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()
