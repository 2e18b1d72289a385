"""An OptionList that marks the highlighted option with ▶, so it never depends on colour."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARK = "▶"


def gutter_prompt(prompt: object) -> Content:
    """A prompt with two columns in front of its first line for the marker."""
    content = prompt if isinstance(prompt, Content) else Content(str(prompt))
    return Content.assemble("  ", content)


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
