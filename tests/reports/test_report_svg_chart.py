"""The report's SVG chart: every label inside the drawing, none touching, lines told apart."""

from __future__ import annotations

import itertools
import re
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from excomm_sim.reports.svg import (
    AXIS_LABEL_GAP,
    COLOURS,
    DASHES,
    FONT_SIZE,
    MAX_LABEL_CHARS,
    Line,
    legend,
    line_chart,
    shown_ticks,
    style_of,
    text_width,
)

TEXT = re.compile(
    r'<text x="(?P<x>[-\d.]+)" y="(?P<y>[-\d.]+)" text-anchor="(?P<anchor>\w+)"[^>]*>'
    r"(?P<text>[^<]*)</text>"
)
VIEWBOX = re.compile(r'viewBox="0 0 (?P<width>\d+) (?P<height>\d+)"')
WIDE_CHARACTER = 0.6 * FONT_SIZE
"""A wide sans-serif advance, independent of the module's own estimate."""


def text_boxes(svg: str) -> list[tuple[str, float, float, float, float]]:
    """(text, left, right, top, bottom) of every <text>, measured generously."""
    boxes = []
    for match in TEXT.finditer(svg):
        text = unescape(match["text"])
        x, y = float(match["x"]), float(match["y"])
        width = max(len(text) * WIDE_CHARACTER, text_width(text))
        left = {"start": x, "middle": x - width / 2, "end": x - width}[match["anchor"]]
        boxes.append((text, left, left + width, y - FONT_SIZE, y + 4))
    return boxes


def view_box(svg: str) -> tuple[int, int]:
    match = VIEWBOX.search(svg)
    assert match is not None
    return int(match["width"]), int(match["height"])


def meters(count: int, label: str = "Verification confidence", points: int = 20) -> list[Line]:
    return [
        Line(f"{label} {number}", 0, 100, tuple((number * 7 + t * 3) % 101 for t in range(points)))
        for number in range(count)
    ]


def x_labels(points: int) -> list[str]:
    return ["Start"] + [str(number) for number in range(1, points)]


def assert_every_text_inside(svg: str) -> None:
    width, height = view_box(svg)
    for text, left, right, top, bottom in text_boxes(svg):
        assert left >= 0 and right <= width, f"{text!r} runs off the side ({left}..{right})"
        assert top >= 0 and bottom <= height, f"{text!r} runs off the top or bottom"


@pytest.mark.parametrize("end_labels", [True, False])
def test_the_bundled_games_chart_keeps_every_label_inside_its_view_box(end_labels: bool) -> None:
    svg = line_chart(
        meters(9, "Undisclosed Soviet tactical warheads"), x_labels(20), "t", end_labels=end_labels
    )
    assert_every_text_inside(svg)


@settings(max_examples=60, deadline=None)
@given(
    labels=st.lists(st.text(min_size=1, max_size=90), min_size=1, max_size=12),
    points=st.integers(min_value=1, max_value=60),
    data=st.data(),
)
def test_labels_never_fall_outside_the_view_box(
    labels: list[str], points: int, data: st.DataObject
) -> None:
    lines = [
        Line(
            label,
            0,
            100,
            tuple(data.draw(st.lists(st.integers(-20, 120), min_size=points, max_size=points))),
        )
        for label in labels
    ]
    for end_labels in (True, False):
        assert_every_text_inside(line_chart(lines, x_labels(points), "t", end_labels=end_labels))


def test_end_labels_never_overlap_even_when_lines_end_together() -> None:
    lines = [Line(f"Meter {n}", 0, 100, (50, 100)) for n in range(9)]
    svg = line_chart(lines, x_labels(2), "t")
    ends = sorted(top for text, _l, _r, top, _b in text_boxes(svg) if text.startswith("Meter"))
    assert len(ends) == 9
    assert all(b - a >= FONT_SIZE for a, b in itertools.pairwise(ends))


@pytest.mark.parametrize("points", [2, 5, 12, 20, 31, 60, 200])
@pytest.mark.parametrize("plot_width", [300, 560])
def test_axis_labels_never_touch_and_the_last_decision_is_always_labelled(
    points: int, plot_width: int
) -> None:
    labels = x_labels(points)
    positions = [plot_width * index / (points - 1) for index in range(points)]
    shown = shown_ticks(labels, positions)
    assert shown[0] == 0 and shown[-1] == points - 1
    for a, b in itertools.pairwise(shown):
        right_of_a = positions[a] + text_width(labels[a]) / 2
        left_of_b = positions[b] - text_width(labels[b]) / 2
        assert left_of_b >= right_of_a + AXIS_LABEL_GAP


def test_every_point_is_labelled_when_there_is_room() -> None:
    assert shown_ticks(x_labels(5), [0, 100, 200, 300, 400]) == [0, 1, 2, 3, 4]


def test_no_two_of_the_first_56_lines_share_colour_and_dash() -> None:
    styles = [style_of(number) for number in range(len(COLOURS) * len(DASHES))]
    assert len(set(styles)) == len(styles)


def _relative_luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("colour", COLOURS)
def test_no_line_colour_fades_into_white_paper(colour: str) -> None:
    """Okabe-Ito's yellow (#F0E442) is 1.3:1 against white; every colour kept is over 2:1."""
    contrast = 1.05 / (_relative_luminance(colour) + 0.05)
    assert contrast > 2.0


def test_the_ninth_line_differs_from_the_first_in_colour_or_dash() -> None:
    svg = line_chart(meters(9, points=3), x_labels(3), "t")
    strokes = re.findall(r'<polyline fill="none" stroke="([^"]+)" stroke-width="2"([^/]*)/>', svg)
    assert len(strokes) == 9
    assert len(set(strokes)) == 9


def test_a_long_label_is_shortened_at_the_line_end_but_whole_in_its_tooltip() -> None:
    label = "A variable whose name goes on and on far beyond any sensible length"
    svg = line_chart([Line(label, 0, 10, (1, 2))], x_labels(2), "t")
    shown = [text for text, *_ in text_boxes(svg) if text.startswith("A variable")]
    assert shown == [label[: MAX_LABEL_CHARS - 1].rstrip() + "… (2/10)"]
    assert f"<title>{label}</title>" in svg


def test_end_labels_give_the_last_value_as_the_table_does() -> None:
    svg = line_chart([Line("IL-28s counted", 0, 42, (9, 42))], x_labels(2), "t")
    assert "IL-28s counted (42/42)" in [text for text, *_ in text_boxes(svg)]


def test_the_compact_chart_has_no_end_labels_and_fits_a_phone() -> None:
    svg = line_chart(meters(9), x_labels(20), "t", plot_width=300, end_labels=False)
    assert not any(text.startswith("Verification") for text, *_ in text_boxes(svg))
    assert view_box(svg)[0] <= 370


def test_the_legend_names_every_line_with_its_first_and_last_value() -> None:
    lines = [Line("Tension", 0, 100, (40, 35, 60)), Line("Trust", 0, 100, (50, 50))]
    key = legend(lines)
    assert key.count("<li>") == 2
    assert "Tension: 40/100 → 60/100" in key
    assert "Trust: 50/100 throughout" in key


def test_the_legend_samples_match_the_chart_lines() -> None:
    lines = meters(9)
    key = legend(lines)
    for number in range(9):
        colour, dash = style_of(number)
        sample = f'stroke="{colour}" stroke-width="2"' + (
            f' stroke-dasharray="{dash}"' if dash else ""
        )
        assert sample in key
