"""The shipped source texts: paragraphs found as citations count them, looked up as typed."""

from __future__ import annotations

import pytest

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Citation
from excomm_sim.sourcetext import (
    SourceTexts,
    decision_citations,
    parse_paragraphs,
    shipped_texts,
    source_reply,
)

TEXT = """# an editorial note, not the record
First paragraph,
# a note inside a paragraph neither ends it nor joins it
over two lines.

Second.
--- page 2 ---
On the next page.
"""


def test_paragraphs_are_found_by_page_and_number_with_notes_left_out() -> None:
    assert parse_paragraphs(TEXT) == {
        (1, 1): "First paragraph, over two lines.",
        (1, 2): "Second.",
        (2, 1): "On the next page.",
    }


@pytest.mark.parametrize("typed", ["record p.2 ¶1", "p.2 ¶1", "p2 1", " 2 1", "P.2, 1"])
def test_a_citation_is_looked_up_however_it_is_typed(typed: str) -> None:
    texts = SourceTexts({"record": parse_paragraphs(TEXT)})
    passage = texts.look_up(typed)
    assert passage is not None and passage.label == "record p.2 ¶1"
    assert passage.anchor == "record-p2-1"


def test_a_paragraph_the_text_lacks_is_none_and_the_reply_says_how_to_ask() -> None:
    texts = SourceTexts({"record": parse_paragraphs(TEXT)})
    assert texts.look_up("p.3 ¶1") is None
    decision = load_path(bundled_scenario("meeting19")).decisions[0]
    (reply,) = source_reply(texts, decision, "p.3 ¶1")
    assert "no paragraph “p.3 ¶1”" in reply and "source 2 4" in reply


def test_cited_passages_come_once_each_in_order_and_skip_whole_document_citations() -> None:
    texts = SourceTexts({"record": parse_paragraphs(TEXT)})
    cited = [
        Citation("record", 1, 2),
        Citation("facts", note="no page"),
        Citation("record", 1, 2, note="again"),
        Citation("record", 1, 1),
    ]
    assert [p.label for p in texts.cited(cited)] == ["record p.1 ¶2", "record p.1 ¶1"]


def test_meeting19_ships_its_record_and_every_cited_paragraph_can_be_read() -> None:
    scenario = load_path(bundled_scenario("meeting19"))
    texts = shipped_texts(scenario)
    passage = texts.passage("record", 2, 4)
    assert passage is not None and "insist on UN inspection on the ground" in passage.text
    for decision in scenario.decisions:
        cited = [c for c in decision_citations(decision) if c.source == "record" and c.paragraph]
        assert len(texts.cited(cited)) == len({(c.page, c.paragraph) for c in cited}), decision.id


def test_a_scenario_without_shipped_texts_says_so() -> None:
    scenario = load_path(bundled_scenario("school_budget"))
    texts = shipped_texts(scenario)
    assert not texts
    assert source_reply(texts, scenario.decisions[0], "") == [
        "This scenario ships no source text to read."
    ]
