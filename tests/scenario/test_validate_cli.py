"""``excomm-sim validate`` and ``excomm-sim schema``: output, JSON findings and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from excomm_sim.cli import main

HARBOUR = Path(__file__).parent / "fixtures" / "harbour.yaml"
QUIETED = {
    "when: tension > 30": "W414",
    "when: tension >= 40": "W402",
    """when: not chose("first_contact", "board") or cargo != "seized\"""": "W404",
}
"""Conditions of the harbour fixture that hold at once by design (it shows every feature
with the fewest decisions), and the logic checks' code for each."""


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """The harbour scenario with its three by-design findings silenced by ignore comments."""
    text = HARBOUR.read_text(encoding="utf-8")
    for line, code in QUIETED.items():
        assert line in text
        text = text.replace(line, f"{line}  # excomm: ignore[{code}]", 1)
    path = tmp_path / "harbour.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def broken(clean: Path, tmp_path: Path) -> Path:
    """The harbour scenario with two mistakes and one surprise."""
    text = clean.read_text(encoding="utf-8")
    text = text.replace("tension -= 5", "tensoin -= 5", 1)
    text = text.replace("decider: admiral", "decider: admirl", 1)
    text = text.replace("label: Seize it", "label: no", 1)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_zero(clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(clean)]) == 0
    assert capsys.readouterr().out == "1 file checked: 0 errors, 0 warnings\n"


def test_errors_print_compiler_style_and_exit_one(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(broken)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{broken}:90:13: error[E202]: unknown variable 'tensoin' (did you mean 'tension'?) "
        "[decisions[0].options[0].effects[0]]",
        f"{broken}:133:14: error[E201]: unknown role 'admirl' (did you mean 'admiral'?) "
        "[decisions[1].decider]",
        f'{broken}:140:16: warning[W110]: YAML reads no as a boolean; quote it ("no") if you '
        "mean the word [decisions[1].options[0].label]",
        "1 file checked: 2 errors, 1 warning",
    ]


def test_warnings_alone_exit_zero(clean: Path, tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text(
        clean.read_text(encoding="utf-8").replace("label: Seize it", "label: no", 1),
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 0


def test_json_lists_every_finding(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(broken)]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["line"], f["column"], f["severity"]) for f in findings] == [
        (90, 13, "error"),
        (133, 14, "error"),
        (140, 16, "warning"),
    ]
    assert findings[1] == {
        "file": str(broken),
        "line": 133,
        "column": 14,
        "path": "decisions[1].decider",
        "severity": "error",
        "message": "unknown role 'admirl' (did you mean 'admiral'?)",
        "code": "E201",
    }


def test_missing_file_exits_two_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["validate", str(missing)]) == 2
    assert capsys.readouterr().err == f"{missing}: no such file\n"


def test_missing_file_wins_over_findings(
    broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(broken), str(tmp_path / "nope.yaml")]) == 2


def test_folder_checks_every_yaml_file(
    clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_text(clean.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(folder)]) == 0
    assert capsys.readouterr().out == "2 files checked: 0 errors, 0 warnings\n"


def test_no_path_checks_the_bundled_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.endswith(" checked: 0 errors, 0 warnings\n")


def test_unknown_option_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--jsn"])
    assert caught.value.code == 2


def test_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "scenario.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "excomm-sim scenario"


def test_schema_to_unwritable_place_exits_two(tmp_path: Path) -> None:
    assert main(["schema", "-o", str(tmp_path / "no" / "such" / "dir" / "s.json")]) == 2


def test_validate_runs_as_a_program(broken: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "excomm_sim", "validate", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "1 file checked: 2 errors, 1 warning"
