"""``excomm-sim new FILE``: a starter that validates, checks and plays, and never overwrites."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from excomm_sim.cli import main
from excomm_sim.scenario.lint import lint_path
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.schema import json_schema
from excomm_sim.tools.check import check, format_text
from excomm_sim.tools.starter import starter_id, starter_text


@pytest.fixture
def starter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["new", str(tmp_path / "bridge.yaml")]) == 0
    capsys.readouterr()
    return tmp_path / "bridge.yaml"


def test_the_starter_validates_with_no_warnings(starter: Path) -> None:
    assert [problem.coded() for problem in lint_path(starter).problems] == []


def test_check_finds_no_errors_and_reaches_everything(starter: Path) -> None:
    report = check(load_path(starter))
    assert report.complete
    assert report.findings == (), format_text(report)


@pytest.mark.parametrize("seed", ["1", "2", "3"])
def test_a_plain_game_of_it_plays_to_an_ending(starter: Path, tmp_path: Path, seed: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "excomm_sim", "play", str(starter), "--plain", "--seed", seed],
        input="1\n" * 10,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "EXCOMM_SIM_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert "THE END: " in result.stdout


def _property_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from _property_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _property_names(item)


def test_the_starter_shows_every_key_of_the_format() -> None:
    text = starter_text("bridge")
    missing = [
        key
        for key in sorted(set(_property_names(json_schema())))
        if not re.search(rf"(^|[\s{{,]){re.escape(key)}:", text, re.MULTILINE)
    ]
    assert missing == []


def test_it_starts_with_the_schema_modeline_and_writes_the_schema_beside_it(
    starter: Path,
) -> None:
    first = starter.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=scenario.schema.json"
    assert (starter.parent / "scenario.schema.json").read_text(encoding="utf-8").startswith("{")


def test_the_id_comes_from_the_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(tmp_path / "Harbour Vote")]) == 0
    created = tmp_path / "Harbour Vote.yaml"
    assert load_path(created).id == "harbour_vote"
    assert "next: excomm-sim validate" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("stem", "ident"), [("storm", "storm"), ("Bridge-2", "bridge_2"), ("1962", "scenario_1962")]
)
def test_ids_are_made_valid(stem: str, ident: str) -> None:
    assert starter_id(stem) == ident


def test_it_never_overwrites_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my own work\n", encoding="utf-8")
    assert main(["new", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "my own work\n"
    assert "already exists; new never overwrites a file" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine.yaml"]


def test_an_existing_schema_is_kept(tmp_path: Path) -> None:
    schema = tmp_path / "scenario.schema.json"
    schema.write_text("{}", encoding="utf-8")
    assert main(["new", str(tmp_path / "a.yaml")]) == 0
    assert schema.read_text(encoding="utf-8") == "{}"


def test_a_missing_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "no" / "such" / "x.yaml")]) == 2
    assert "cannot create: no folder" in capsys.readouterr().err


def test_no_schema_skips_it(tmp_path: Path) -> None:
    assert main(["new", "--no-schema", str(tmp_path / "a.yaml")]) == 0
    assert not (tmp_path / "scenario.schema.json").exists()
