"""Benchmark: full computer-vs-computer playthroughs per second on one core.

Plain script (no pytest): ``python benchmarks/bench_playthrough.py [--games N]
[--repeats R] [--scenario PATH | --generated]``. Plays N all-computer games with seeds
0..N-1, R times, and prints the median games/s with the machine it ran on. By default it
plays the bundled meeting 19; ``--generated`` plays a generated scenario of the same size
(tests/engine/scenarios.py), useful when the bundled one is being edited.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="games per repeat")
    parser.add_argument("--repeats", type=int, default=7, help="timed repeats (median taken)")
    parser.add_argument("--scenario", help="scenario file (default: bundled meeting 19)")
    parser.add_argument("--generated", action="store_true", help="generated scenario")
    args = parser.parse_args()

    from excomm_sim.engine.game import Game

    scenario = _load(args)
    game = Game(scenario)
    for seed in range(200):  # warm-up
        game.start(seed)
    rates = []
    for repeat in range(args.repeats):
        base = repeat * args.games
        began = time.perf_counter()
        for seed in range(base, base + args.games):
            game.start(seed)
        rates.append(args.games / (time.perf_counter() - began))
    median = statistics.median(rates)
    print(f"scenario: {scenario.id} ({len(scenario.decisions)} decisions)")
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{platform.python_implementation()} {platform.python_version()} "
        f"cpus={os.cpu_count()}"
    )
    print(f"games/s per repeat: {', '.join(f'{r:,.0f}' for r in rates)}")
    print(f"median: {median:,.0f} games/s (target {TARGET:,})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
