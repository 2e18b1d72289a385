"""Time from process start to the first interactive screen (the title), median of repeats.

Run: ``python benchmarks/bench_startup.py [--repeats N]``. Target: median under 0.8 s.

Each repeat spawns a fresh Python (``--child``) that runs the real app headless and exits as
soon as the title screen is mounted and its menu has focus; the harness lives here, not in
the product. The child reports its own elapsed time since the parent spawned it (wall
clock passed in the environment, result written to a file because Textual captures stdout),
so shutting down is not counted. The parent's own
spawn-to-exit time is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

T0_ENV = "EXCOMM_BENCH_T0"
OUT_ENV = "EXCOMM_BENCH_OUT"
TARGET_SECONDS = 0.8


def child() -> None:
    """Run the app headless; print seconds since spawn when the title is interactive."""
    from excomm_sim.tui.app import ExcommApp
    from excomm_sim.tui.screens.title import TitleScreen

    class Probe(ExcommApp):
        def on_ready(self) -> None:
            self.probe()

        def probe(self) -> None:
            screen = self.screen
            if isinstance(screen, TitleScreen) and screen.focused is not None:
                elapsed = time.time() - float(os.environ[T0_ENV])
                # Textual captures stdout while it runs: report through a file.
                with open(os.environ[OUT_ENV], "w", encoding="utf-8") as out:
                    out.write(f"{elapsed:.4f}")
                self.exit(0)
            else:
                self.set_timer(0.005, self.probe)

    Probe(seed=1).run(headless=True, size=(80, 24))


def measure(repeats: int) -> tuple[list[float], list[float]]:
    to_title: list[float] = []
    to_exit: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(repeats):
            out = os.path.join(home, "elapsed.txt")
            env = dict(os.environ, EXCOMM_SIM_HOME=home, EXCOMM_BENCH_OUT=out)
            start = time.time()
            env[T0_ENV] = repr(start)
            result = subprocess.run(
                [sys.executable, __file__, "--child"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            to_exit.append(time.time() - start)
            del result
            with open(out, encoding="utf-8") as elapsed:
                to_title.append(float(elapsed.read()))
    return to_title, to_exit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return 0
    to_title, to_exit = measure(args.repeats)
    median = statistics.median(to_title)
    print(f"startup to interactive title: median {median:.3f} s over {args.repeats} runs")
    print(f"  runs: {', '.join(f'{t:.3f}' for t in to_title)}")
    print(f"  spawn to process exit: median {statistics.median(to_exit):.3f} s")
    print(f"  target < {TARGET_SECONDS} s: {'met' if median < TARGET_SECONDS else 'NOT met'}")
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
