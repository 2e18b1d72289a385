"""The primary sources shipped beside a scenario, paragraph by paragraph, for every shell.

A scenario may keep the text of a source it cites in a file beside it (meeting 19 ships
``meeting19.record.txt``), so that a player who meets "record p.2 ¶4" can read that
paragraph of the document the choice came from. The text follows the format's source
texts (docs/scenario-format.md): ``--- page N ---`` starts a page, blank lines separate
paragraphs, counted as the citations count them, and ``#`` lines are notes. Parsing and
lookup are pure; only ``shipped_texts`` reads files, and the shells call it once when a
game opens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from attrs import frozen

from excomm_sim.scenario.model import Citation, Decision, Scenario

PAGE_MARK = re.compile(r"--- page (\d+) ---")
CITATION = re.compile(r"(?:\b([a-z][a-z_]*) )?(?:p\.?\s*)?(\d+)\s*(?:¶|para\.?|,|\s)\s*(\d+)", re.I)
"""'record p.2 ¶4', 'p.2 ¶4', 'p2 4', '2 4': a source id (optional), a page, a paragraph."""


@frozen
class Passage:
    """One paragraph of a shipped source, named as the game cites it."""

    source: str
    page: int
    paragraph: int
    text: str

    @property
    def label(self) -> str:
        """'record p.2 ¶4', as citations print."""
        return f"{self.source} p.{self.page} ¶{self.paragraph}"

    @property
    def anchor(self) -> str:
        """'record-p2-4': an id for a report's appendix to link to."""
        return f"{self.source}-p{self.page}-{self.paragraph}"


def parse_paragraphs(text: str) -> dict[tuple[int, int], str]:
    """The paragraphs of a shipped text by (page, paragraph), each joined onto one line.

    The rules of the format's source texts: ``#`` lines are notes (they neither belong to
    nor end a paragraph), ``--- page N ---`` starts page N (text before any marker is page
    1), and a paragraph is a run of lines ended by a blank line or a page marker.
    """
    found: dict[tuple[int, int], str] = {}
    page, lines = 1, list[str]()

    def close() -> None:
        if lines:
            found[(page, 1 + sum(1 for key in found if key[0] == page))] = " ".join(lines)
            lines.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if raw.startswith("#"):
            continue
        if mark := PAGE_MARK.fullmatch(line):
            close()
            page = int(mark.group(1))
        elif line:
            lines.extend(line.split())
        else:
            close()
    close()
    return found


@frozen
class SourceTexts:
    """The shipped texts of one scenario's sources: source id -> (page, paragraph) -> text."""

    texts: Mapping[str, Mapping[tuple[int, int], str]]

    def passage(self, source: str, page: int, paragraph: int) -> Passage | None:
        text = self.texts.get(source, {}).get((page, paragraph))
        return None if text is None else Passage(source, page, paragraph, text)

    def cited(self, citations: Iterable[Citation]) -> list[Passage]:
        """The paragraphs ``citations`` point at that a shipped text has, in order, once each."""
        passages: list[Passage] = []
        for citation in citations:
            if citation.page is None or citation.paragraph is None:
                continue
            passage = self.passage(citation.source, citation.page, citation.paragraph)
            if passage is not None and passage not in passages:
                passages.append(passage)
        return passages

    def look_up(self, query: str, default_source: str = "") -> Passage | None:
        """The paragraph a player typed ('record p.2 ¶4', 'p.2 ¶4', 'p2 4'); None if none."""
        match = CITATION.search(query)
        if match is None:
            return None
        named = (match.group(1) or "").lower()
        source = named if named in self.texts else default_source or next(iter(self.texts), "")
        return self.passage(source, int(match.group(2)), int(match.group(3)))

    def __bool__(self) -> bool:
        return any(self.texts.values())


NO_TEXTS = SourceTexts({})


def decision_citations(decision: Decision) -> Iterator[Citation]:
    """What a decision cites: its sources, then 'record p.X ¶Y' written in its text."""
    yield from decision.sources
    texts = [decision.context, *(option.text for option in decision.options)]
    texts += [stance.reason for option in decision.options for stance in option.stances]
    for text in texts:
        yield from citations_in(text)


def citations_in(text: str) -> Iterator[Citation]:
    """'record p.2 ¶4' written in running text, as citations (only with a source named)."""
    for match in re.finditer(r"\b([a-z][a-z_]*) p\.(\d+) ¶(\d+)", text):
        yield Citation(match.group(1), int(match.group(2)), int(match.group(3)))


def source_path(scenario: Scenario, source: str) -> Path:
    """Where a source's text is kept: beside the scenario, as STEM.SOURCE.txt."""
    path = Path(scenario.path)
    return path.with_name(f"{path.stem}.{source}.txt")


def shipped_texts(scenario: Scenario) -> SourceTexts:
    """Read the texts kept beside ``scenario`` (none when it was not loaded from a file)."""
    if not scenario.path:
        return NO_TEXTS
    texts: dict[str, dict[tuple[int, int], str]] = {}
    for source in scenario.sources:
        path = source_path(scenario, source.id)
        if path.is_file():
            texts[source.id] = parse_paragraphs(path.read_text(encoding="utf-8"))
    return SourceTexts(texts)


def source_reply(texts: SourceTexts, decision: Decision, query: str) -> list[str]:
    """What the plain game prints for ``source [CITATION]``: paragraphs under their labels.

    With no citation, every paragraph ``decision`` cites; with one ('p.2 ¶4', '2 4'),
    that paragraph, whichever item cites it.
    """
    query = query.strip()
    if not texts:
        return ["This scenario ships no source text to read."]
    if query:
        passage = texts.look_up(query)
        if passage is None:
            return [f"The record has no paragraph “{query}” (try: source p.2 ¶4, or source 2 4)."]
        passages = [passage]
    else:
        passages = texts.cited(decision_citations(decision))
        if not passages:
            return ["This item cites no paragraph of a shipped source."]
    return [f"{passage.label}: {passage.text}" for passage in passages]
