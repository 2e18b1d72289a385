"""Replay time of a full saved game of the bundled scenario (target: under 20 ms median).

Run: python benchmarks/bench_replay.py [--runs 200] [--save saves/history-president.json]

"Replay" is what loading a save costs: read and validate the file, start the engine with
its seed and humans, and apply every action (``read_save`` + ``resume``), plus, reported
apart, building the replay screen's decision-by-decision timeline. The scenario is loaded
once beforehand (the game does that once per session too). Prints the median and best of
``--runs`` timings and the machine it ran on; medians move with machine load.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from excomm_sim.saves import read_save, resolve_scenario, resume
from excomm_sim.scenario.load import load_path
from excomm_sim.story.timeline import build_timeline

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 20.0


def timings(work: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds per call of ``work``, one sample per run (after two warm-up calls)."""
    work()
    work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--save", type=Path, default=REPO / "saves" / "history-president.json")
    args = parser.parse_args()

    save = read_save(args.save)
    scenario_path = resolve_scenario(save)
    if scenario_path is None:
        raise SystemExit(f"{args.save}: scenario {save.scenario_id} not found")
    scenario = load_path(scenario_path)
    resumed = resume(save, scenario)
    if resumed.problem:
        raise SystemExit(f"{args.save}: {resumed.problem}")

    def replay() -> object:
        return resume(read_save(args.save), scenario)

    def timeline() -> object:
        return build_timeline(read_save(args.save), scenario)

    print(f"machine: {machine()}")
    print(
        f"save: {args.save.name} ({len(save.actions)} actions, "
        f"{len(resumed.state.log)} records, ending {resumed.state.ending})"
    )
    for name, work in (("replay (read + resume)", replay), ("replay timeline", timeline)):
        samples = timings(work, args.runs)
        median = statistics.median(samples)
        verdict = "under" if median < TARGET_MS else "OVER"
        print(
            f"{name}: median {median:.2f} ms, best {min(samples):.2f} ms over {args.runs} runs "
            f"({verdict} the {TARGET_MS:.0f} ms target)"
        )


if __name__ == "__main__":
    main()
