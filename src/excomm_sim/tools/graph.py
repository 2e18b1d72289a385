"""The decision flow of a scenario as a graph, rendered as Mermaid, Graphviz dot or SVG.

The graph is built from the model alone (no game is played), so it shows every path the
file allows, not only the ones reachable: ``check`` is the tool that says which are. The
builder produces a small neutral structure (``FlowGraph``) that every renderer reads, so the
formats cannot drift apart and tests can check the structure without parsing text. SVG and
HTML need nothing installed: ``graph_svg`` lays the flow out with our own layered layout.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Literal

from attrs import frozen

from excomm_sim.scenario.expr import Assignment, Expression
from excomm_sim.scenario.model import Decision, Option, Scenario
from excomm_sim.story.text import counted

Shape = Literal["start", "decision", "option", "outcome", "event", "delayed", "check", "ending"]
Style = Literal["solid", "dashed", "thick"]
Format = Literal["mermaid", "dot", "svg", "html"]
FORMATS: tuple[Format, ...] = ("mermaid", "dot", "svg", "html")

MAX_LABEL_LINE = 60
"""Longer label lines are cut with an ellipsis so the drawing stays readable."""


@frozen
class Node:
    id: str
    label: tuple[str, ...]
    """Label lines, unescaped; the renderer escapes them for its format."""
    shape: Shape


@frozen
class Edge:
    source: str
    target: str
    label: str = ""
    style: Style = "solid"


@frozen
class FlowGraph:
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL_LINE else text[: MAX_LABEL_LINE - 1] + "…"


def _when(expression: Expression | None) -> str:
    return f"when {expression.source}" if expression is not None else ""


def _effects(effects: Sequence[Assignment]) -> tuple[str, ...]:
    return tuple(_cut(effect.source) for effect in effects)


def decision_node(decision: Decision) -> str:
    return f"d_{decision.id}"


def option_node(decision: Decision, option: Option) -> str:
    return f"o_{decision.id}__{option.id}"


class _Builder:
    """Accumulates nodes and edges; node ids are prefixed so no id clashes a keyword."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []

    def node(self, node_id: str, label: Sequence[str], shape: Shape) -> str:
        if node_id not in self.nodes:
            self.nodes[node_id] = Node(node_id, tuple(line for line in label if line), shape)
        return node_id

    def edge(self, source: str, target: str, label: str = "", style: Style = "solid") -> None:
        self.edges.append(Edge(source, target, _cut(label) if label else "", style))


def build_graph(scenario: Scenario) -> FlowGraph:
    """The flow: start, each decision in file order, its options and what follows them."""
    graph = _Builder()
    events = {event.id: event for event in scenario.events}

    def event_node(event_id: str) -> str:
        event = events.get(event_id)
        title = event.title if event is not None else event_id
        lines = [f"Event: {_cut(title)}"]
        if event is not None:
            lines.extend(_effects(event.effects))
        return graph.node(f"e_{event_id}", lines, "event")

    previous = graph.node("start", ["Start", _cut(scenario.title)], "start")
    after_each = "after_each"
    for index, decision in enumerate(scenario.decisions):
        current = decision_node(decision)
        decider = scenario.role(decision.decider).name if _has_role(scenario, decision) else ""
        graph.node(
            current,
            [f"{index + 1}. {_cut(decision.title)}", f"decides: {decider}" if decider else ""],
            "decision",
        )
        graph.edge(previous, current, _when(decision.when))
        following = "finish"
        if index + 1 < len(scenario.decisions):
            following = decision_node(scenario.decisions[index + 1])
        if decision.when is not None:
            graph.edge(previous, following, f"skip unless {decision.when.source}", "dashed")
        for option in decision.options:
            _add_option(graph, decision, option, following, event_node)
        previous = current
    graph.node("finish", ["No decision left"], "check")
    if any(event.when is not None for event in scenario.events) or any(
        ending.early for ending in scenario.endings
    ):
        graph.node(after_each, ["Checked after every decision"], "check")
    for event in scenario.events:
        if event.when is not None:
            graph.edge(after_each, event_node(event.id), _when(event.when), "dashed")
        else:
            event_node(event.id)
    for ending in scenario.endings:
        lines = [f"Ending: {_cut(ending.title)}"]
        if ending.historical:
            lines.append("(what happened)")
        target = graph.node(f"x_{ending.id}", lines, "ending")
        if ending.early:
            graph.edge(after_each, target, _when(ending.when) or "always", "thick")
        else:
            graph.edge("finish", target, _when(ending.when) or "otherwise (fallback)")
    return FlowGraph(scenario.title, tuple(graph.nodes.values()), tuple(graph.edges))


def _has_role(scenario: Scenario, decision: Decision) -> bool:
    return any(role.id == decision.decider for role in scenario.roles)


