"""Benchmark: how long ``excomm-sim check`` takes on the bundled scenarios.

Plain script (no pytest): ``python benchmarks/bench_check.py [--repeats R] [SCENARIO...]``.
Runs the full check (exhaustive search to the default bound, then sampled games if the
bound is hit) R times per scenario and prints the median seconds, the states explored and
whether the search was complete. Target: under 10 s on the bundled meeting 19.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

TARGET_SECONDS = 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats (median taken)")
    parser.add_argument("scenarios", nargs="*", help="scenario files (default: all bundled)")
    args = parser.parse_args()

    from excomm_sim.paths import bundled_scenarios_dir
    from excomm_sim.scenario.load import load_path
    from excomm_sim.tools.check import check

    paths = [Path(p) for p in args.scenarios] or sorted(bundled_scenarios_dir().glob("*.yaml"))
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{platform.python_implementation()} {platform.python_version()} "
        f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f}"
    )
    for path in paths:
        scenario = load_path(path)
        times, cpu_times = [], []
        for _ in range(args.repeats):
            began, cpu_began = time.perf_counter(), time.process_time()
            report = check(scenario)
            times.append(time.perf_counter() - began)
            cpu_times.append(time.process_time() - cpu_began)
        median = statistics.median(times)
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"{path.name}: median {median:.2f} s wall, {statistics.median(cpu_times):.2f} s CPU "
            f"(runs: {shown}; target < {TARGET_SECONDS:.0f} s); "
            f"{report.states} states, {report.end_states} end states, {report.scope}; "
            f"{len(report.errors)} errors, {len(report.warnings)} warnings"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
