"""A self-drawn inline SVG line chart of the int variables over a game (no scripts, no links).

Each line is told apart by colour (the Okabe-Ito palette, safe for colour-blind readers),
by dash pattern and by a label at its end, so the chart still reads in black and white.
Values are drawn as a share of each variable's own range, so meters of different scales
fit one chart; the exact numbers are in each point's tooltip and in the report's table.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from attrs import frozen

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "12 2 2 2")


@frozen
class Line:
    """One variable to draw: its label, range, and values at each point in time."""

    label: str
    minimum: int
    maximum: int
    values: tuple[int, ...]


LABEL_GAP = 12.0
"""Vertical room one end-of-line label needs (11px text)."""


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


def _when(x_labels: Sequence[str], index: int) -> str:
    return "at the start" if index == 0 else f"after decision {x_labels[index]}"


def line_chart(lines: Sequence[Line], x_labels: Sequence[str], title: str, width: int = 760) -> str:
    """The chart as an ``<svg>`` element (no xmlns needed inline in HTML5)."""
    left, right, top, bottom = 48, 230, 24, 40
    height = 300
    plot_w = width - left - right
    plot_h = height - top - bottom
    count = max(len(x_labels), 2)

    def x_at(index: int) -> float:
        return left + plot_w * index / (count - 1)

    def y_at(line: Line, value: int) -> float:
        span = max(line.maximum - line.minimum, 1)
        share = min(max((value - line.minimum) / span, 0.0), 1.0)
        return top + plot_h * (1 - share)

    label_y = spread_labels([y_at(line, line.values[-1]) if line.values else top for line in lines])
    svg_height = max(height, int(max(label_y, default=0) + 8))
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {svg_height}" width="{width}" '
        f'height="{svg_height}" '
        f'role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for percent in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - percent / 100)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
            f'stroke="#ccc" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
            f"{percent}%</text>"
        )
    for index, label in enumerate(x_labels):
        parts.append(
            f'<text x="{x_at(index):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
            f'font-size="11">{escape(label)}</text>'
        )
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" '
        f'font-size="11">decision (share of each variable\'s range)</text>'
    )
    for number, line in enumerate(lines):
        colour = COLOURS[number % len(COLOURS)]
        dash = DASHES[number % len(DASHES)]
        points = " ".join(
            f"{x_at(index):.1f},{y_at(line, value):.1f}" for index, value in enumerate(line.values)
        )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f"<g><title>{escape(line.label)}</title>")
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash_attr} '
            f'points="{points}"/>'
        )
        for index, value in enumerate(line.values):
            parts.append(
                f'<circle cx="{x_at(index):.1f}" cy="{y_at(line, value):.1f}" r="3" '
                f'fill="{colour}"><title>{escape(line.label)} {escape(_when(x_labels, index))}: '
                f"{value} (range {line.minimum} to {line.maximum})</title></circle>"
            )
        if line.values:
            last_y = label_y[number]
            parts.append(
                f'<line x1="{left + plot_w + 6}" y1="{last_y:.1f}" x2="{left + plot_w + 26}" '
                f'y2="{last_y:.1f}" stroke="{colour}" stroke-width="2"{dash_attr}/>'
            )
            parts.append(
                f'<text x="{left + plot_w + 30}" y="{last_y + 4:.1f}" font-size="11" '
                f'fill="#222">{escape(line.label)} ({line.values[-1]})</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)
