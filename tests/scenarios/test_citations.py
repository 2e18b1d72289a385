"""Every citation of the record in meeting 19 names a paragraph the record has.

The paragraphs are counted in the OCR transcription itself (tests/data), independently of
the reading text the game ships (meeting19.record.txt): page headers and scan noise are
dropped, a run of them between two paragraphs is a page break, the title is not counted,
and a paragraph that goes on over a page break (it resumes in lower case) counts on the
page where it starts. The shipped text must number the same paragraphs the same way, so a
player who opens "record p.2 ¶4" reads what the citation meant.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import yaml

from excomm_sim.paths import bundled_scenario
from excomm_sim.sourcetext import parse_paragraphs

RECORD = Path(__file__).resolve().parents[1] / "data" / "excomm-meeting-19.txt"
SHIPPED = bundled_scenario("meeting19").with_name("meeting19.record.txt")
PAGE_MARK = "topsecret"
"""What every page header and footer of the scan reads as, whatever the OCR made of it."""

Paragraphs = dict[tuple[int, int], str]


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _is_noise(block: str) -> bool:
    """A page header or footer ('-T OP S EC RET —', 'TOP SFCRTST'), a stray mark, the signature."""
    letters = _letters(block)
    looks_like_mark = difflib.SequenceMatcher(None, letters, PAGE_MARK).ratio() >= 0.6
    return looks_like_mark or len(block.split()) <= 2


@cache
def ocr_paragraphs() -> Paragraphs:
    """The record's paragraphs as the citations count them, read from the OCR."""
    lines = [
        line for line in RECORD.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    blocks = [b.strip() for b in re.split(r"\n\s*\n", "\n".join(lines)) if b.strip()]
    found: Paragraphs = {}
    page, number, at_break, title_seen = 1, 0, False, False
    last = (1, 0)
    for block in blocks:
        if _is_noise(block):
            at_break = number > 0
            continue
        if not title_seen:
            title_seen = True  # the title is not a paragraph
            continue
        if block[0].islower():  # the page broke inside this paragraph: it counts where it began
            found[last] += " " + block
            if at_break:
                page, number = page + 1, 0
        else:
            if at_break:
                page, number = page + 1, 0
            number += 1
            last = (page, number)
            found[last] = block
        at_break = False
    return found


@cache
def shipped_paragraphs() -> Paragraphs:
    """The reading text's paragraphs, as the game indexes them."""
    return parse_paragraphs(SHIPPED.read_text(encoding="utf-8"))


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _structured(node: object) -> Iterator[tuple[int, int]]:
    """``{source: record, page: P, paragraph: N}`` citations anywhere in the file."""
    if isinstance(node, dict):
        if node.get("source") == "record" and "paragraph" in node:
            yield int(node["page"]), int(node["paragraph"])
        for value in node.values():
            yield from _structured(value)
    elif isinstance(node, list):
        for value in node:
            yield from _structured(value)


CITED = re.compile(r"p\.(\d+) ¶(\d+)((?:,? ¶\d+)*)")
"""'p.2 ¶4', and the '¶5' of 'p.2 ¶4, ¶5' (a second paragraph of the same page)."""


def cited_in_text(text: str) -> Iterator[tuple[int, int]]:
    for match in CITED.finditer(text):
        page = int(match.group(1))
        yield page, int(match.group(2))
        for more in re.findall(r"¶(\d+)", match.group(3)):
            yield page, int(more)


def scenario_citations() -> set[tuple[int, int]]:
    data = yaml.safe_load(bundled_scenario("meeting19").read_text(encoding="utf-8"))
    cited = set(_structured(data))
    for text in _strings(data):
        cited.update(cited_in_text(text))
    return cited


def test_the_ocr_has_the_paragraphs_the_scenario_was_written_against() -> None:
    per_page = {page: 0 for page, _ in ocr_paragraphs()}
    for page, _ in ocr_paragraphs():
        per_page[page] += 1
    assert per_page == {1: 6, 2: 9, 3: 8, 4: 2}
    assert ocr_paragraphs()[(3, 8)].endswith("consists of what we say it is.")


def test_every_citation_of_the_record_names_a_paragraph_it_has() -> None:
    cited = scenario_citations()
    assert len(cited) >= 20
    assert sorted(cited - set(ocr_paragraphs())) == []


def test_a_citation_to_a_paragraph_the_record_lacks_would_be_caught() -> None:
    cited = set(cited_in_text("as he said (record p.2 ¶4, ¶12) and p.5 ¶1"))
    assert cited == {(2, 4), (2, 12), (5, 1)}
    assert cited - set(ocr_paragraphs()) == {(2, 12), (5, 1)}


def test_the_shipped_text_numbers_the_same_paragraphs_with_the_same_words() -> None:
    ocr, shipped = ocr_paragraphs(), shipped_paragraphs()
    assert set(shipped) == set(ocr)
    for key, text in ocr.items():
        ours = _letters(shipped[key].replace("[p.4]", ""))
        similarity = difflib.SequenceMatcher(None, _letters(text), ours, autojunk=False).ratio()
        assert similarity > 0.97, key
