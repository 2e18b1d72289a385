"""The HTML report's link to the primary source: citations linked to an appendix of paragraphs.

Every "record p.2 ¶4" the report prints, where the scenario ships that paragraph's text,
becomes a link to the same paragraph quoted in full in an appendix at the end, so a class
reading a game's report can check each choice against the document it came from. Pure:
the shipped texts are read by the command and handed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from excomm_sim.saves.timeline import Timeline
from excomm_sim.scenario.model import Citation, Scenario
from excomm_sim.sourcetext import Passage, SourceTexts, decision_citations

CITED = re.compile(r"\b([a-z][a-z_]*) p\.(\d+) ¶(\d+)")


def linked(markup: str, texts: SourceTexts) -> str:
    """``markup`` (already escaped) with each shipped citation turned into an appendix link."""

    def link(match: re.Match[str]) -> str:
        passage = texts.passage(match.group(1), int(match.group(2)), int(match.group(3)))
        if passage is None:
            return match.group(0)
        return f'<a href="#{passage.anchor}">{match.group(0)}</a>'

    return CITED.sub(link, markup)


def citations_line(citations: Iterable[Citation], texts: SourceTexts) -> str:
    """'<p class="sources">Sources: record p.1 ¶2 (note); facts (note)</p>', linked."""
    shown = "; ".join(linked(escape(str(citation)), texts) for citation in citations)
    return f'<p class="sources">Sources: {shown}</p>' if shown else ""


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
