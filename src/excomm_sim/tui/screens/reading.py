"""A modal page to read over the decision room: a scrolling text and a Close button."""

from __future__ import annotations

from typing import ClassVar

from textual.screen import ModalScreen
from textual.widgets import Button


class ReadingModal(ModalScreen[None]):
    """Focuses its scroll area on opening (so the arrows and PgUp/PgDn read it) and closes
    on its button or ``action_close``; subclasses compose the page and bind their keys.

    ``SCROLL`` is the id of the scrolling container the subclass composes.
    """

    SCROLL: ClassVar[str] = ""

    def on_mount(self) -> None:
        self.query_one(f"#{self.SCROLL}").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
