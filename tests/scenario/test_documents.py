"""A source's text indexed as citations count it (pages, then paragraphs on each page), and
every citation checked against it."""

from __future__ import annotations

import pytest
from attrs import evolve

from excomm_sim.scenario.documents import citation_problems, cited_paragraphs, read_document
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Citation
from scenario.conftest import FIXTURES

MINUTES = (FIXTURES / "calendar-minutes.txt").read_text(encoding="utf-8")


def test_paragraphs_are_counted_from_one_on_each_page() -> None:
    document, problems = read_document(MINUTES, "minutes")
    assert problems == []
    assert [[str(p) for p in page] for page in document.pages] == [
        ["p.1 ¶1", "p.1 ¶2"],
        ["p.2 ¶1", "p.2 ¶2"],
        ["p.3 ¶1"],
    ]


def test_notes_are_no_part_of_a_paragraph_and_lines_are_joined_as_prose() -> None:
    document, _ = read_document(MINUTES, "minutes")
    first = document.paragraph(1, 1)
    assert first is not None and first.line == 3
    assert (
        first.text
        == "The council met at nine. The mayor opened the meeting and read the agenda aloud."
    )
    second = document.paragraph(2, 1)
    assert second is not None and "asked for an inspection before nightfall." in second.text


def test_a_hyphen_before_a_capital_is_kept() -> None:
    document, _ = read_document("a group of pro-\nCastro saboteurs", "x")
    assert [p.text for p in document.paragraphs()] == ["a group of pro-Castro saboteurs"]


def test_a_text_without_markers_is_one_page() -> None:
    document, _ = read_document("one\n\ntwo\n", "x")
    assert len(document.pages) == 1 and document.paragraph(1, 2) is not None


def test_a_page_marker_out_of_order_is_reported_at_its_line() -> None:
    _, problems = read_document("one\n--- page 3 ---\ntwo\n", "x", "x.txt")
    assert [(p.line, p.code, p.message) for p in problems] == [
        (
            2,
            "E317",
            "the page marker says page 3, but it starts page 2: pages are numbered in order from 1",
        )
    ]


@pytest.mark.parametrize(
    ("citation", "found"),
    [
        (Citation("minutes", 2, 2), ["p.2 ¶2"]),
        (Citation("minutes", 2), ["p.2 ¶1", "p.2 ¶2"]),
        (Citation("minutes", None, 2), ["p.1 ¶2"]),
        (Citation("minutes", 2, 3), []),
        (Citation("minutes", 4, 1), []),
        (Citation("minutes"), []),
    ],
)
def test_a_citation_points_at_its_paragraph_or_page(citation: Citation, found: list[str]) -> None:
    document, _ = read_document(MINUTES, "minutes")
    assert [str(p) for p in cited_paragraphs(document, citation)] == found


def test_every_citation_of_the_fixture_is_in_its_text() -> None:
    scenario = load_path(FIXTURES / "calendar.yaml")
    document, _ = read_document(MINUTES, "minutes")
    assert citation_problems(scenario, {"minutes": document}) == []


def test_a_citation_of_a_paragraph_not_in_the_text_is_an_error_at_the_citation() -> None:
    scenario = load_path(FIXTURES / "calendar.yaml")
    decision = scenario.decisions[0]
    bad = evolve(decision.sources[0], paragraph=7)
    scenario = evolve(
        scenario, decisions=(evolve(decision, sources=(bad,)), *scenario.decisions[1:])
    )
    document, _ = read_document(MINUTES, "minutes")
    problems = citation_problems(scenario, {"minutes": document})
    assert [(p.line, p.path, p.code, p.message) for p in problems] == [
        (
            59,
            "decisions[0].sources[0]",
            "E318",
            "'minutes p.1 ¶7' cites paragraph 7 of page 1, but that page of the text of "
            "'minutes' has 2 paragraphs",
        )
    ]


def test_sources_carry_their_document_number_address_and_file() -> None:
    scenario = load_path(FIXTURES / "calendar.yaml")
    minutes = scenario.source("minutes")
    assert (minutes.document, minutes.file) == ("12", "calendar-minutes.txt")
    assert str(scenario.decisions[0].sources[1]) == "minutes doc.12 p.2 ¶2 (the strike)"
    assert scenario.decisions[2].sources[0].url.endswith("#p2")
    assert scenario.references() == (
        "Minutes of the harbour council, 1 October. Harbour council papers (invented for "
        "tests), box 1. document 12. https://example.invalid/harbour/minutes-12",
        "An invented history of the harbour (tests only).",
        "A second invented book. https://example.invalid/book",
    )
