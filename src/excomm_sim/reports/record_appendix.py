"""The HTML report's link to the primary source: citations linked to an appendix of paragraphs.

Every "record p.2 ¶4" the report links (html.cite_links), where the scenario ships that
paragraph's text, points at the same paragraph quoted in full in an appendix, so a class
reading a game's report can check each choice against the document it came from. Pure:
the shipped texts are read by the command and handed in.
"""

from __future__ import annotations

import re
from html import escape

from excomm_sim.scenario.model import Scenario
from excomm_sim.sourcetext import Passage, SourceTexts, decision_citations
from excomm_sim.story.timeline import Timeline

CITED = re.compile(r"\b([a-z][a-z_]*) p\.(\d+) ¶(\d+)")


LINKED_CITATION = re.compile(r'<a class="cite" href="#source-([a-z][a-z_]*)">(\1 p\.(\d+) ¶(\d+))')
"""A citation the page links to its source's entry (html.cite_links, source_links)."""


def relinked(page: str, texts: SourceTexts) -> str:
    """``page`` with each link to a source's entry sent to the paragraph instead, where
    the scenario ships that paragraph's text (quoted in the appendix)."""

    def link(match: re.Match[str]) -> str:
        passage = texts.passage(match.group(1), int(match.group(3)), int(match.group(4)))
        if passage is None:
            return match.group(0)
        return f'<a class="cite" href="#{passage.anchor}">{match.group(2)}'

    return LINKED_CITATION.sub(link, page)


def cited_passages(timeline: Timeline, texts: SourceTexts) -> list[Passage]:
    """Every shipped paragraph the played decisions cite, in the document's own order."""
    cited = [c for step in timeline.steps for c in decision_citations(step.decision)]
    return sorted(texts.cited(cited), key=lambda p: (p.source, p.page, p.paragraph))


def appendix(scenario: Scenario, passages: list[Passage]) -> str:
    """The appendix: each cited paragraph under its citation, with the id links point to."""
    if not passages:
        return ""
    titles = {source.id: source.title for source in scenario.sources}
    parts = ['<section id="sources-appendix">', "<h2>Appendix: the paragraphs cited</h2>"]
    for source in dict.fromkeys(passage.source for passage in passages):
        parts.append(f"<p><em>{escape(titles.get(source, source))}</em></p>")
    for passage in passages:
        parts.append(
            f'<blockquote id="{passage.anchor}"><p><strong>{escape(passage.label)}</strong></p>'
            f"<p>{escape(passage.text)}</p></blockquote>"
        )
    parts.append("</section>")
    return "\n".join(parts)
