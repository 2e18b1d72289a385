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
  1-9               pick the numbered option (nothing is decided yet)
  Enter             confirm the picked option: the decision is made
  u, ctrl+z         take back your last decision (solo; in hot-seat only
                    before you hand the keyboard on)
  o                 go to the options
  d                 go to the situation panel (dashboard and log)
  b                 read your private briefing again
  s                 read the record's paragraphs this item cites
  m                 your objectives now, and what each meter means
  g                 who's who and the glossary
  l                 the whole log, full screen

The situation panel
  ██████░░ 60/100   a meter: its value in its range
  ███░░░┃░          ┃ marks where the game breaks (m explains each meter)
  ▲ better, ▼ worse how the last decision moved it, and if that is good
  ▁▂▃▅▆             its trend: one mark per decision since the start
  yes / no          a flag; other words are a status (e.g. "In port")

Options and advisers
  ▶                 the picked option (Enter confirms it)
  [withheld]        not open now; the reason is shown under it
  odds: …           each outcome's chance (when the scenario shows it)
  ✓ favours         a computer adviser's position, with how strongly:
  ✗ opposes           leans to, firmly, or insists
  → recommends      a player's recommendation (the computer "leans to")

Every decision is saved at once; Continue on the title resumes the game.
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
