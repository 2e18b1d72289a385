"""graph: Mermaid and dot output parse structurally and show every part of the flow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from excomm_sim.paths import bundled_scenarios_dir
from excomm_sim.scenario.load import load_path, load_text
from excomm_sim.scenario.model import Scenario
from excomm_sim.tools.graph import build_graph, decision_node, option_node, to_dot, to_mermaid

from .conftest import RunCli, fixture_path, load_fixture

SCENARIOS = [
    *sorted(bundled_scenarios_dir().glob("*.yaml")),
    fixture_path("clean"),
    fixture_path("unreachable_outcome"),
]

_MERMAID_NODE = re.compile(
    r'^    ([a-z][a-z0-9_]*)(\(\[|\[\[|\[/|\{\{|\{|\[|\(|>)"([^"]*)"(\]\)|\]\]|/\]|\}\}|\}|\]|\))$'
)
_MERMAID_EDGE = re.compile(
    r'^    ([a-z][a-z0-9_]*) (-->|-\.->|==>)(?:\|"([^"]*)"\|)? ([a-z][a-z0-9_]*)$'
)
_DOT_STRING = r'"((?:[^"\\]|\\.)*)"'
_DOT_NODE = re.compile(rf"^    ([a-z][a-z0-9_]*) \[label={_DOT_STRING}, [^\[\]]*\];$")
_DOT_EDGE = re.compile(
    rf"^    ([a-z][a-z0-9_]*) -> ([a-z][a-z0-9_]*) \[label={_DOT_STRING}[^\[\]]*\];$"
)


def parse_mermaid(text: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Every line must be a header, a node or an edge; returns node ids and edges."""
    lines = text.splitlines()
    assert lines[0] == "---" and lines[2] == "---" and lines[3] == "flowchart TD"
    nodes: set[str] = set()
    edges: list[tuple[str, str]] = []
    for line in lines[4:]:
        node, edge = _MERMAID_NODE.match(line), _MERMAID_EDGE.match(line)
        assert node or edge, f"unparsable Mermaid line: {line!r}"
        if node:
            nodes.add(node.group(1))
        elif edge:
            edges.append((edge.group(1), edge.group(4)))
    return nodes, edges


def parse_dot(text: str) -> tuple[set[str], list[tuple[str, str]]]:
    lines = text.splitlines()
    assert lines[0] == "digraph scenario {" and lines[-1] == "}"
    nodes: set[str] = set()
    edges: list[tuple[str, str]] = []
    for line in lines[1:-1]:
        if re.match(r"^    (label=|labelloc=|node \[|edge \[)", line):
            continue
        node, edge = _DOT_NODE.match(line), _DOT_EDGE.match(line)
        assert node or edge, f"unparsable dot line: {line!r}"
        if node:
            nodes.add(node.group(1))
        elif edge:
            edges.append((edge.group(1), edge.group(2)))
    return nodes, edges


def _every_part_present(scenario: Scenario, nodes: set[str], edges: list[tuple[str, str]]) -> None:
    for decision in scenario.decisions:
        assert decision_node(decision) in nodes
        for option in decision.options:
            assert option_node(decision, option) in nodes
    for event in scenario.events:
        assert f"e_{event.id}" in nodes
    for ending in scenario.endings:
        assert f"x_{ending.id}" in nodes
    for source, target in edges:
        assert source in nodes and target in nodes, (source, target)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_mermaid_output_parses_and_shows_every_decision(path: Path) -> None:
    scenario = load_path(path)
    nodes, edges = parse_mermaid(to_mermaid(build_graph(scenario)))
    _every_part_present(scenario, nodes, edges)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_dot_output_parses_and_shows_every_decision(path: Path) -> None:
    scenario = load_path(path)
    nodes, edges = parse_dot(to_dot(build_graph(scenario)))
    _every_part_present(scenario, nodes, edges)


def test_chance_outcomes_hang_off_their_option_with_their_weight() -> None:
    graph = build_graph(load_fixture("unreachable_outcome"))
    labels = {(e.source, e.target): e.label for e in graph.edges}
    key = ("o_open__gamble", "c_open__gamble__miracle")
    assert labels[key] == "weight 10 if tension >= 80 else 0"


def test_conditions_label_the_edges_they_guard() -> None:
    graph = build_graph(load_fixture("clean"))
    labels = {(e.source, e.target): e.label for e in graph.edges}
    assert labels[("o_open__calm", "d_gamble")] == ""
    assert labels[("d_open", "d_gamble")] == "when tension > 5"
    assert labels[("after_each", "x_war")] == "when tension >= 25"
    assert labels[("finish", "x_tense")] == "otherwise (fallback)"


def test_triggers_and_delayed_consequences_are_drawn() -> None:
    graph = build_graph(load_fixture("clean"))
    pairs = {(e.source, e.target) for e in graph.edges}
    assert ("c_gamble__talk__works", "e_handshake") in pairs
    assert ("o_open__push", "l_open__push__0") in pairs


AWKWARD = 'He said "no" | <b>#1</b> & a \\ backslash; `tick` [x] {y}'


def _awkward_scenario() -> Scenario:
    text = fixture_path("clean").read_text()
    text = text.replace("title: Clean", f"title: '{AWKWARD}'", 1)
    text = text.replace("label: Calm things", f"label: '{AWKWARD}'", 1)
    return load_text(text, "awkward.yaml")


def test_mermaid_labels_escape_quotes_pipes_and_markup() -> None:
    text = to_mermaid(build_graph(_awkward_scenario()))
    nodes, _ = parse_mermaid(text)
    assert "o_open__calm" in nodes
    assert "#34;no#34; #124; #60;b#62;#35;1#60;/b#62; #38; a \\ backslash#59; #96;tick#96;" in text


def test_dot_labels_escape_quotes_and_backslashes() -> None:
    text = to_dot(build_graph(_awkward_scenario()))
    nodes, _ = parse_dot(text)
    assert "o_open__calm" in nodes
    assert 'He said \\"no\\" | <b>#1</b> & a \\\\ backslash' in text


def test_cli_writes_the_graph_to_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "flow.dot"
    code, stdout, _ = run_cli("graph", fixture_path("clean"), "--format", "dot", "-o", out)
    assert code == 0 and stdout == ""
    parse_dot(out.read_text())


def test_cli_prints_mermaid_by_default(run_cli: RunCli) -> None:
    code, stdout, _ = run_cli("graph", fixture_path("clean"))
    assert code == 0
    parse_mermaid(stdout)
