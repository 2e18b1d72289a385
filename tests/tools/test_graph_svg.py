"""``graph --format svg|html``: our own layered layout, drawn without anything installed."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from excomm_sim.cli import main
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.tools.graph import build_graph, render
from excomm_sim.tools.graph_svg import _reshaped, _size, render_html, render_svg
from excomm_sim.tools.layered import Box, Layout, layout

SVG = "{http://www.w3.org/2000/svg}"
HARBOUR = Path(__file__).parents[1] / "scenario" / "fixtures" / "harbour.yaml"


@st.composite
def dags(draw: st.DrawFn) -> tuple[list[Box], list[tuple[str, str]]]:
    count = draw(st.integers(1, 14))
    boxes = [
        Box(f"n{index}", draw(st.floats(20, 200)), draw(st.floats(10, 60)))
        for index in range(count)
    ]
    pairs = [(a, b) for a, b in itertools.combinations(range(count), 2)]
    chosen = draw(st.lists(st.sampled_from(pairs), max_size=25, unique=True)) if pairs else []
    return boxes, [(f"n{a}", f"n{b}") for a, b in chosen]


def _overlaps(placed: Layout, gap: float = 0.0) -> list[tuple[str, str]]:
    found = []
    for (a, one), (b, other) in itertools.combinations(placed.boxes.items(), 2):
        apart_x = abs(one.x - other.x) >= (one.width + other.width) / 2 + gap - 1e-6
        apart_y = one.y + one.height <= other.y + 1e-6 or other.y + other.height <= one.y + 1e-6
        if not (apart_x or apart_y):
            found.append((a, b))
    return found


@settings(max_examples=150, deadline=None)
@given(dags())
def test_boxes_never_overlap_and_edges_run_down(
    graph: tuple[list[Box], list[tuple[str, str]]],
) -> None:
    boxes, edges = graph
    placed = layout(boxes, edges, box_gap=10.0)
    assert _overlaps(placed) == []
    for route in placed.routes:
        ys = [y for _, y in route.points]
        assert ys == sorted(ys), route
    for box in placed.boxes.values():
        assert box.x - box.width / 2 >= 0 and box.x + box.width / 2 <= placed.width
        assert box.y + box.height <= placed.height


def test_the_layout_is_deterministic() -> None:
    boxes = [Box(name, 50, 20) for name in "abcdef"]
    edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "e"), ("a", "f"), ("f", "d")]
    assert layout(boxes, edges) == layout(boxes, edges)


def test_crossings_given_by_the_input_order_are_undone() -> None:
    boxes = [Box(name, 40, 20) for name in ("top1", "top2", "low1", "low2")]
    placed = layout(boxes, [("top1", "low2"), ("top2", "low1")])
    tops = sorted(("top1", "top2"), key=lambda n: placed.boxes[n].x)
    lows = sorted(("low1", "low2"), key=lambda n: placed.boxes[n].x)
    assert [tops.index("top1"), tops.index("top2")] == [
        lows.index("low2"),
        lows.index("low1"),
    ]


def test_a_cycle_is_laid_out_without_hanging() -> None:
    placed = layout([Box("a", 30, 20), Box("b", 30, 20)], [("a", "b"), ("b", "a")])
    assert len(placed.routes) == 2


@pytest.mark.parametrize("name", ["meeting19", "school_budget"])
def test_the_bundled_flows_draw_as_valid_svg_without_overlaps(name: str) -> None:
    scenario = load_path(bundled_scenario(name))
    text = render(scenario, "svg")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    drawn = " ".join(element.text or "" for element in root.iter(f"{SVG}text"))
    for decision in scenario.decisions:
        assert decision.title.split()[0] in drawn
    items, edges, _ = _reshaped(build_graph(scenario))
    placed = layout(
        [Box(item.id, *_size(item)) for item in items], [(e.source, e.target) for e in edges]
    )
    assert _overlaps(placed) == []


def test_conditions_sit_inside_the_boxes_they_guard() -> None:
    svg = render(load_path(HARBOUR), "svg")
    assert "if tension &gt;= 40" in svg
    assert "weight 50 + goodwill * 2" in svg
    assert "Checked after every decision" in svg


def test_the_page_is_self_contained() -> None:
    page = render_html(build_graph(load_path(bundled_scenario("meeting19"))))
    assert page.startswith("<!doctype html>")
    assert "<script" not in page
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert render_svg(build_graph(load_path(bundled_scenario("meeting19")))) in page


def test_graph_writes_svg_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "school_budget", "--format", "svg", "-o", str(tmp_path / "f.svg")]) == 0
    ET.parse(tmp_path / "f.svg")
    assert main(["graph", "school_budget", "--format", "html", "-o", str(tmp_path / "f.html")]) == 0
    assert "<svg" in (tmp_path / "f.html").read_text(encoding="utf-8")


def test_an_unknown_format_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["graph", "school_budget", "--format", "png"])
    assert caught.value.code == 2
