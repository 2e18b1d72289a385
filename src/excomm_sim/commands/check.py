"""``excomm-sim check``: explore every branch of a scenario and report its defects."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default=None, help="scenario file or bundled name (default meeting19)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--max-states",
        type=int,
        default=None,
        metavar="N",
        help="stop after N distinct states (default 200000); a partial check says so",
    )


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    import time

    from excomm_sim.tools.check import check, format_text
    from excomm_sim.tools.explore import DEFAULT_MAX_STATES
    from excomm_sim.tools.files import load_scenario_or_report

    max_states = DEFAULT_MAX_STATES if args.max_states is None else args.max_states
    if max_states < 1:
        print("check: --max-states must be at least 1", file=sys.stderr)
        return 2
    scenario = load_scenario_or_report(args.file)
    if scenario is None:
        return 2
    started = time.perf_counter()
    report = check(scenario, max_states)
    elapsed = time.perf_counter() - started
    if args.json:
        data = report.to_json()
        data["seconds"] = round(elapsed, 3)
        print(json.dumps(data, indent=2))
    else:
        sys.stdout.write(format_text(report))
        print(f"checked in {elapsed:.2f} s", file=sys.stderr)
    return 1 if report.errors else 0
