"""Shared fixtures: every test runs with user data under its own tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.paths import HOME_ENV


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "excomm-home"
    monkeypatch.setenv(HOME_ENV, str(home))
    return home
