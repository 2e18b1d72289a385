"""Shared helpers for the instructor-tool tests: fixture scenarios and running the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from excomm_sim.cli import main
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_path(name: str) -> Path:
    return FIXTURES / f"{name}.yaml"


def load_fixture(name: str) -> Scenario:
    return load_path(fixture_path(name))


def line_of(name: str, needle: str) -> int:
    """1-based line of the first line containing ``needle`` in a fixture (for locations)."""
    for number, line in enumerate(fixture_path(name).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {name}")


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``excomm-sim ARGS`` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
