"""Benchmark: full computer-vs-computer playthroughs per second on one core, three ways.

Plain script (no pytest)::

    python benchmarks/bench_playthrough.py [--games N] [--repeats R]
                                           [--scenario PATH | --generated]

Plays N all-computer games (seeds 0..N-1, a fresh range per repeat) R times and prints the
median games per second, by wall clock and by CPU time of this process (the CPU figure is
the fair one on a busy machine), with the machine it ran on. The same games, three ways:

- ``move by move``: ``Autopilot`` (the kernel with records, each computer move asked of a
  policy from its seat's observation): what the TUI, replay and reports pay per game.
- ``fast path``: the kernel's own turn order without records (``engine.turns.play``), the
  computer seats scored over the slots (``policies.fast``): what ``simulate`` pays.
- ``game tree``: the fast path over the tree of positions already played
  (``policies.fast.GameTree``): all-computer seats choose the same way from the same
  position, so only chance makes a game new.

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
from collections.abc import Callable
from pathlib import Path

TARGET = 2000
"""All-computer games per second on one core, computed from scratch (the fast path); the
move-by-move figure is reported beside it (a shell plays one game, at a person's pace)."""


def _load(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    if args.generated:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from engine.scenarios import generated

        return generated()
    from excomm_sim.paths import bundled_scenario
    from excomm_sim.scenario.load import load_path

    return load_path(args.scenario or bundled_scenario())


def _time(play: Callable[[int], object], games: int, repeats: int) -> tuple[list[float], ...]:
    """Games/s per repeat, by wall clock and by process CPU time."""
    for seed in range(min(games, 200)):  # warm up: compiled rules, caches
        play(seed)
    wall, cpu = [], []
    for repeat in range(repeats):
        seeds = range((repeat + 1) * games, (repeat + 2) * games)
        began, cpu_began = time.perf_counter(), time.process_time()
        for seed in seeds:
            play(seed)
        wall.append(games / (time.perf_counter() - began))
        cpu.append(games / (time.process_time() - cpu_began))
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="games per repeat")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats (median taken)")
    parser.add_argument("--scenario", help="scenario file (default: bundled meeting 19)")
    parser.add_argument("--generated", action="store_true", help="generated scenario")
    args = parser.parse_args()

    from excomm_sim.engine import turns
    from excomm_sim.policies.autopilot import Autopilot
    from excomm_sim.policies.fast import CouncilScores, GameTree, Seats
    from excomm_sim.policies.strategies import HistoryStrategy

    scenario = _load(args)
    autopilot = Autopilot(scenario)
    program = turns.program(scenario, records=False)
    # Nobody is seated: the seat given to Seats is never asked (no person-held seat acts).
    seats = Seats(CouncilScores(program), -1, HistoryStrategy(program))
    initial = program.layout.initial(0)
    tree = GameTree(program, seats, initial)

    def stepped(seed: int) -> object:
        return autopilot.start(seed)[0]

    def fast(seed: int) -> object:
        seats.reseed(seed)
        s = list(initial)
        turns.play(program, s, seats)
        return s

    def walked(seed: int) -> object:
        seats.reseed(seed)
        return tree.play(seed)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"scenario: {scenario.id} ({len(scenario.decisions)} decisions)")
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{platform.python_implementation()} {platform.python_version()} "
        f"cpus={os.cpu_count()} load={load:.1f}"
    )
    medians = {}
    for label, play, games in (
        ("move by move (Autopilot, records)", stepped, max(args.games // 10, 50)),
        ("fast path (no records)", fast, args.games),
        ("game tree (fast path, memo)", walked, args.games),
    ):
        wall, cpu = _time(play, games, args.repeats)
        medians[label] = statistics.median(cpu)
        print(f"{label}: {games} games per repeat")
        print(f"  wall games/s per repeat: {', '.join(f'{r:,.0f}' for r in wall)}")
        print(
            f"  median: {statistics.median(wall):,.0f} games/s wall, "
            f"{statistics.median(cpu):,.0f} games/s CPU"
        )
    stepped_rate = medians["move by move (Autopilot, records)"]
    verdict = "meets" if stepped_rate >= TARGET else "MISSES"
    print(
        f"move by move: {stepped_rate:,.0f} games/s (CPU, median) {verdict} the target {TARGET:,}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
