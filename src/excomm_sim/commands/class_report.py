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

    from excomm_sim.tools.class_report import build_report
    from excomm_sim.tools.class_report_render import render
    from excomm_sim.tools.files import emit

    missing = [name for name in args.saves if not Path(name).exists()]
    for name in missing:
        print(f"{name}: no such file or folder", file=sys.stderr)
    if len(missing) == len(args.saves):
        return 2
    report = build_report(Path(name) for name in args.saves if Path(name).exists())
    for bad in report.bad:
        print(f"skipped {bad.path}: {bad.problem}", file=sys.stderr)
    status = emit(render(report, args.format), args.output)
    if status:
        return status
    return 0 if report.scenarios else 2
