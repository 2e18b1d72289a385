"""A self-drawn inline SVG line chart of the int variables over a game, and its legend.

Each line is told apart by colour (the Okabe-Ito palette, safe for colour-blind readers,
without its yellow, which vanishes on white paper), by dash pattern and by a label at its
end, so the chart still reads in black and white. Seven colours against eight dashes give
56 distinct styles before any repeats. Values are drawn as a share of each variable's own
range, so meters of different scales fit one chart; the exact numbers are in each point's
tooltip, in the legend and in the report's table. No scripts, no links.

Text sizes are estimated (no font metrics without a browser) with a generous character
width, and the drawing grows to hold its longest label: the chart scales down to fit the
page through CSS, and nothing is ever cut off at the edge of its box.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from html import escape

from attrs import frozen

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "12 2 2 2")

FONT_FAMILY = "Helvetica, Arial, sans-serif"
FONT_SIZE = 12
CHAR_WIDTH = 0.62 * FONT_SIZE
"""A generous average advance of one character: Arial and Helvetica average about 0.5em."""

MAX_LABEL_CHARS = 44
"""Longer line labels are shortened with an ellipsis (the legend and tooltip keep them whole)."""

LEFT, TOP, BOTTOM = 48, 34, 44
PLOT_HEIGHT = 240
SWATCH = 26
"""Length of the line sample drawn before each end label and in the legend."""


@frozen
class Line:
    """One variable to draw: its label, range, and values at each point in time."""

    label: str
    minimum: int
    maximum: int
    values: tuple[int, ...]


LABEL_GAP = 14.0
"""Vertical room one end-of-line label needs (12px text)."""


def text_width(text: str) -> float:
    """A generous estimate of how wide ``text`` is drawn at the chart's font size."""
    return len(text) * CHAR_WIDTH


def style_of(number: int) -> tuple[str, str]:
    """The (colour, dash pattern) of the ``number``-th line; distinct for 56 lines."""
    return COLOURS[number % len(COLOURS)], DASHES[number % len(DASHES)]


def marker(number: int, x: float, y: float, colour: str, tooltip: str = "") -> str:
    """A point of the ``number``-th line: circles for the first seven lines, then squares.

    Lines that share a colour (the eighth on) differ in dash pattern and in marker shape.
    """
    title = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    if (number // len(COLOURS)) % 2 == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">{title}</circle>'
    return (
        f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{colour}">{title}</rect>'
    )


def value_label(line: Line, value: int) -> str:
    """A value as the report's table shows it: '35/100'."""
    return f"{value}/{line.maximum}"


def end_label(line: Line) -> str:
    """The label drawn at a line's end: its name (shortened if long) and its last value."""
    name = line.label
    if len(name) > MAX_LABEL_CHARS:
        name = name[: MAX_LABEL_CHARS - 1].rstrip() + "…"
    return f"{name} ({value_label(line, line.values[-1])})" if line.values else name


def spread_labels(wanted: Sequence[float], gap: float = LABEL_GAP, low: float = 8.0) -> list[float]:
    """Label heights as near ``wanted`` as possible, at least ``gap`` apart, none above ``low``.

    Labels keep their vertical order; crowded ones are pushed down, so the chart's height
    grows to fit them (see ``line_chart``) rather than letting them overlap or fall off.
    """
    order = sorted(range(len(wanted)), key=lambda index: wanted[index])
    placed = [0.0] * len(wanted)
    previous = low - gap
    for index in order:
        placed[index] = max(wanted[index], previous + gap, low)
        previous = placed[index]
    return placed


AXIS_LABEL_GAP = 4.0
"""Least room between two time labels on the axis."""


def shown_ticks(x_labels: Sequence[str], positions: Sequence[float]) -> list[int]:
    """Which time points get a label: every n-th, n as small as lets none touch, and the last.

    Labels are centred on their points. The last point (where the game ended) is always
    labelled, dropping the evenly spaced label before it if the two would touch.
    """

    def extent(index: int) -> tuple[float, float]:
        half = text_width(x_labels[index]) / 2
        return positions[index] - half, positions[index] + half

    def clear(left: int, right: int) -> bool:
        return extent(right)[0] >= extent(left)[1] + AXIS_LABEL_GAP

    count = len(x_labels)
    for step in range(1, max(count, 1)):
        shown = list(range(0, count, step))
        if all(clear(a, b) for a, b in itertools.pairwise(shown)):
            break
    else:
        shown = [0] if count else []
    last = count - 1
    if shown and shown[-1] != last:
        while len(shown) > 1 and not clear(shown[-1], last):
            shown.pop()
        shown.append(last)
    return shown


def _when(x_labels: Sequence[str], index: int) -> str:
    return "at the start" if index == 0 else f"after decision {x_labels[index]}"


def _text(x: float, y: float, text: str, anchor: str = "start", fill: str = "#222") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}">{escape(text)}</text>'
    )


