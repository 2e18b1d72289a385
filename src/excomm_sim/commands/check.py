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
        help="bound the exhaustive search to N distinct states (default 10000); past it the "
        "check says how many it saw of about how many, samples games, and marks what it "
        "could not prove as partial",
    )
    parser.add_argument(
        "--samples",
        type=int,
        default=None,
        metavar="N",
        help="sampled games played when the bound is hit (default 1000)",
    )


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    import time

    from excomm_sim.scenario.characters import visible
    from excomm_sim.tools.check import check, format_text
    from excomm_sim.tools.explore import DEFAULT_MAX_STATES, DEFAULT_SAMPLES
    from excomm_sim.tools.files import load_scenario_or_report

    max_states = DEFAULT_MAX_STATES if args.max_states is None else args.max_states
    samples = DEFAULT_SAMPLES if args.samples is None else args.samples
    if max_states < 1 or samples < 0:
        print("check: --max-states must be at least 1, --samples at least 0", file=sys.stderr)
        return 2
    scenario = load_scenario_or_report(args.file)
    if scenario is None:
        return 2
    started = time.perf_counter()
    report = check(scenario, max_states, samples)
    elapsed = time.perf_counter() - started
    if args.json:
        data = report.to_json()
        data["seconds"] = round(elapsed, 3)
        print(json.dumps(data, indent=2))
    else:
        # One stream, so the counts and the time never interleave with anything else.
        sys.stdout.write(visible(format_text(report, seconds=elapsed)))
    return 1 if report.errors else 0
