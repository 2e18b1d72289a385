"""The people: and glossary: parts: read strictly, located errors, mentions found in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.glossary import entry_text, mentioned
from excomm_sim.scenario.load import ScenarioError, load_path

TINY = Path(__file__).parents[1] / "tui" / "data" / "tiny.yaml"


def with_parts(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(TINY.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path


def problems(path: Path) -> str:
    with pytest.raises(ScenarioError) as raised:
        load_path(path)
    return str(raised.value)


def test_people_and_terms_are_read(tmp_path: Path) -> None:
    scenario = load_path(
        with_parts(
            tmp_path,
            "people:\n  - name: Vasily V. Kuznetsov\n    also: [Kuznetsov]\n"
            "    title: First Deputy Foreign Minister\n"
            "glossary:\n  - term: SAM\n    also: SAMs\n    meaning: A surface-to-air missile.\n",
        )
    )
    (person,) = scenario.people
    assert (person.name, person.also, person.title) == (
        "Vasily V. Kuznetsov",
        ("Kuznetsov",),
        "First Deputy Foreign Minister",
    )
    (term,) = scenario.glossary
    assert (term.term, term.also) == ("SAM", ("SAMs",))
    assert person.location.line > 0


def test_an_unknown_key_is_reported_at_its_line_with_a_suggestion(tmp_path: Path) -> None:
    path = with_parts(tmp_path, "glossary:\n  - term: SAM\n    meening: typo\n")
    line = len(TINY.read_text(encoding="utf-8").splitlines()) + 3
    assert f"s.yaml:{line}:5: error: unknown key 'meening' in a glossary entry" in problems(path)
    assert "did you mean 'meaning'?" in problems(path)


def test_a_person_without_a_title_is_reported(tmp_path: Path) -> None:
    shown = problems(with_parts(tmp_path, "people:\n  - name: U Thant\n"))
    assert "title" in shown and "people[0]" in shown


def test_a_name_used_twice_is_an_error_naming_the_first_line(tmp_path: Path) -> None:
    text = (
        "glossary:\n  - term: SAM\n    meaning: a\n  - term: x\n    also: [sam]\n    meaning: b\n"
    )
    shown = problems(with_parts(tmp_path, text))
    assert "duplicate glossary term name 'sam' (first used on line" in shown
    assert "glossary[1]" in shown


def test_mentions_are_whole_words_in_the_order_they_appear() -> None:
    scenario = load_path(bundled_scenario("meeting19"))
    found = mentioned(scenario, "Kuznetsov asks about the SAM sites; SAMPLE is not a SAM.")
    assert [entry_text(entry).split(",")[0].split(":")[0] for entry in found] == [
        "Vasily V. Kuznetsov",
        "SAM",
    ]


def test_meeting_19_introduces_the_names_a_student_meets() -> None:
    scenario = load_path(bundled_scenario("meeting19"))
    text = "Kuznetsov, Mikoyan, U Thant, the OAS, the IL-28s, the SAM sites and the quarantine"
    assert len(mentioned(scenario, text)) == 7
