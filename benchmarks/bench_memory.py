"""Peak memory (ru_maxrss) of a whole game played through the TUI by Pilot, median of repeats.

Run: ``python benchmarks/bench_memory.py [--repeats N]``. Target: under 150 MB.

Each repeat is a fresh Python (``--child``) that opens the real app headless at 80x24, starts
a solo game as the President on the bundled meeting 19 and presses keys (1 in the decision
room, Enter elsewhere) until the debrief shows, then reports its peak resident set size.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile

TARGET_MB = 150.0


async def play_whole_game() -> int:
    """Returns how many decision rooms were shown before the debrief."""
    from excomm_sim.tui.app import ExcommApp
    from excomm_sim.tui.screens.debrief import DebriefScreen
    from excomm_sim.tui.screens.decision import DecisionRoomScreen

    app = ExcommApp(seed=1)
    rooms = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # New game -> picker (meeting 19 first)
        await pilot.pause()
        await pilot.press("enter", "enter", "enter")  # scenario, solo President, briefing
        await pilot.pause()
        for _ in range(200):
            screen = app.screen
            if isinstance(screen, DebriefScreen):
                return rooms
            if isinstance(screen, DecisionRoomScreen):
                rooms += 1
                await pilot.press("1")
            else:
                await pilot.press("enter")
            await pilot.pause()
    raise RuntimeError("the game did not reach its debrief")


def child() -> None:
    rooms = asyncio.run(play_whole_game())
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(f"{peak_kb / 1024:.1f} {rooms}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return 0
    peaks: list[float] = []
    rooms = 0
    with tempfile.TemporaryDirectory() as home:
        for _ in range(args.repeats):
            result = subprocess.run(
                [sys.executable, __file__, "--child"],
                env=dict(os.environ, EXCOMM_SIM_HOME=home),
                capture_output=True,
                text=True,
                check=True,
            )
            peak, rooms_text = result.stdout.split()[-2:]
            peaks.append(float(peak))
            rooms = int(rooms_text)
    median = statistics.median(peaks)
    print(f"peak memory of a whole game ({rooms} decisions): median {median:.1f} MB")
    print(f"  runs: {', '.join(f'{p:.1f}' for p in peaks)} MB")
    print(f"  target < {TARGET_MB:.0f} MB: {'met' if median < TARGET_MB else 'NOT met'}")
    return 0 if median < TARGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
