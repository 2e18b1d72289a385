"""The headless layers never load Textual, so tools and tests stay fast and UI-free."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEADLESS = [
    "excomm_sim.engine",
    "excomm_sim.engine.kernel",
    "excomm_sim.engine.observe",
    "excomm_sim.policies.autopilot",
    "excomm_sim.scenario",
    "excomm_sim.scenario.load",
    "excomm_sim.saves",
    "excomm_sim.session",
    "excomm_sim.story.records",
    "excomm_sim.story.timeline",
    "excomm_sim.tui.gauges",
    "excomm_sim.tui.catalog",
    "excomm_sim.tui.flow.game",
    "excomm_sim.tui.flow.menus",
    "excomm_sim.tui.flow.tasks",
    "excomm_sim.tui.console.view",
]


@pytest.mark.parametrize("module", HEADLESS)
def test_importing_a_headless_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m == 'textual'))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_tui_does_import_textual() -> None:
    """The check above can fail: importing the app does load Textual."""
    code = "import sys, excomm_sim.tui.app; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


LOCAL = [
    "excomm_sim.session",
    "excomm_sim.plain",
    "excomm_sim.commands.play",
    "excomm_sim.wire",
    "excomm_sim.tui.app",
]


@pytest.mark.parametrize("module", LOCAL)
def test_a_local_game_never_loads_the_network(module: str) -> None:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m == 'aiohttp'))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_network_client_loads_aiohttp_but_not_its_server() -> None:
    """Only the host imports aiohttp's server parts; a student's client does not."""
    code = (
        "import sys, excomm_sim.session.remote, excomm_sim.commands.join; "
        "print('aiohttp' in sys.modules, "
        "sorted(m for m in sys.modules if m.startswith(('aiohttp.web', 'excomm_sim.server'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True []"
