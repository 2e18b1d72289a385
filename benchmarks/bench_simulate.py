"""Benchmark: ``simulate`` throughput in games/s on one core and with two worker processes.

Plain script (no pytest): ``python benchmarks/bench_simulate.py [--games N] [--repeats R]
[--scenario PATH] [--strategy NAME] [--ink-dir DIR]``. Plays N games with the President
seated and driven by the strategy (as ``excomm-sim simulate`` does), R times per worker
count, and prints the median games/s for 1 and 2 workers, the speed-up, and the machine it
ran on. Targets: 25,000 games/s on one core for meeting 19 at random, and at least 150x the
ink peer measured in the same run; near-linear (about 2x) with two workers. The two-worker
figure includes starting the worker processes, as the command does.

The peer: ``shared/peers/ink`` (beside the checkout) holds meeting 19 translated into ink
and a node driver; when node and inkjs are present (``--ink-dir`` is a folder where
``npm install inkjs@2.4.0`` was run; default ``$EXCOMM_INK_DIR`` or ``$TMPDIR/ink``), the
script times inkjs on the same machine, interleaved with our repeats, and prints the ratio
of the medians. Without them it says so and prints our figures alone.

Two processes on a shared virtual machine rarely get two whole cores, so the script also
measures the machine's own ceiling: the speed-up of a plain CPU-bound loop run in two
processes at once. Near-linear means close to that ceiling.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

TARGET = 25_000
RATIO_TARGET = 150
PEER = Path(__file__).resolve().parents[2] / "shared" / "peers" / "ink"
"""The ink translation of meeting 19 and its driver, kept beside the checkout."""


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


def ink_dir(given: str | None) -> Path | None:
    """Where inkjs is installed, if node, inkjs and the peer's files are all here."""
    folder = Path(
        given or os.environ.get("EXCOMM_INK_DIR") or Path(os.environ.get("TMPDIR", "/tmp")) / "ink"
    )
    if shutil.which("node") is None or not (folder / "node_modules" / "inkjs").is_dir():
        return None
    if not (PEER / "drive.js").is_file() or not (PEER / "meeting19_bare.ink").is_file():
        return None
    return folder


def ink_rate(folder: Path, games: int) -> float:
    """inkjs's median games/s over one run of ``games`` random games (its driver's own
    median line: ``median: N games/s``)."""
    command = [
        "node",
        str(PEER / "drive.js"),
        str(PEER / "meeting19_bare.ink"),
        "--games",
        str(games),
        "--repeats",
        "3",
    ]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=True)
    match = re.search(r"median: ([\d.]+) games/s", result.stdout)
    if match is None:
        raise RuntimeError(f"unexpected output from the ink driver:\n{result.stdout}")
    return float(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10000, help="games per repeat")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats (median taken)")
    parser.add_argument("--scenario", help="scenario file (default: bundled meeting 19)")
    parser.add_argument("--strategy", default="random", help="strategy (default random)")
    parser.add_argument("--ink-dir", help="folder where inkjs is installed (see above)")
    args = parser.parse_args()
    peer = ink_dir(args.ink_dir) if args.scenario is None and args.strategy == "random" else None
    ink_rates: list[float] = []

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
        if peer is not None:
            ink_rates.append(ink_rate(peer, 1000))
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
    if peer is None:
        print(
            "peer: inkjs not found (node, and `npm install inkjs@2.4.0` in --ink-dir): "
            "our figures alone"
        )
    else:
        ink = statistics.median(ink_rates)
        ratio = medians[1] / ink
        print(
            f"peer: inkjs median {ink:,.0f} games/s (runs: "
            + ", ".join(f"{rate:,.0f}" for rate in ink_rates)
            + ")"
        )
        print(f"ratio, 1 worker / inkjs: {ratio:.0f}x (target {RATIO_TARGET}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
