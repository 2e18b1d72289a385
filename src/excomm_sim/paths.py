"""Where excomm-sim keeps user data: platformdirs locations, overridable for tests.

Setting ``EXCOMM_SIM_HOME`` puts every user-data path under that folder, so tests
and classroom machines with read-only homes can point the game elsewhere.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

HOME_ENV = "EXCOMM_SIM_HOME"
APP_NAME = "excomm-sim"


def data_dir() -> Path:
    """The folder for saves and settings (created on first use by the writers)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def saves_dir() -> Path:
    """Default folder for saved games and autosaves."""
    return data_dir() / "saves"


def class_dir() -> Path:
    """Default folder where a classroom host saves its tables' finished games."""
    return data_dir() / "class"


def host_dir() -> Path:
    """The classroom host's own folder: its store of lessons and moves."""
    return data_dir() / "host"


def seat_tokens_path() -> Path:
    """Where a student's client keeps its seat tokens (one file, readable by the user)."""
    return data_dir() / "seats.json"


def bundled_scenarios_dir() -> Path:
    """The scenarios shipped inside the package (works from a wheel, not only a checkout)."""
    return Path(str(resources.files("excomm_sim") / "scenarios"))


def bundled_scenario(name: str = "meeting19") -> Path:
    """Path of a bundled scenario by file stem."""
    return bundled_scenarios_dir() / f"{name}.yaml"
