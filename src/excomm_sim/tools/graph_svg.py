"""The decision flow drawn as SVG (or a self-contained HTML page), with our own layout.

Reads the same ``FlowGraph`` as the Mermaid and dot renderers, then reshapes it for a
drawing people read top to bottom:

- conditions go inside the boxes they guard ("if tension >= 40" on an option, "weight
  ..." on a chance outcome), so no label floats on an edge;
- an event gets a small copy under each thing that triggers it, instead of one box with
  arrows from all over the agenda;
- what is checked after every decision (events with a ``when``, early endings) is listed
  in a panel beside the flow.

The boxes are placed by ``layered`` and drawn as plain SVG: nothing to install, no
script, readable in any browser or editor preview.
"""

from __future__ import annotations

import html
import textwrap

from attrs import frozen

from excomm_sim.tools.graph import Edge, FlowGraph, Node
from excomm_sim.tools.layered import Box, Layout, layout

FONT = 12.0
LINE = 15.0
PAD_X, PAD_Y = 10.0, 7.0
WRAP = 34
"""Characters per line inside a box."""
PANEL_WIDTH = 300.0

_FILL = {
    "start": "#e0e7ff",
    "decision": "#fef3c7",
    "option": "#ffffff",
    "outcome": "#f3f4f6",
    "event": "#dbeafe",
    "delayed": "#f3e8ff",
    "check": "#e5e7eb",
    "ending": "#dcfce7",
}
_STROKE = {
    "start": "#4338ca",
    "decision": "#b45309",
    "option": "#4b5563",
    "outcome": "#6b7280",
    "event": "#1d4ed8",
    "delayed": "#7e22ce",
    "check": "#4b5563",
    "ending": "#15803d",
}
_MOVED_INTO = {"option": "if ", "outcome": "", "delayed": "if still: ", "ending": "when "}
"""Targets whose incoming edge label becomes a line of the box (prefix for 'when X')."""


_CONDITIONS = ("if ", "only if ", "weight ", "if still: ", "when ", "otherwise")
"""How the lines that carry a condition begin: they are set in italics."""


@frozen
class _Item:
    """A box to draw: its shape, its lines (the first one bold), and its tooltip."""

    id: str
    shape: str
    lines: tuple[str, ...]
    tooltip: str


def text_width(text: str) -> float:
    """An estimate of ``text``'s width at FONT px in a sans-serif face."""
    width = 0.0
    for char in text:
        if char in "iljtf.,:;'|!() ":
            width += 0.3
        elif char in "mwMW@%":
            width += 0.85
        elif char.isupper() or char.isdigit():
            width += 0.64
        else:
            width += 0.55
    return width * FONT


