"""The title screen: new game, continue, load, replay, quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from excomm_sim.tui.messages import ContinueRequested, NewGameRequested, SavesListRequested
from excomm_sim.tui.widgets.marked import MarkedOptionList, gutter_prompt

TITLE_ART = "E X C O M M"
TAGLINE = "A teaching wargame — the ExComm meeting of 3 November 1962"


class TitleScreen(Screen[None]):
    """The first screen. The app names the newest save for Continue with ``set_latest``."""

    def __init__(self, replay_available: bool, tagline: str = TAGLINE) -> None:
        super().__init__()
        self.latest_name: str | None = None
        self.replay_available = replay_available
        self.tagline = tagline

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="title-body"), Vertical(id="title-box"):
            yield Static(TITLE_ART, id="title-art")
            yield Static(Content(self.tagline), id="title-tagline")
            yield MarkedOptionList(
                Option("New game", id="new"),
                Option("Continue", id="continue", disabled=True),
                Option("Load a saved game", id="load"),
                Option(
                    "Replay a saved game" + ("" if self.replay_available else "  (not available)"),
                    id="replay",
                    disabled=not self.replay_available,
                ),
                Option("Quit", id="quit"),
                id="title-menu",
            )
            yield Static(
                "↑↓ Enter: choose · ?: help · t: theme · ctrl+p: commands",
                id="title-hint",
            )
        yield Footer()

    def set_latest(self, name: str | None) -> None:
        """Show which save Continue resumes (None: there is none, Continue stays greyed)."""
        self.latest_name = name
        menu = self.query_one("#title-menu", MarkedOptionList)
        text = f"Continue  ({name})" if name else "Continue  (no saved game)"
        menu.replace_option_prompt("continue", gutter_prompt(text))
        if name:
            menu.enable_option("continue")
        else:
            menu.disable_option("continue")

    def on_mount(self) -> None:
        self.query_one("#title-menu", OptionList).focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        if choice == "new":
            self.post_message(NewGameRequested())
        elif choice == "continue":
            self.post_message(ContinueRequested())
        elif choice in ("load", "replay"):
            self.post_message(SavesListRequested(purpose=choice))
        elif choice == "quit":
            await self.run_action("app.request_quit")
