"""Help: the keys, and what the dashboard's meters, arrows and marks mean."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

HELP_TEXT = """\
Keys (everywhere)
  ↑ ↓, mouse        move through a list
  Enter, click      choose
  Tab, shift+Tab    next / previous area
  PgUp, PgDn        scroll
  ?, F1             this help
  t                 light / dark theme
  ctrl+p            command palette
  q, ctrl+q         quit (asks first; the game is already saved)
  Escape            back / close

In the decision room
  1-9               choose the numbered option at once
  o                 go to the options
  d                 go to the situation panel (dashboard and log)
  b                 read your private briefing again
  s                 read the record's paragraphs this item cites

The situation panel
  ██████░░ 60/100   a meter: the bar and the number show the value in its range
  ▲ better, ▼ worse how the last decision moved it, judged by the variable
  ▁▂▃▅▆             its trend line: one mark per decision since the start
  yes / no          a flag; other words are a status (e.g. "In port")

Options and advisers
  ▶                 the highlighted option (Enter chooses it)
  [withheld]        not open now; the reason is shown under it
  odds: …           each outcome's chance, when the scenario lets you see it
  ✓ favours         an adviser's position, with how strongly:
  ✗ opposes           leans, firmly, or insists
  → recommends      a human adviser's recommendation

The game saves itself after every decision: "Continue" on the title resumes it.
"""


class HelpScreen(ModalScreen[None]):
    """A dismissable overlay; Escape, Enter, ? or the button closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("enter", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Content.styled("Help", "bold"), classes="screen-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(Content(HELP_TEXT), id="help-text")
            yield Button("Close", id="help-close", variant="primary")

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
