"""Time to the first interactive frame, excomm-sim beside a bare Textual app, in one pty.

Run: ``python benchmarks/bench_startup.py [--repeats N]``. Target: the game's median at
most 1.3 times the bare app's (``TARGET_RATIO``), both measured in this run.

Each repeat starts a fresh Python in a pseudo-terminal of 80x24, as a player's shell
would: ``python -m excomm_sim`` (the real entry point, a saves folder of its own) and a
bare app (``--bare``: a Textual ``App`` with one focused ``OptionList``, the least a
title menu can be). The clock runs from the spawn until the app has drawn its menu and
answered a key: once "New game" is on the terminal, Down is sent, and the frame is
interactive when the redrawn menu comes back. The two kinds alternate, so a busy machine
slows both alike; the ratio of the medians is what the target is about. Absolute times
depend on the machine, which the output names.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import platform
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

TARGET_RATIO = 1.3
COLUMNS, ROWS = 80, 24
MENU_TEXT = b"New game"
"""Both apps show it as their first option: its arrival is the first frame."""
TIMEOUT = 60.0
"""Seconds a run may take before it counts as failed (a hung app must not hang this)."""
DOWN = b"\x1b[B"
BARE_ANSWER = re.compile(rb"Continue")
"""The bare app's answer to Down: its second option redrawn, highlighted (it has no workers
that could redraw it for another reason)."""
GAME_ANSWER = re.compile(rb"\xe2\x96\xb6(?:\x1b\[[0-9;?]*[A-Za-z]|\s)*Load a saved game")
"""The title's answer to Down: its marker (▶) in front of the next enabled option, Load
(Continue is greyed with no saves); a redraw for any other reason keeps it on New game."""


def bare_app() -> None:
    """The floor: a Textual app that shows a focused menu and nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import OptionList

    class Bare(App[None]):
        BINDINGS = [("q", "quit", "Quit")]  # noqa: RUF012 - Textual's own declaration style

        def compose(self) -> ComposeResult:
            yield OptionList("New game", "Continue", "Load a saved game", "Quit")

    Bare().run()


def _pty_size(fd: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))


def _read_until(fd: int, wanted: re.Pattern[bytes], deadline: float, seen: bytearray) -> bool:
    """Read the terminal's output into ``seen`` until ``wanted`` appears after its start."""
    start = len(seen)
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            return False
        if not chunk:
            return False
        seen.extend(chunk)
        if wanted.search(seen, start):
            return True
    return False


def time_to_interactive(
    command: list[str], answer: re.Pattern[bytes], env: dict[str, str]
) -> float:
    """Seconds from spawning ``command`` in a fresh 80x24 pty to its answer to a key."""
    leader, follower = pty.openpty()
    _pty_size(follower)
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(follower)
    seen = bytearray()
    try:
        deadline = start + TIMEOUT
        if not _read_until(leader, re.compile(re.escape(MENU_TEXT)), deadline, seen):
            raise RuntimeError(f"no menu from {command[-1]!r}: {bytes(seen[-300:])!r}")
        mark = len(seen)
        os.write(leader, DOWN)
        if not _read_until(leader, answer, deadline, seen) and not answer.search(seen, mark):
            raise RuntimeError(f"{command[-1]!r} did not answer a key")
        return time.monotonic() - start
    finally:
        process.kill()
        process.wait()
        os.close(leader)


def measure(repeats: int) -> tuple[list[float], list[float]]:
    game: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, EXCOMM_SIM_HOME=home, TERM="xterm-256color")
        env.pop("TEXTUAL", None)
        for _ in range(repeats):
            bare_command = [sys.executable, __file__, "--bare"]
            bare.append(time_to_interactive(bare_command, BARE_ANSWER, env))
            game_command = [sys.executable, "-m", "excomm_sim"]
            game.append(time_to_interactive(game_command, GAME_ANSWER, env))
    return game, bare


def machine() -> str:
    """Where the numbers were taken: CPU count, platform and Python."""
    return (
        f"{os.cpu_count()} CPUs, {platform.machine()} {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_app()
        return 0
    game, bare = measure(args.repeats)
    ratio = statistics.median(game) / statistics.median(bare)
    print(f"machine: {machine()}")
    print(f"time to the first interactive frame, median of {args.repeats} runs in an 80x24 pty:")
    print(f"  excomm-sim title: {statistics.median(game):.3f} s  ({_runs(game)})")
    print(f"  bare Textual app: {statistics.median(bare):.3f} s  ({_runs(bare)})")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"  ratio {ratio:.2f}x; target <= {TARGET_RATIO}x: {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    raise SystemExit(main())
