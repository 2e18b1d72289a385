"""The title screen: new game, continue, load, replay, quit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from excomm_sim.tui.messages import ContinueRequested, NewGameRequested, SavesListRequested
from excomm_sim.tui.widgets.marked import MarkedOptionList, gutter_prompt

if TYPE_CHECKING:  # the saves and the engine load after the first paint, in a worker
    from excomm_sim.saves.summary import SaveSummary

TITLE_ART = "E X C O M M"
TAGLINE = "A teaching wargame — the ExComm meeting of 3 November 1962"


def continue_target(saves_dir: Path, scenarios_dir: Path | None) -> SaveSummary | None:
    """The game Continue resumes: the most recently played unfinished one (file I/O: a worker).

    With no save file at all (a new student) nothing more is loaded: the saves and the
    engine are imported only to replay a save, so the first keys stay quick.
    """
    try:
        if not any(path.suffix == ".json" for path in saves_dir.iterdir()):
            return None
    except OSError:  # no folder yet, or one that cannot be read: nothing to continue
        return None
    from excomm_sim.saves.summary import ScenarioCache, latest_unfinished

    return latest_unfinished(saves_dir, ScenarioCache([scenarios_dir] if scenarios_dir else []))


class TitleScreen(Screen[None]):
    """The first screen. The app names the game Continue resumes with ``set_latest``."""

    def __init__(self, replay_available: bool, tagline: str = TAGLINE) -> None:
        super().__init__()
        self.latest: SaveSummary | None = None
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

    def set_latest(self, latest: SaveSummary | None) -> None:
        """Say where Continue takes the player (None: no unfinished game, Continue greyed)."""
        self.latest = latest
        menu = self.query_one("#title-menu", MarkedOptionList)
        text = "Continue  (no unfinished game)"
        if latest is not None:
            from excomm_sim.story.saved import continue_parts

            head, standing = continue_parts(latest)
            text = f"{head}\n    {standing}"
        menu.replace_option_prompt("continue", gutter_prompt(text))
        if latest:
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
