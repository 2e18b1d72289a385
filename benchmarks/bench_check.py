"""Benchmark: how long ``excomm-sim check`` takes on the bundled scenarios.

Plain script (no pytest): ``python benchmarks/bench_check.py [--repeats R] [SCENARIO...]``.
Runs the full check (exhaustive search to the default bound, then sampled games if the
bound is hit) R times per scenario and prints the median seconds, the states explored and
whether the search was complete. With no scenario named it times three, each against its
target:

- the bundled meeting 19: under 1 s;
- a generated 1,000-decision scenario (``bench_load.generate``): under 10 s;
- a generated scenario small enough to search completely (about 320,000 states, with
  chance nodes), with the bound lifted: under 30 s, and complete.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

TARGETS = {"meeting19": 1.0, "generated": 10.0, "complete_search": 30.0}
"""Seconds (median, wall) each benchmark scenario's check must stay under."""
COMPLETE_STATES = 2_000_000
"""The bound given to the complete search: far above what it needs, so it is complete."""


HEAD = """\
format: 1
id: complete_search
title: A scenario small enough to search completely
version: "1.0"
date: 1962-11-03
summary: Generated for the check benchmark.
calendar: {start: 1962-11-03, days_per_decision: 1}
roles:
  - id: chair
    name: Chair
    title: Chair
    president: true
    bio: The chair.
    briefing: Keep the peace.
    objectives: [{id: calm, text: Tension ends low., when: tension < 5}]
variables:
"""
GAMBLE = """\
      - id: gamble
        label: Gamble
        chance:
          outcomes:
            - {id: win, label: Win, weight: trust + 1, effects: [tension -= 2]}
            - {id: lose, label: Lose, weight: tension + 1, effects: [money -= 2]}
"""
ENDINGS = """\
endings:
  - {id: storm, title: Storm, when: tension >= SPAN, early: true, narrative: It blows.,
     debrief: It blew.}
  - {id: calm, title: Calm, narrative: It holds., debrief: It held.}
"""


def scenario_text(decisions: int, span: int) -> str:
    """Three meters of ``span`` steps and ``decisions`` items of three options (a gamble
    with two outcomes on every fourth): a state space a complete search can cover."""
    text = [HEAD]
    for name in ("tension", "trust", "money"):
        text.append(
            f"  - {{id: {name}, type: int, label: {name.title()}, initial: {span // 2}, "
            f"min: 0, max: {span}}}\n"
        )
    text.append("decisions:\n")
    moves = [("tension", "trust"), ("trust", "money"), ("money", "tension")]
    for d in range(decisions):
        text.append(f"  - id: item_{d}\n    title: Item {d}\n    context: Another item.\n")
        text.append("    options:\n")
        for o, (up, down) in enumerate(moves):
            step = 1 + (d + o) % 2
            text.append(
                f"      - {{id: o{o}, label: Option {o}, effects: [{up} += {step}, {down} -= 1]}}\n"
            )
        if d % 4 == 3:
            text.append(GAMBLE)
    text.append(ENDINGS.replace("SPAN", str(span)))
    return "".join(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats (median taken)")
    parser.add_argument("scenarios", nargs="*", help="scenario files (default: all bundled)")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_load import generate

    from excomm_sim.paths import bundled_scenario
    from excomm_sim.scenario.load import load_path, load_text
    from excomm_sim.tools.check import check

    if args.scenarios:
        cases = [(load_path(Path(p)), 10_000) for p in args.scenarios]
    else:
        cases = [
            (load_path(bundled_scenario()), 10_000),
            (load_text(generate(1000), "generated.yaml"), 10_000),
            (load_text(scenario_text(31, 30), "complete_search.yaml"), COMPLETE_STATES),
        ]
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{platform.python_implementation()} {platform.python_version()} "
        f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f}"
    )
    for scenario, bound in cases:
        times, cpu_times = [], []
        for _ in range(args.repeats):
            began, cpu_began = time.perf_counter(), time.process_time()
            report = check(scenario, max_states=bound)
            times.append(time.perf_counter() - began)
            cpu_times.append(time.process_time() - cpu_began)
        median = statistics.median(times)
        shown = ", ".join(f"{t:.2f}" for t in times)
        target = TARGETS.get(scenario.id, 10.0)
        verdict = "meets" if median < target else "MISSES"
        print(
            f"{scenario.id}: median {median:.2f} s wall, {statistics.median(cpu_times):.2f} s CPU "
            f"(runs: {shown}; {verdict} the target < {target:.0f} s); "
            f"{report.states} states, {report.end_states} end states, {report.scope}; "
            f"{len(report.errors)} errors, {len(report.warnings)} warnings"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
