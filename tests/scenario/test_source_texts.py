"""Source texts shipped beside a scenario: read by the shell (only inside the scenario's
folder), and ``validate`` reporting every citation the text does not hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from excomm_sim.cli import main
from excomm_sim.scenario.load import check_text, load_path
from excomm_sim.source_texts import check_source_texts, source_texts
from scenario.conftest import FIXTURES


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("calendar.yaml", "calendar-minutes.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


def test_the_shell_reads_and_indexes_the_text_beside_the_scenario() -> None:
    scenario = load_path(FIXTURES / "calendar.yaml")
    documents, problems = source_texts(scenario)
    assert problems == []
    paragraph = documents["minutes"].paragraph(2, 2)
    assert paragraph is not None and paragraph.text == "The pilots' spokesman warned of a strike."


def test_validate_passes_a_scenario_whose_citations_are_all_in_its_text(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", str(folder / "calendar.yaml")])
    assert "0 errors" in capsys.readouterr().out
    assert status == 0


def test_validate_reports_a_cited_paragraph_the_text_lacks(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = folder / "calendar.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"minutes p.1 ¶1"', '"minutes p.1 ¶9"'),
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{path}:59:15: error[E318]: 'minutes p.1 ¶9' cites paragraph 9 of page 1, but that "
        "page of the text of 'minutes' has 2 paragraphs [decisions[0].sources[0]]"
    ) in out


def test_validate_reports_a_missing_page(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "calendar.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("      - minutes p.3", "      - minutes p.5"),
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 1
    assert "'minutes p.5' cites page 5, but the text of 'minutes' has 3 pages" in (
        capsys.readouterr().out
    )


def test_a_missing_text_is_reported_at_its_source(folder: Path) -> None:
    (folder / "calendar-minutes.txt").unlink()
    problems = check_source_texts(load_path(folder / "calendar.yaml"))
    assert [(p.line, p.path, p.code) for p in problems] == [(12, "sources[0].file", "E316")]
    assert problems[0].message.startswith(
        "cannot read the text of source 'minutes' (calendar-minutes.txt): "
    )


def test_a_link_that_leads_outside_the_folder_is_not_followed(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    elsewhere.write_text("not the scenario's\n", encoding="utf-8")
    (folder / "calendar-minutes.txt").unlink()
    (folder / "calendar-minutes.txt").symlink_to(elsewhere)
    problems = check_source_texts(load_path(folder / "calendar.yaml"))
    assert [p.message for p in problems] == [
        "cannot read the text of source 'minutes' (calendar-minutes.txt): it leads outside "
        "the scenario's folder"
    ]


def test_a_text_that_is_not_utf8_is_reported(folder: Path) -> None:
    (folder / "calendar-minutes.txt").write_bytes(b"caf\xe9\n")
    problems = check_source_texts(load_path(folder / "calendar.yaml"))
    assert [p.code for p in problems] == ["E316"]
    assert "not UTF-8" in problems[0].message


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "../x.txt", "a/../../x.txt", "a\\\\b.txt", "C:x.txt"]
)
def test_a_source_file_must_stay_beside_the_scenario(name: str) -> None:
    text = (FIXTURES / "calendar.yaml").read_text(encoding="utf-8")
    text = text.replace("file: calendar-minutes.txt", f"file: '{name}'")
    _, problems = check_text(text, "calendar.yaml")
    assert [(p.line, p.code) for p in problems] == [(17, "E126")]


def test_a_url_must_be_an_address() -> None:
    text = (FIXTURES / "calendar.yaml").read_text(encoding="utf-8")
    text = text.replace("url: https://example.invalid/book", "url: see the library")
    _, problems = check_text(text, "calendar.yaml")
    assert [(p.code, p.path) for p in problems] == [("E125", "bibliography[1].url")]
