"""The functional core stays pure: imports point inward, and only the TUI loads Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEADLESS_MODULES = [
    "excomm_sim.scenario.model",
    "excomm_sim.scenario.expr",
    "excomm_sim.scenario.load",
    "excomm_sim.engine.kernel",
    "excomm_sim.engine.observe",
    "excomm_sim.policies.autopilot",
    "excomm_sim.saves",
    "excomm_sim.cli",
    "excomm_sim.lsp.server",
]


@pytest.mark.parametrize("module", HEADLESS_MODULES)
def test_headless_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "module",
    ["excomm_sim.scenario.load", "excomm_sim.engine.kernel", "excomm_sim.policies.autopilot"],
)
def test_core_module_does_not_import_the_shells(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(sorted(m for m in sys.modules if m.startswith(('excomm_sim.tui', "
        "'excomm_sim.saves', 'excomm_sim.tools', 'excomm_sim.cli', 'platformdirs'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("command", [["validate"], ["graph", "--format", "svg"], ["schema"]])
def test_other_commands_do_not_pay_for_the_language_server(command: list[str]) -> None:
    """pygls is imported lazily: only ``excomm-sim lsp`` loads it."""
    code = (
        "import contextlib, io, sys; from excomm_sim.cli import main; "
        f"out = io.StringIO(); ctx = contextlib.redirect_stdout(out); ctx.__enter__(); "
        f"main({command!r}); ctx.__exit__(None, None, None); "
        "print('pygls' in sys.modules, 'lsprotocol' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "False False"


def test_import_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml (pure core, Textual only in the TUI)."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), "import-linter is part of the test extra"
    result = subprocess.run([str(lint_imports), "--no-cache"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
