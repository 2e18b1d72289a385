"""Hanging indents for Textual text: wrapped lines continue under the text they belong to.

Textual wraps a long line back to the left edge, so an indented objective or a bulleted
log entry loses its shape at 80 columns. ``Hanging`` renders one item with a head (marker,
number, bullet) and a body that wraps under its own first letter; ``hung`` does that for
each line of a block, reading the hang from the line's leading spaces and bullet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

BULLET = re.compile(r" *(?:(?:[•✓✗▲▼■*!-]|\[[x ]\]|\d+\.|[█░]+) )?")
"""Leading spaces, then an optional bullet, check mark, '[x]' box, '1.' number or meter."""


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


class HungLines(Visual):
    """Several ``Hanging`` lines one under the other (see ``hung``)."""

    def __init__(self, lines: Sequence[Hanging]) -> None:
        self.lines = tuple(lines)

    @property
    def plain(self) -> str:
        return "\n".join(line.plain for line in self.lines)

    def __str__(self) -> str:
        return self.plain

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(
            (line.get_optimal_width(rules, container_width) for line in self.lines), default=0
        )

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(line.get_height(rules, width) for line in self.lines)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips = [
            strip
            for line in self.lines
            for strip in line.render_strips(width, None, style, options)
        ]
        return strips if height is None else strips[:height]


def hang(line: Content) -> Hanging:
    """One line hung from its leading spaces and bullet: '   ✓ met …' wraps under 'met'."""
    match = BULLET.match(line.plain)
    cut = match.end() if match else 0
    return Hanging(line[:cut], line[cut:])


def hung(content: Content | str) -> HungLines:
    """A block whose every line keeps its indent when it wraps."""
    block = content if isinstance(content, Content) else Content(content)
    return HungLines([hang(line) for line in block.split("\n")])
