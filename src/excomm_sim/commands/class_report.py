"""``excomm-sim class-report``: what a class decided, over its saved games."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "saves", nargs="+", metavar="SAVE", help="save files, or folders of them (*.json)"
    )
    parser.add_argument(
        "--format", choices=("md", "html", "csv"), default="md", help="output format (default md)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from excomm_sim.scenario.characters import visible
    from excomm_sim.scenario.userfiles import file_problem
    from excomm_sim.tools.class_report import build_report
    from excomm_sim.tools.class_report_render import render
    from excomm_sim.tools.files import emit

    usable = []
    for name in args.saves:
        problem = None if Path(name).is_dir() else file_problem(name)
        if problem is None:
            usable.append(Path(name))
        else:
            print(visible(f"{name}: {problem}"), file=sys.stderr)
    if not usable:
        return 2
    report = build_report(usable)
    for bad in report.bad:
        print(visible(f"skipped {bad.path}: {bad.problem}"), file=sys.stderr)
    status = emit(render(report, args.format), args.output)
    if status:
        return status
    return 0 if report.scenarios else 2
