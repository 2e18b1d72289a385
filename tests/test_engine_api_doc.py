"""docs/engine-api.md names everything the kernel and the policies export."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import excomm_sim.engine
import excomm_sim.policies

DOC = Path(__file__).resolve().parents[1] / "docs" / "engine-api.md"


def exported() -> list[tuple[str, str]]:
    found = []
    for package in (excomm_sim.engine, excomm_sim.policies):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [(module.__name__, name) for name in getattr(module, "__all__", ())]
    return found


def test_every_module_of_the_kernel_and_policies_says_what_it_exports() -> None:
    for package in (excomm_sim.engine, excomm_sim.policies):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            assert hasattr(module, "__all__"), module.__name__


@pytest.mark.parametrize(("module", "name"), exported())
def test_every_exported_name_is_documented(module: str, name: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    assert re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), f"{module}.{name}"
