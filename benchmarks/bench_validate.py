"""Benchmark: ``validate`` (reading plus every logic check) of a 1,000-decision scenario.

Run: ``python benchmarks/bench_validate.py [--runs N] [--decisions N] [--profile]``. Uses
the generated scenario of bench_load.py (1,000 decisions, 5,000 options), written to a
temporary file, and times ``lint_path`` on it, which is all ``excomm-sim validate`` does
for one file but print: the reader, the logic checks, placing their findings and the
ignore comments. The target is a median under one second. ``load_path`` of the same file
is timed in the same run as the floor (the reader alone), so the ratio shows what the
logic checks add on this machine.
"""

from __future__ import annotations

import argparse
import collections
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_load import generate

from excomm_sim.scenario.lint import lint_path
from excomm_sim.scenario.load import load_path


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        walls.append(time.perf_counter() - start)
        del result
    return walls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs (default 7, min 5)")
    parser.add_argument("--decisions", type=int, default=1000, help="agenda items (default 1000)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_text(generate(args.decisions), encoding="utf-8")
        problems = lint_path(path).problems  # also a warm-up run
        print(
            f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cpus, Python {platform.python_version()}"
        )
        counts = collections.Counter(problem.code for problem in problems)
        listed = ", ".join(f"{code} x{count}" for code, count in sorted(counts.items()))
        print(f"scenario: {args.decisions} decisions, {path.stat().st_size:,} bytes")
        print(f"findings: {len(problems)} ({listed})")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(lint_path, path)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        floor = _timed(lambda: load_path(path), runs)
        validate = _timed(lambda: lint_path(path), runs)
    median, base = statistics.median(validate), statistics.median(floor)
    print(
        f"validate (lint_path) wall: median {median:.3f} s, min {min(validate):.3f} s, "
        f"max {max(validate):.3f} s over {runs} runs (target: median under 1 s)"
    )
    print(
        f"reader alone (load_path): median {base:.3f} s; the logic checks add "
        f"{median - base:.3f} s ({median / base:.2f}x the reader)"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average during the run: {load:.2f} on {os.cpu_count()} cpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
