"""Start-up loads the title and nothing else: screens, scenarios and saves come after.

Run in a fresh interpreter (this test process has imported everything already). Timing is
not asserted here: ``benchmarks/bench_startup.py`` measures it against a bare app.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
from excomm_sim.tui.app import ExcommApp

def loaded():
    return sorted(m for m in sys.modules if m.startswith(("excomm_sim", "yaml")))

class Probe(ExcommApp):
    painted = None

    def on_ready(self) -> None:
        self.painted = loaded()

    def show_latest_save(self, latest) -> None:  # the title's Continue worker is done
        super().show_latest_save(latest)
        self.call_after_refresh(self.report)

    def report(self) -> None:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            json.dump({"painted": self.painted, "settled": loaded()}, out)
        self.exit(0)

Probe(seed=1).run(headless=True, size=(80, 24))
"""

LATER = ("excomm_sim.engine", "excomm_sim.saves", "excomm_sim.scenario.load", "yaml")
"""What the title must not wait for: the kernel, the saves, the scenario loader, YAML."""


def loaded_modules(tmp_path: Path) -> dict[str, list[str]]:
    out = tmp_path / "modules.json"
    env = {"EXCOMM_SIM_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", PROBE, str(out)], env=env, check=True, timeout=120)
    loaded: dict[str, list[str]] = json.loads(out.read_text(encoding="utf-8"))
    return loaded


def test_the_first_paint_loads_only_the_title_screen(tmp_path: Path) -> None:
    painted = loaded_modules(tmp_path)["painted"]
    screens = [m for m in painted if m.startswith("excomm_sim.tui.screens.")]
    assert screens == ["excomm_sim.tui.screens.title"]
    assert not [m for m in painted if m.startswith(LATER)]


def test_with_no_save_the_title_never_loads_the_engine(tmp_path: Path) -> None:
    """Issue 15 item 20: the Continue worker loaded the saves and the kernel regardless."""
    settled = loaded_modules(tmp_path)["settled"]
    assert not [m for m in settled if m.startswith(LATER)]
