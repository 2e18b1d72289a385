"""The whole package type-checks under ``mypy --strict``: the core and every shell.

The style guide asks for type hints everywhere; this keeps them honest in CI. The settings
are pyproject.toml's ``[tool.mypy]``; the cache lives under tmp_path, so a run never
depends on (or leaves behind) an earlier one.
"""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = [ROOT / "src" / "excomm_sim"]


def test_package_type_checks_under_strict_mypy(tmp_path: Path) -> None:
    stdout, stderr, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--strict",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--no-error-summary",
            "--show-error-codes",
            *(str(path) for path in PACKAGE),
        ]
    )
    assert status == 0, f"mypy --strict found problems:\n{stdout}{stderr}"
