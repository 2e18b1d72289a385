"""The options on the table: offered ones selectable, withheld ones greyed with the reason."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from excomm_sim.engine.game import OptionView
from excomm_sim.tui.describe import percent


def option_prompt(number: int | None, view: OptionView) -> Content:
    """An option's text: number and label, its description, then odds or why it is withheld."""
    label = view.option.label
    if not view.offered:
        head = Content.assemble(("[withheld] ", "italic"), label)
        reason = view.reason or "not available now"
        return Content.assemble(head, "\n   ", ("why: " + reason, "italic"))
    head = Content.assemble((f"{number}. ", "bold"), (label, "bold"))
    lines = [head]
    if view.option.text:
        lines.append(Content("   " + view.option.text))
    if view.odds:
        odds = ", ".join(f"{outcome.label} {percent(p)}" for outcome, p in view.odds)
        lines.append(Content.assemble("   ", ("odds: " + odds, "italic")))
    return Content("\n").join(lines)


class OptionsList(OptionList):
    """The options as a list: arrows or mouse to highlight, Enter or click to choose.

    Option ids are the scenario's option ids; the screen turns a selection into an
    ``OptionPicked`` message. Number keys 1-9 choose the matching offered option.
    """

    DEFAULT_CSS = """
    OptionsList {
        height: auto;
        max-height: 999;
        margin: 0 0 1 0;
    }
    """

    def __init__(self, views: Sequence[OptionView], id: str | None = None) -> None:
        options: list[Option] = []
        number = 0
        for view in views:
            if view.offered:
                number += 1
            options.append(
                Option(
                    option_prompt(number if view.offered else None, view),
                    id=view.option.id,
                    disabled=not view.offered,
                )
            )
        super().__init__(*options, id=id)
        self.offered_ids = [view.option.id for view in views if view.offered]

    def on_key(self, event: events.Key) -> None:
        key = event.key
        if len(key) == 1 and key.isdigit() and key != "0":
            index = int(key) - 1
            if index < len(self.offered_ids):
                event.stop()
                self.highlighted = self.get_option_index(self.offered_ids[index])
                self.action_select()
