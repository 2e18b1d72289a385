"""Benchmark: ``simulate`` throughput in games/s on one core and with two worker processes.

Plain script (no pytest): ``python benchmarks/bench_simulate.py [--games N] [--repeats R]
[--scenario PATH] [--strategy NAME]``. Plays N games with the President seated and driven by
the strategy (as ``excomm-sim simulate`` does), R times per worker count, and prints the
median games/s for 1 and 2 workers, the speed-up, and the machine it ran on. Targets: 2,000
games/s on one core; near-linear (about 2x) with two workers. The two-worker figure
includes starting the processes and loading the scenario in each, as the command does.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

TARGET = 2000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10000, help="games per repeat")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats (median taken)")
    parser.add_argument("--scenario", help="scenario file (default: bundled meeting 19)")
    parser.add_argument("--strategy", default="random", help="strategy (default random)")
    args = parser.parse_args()

    from excomm_sim.paths import bundled_scenario
    from excomm_sim.tools.parallel import simulate_file
    from excomm_sim.tools.simulate import SimulationSpec

    path = Path(args.scenario) if args.scenario else bundled_scenario()
    simulate_file(path, 200, SimulationSpec(args.strategy, 0))  # warm-up (imports, caches)
    medians: dict[int, float] = {}
    cpu_rates: list[float] = []
    for workers in (1, 2):
        rates = []
        for repeat in range(args.repeats):
            spec = SimulationSpec(args.strategy, seed=repeat)
            began, cpu_began = time.perf_counter(), time.process_time()
            tally = simulate_file(path, args.games, spec, workers=workers)
            rates.append(tally.games / (time.perf_counter() - began))
            if workers == 1:  # games per CPU second: what one core does, even on a busy box
                cpu_rates.append(tally.games / (time.process_time() - cpu_began))
        medians[workers] = statistics.median(rates)
        shown = ", ".join(f"{rate:,.0f}" for rate in rates)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
