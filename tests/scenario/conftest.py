"""Fixtures for the loader tests: the small harbour scenario and ways to break it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from excomm_sim.scenario.load import check_text

FIXTURES = Path(__file__).parent / "fixtures"
HARBOUR = FIXTURES / "harbour.yaml"
NAME = "harbour.yaml"
"""The file name every problem in these tests carries."""


@pytest.fixture(scope="session")
def harbour_text() -> str:
    """A small valid scenario of our own that uses every feature of the format."""
    return HARBOUR.read_text(encoding="utf-8")


@pytest.fixture
def edit(harbour_text: str) -> Callable[[str, str], str]:
    """The harbour text with the first ``old`` replaced by ``new`` (which must be there)."""

    def replace(old: str, new: str) -> str:
        assert old in harbour_text, f"fixture no longer contains {old!r}"
        return harbour_text.replace(old, new, 1)

    return replace


@pytest.fixture
def findings() -> Callable[[str], list[str]]:
    """Every problem check_text reports for a text, as the compiler-style lines."""

    def run(text: str) -> list[str]:
        _, problems = check_text(text, NAME)
        return [str(problem) for problem in problems]

    return run
