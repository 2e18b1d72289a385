"""The saves and report modules never load Textual; the command modules stay light to import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def loaded_after_import(module: str, prefixes: tuple[str, ...]) -> list[str]:
    code = (
        f"import json, sys, {module}; "
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "module",
    [
        "excomm_sim.saves",
        "excomm_sim.story.timeline",
        "excomm_sim.reports.plain",
        "excomm_sim.reports.after_action",
        "excomm_sim.reports.html",
        "excomm_sim.reports.loading",
    ],
)
def test_saves_and_reports_do_not_import_textual(module: str) -> None:
    assert loaded_after_import(module, ("textual", "excomm_sim.tui")) == []


@pytest.mark.parametrize("module", ["excomm_sim.commands.replay", "excomm_sim.commands.report"])
def test_command_module_imports_nothing_heavy_until_it_runs(module: str) -> None:
    heavy = ("textual", "excomm_sim.engine", "excomm_sim.saves", "yaml")
    assert loaded_after_import(module, heavy) == []
