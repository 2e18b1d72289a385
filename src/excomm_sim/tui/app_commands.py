"""The app-wide commands: help, the light/dark theme, quitting, and the command palette.

A mixin of ``ExcommApp``: the actions its key bindings name, and the entries
``ctrl+p`` lists beside Textual's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

if TYPE_CHECKING:
    from excomm_sim.session import GameSession

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class AppCommands(App[int]):
    """Help, theme, quit (asking first) and the palette's game commands."""

    session: GameSession | None

    if TYPE_CHECKING:  # provided by ExcommApp

        def pop_to_title(self) -> None: ...

    def action_help(self) -> None:
        from excomm_sim.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def action_request_quit(self) -> None:
        from excomm_sim.tui.screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return
        question = "Quit ExComm?"
        if self.session is not None and not self.session.ended:
            question += " The game is saved; Continue resumes it."

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit(0)

        self.push_screen(ConfirmScreen(question, yes="Quit", no="Stay"), answered)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and what the meters mean", self.action_help)
        yield SystemCommand(
            "Light / dark", "Switch between the light and dark themes", self.action_toggle_theme
        )
        if self.session is not None:
            yield SystemCommand("Back to title", "Leave this game (it is saved)", self.pop_to_title)
