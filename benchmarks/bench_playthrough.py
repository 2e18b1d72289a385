"""Benchmark: full computer-vs-computer playthroughs per second on one core.

Plain script (no pytest)::

    python benchmarks/bench_playthrough.py [--games N] [--repeats R]
                                           [--scenario PATH | --generated]

Plays N all-computer games (``Game.start`` with seeds 0..N-1, a fresh range per repeat)
R times and prints the median games per second, by wall clock and by CPU time of this
process (the CPU figure is the fair one on a busy machine), with the machine it ran on.

Two engines are timed:
- ``engine``: ``Game(scenario)`` as ``simulate`` and ``check`` use it; all-computer games
  walk the remembered game tree (``excomm_sim.engine.autoplay``), computing only
  positions never reached before. This is the headline figure.
- ``turn loop only``: ``Game(scenario, memo=False)``: every game computed from scratch.

By default the bundled meeting 19 is played; ``--generated`` plays a generated scenario of
the same size (tests/engine/scenarios.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

TARGET = 2000


def _load(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    if args.generated:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from engine.scenarios import generated

        return generated()
    from excomm_sim.paths import bundled_scenario
    from excomm_sim.scenario.load import load_path

    return load_path(args.scenario or bundled_scenario())


def _time(game, games: int, repeats: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Games/s per repeat, by wall clock and by process CPU time."""
    wall, cpu = [], []
    for repeat in range(repeats):
        base = repeat * games
        began, began_cpu = time.perf_counter(), time.process_time()
        for seed in range(base, base + games):
            game.start(seed)
        wall.append(games / (time.perf_counter() - began))
        cpu.append(games / max(time.process_time() - began_cpu, 1e-9))
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="games per repeat")
    parser.add_argument("--repeats", type=int, default=7, help="timed repeats (median taken)")
    parser.add_argument("--scenario", help="scenario file (default: bundled meeting 19)")
    parser.add_argument("--generated", action="store_true", help="generated scenario")
    args = parser.parse_args()

    from excomm_sim.engine.game import Game

    scenario = _load(args)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"scenario: {scenario.id} ({len(scenario.decisions)} decisions)")
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{platform.python_implementation()} {platform.python_version()} "
        f"cpus={os.cpu_count()} load={load:.1f}"
    )
    headline = 0.0
    for label, memo in (("engine", True), ("turn loop only (memo=False)", False)):
        game = Game(scenario, memo=memo)
        wall, cpu = _time(game, args.games, args.repeats)
        print(f"{label}:")
        print(f"  wall games/s per repeat: {', '.join(f'{r:,.0f}' for r in wall)}")
        print(
            f"  median: {statistics.median(wall):,.0f} games/s wall, "
            f"{statistics.median(cpu):,.0f} games/s CPU"
        )
        if memo:
            headline = statistics.median(wall)
    verdict = "meets" if headline >= TARGET else "MISSES"
    print(f"headline: {headline:,.0f} games/s (wall, median) {verdict} the target {TARGET:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
