"""Benchmark: ``simulate`` throughput in games/s on one core and with two worker processes.

Plain script (no pytest): ``python benchmarks/bench_simulate.py [--games N] [--repeats R]
[--scenario PATH] [--strategy NAME]``. Plays N games with the President seated and driven by
the strategy (as ``excomm-sim simulate`` does), R times per worker count, and prints the
median games/s for 1 and 2 workers, the speed-up, and the machine it ran on. Targets: 2,000
games/s on one core; near-linear (about 2x) with two workers. The two-worker figure
includes starting the worker processes, as the command does.

Two processes on a shared virtual machine rarely get two whole cores, so the script also
measures the machine's own ceiling: the speed-up of a plain CPU-bound loop run in two
processes at once. Near-linear means close to that ceiling.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

TARGET = 2000


def _spin(count: int) -> int:
    total = 0
    for i in range(count):
        total += i * i
    return total


def machine_ceiling(count: int = 5_000_000, repeats: int = 3) -> float:
    """The speed-up two processes get over one on a plain CPU-bound loop (median)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    ratios = []
    with context.Pool(2) as pool:
        pool.map(_spin, [1, 1])  # the workers are up before timing
        for _ in range(repeats):
            began = time.perf_counter()
            _spin(count)
            one = time.perf_counter() - began
            began = time.perf_counter()
            pool.map(_spin, [count, count])
            ratios.append(2 * one / (time.perf_counter() - began))
    return statistics.median(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10000, help="games per repeat")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats (median taken)")
    parser.add_argument("--scenario", help="scenario file (default: bundled meeting 19)")
    parser.add_argument("--strategy", default="random", help="strategy (default random)")
    args = parser.parse_args()

    from excomm_sim.paths import bundled_scenario
    from excomm_sim.scenario.load import load_path
    from excomm_sim.tools.parallel import simulate_file
    from excomm_sim.tools.simulate import SimulationSpec

    path = Path(args.scenario) if args.scenario else bundled_scenario()
    scenario = load_path(path)  # loaded once, as the command does before simulating
    simulate_file(path, 200, SimulationSpec(args.strategy, 0), scenario=scenario)  # warm-up
    rates: dict[int, list[float]] = {1: [], 2: []}
    cpu_rates: list[float] = []
    for repeat in range(args.repeats):  # interleaved, so a busy spell hits both counts
        spec = SimulationSpec(args.strategy, seed=repeat)
        for workers in (1, 2):
            began, cpu_began = time.perf_counter(), time.process_time()
            tally = simulate_file(path, args.games, spec, workers=workers, scenario=scenario)
            rates[workers].append(tally.games / (time.perf_counter() - began))
            if workers == 1:  # games per CPU second: what one core does, even on a busy box
                cpu_rates.append(tally.games / (time.process_time() - cpu_began))
    medians = {workers: statistics.median(found) for workers, found in rates.items()}
    for workers, found in rates.items():
        shown = ", ".join(f"{rate:,.0f}" for rate in found)
        print(f"workers={workers}: games/s per repeat (wall clock): {shown}")
    print(f"scenario: {path.name}; strategy {args.strategy}; {args.games} games per repeat")
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{platform.python_implementation()} {platform.python_version()} "
        f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f}"
    )
    print(f"median, 1 worker:  {medians[1]:,.0f} games/s (target {TARGET:,})")
    print(f"median, 1 worker, per CPU second: {statistics.median(cpu_rates):,.0f} games/s")
    print(f"median, 2 workers: {medians[2]:,.0f} games/s (speed-up {medians[2] / medians[1]:.2f}x)")
    print(f"this machine's ceiling for two CPU-bound processes: {machine_ceiling():.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
