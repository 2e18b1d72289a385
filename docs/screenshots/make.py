"""Regenerate the README's screenshots: ``python docs/screenshots/make.py``.

Plays the bundled meeting 19 headless with a fixed seed (so the picture only changes when
the screen or the scenario does) and saves SVGs beside this script. User data goes to a
temporary folder, so no real save is written.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
SIZE = (100, 32)
SEED = 1962


async def make() -> list[Path]:
    from excomm_sim.tui.app import ExcommApp

    written: list[Path] = []
    app = ExcommApp(seed=SEED, saves_dir=Path(tempfile.mkdtemp()) / "saves")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        written.append(Path(app.save_screenshot("title.svg", str(HERE))))
        # New game -> meeting 19 -> solo as the President -> past the briefing.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter", "enter", "enter")
        await pilot.pause(0.5)
        written.append(Path(app.save_screenshot("decision-room.svg", str(HERE))))
        await pilot.press("1", "enter")  # a digit picks, Enter confirms
        await pilot.pause(0.5)
        written.append(Path(app.save_screenshot("consequences.svg", str(HERE))))
    return written


def main() -> None:
    os.environ.setdefault("EXCOMM_SIM_HOME", tempfile.mkdtemp())
    for path in asyncio.run(make()):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