def _wrapped(lines: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for line in lines:
        out += textwrap.wrap(line, WRAP, break_long_words=True) or [""]
    return tuple(out)


def _reshaped(flow: FlowGraph) -> tuple[list[_Item], list[Edge], list[tuple[str, str]]]:
    """The boxes, edges and panel lines of the drawing (see the module notes)."""
    nodes = {node.id: node for node in flow.nodes}
    extra: dict[str, list[str]] = {}
    edges: list[Edge] = []
    panel: list[tuple[str, str]] = []
    chips: list[_Item] = []
    watched: set[str] = set()
    triggered: set[str] = set()
    for edge in flow.edges:
        target = nodes[edge.target]
        if edge.source == "after_each":
            watched.add(edge.target)
            panel.append((target.label[0], edge.label))
            continue
        if target.shape == "event":
            triggered.add(edge.target)
            chip = f"{edge.target}__from__{edge.source}"
            chips.append(
                _item(target, chip, ("fires: " + target.label[0].removeprefix("Event: "),))
            )
            edges.append(Edge(edge.source, chip, "", "thick"))
            continue
        if target.shape == "decision":
            if edge.style == "solid" and edge.label:
                condition = "only " + edge.label.replace("when ", "if ", 1)
                extra.setdefault(edge.target, []).append(condition)
            if edge.style == "solid" and nodes[edge.source].shape == "decision":
                continue  # the options already lead here; the condition is in the box
        elif edge.label and target.shape in _MOVED_INTO:
            moved = edge.label
            if moved.startswith("when "):
                moved = _MOVED_INTO[target.shape] + moved[5:]
            if moved != "later":
                extra.setdefault(edge.target, []).append(moved)
        edges.append(Edge(edge.source, edge.target, "", edge.style))
    items = []
    for node in flow.nodes:
        if node.id in watched and node.shape == "ending":
            continue  # an early ending: listed in the panel
        if node.id == "after_each" or node.shape == "event":
            if node.shape == "event" and node.id not in watched | triggered:
                panel.append((node.label[0], "never fires (no 'when', no trigger)"))
            continue
        title, *rest = node.label
        items.append(_item(node, node.id, (title, *extra.get(node.id, ()), *rest)))
    return items + chips, edges, panel


def _item(node: Node, ident: str, lines: tuple[str, ...]) -> _Item:
    return _Item(ident, node.shape, _wrapped(lines), "\n".join(node.label))


def _size(item: _Item) -> tuple[float, float]:
    width = max(text_width(line) for line in item.lines) + 2 * PAD_X
    if item.shape == "event":
        width += 16
    return max(width, 60.0), len(item.lines) * LINE + 2 * PAD_Y


def render_svg(flow: FlowGraph) -> str:
    """The flow as a standalone SVG document."""
    items, edges, panel = _reshaped(flow)
    boxes = [Box(item.id, *_size(item)) for item in items]
    placed = layout(boxes, [(edge.source, edge.target) for edge in edges], margin=24.0)
    top = 48.0
    panel_lines = _panel_lines(panel)
    width = placed.width + (PANEL_WIDTH + 24 if panel_lines else 0)
    height = max(placed.height, len(panel_lines) * LINE + 60) + top
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="Helvetica, Arial, sans-serif" '
        f'font-size="{FONT:.0f}" role="img" aria-label="{_attr(flow.title)}: decision flow">',
        f"<title>{_text(flow.title)}: decision flow</title>",
        _DEFS,
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="24" y="30" font-size="18" font-weight="bold">{_text(flow.title)}</text>',
        f'<g transform="translate(0 {top:.0f})">',
    ]
    styles = {(edge.source, edge.target): edge.style for edge in edges}
    out += [_edge(route.points, styles[(route.source, route.target)]) for route in placed.routes]
    out += [_box(item, placed) for item in items]
    out.append("</g>")
    if panel_lines:
        out.append(_panel(panel_lines, placed.width + 12, top))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _panel_lines(panel: list[tuple[str, str]]) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = []
    for title, condition in panel:
        lines += [(line, True) for line in textwrap.wrap(title, 44)]
        lines += [(line, False) for line in textwrap.wrap(condition or "always", 46)]
    return lines


def _panel(lines: list[tuple[str, bool]], x: float, y: float) -> str:
    height = len(lines) * LINE + 36
    out = [
        f'<g class="panel"><rect x="{x:.1f}" y="{y:.1f}" width="{PANEL_WIDTH:.0f}" '
        f'height="{height:.1f}" rx="6" fill="#f9fafb" stroke="#9ca3af"/>',
        f'<text x="{x + 10:.1f}" y="{y + 20:.1f}" font-weight="bold">'
        "Checked after every decision</text>",
    ]
    for index, (line, bold) in enumerate(lines):
        weight = ' font-weight="bold"' if bold else ' fill="#374151"'
        indent = 10 if bold else 18
        out.append(
            f'<text x="{x + indent:.1f}" y="{y + 38 + index * LINE:.1f}"{weight}>'
            f"{_text(line)}</text>"
        )
    out.append("</g>")
    return "\n".join(out)


_DEFS = (
    "<defs>"
    '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
    'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4b5563"/></marker>'
    '<marker id="arrow-fires" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1d4ed8"/>'
    "</marker></defs>"
)


def _edge(points: tuple[tuple[float, float], ...], style: str) -> str:
    (x, y), *rest = points
    path = [f"M{x:.1f},{y:.1f}"]
    for next_x, next_y in rest:
        bend = (next_y - y) / 2
        path.append(
            f"C{x:.1f},{y + bend:.1f} {next_x:.1f},{next_y - bend:.1f} {next_x:.1f},{next_y:.1f}"
        )
        x, y = next_x, next_y
    stroke, extra, marker = "#6b7280", "", "arrow"
    if style == "dashed":
        extra = ' stroke-dasharray="5 4"'
    elif style == "thick":
        stroke, extra, marker = "#1d4ed8", ' stroke-width="1.8"', "arrow-fires"
    return (
        f'<path d="{" ".join(path)}" fill="none" stroke="{stroke}"{extra} '
        f'marker-end="url(#{marker})"/>'
    )