def _add_option(
    graph: _Builder,
    decision: Decision,
    option: Option,
    following: str,
    event_node: Callable[[str], str],
) -> None:
    lean = f" [{option.lean}]" if option.lean else ""
    history = " (history)" if option.history else ""
    node = graph.node(
        option_node(decision, option),
        [_cut(option.label) + lean + history, *_effects(option.effects)],
        "option",
    )
    label = _when(option.when)
    graph.edge(decision_node(decision), node, label)
    if option.trigger:
        graph.edge(node, event_node(option.trigger), "triggers", "thick")
    for index, delayed in enumerate(option.delayed):
        later = graph.node(
            f"l_{decision.id}__{option.id}__{index}",
            [
                f"After {counted(delayed.after, 'turn')}: {_cut(delayed.text)}",
                *_effects(delayed.effects),
            ],
            "delayed",
        )
        graph.edge(node, later, _when(delayed.when) or "later", "dashed")
        if delayed.trigger:
            graph.edge(later, event_node(delayed.trigger), "triggers", "thick")
    if option.chance is None:
        graph.edge(node, following)
        return
    for outcome in option.chance.outcomes:
        history_mark = " (history)" if outcome.history else ""
        outcome_id = graph.node(
            f"c_{decision.id}__{option.id}__{outcome.id}",
            [f"Chance: {_cut(outcome.label)}{history_mark}", *_effects(outcome.effects)],
            "outcome",
        )
        graph.edge(node, outcome_id, f"weight {outcome.weight.source}", "dashed")
        if outcome.trigger:
            graph.edge(outcome_id, event_node(outcome.trigger), "triggers", "thick")
        graph.edge(outcome_id, following)


# --- Mermaid ---------------------------------------------------------------------------

_MERMAID_SHAPES: dict[Shape, tuple[str, str]] = {
    "start": ("([", "])"),
    "decision": ("{", "}"),
    "option": ("[", "]"),
    "outcome": ("(", ")"),
    "event": ("[/", "/]"),
    "delayed": (">", "]"),
    "check": ("{{", "}}"),
    "ending": ("[[", "]]"),
}
_MERMAID_ARROWS: dict[Style, str] = {"solid": "-->", "dashed": "-.->", "thick": "==>"}


def mermaid_escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for the characters it parses."""
    out = []
    for char in text:
        if char in '#"<>|`&;':
            out.append(f"#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


def to_mermaid(graph: FlowGraph) -> str:
    # The title sits in YAML front matter: a JSON string is a valid YAML scalar.
    lines = ["---", f"title: {json.dumps(graph.title)}", "---", "flowchart TD"]
    for node in graph.nodes:
        opening, closing = _MERMAID_SHAPES[node.shape]
        label = "<br/>".join(mermaid_escape(line) for line in node.label)
        lines.append(f'    {node.id}{opening}"{label}"{closing}')
    for edge in graph.edges:
        arrow = _MERMAID_ARROWS[edge.style]
        label = f'|"{mermaid_escape(edge.label)}"|' if edge.label else ""
        lines.append(f"    {edge.source} {arrow}{label} {edge.target}")
    return "\n".join(lines) + "\n"


# --- Graphviz dot ----------------------------------------------------------------------

_DOT_SHAPES: dict[Shape, str] = {
    "start": "shape=oval, style=bold",
    "decision": "shape=diamond, style=filled, fillcolor=lightyellow",
    "option": "shape=box",
    "outcome": "shape=ellipse, style=dashed",
    "event": "shape=parallelogram, style=filled, fillcolor=lightblue",
    "delayed": "shape=note",
    "check": "shape=hexagon",
    "ending": "shape=doublecircle, style=filled, fillcolor=lightgrey",
}
_DOT_STYLES: dict[Style, str] = {"solid": "", "dashed": ", style=dashed", "thick": ", penwidth=2"}


def dot_escape(text: str) -> str:
    """Text safe inside a double-quoted dot string (no escape sequences survive)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ")


def to_dot(graph: FlowGraph) -> str:
    lines = [
        "digraph scenario {",
        f'    label="{dot_escape(graph.title)}";',
        "    labelloc=t;",
        "    node [fontname=Helvetica];",
        "    edge [fontname=Helvetica, fontsize=10];",
    ]
    for node in graph.nodes:
        label = "\\n".join(dot_escape(line) for line in node.label)
        lines.append(f'    {node.id} [label="{label}", {_DOT_SHAPES[node.shape]}];')
    for edge in graph.edges:
        label = f'label="{dot_escape(edge.label)}"' if edge.label else 'label=""'
        lines.append(f"    {edge.source} -> {edge.target} [{label}{_DOT_STYLES[edge.style]}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(scenario: Scenario, fmt: Format = "mermaid") -> str:
    """The scenario's flow in ``fmt``."""
    graph = build_graph(scenario)
    if fmt in ("svg", "html"):
        from excomm_sim.tools.graph_svg import render_html, render_svg

        return render_svg(graph) if fmt == "svg" else render_html(graph)
    return to_mermaid(graph) if fmt == "mermaid" else to_dot(graph)
