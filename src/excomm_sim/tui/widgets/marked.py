"""An OptionList that marks the highlighted option with ▶, so it never depends on colour.

Each prompt hangs: its wrapped lines start under its text, not under the marker or the
option's number, so a long label at 80 columns still reads as one item.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARK = "▶"
GUTTER = "  "
"""Room in front of every prompt for the marker."""


class Hanging(Visual):
    """``head`` then ``body``, with every line of the body after the first under its start."""

    def __init__(self, head: Content, body: Content) -> None:
        self.head = head
        self.body = body

    @property
    def plain(self) -> str:
        """The text as a screen reader or a test reads it (no indent)."""
        return self.head.plain + self.body.plain

    def __str__(self) -> str:
        return self.plain

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        indent = self.head.cell_length
        return indent + self.body.get_optimal_width(rules, max(container_width - indent, 1))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(width - self.head.cell_length, 1))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        indent = self.head.cell_length
        lines = self.body.render_strips(max(width - indent, 1), height, style, options)
        if not indent:
            return lines
        head = self.head.render_strips(indent, 1, style, options)[0]
        blank = Strip.blank(indent, style.rich_style)
        return [Strip.join([head if n == 0 else blank, line]) for n, line in enumerate(lines)]


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