def _box(item: _Item, placed: Layout) -> str:
    box = placed.boxes[item.id]
    left, top, width, height = box.x - box.width / 2, box.y, box.width, box.height
    fill, stroke = _FILL[item.shape], _STROKE[item.shape]
    shape = _outline(item.shape, left, top, width, height, fill, stroke)
    texts = []
    for index, line in enumerate(item.lines):
        weight = ' font-weight="bold"' if index == 0 and item.shape != "event" else ""
        if index and line.startswith(_CONDITIONS):
            weight = ' font-style="italic" fill="#374151"'
        baseline = top + PAD_Y + LINE * index + FONT
        texts.append(
            f'<text x="{box.x:.1f}" y="{baseline:.1f}" text-anchor="middle"{weight}>'
            f"{_text(line)}</text>"
        )
    return (
        f'<g class="{item.shape}"><title>{_text(item.tooltip)}</title>{shape}'
        + "".join(texts)
        + "</g>"
    )


def _outline(
    shape: str, x: float, y: float, width: float, height: float, fill: str, stroke: str
) -> str:
    paint = f'fill="{fill}" stroke="{stroke}"'
    right, bottom = x + width, y + height
    if shape == "event":
        slant = 8
        return (
            f'<polygon points="{x + slant:.1f},{y:.1f} {right:.1f},{y:.1f} '
            f'{right - slant:.1f},{bottom:.1f} {x:.1f},{bottom:.1f}" {paint}/>'
        )
    if shape == "delayed":
        fold = 8
        return (
            f'<polygon points="{x:.1f},{y:.1f} {right - fold:.1f},{y:.1f} {right:.1f},'
            f'{y + fold:.1f} {right:.1f},{bottom:.1f} {x:.1f},{bottom:.1f}" {paint}/>'
        )
    if shape == "check":
        cut = 10
        return (
            f'<polygon points="{x + cut:.1f},{y:.1f} {right - cut:.1f},{y:.1f} {right:.1f},'
            f"{y + height / 2:.1f} {right - cut:.1f},{bottom:.1f} {x + cut:.1f},{bottom:.1f} "
            f'{x:.1f},{y + height / 2:.1f}" {paint}/>'
        )
    radius = {"start": height / 2, "outcome": 12.0, "option": 5.0}.get(shape, 3.0)
    dash = ' stroke-dasharray="4 3"' if shape == "outcome" else ""
    outline = (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'rx="{radius:.1f}" {paint}{dash}/>'
    )
    if shape == "ending":
        outline += (
            f'<rect x="{x + 3:.1f}" y="{y + 3:.1f}" width="{width - 6:.1f}" '
            f'height="{height - 6:.1f}" rx="2" fill="none" stroke="{stroke}"/>'
        )
    if shape == "decision":
        outline += (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="5" height="{height:.1f}" fill="{stroke}"/>'
        )
    return outline


def render_html(flow: FlowGraph) -> str:
    """A self-contained page: the SVG inline, a key to its shapes, no scripts or links."""
    title = _text(flow.title)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}: decision flow</title>
<style>
body {{ font-family: Helvetica, Arial, sans-serif; margin: 1.5rem; color: #111827; }}
h1 {{ font-size: 1.4rem; margin: 0 0 .5rem; }}
p.key {{ margin: 0 0 1rem; max-width: 60rem; line-height: 1.5; }}
.key span {{ display: inline-block; padding: 0 .4rem; border: 1px solid; border-radius: 3px; }}
.graph {{ overflow: auto; border: 1px solid #e5e7eb; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="key">Read from the top: each
{_key("decision", "decision")}
in agenda order, its
{_key("option", "options")}
(with the condition that offers each), the
{_key("outcome", "chance outcomes")}
that may follow,
{_key("delayed", "delayed consequences")}
and the {_key("event", "events")}
they fire (blue arrows); dashed arrows skip a decision whose condition fails. At the foot,
the {_key("ending", "endings")}
judged when no decision is left; the panel lists what is checked after every decision.</p>
<div class="graph">
{render_svg(flow)}</div>
</body>
</html>
"""


def _key(shape: str, words: str) -> str:
    """``words`` in the colours of ``shape``'s boxes, for the page's key."""
    style = f"background:{_FILL[shape]};border-color:{_STROKE[shape]}"
    return f'<span style="{style}">{words}</span>'


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)
