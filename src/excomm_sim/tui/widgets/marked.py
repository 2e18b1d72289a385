"""An OptionList that marks the highlighted option with ▶, so it never depends on colour.

Each prompt hangs: its wrapped lines start under its text, not under the marker or the
option's number, so a long label at 80 columns still reads as one item.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from excomm_sim.tui.widgets.hanging import Hanging

MARK = "▶"
GUTTER = "  "
"""Room in front of every prompt for the marker."""


def hanging(prompt: object) -> Hanging:
    """Any prompt as a Hanging one (a plain one hangs from its own start)."""
    if isinstance(prompt, Hanging):
        return prompt
    content = prompt if isinstance(prompt, Content) else Content(str(prompt))
    return Hanging(Content(""), content)


def gutter_prompt(prompt: object) -> Hanging:
    """A prompt with the marker's two columns in front, its wrapped lines hung under it."""
    hung = hanging(prompt)
    return Hanging(Content.assemble(GUTTER, hung.head), hung.body)


def gutter(option: Option) -> Option:
    """The same option with room for the marker (see ``gutter_prompt``)."""
    return Option(gutter_prompt(option.prompt), id=option.id, disabled=option.disabled)


class MarkedOptionList(OptionList):
    """Like OptionList, plus a ▶ in front of the highlighted option (for monochrome screens,
    colour-blind players and screen readers that read the terminal's text)."""

    def __init__(self, *options: Option, id: str | None = None) -> None:
        super().__init__(*(gutter(option) for option in options), id=id)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option_index, line_offset = self._lines[self.scroll_offset.y + y]
        except (IndexError, AttributeError):
            return strip
        if option_index != self.highlighted or line_offset != 0 or strip.cell_length < 2:
            return strip
        segments = list(strip)
        style = segments[0].style if segments else None
        return Strip.join([Strip([Segment(MARK, style)]), strip.crop(1, strip.cell_length)])
