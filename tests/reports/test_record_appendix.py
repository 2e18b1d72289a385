"""The HTML report links each citation of the record to the paragraph, quoted in an appendix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from excomm_sim.reports.html import render_html
from excomm_sim.reports.loading import open_save
from excomm_sim.sourcetext import shipped_texts
from excomm_sim.story.timeline import build_timeline

BUNDLED_SAVES = Path(__file__).resolve().parents[2] / "saves"


@pytest.fixture(scope="module")
def page() -> str:
    save, scenario = open_save(BUNDLED_SAVES / "history-president.json")
    timeline = build_timeline(save, scenario)
    return render_html(timeline, "history-president.json", "test", shipped_texts(scenario))


def test_citations_link_to_paragraphs_quoted_in_the_appendix(page: str) -> None:
    links = set(re.findall(r'<a class="cite" href="#(record-p\d+-\d+)">record p\.\d+ ¶\d+', page))
    ids = set(re.findall(r'<blockquote id="(record-p\d+-\d+)">', page))
    assert "record-p2-4" in links
    assert links == ids
    assert "Appendix: the paragraphs cited" in page
    quoted = page[page.index('id="record-p2-4"') :]
    assert "The President said we must insist on UN inspection on the ground." in quoted[:600]


def test_the_linked_page_still_fetches_nothing(page: str) -> None:
    assert re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", page, re.I) == [
        link for link in re.findall(r'href="(#[^"]*)"', page)
    ]
    assert "<script" not in page.lower()


def test_the_report_says_what_is_the_games_own(page: str) -> None:
    assert "own, not history: who decides each item" in page