AXIS_CAPTION = "Start, then after each decision"
SCALE_CAPTIONS = (
    "Share of each variable's range (0% its lowest, 100% its highest)",
    "Share of range",
)


def line_chart(
    lines: Sequence[Line],
    x_labels: Sequence[str],
    title: str,
    *,
    plot_width: int = 560,
    end_labels: bool = True,
    css_class: str = "chart",
    chart_id: str = "chart",
) -> str:
    """The chart as an ``<svg>`` element (no xmlns needed inline in HTML5).

    Its ``viewBox`` holds every label: the width grows with the longest end label and the
    height with labels pushed down to keep clear of each other. Without ``end_labels``
    (a narrow chart for phones, read with the legend) the plot takes the whole width.
    """
    count = max(len(x_labels), 2)
    labels = [end_label(line) for line in lines] if end_labels else []
    right = SWATCH + 10 + max((text_width(label) for label in labels), default=0.0) + 8
    width = math.ceil(LEFT + plot_width + (right if end_labels else 16))

    def x_at(index: int) -> float:
        return LEFT + plot_width * index / (count - 1)

    def y_at(line: Line, value: int) -> float:
        span = max(line.maximum - line.minimum, 1)
        share = min(max((value - line.minimum) / span, 0.0), 1.0)
        return TOP + PLOT_HEIGHT * (1 - share)

    label_y = spread_labels(
        [y_at(line, line.values[-1]) if line.values else TOP for line in lines], low=TOP
    )
    axis_y = TOP + PLOT_HEIGHT + 18
    height = TOP + PLOT_HEIGHT + BOTTOM
    if labels:
        height = max(height, math.ceil(max(label_y, default=0) + 8))
    caption = next(
        (text for text in SCALE_CAPTIONS if 4 + text_width(text) <= width), SCALE_CAPTIONS[-1]
    )
    parts = [
        f'<svg class="{css_class}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}" '
        f'role="img" aria-labelledby="{chart_id}-title">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        _text(4, 16, caption),
    ]
    for percent in (0, 25, 50, 75, 100):
        y = TOP + PLOT_HEIGHT * (1 - percent / 100)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_width}" y2="{y:.1f}" '
            f'stroke="#bbb" stroke-width="1"/>'
        )
        parts.append(_text(LEFT - 6, y + 4, f"{percent}%", anchor="end"))
    baseline = TOP + PLOT_HEIGHT
    for index in range(len(x_labels)):
        parts.append(
            f'<line x1="{x_at(index):.1f}" y1="{baseline}" x2="{x_at(index):.1f}" '
            f'y2="{baseline + 4}" stroke="#888" stroke-width="1"/>'
        )
    for index in shown_ticks(x_labels, [x_at(index) for index in range(len(x_labels))]):
        parts.append(_text(x_at(index), axis_y, x_labels[index], anchor="middle"))
    parts.append(_text(LEFT + plot_width / 2, axis_y + 20, AXIS_CAPTION, "middle"))
    for number, line in enumerate(lines):
        colour, dash = style_of(number)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        points = " ".join(
            f"{x_at(index):.1f},{y_at(line, value):.1f}" for index, value in enumerate(line.values)
        )
        parts.append(f"<g><title>{escape(line.label)}</title>")
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash_attr} '
            f'points="{points}"/>'
        )
        for index, value in enumerate(line.values):
            tooltip = (
                f"{line.label} {_when(x_labels, index)}: "
                f"{value} (range {line.minimum} to {line.maximum})"
            )
            parts.append(marker(number, x_at(index), y_at(line, value), colour, tooltip))
        if labels and line.values:
            y = label_y[number]
            start = LEFT + plot_width + 6
            parts.append(
                f'<line x1="{start}" y1="{y:.1f}" x2="{start + SWATCH}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
            )
            parts.append(_text(start + SWATCH + 4, y + 4, labels[number]))
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def legend(lines: Sequence[Line]) -> str:
    """The chart's key as an HTML list: each line's sample, name, and start and end values.

    Plain HTML rather than part of the drawing, so it wraps to any screen and paper width
    and stays readable where the chart is shrunk to fit a phone.
    """
    items = []
    for number, line in enumerate(lines):
        colour, dash = style_of(number)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        sample = (
            f'<svg class="swatch" viewBox="0 0 {SWATCH + 4} 10" width="{SWATCH + 4}" height="10" '
            f'aria-hidden="true"><line x1="2" y1="5" x2="{SWATCH + 2}" y2="5" stroke="{colour}" '
            f'stroke-width="2"{dash_attr}/>{marker(number, SWATCH / 2 + 2, 5, colour)}</svg>'
        )
        values = ""
        if line.values:
            first, last = value_label(line, line.values[0]), value_label(line, line.values[-1])
            values = f": {first} → {last}" if first != last else f": {last} throughout"
        items.append(f"<li>{sample} {escape(line.label)}{escape(values)}</li>")
    return f'<ul class="legend">{"".join(items)}</ul>'
