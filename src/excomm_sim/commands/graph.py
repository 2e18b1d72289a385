"""``excomm-sim graph``: draw a scenario's decision flow for the instructor's notes."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default=None, help="scenario file or bundled name (default meeting19)"
    )
    parser.add_argument(
        "--format",
        choices=("mermaid", "dot", "svg", "html"),
        default="mermaid",
        help="Mermaid (for Markdown and GitHub), Graphviz dot, or a drawing that needs "
        "nothing installed: svg, or html (a self-contained page with the drawing and a key); "
        "default mermaid",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    from excomm_sim.tools.files import emit, load_scenario_or_report
    from excomm_sim.tools.graph import render

    scenario = load_scenario_or_report(args.file)
    if scenario is None:
        return 2
    return emit(render(scenario, args.format), args.output)
