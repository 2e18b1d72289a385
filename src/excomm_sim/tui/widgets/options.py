"""The options on the table: offered ones selectable, withheld ones greyed with the reason."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.widgets.option_list import Option

from excomm_sim.engine.observe import OptionView
from excomm_sim.story.text import percent, prose
from excomm_sim.tui.widgets.hanging import Hanging
from excomm_sim.tui.widgets.marked import MarkedOptionList


def odds_text(view: OptionView) -> str:
    """'odds: Castro refuses 60%, Castro agrees 40%', or '' when the odds are not shown."""
    if not view.odds:
        return ""
    return "odds: " + ", ".join(f"{outcome.label} {percent(p)}" for outcome, p in view.odds)


HISTORY_MARK = "  ★ history"
"""Author mode's mark on the option history took (the debug panel turns it on)."""


def option_prompt(number: int | None, view: OptionView, mark_history: bool = False) -> Hanging:
    """An option's line: number and label, then its odds or why it is withheld.

    The label's wrapped lines hang under the label, clear of the number. The longer
    description is not here: the decision room shows it for the highlighted option
    (``option_detail``), which keeps the list short at 80x24.
    """
    label = view.option.label
    mark = (HISTORY_MARK, "italic $accent") if mark_history and view.option.history else ""
    if not view.offered:
        reason = view.reason or "not available now"
        return Hanging(
            Content("   "),  # as wide as "1. ", so withheld labels line up with offered ones
            Content.assemble(
                ("[withheld] ", "italic"), label, mark, ("\nwhy: " + reason, "italic")
            ),
        )
    head = Content.styled(f"{number}. ", "bold")
    odds = odds_text(view)
    body = Content.assemble((label, "bold"), mark)
    return Hanging(head, Content.assemble(body, ("\n" + odds, "italic")) if odds else body)


def option_detail(view: OptionView) -> Content:
    """The highlighted option in full: label, description, odds or the reason it is withheld."""
    parts = [Content.styled(view.option.label, "bold")]
    if view.option.text:
        parts.append(Content(prose(view.option.text)))
    if not view.offered:
        parts.append(Content.styled("[withheld] " + (view.reason or "not available now"), "italic"))
    odds = odds_text(view)
    if odds:
        parts.append(Content.styled(odds, "italic"))
    return Content("\n").join(parts)


class OptionsList(MarkedOptionList):
    """The options as a list: arrows or mouse to highlight, Enter or click to choose.

    Option ids are the scenario's option ids; the screen turns a selection into an
    ``OptionPicked`` message (the screen also binds 1-9 to the offered options).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Confirm"),
        Binding("pagedown", "page_container(1)", "Scroll down", show=False),
        Binding("pageup", "page_container(-1)", "Scroll up", show=False),
    ]
    """Enter confirms the highlighted option (the footer says so); PgUp/PgDn scroll the
    page the list sits in (the list itself is never taller)."""

    DEFAULT_CSS = """
    OptionsList {
        height: auto;
        max-height: 999;
        border: none;
        border-left: outer $border-blurred;
        padding: 0;
        margin: 0;
        &:focus {
            border: none;
            border-left: outer $border;
        }
    }
    """

    def __init__(
        self, views: Sequence[OptionView], id: str | None = None, mark_history: bool = False
    ) -> None:
        """``mark_history``: mark the option history took (author mode only)."""
        options: list[Option] = []
        number = 0
        for view in views:
            if view.offered:
                number += 1
            options.append(
                Option(
                    option_prompt(number if view.offered else None, view, mark_history),
                    id=view.option.id,
                    disabled=not view.offered,
                )
            )
        super().__init__(*options, id=id)
        self.views = {view.option.id: view for view in views}
        self.offered_ids = [view.option.id for view in views if view.offered]

    async def _on_click(self, event: events.Click) -> None:
        """A click on another option highlights it; a click on the highlighted one chooses
        it (as Enter does), so a stray click never commits."""
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self._options[clicked].disabled:
            return
        if clicked == self.highlighted:
            self.action_select()
        else:
            self.highlighted = clicked

    def action_page_container(self, direction: int) -> None:
        container = self.parent
        if isinstance(container, ScrollableContainer):
            if direction > 0:
                container.scroll_page_down()
            else:
                container.scroll_page_up()
