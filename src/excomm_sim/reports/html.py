"""The after-action report as one self-contained HTML page: inline CSS and SVG, no network.

A page a student hands in: the result first (the ending, the scores, the choices beside
history's), then a compact timeline, the meters, what history did, the discussion
questions with room for answers, and the sources every "record p.2 ¶4" links to. The
detail a reader may want on screen (each item's context, the advisers' positions, the
values after every decision) sits in closed ``<details>``: one click away on screen,
left out when printed, so history's course prints in a few pages.

Every piece of scenario and save text goes through ``html.escape``: a scenario is
someone's file, and a report must not run or fetch anything it says. The only links are
to the page's own sources list.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from html import escape

from attrs import evolve

from excomm_sim.engine.events import EventFired
from excomm_sim.reports.after_action import (
    chosen_label,
    end_rows,
    followed_history,
    history_label,
    meter_series,
    players_line,
    questions,
    score_rows,
    time_labels,
    variable_series,
)
from excomm_sim.reports.page_style import HEAD_META, SHARED_CSS
from excomm_sim.reports.record_appendix import appendix, cited_passages, relinked
from excomm_sim.reports.svg import Line, legend, line_chart
from excomm_sim.scenario.characters import visible
from excomm_sim.scenario.model import Citation, Scenario
from excomm_sim.sourcetext import NO_TEXTS, SourceTexts
from excomm_sim.story.history import THE_GAMES_OWN, beside_history, history_note
from excomm_sim.story.records import explained_text
from excomm_sim.story.retelling import (
    choice_text,
    compact_consequences,
    score_text,
    stand_text,
)
from excomm_sim.story.text import counted, date_text, played_text
from excomm_sim.story.timeline import Step, Timeline
from excomm_sim.story.values import value_text
from excomm_sim.story.why import why_lines

STYLE = (
    SHARED_CSS
    + """
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
table { margin: 1rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.same { font-weight: bold; }
.different { font-style: italic; }
.step { border-top: 1px solid #ccc; margin-top: 1.5rem; }
.date { color: #444; font-style: italic; }
blockquote { border-left: 4px solid #999; margin-left: 0; padding-left: 1rem; color: #333; }
.warning { border: 2px solid #b00; padding: 0.5rem; }
.chart-box { margin: 1rem 0; }
.chart-box svg.chart { display: block; max-width: 100%; height: auto; }
.chart-box svg.compact { display: none; }
@media screen and (max-width: 40rem) {
  .chart-box svg.full { display: none; }
  .chart-box svg.compact { display: block; }
}
.legend { list-style: none; padding: 0; margin: 0.75rem 0 0; columns: 2 20rem;
          font-family: Helvetica, Arial, sans-serif; font-size: 0.85rem; }
.legend li { break-inside: avoid; margin: 0 0 0.2rem; }
.legend .swatch { vertical-align: middle; }
.legend { display: none; }
@media screen and (max-width: 40rem) { .legend { display: block; } }
.step h3 { margin: 0.9rem 0 0.2rem; font-size: 1.02rem; }
.step p { margin: 0.2rem 0; }
.step .followed { font-size: 0.92rem; }
details { margin: 0.3rem 0; }
details > summary { cursor: pointer; color: #444; font-size: 0.9rem; }
.answer { min-height: 6rem; border: 1px solid #999; margin: 0.4rem 0 1rem; }
.sources li { margin-bottom: 0.4rem; }
a.cite { color: inherit; }
footer { margin-top: 2rem; color: #555; font-size: 0.85rem; }
@media print {
  .step h3, .step .date { break-after: avoid; page-break-after: avoid; }
  .chart-box { break-inside: avoid; page-break-inside: avoid; }
  details { display: none; }
  .answer { min-height: 5rem; }
  body { font-size: 9.5pt; line-height: 1.28; }
  table { font-size: 8.5pt; }
  th, td { padding: 0.1rem 0.35rem; }
  h1 { font-size: 16pt; } h2 { font-size: 13pt; margin: 0.8rem 0 0.3rem; }
}
"""
)

COMPACT_PLOT_WIDTH = 300
"""The phone chart's plot: with no end labels (the legend names the lines) it fits a phone
unshrunk, so its text stays readable; wider screens and paper get the labelled chart."""

MAX_TIME_COLUMNS = 8
"""The variables table is cut into parts of at most this many time points, each repeating
the variable names, so it fits a printed page and a desktop window without scrolling."""


def _p(text: str, scenario: Scenario | None = None) -> str:
    """Paragraphs of scenario text, escaped; blank lines split paragraphs. With the
    ``scenario``, its citations link to the sources list (see ``cite_links``)."""
    paragraphs = [" ".join(chunk.split()) for chunk in text.strip().split("\n\n")]
    shown = (lambda chunk: cite_links(scenario, chunk)) if scenario else escape
    return "".join(f"<p>{shown(chunk)}</p>" for chunk in paragraphs if chunk)


def _table(header: list[str], rows: list[list[str]], cls: str = "") -> str:
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    attr = f' class="{cls}"' if cls else ""
    table = f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="wide">{table}</div>'


def column_groups(count: int, most: int = MAX_TIME_COLUMNS) -> list[range]:
    """``range(count)`` cut into as few parts as fit ``most`` each, as even as possible."""
    if count <= 0:
        return []
    parts = math.ceil(count / most)
    size = math.ceil(count / parts)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def cite_links(scenario: Scenario, text: str) -> str:
    """Escaped ``text`` with each citation of a listed source ("record p.2 ¶4") made a link
    to that source's entry in the page's sources list."""
    escaped = escape(text)
    ids = [source.id for source in scenario.sources]
    if not ids:
        return escaped
    # A citation has a page, or a note in brackets: "record p.2 ¶4", "facts (Castro's
    # broadcast)". A source id alone is left as it is (it may be a word of the prose).
    names = "|".join(re.escape(escape(source_id)) for source_id in ids)
    pattern = re.compile(rf"\b({names})(?: p\.\d+(?: ¶\d+)?|(?= \())")
    return pattern.sub(
        lambda m: f'<a class="cite" href="#source-{m.group(1)}">{m.group(0)}</a>', escaped
    )


def source_links(scenario: Scenario, citations: Iterable[Citation], notes: bool = True) -> str:
    """'Source: record p.1 ¶1; facts', each citation a link to its source's entry.

    Built from the citations themselves, so even one with neither page nor note links;
    without ``notes`` (the compact timeline) the notes are left for the item's detail.
    """
    listed = {source.id for source in scenario.sources}
    links = []
    for citation in citations:
        shown = escape(str(citation if notes else evolve(citation, note="")))
        if citation.source in listed:
            shown = f'<a class="cite" href="#source-{escape(citation.source)}">{shown}</a>'
        links.append(shown)
    return "Source: " + "; ".join(links)


def _step(timeline: Timeline, step: Step) -> str:
    """One decision, compact: the choice beside history's and what followed; the item's
    context and the advisers' positions in a closed ``<details>``."""
    scenario = timeline.scenario

    def cite(text: str) -> str:
        return cite_links(scenario, text)

    parts = [
        f'<section class="step" id="decision-{step.number}">',
        f"<h3>{step.number}. {escape(step.decision.title)}</h3>",
        f'<p class="date">{escape(date_text(step.date))}'
        + (
            f" · {source_links(scenario, step.decision.sources, notes=False)}"
            if step.decision.sources
            else ""
        )
        + "</p>",
    ]
    same = followed_history(step)
    chosen = step.choice.option if step.choice else None
    css = {True: "same", False: "different", None: ""}[same]
    note = " ".join(history_note(step.decision).split())
    parts.append(
        f"<p><strong>Choice:</strong> {escape(choice_text(scenario, step))} "
        f'<span class="{css}">{escape(beside_history(step.decision, chosen))}</span>'
        + (f" {cite(note)}" if note and same is not True else "")
        + "</p>"
    )
    followed = compact_consequences(scenario, step)
    if followed:
        joined = " · ".join(cite(line) for line in followed)
        parts.append(f'<p class="followed"><strong>What followed:</strong> {joined}</p>')
    detail = [_p(step.decision.context, scenario)]
    if step.decision.sources:
        detail.append(f"<p>{source_links(scenario, step.decision.sources)}</p>")
    if note and same is True:  # the same choice: why history went so is a click away
        detail.append(f"<p><strong>History:</strong> {cite(note)}</p>")
    events = [
        explained_text(scenario, record)
        for record in step.records
        if isinstance(record, EventFired)
    ]
    detail.extend(f"<p>{cite(line)}</p>" for line in events if line)
    why = why_lines(scenario, step.records)
    if why:  # a computer decided: its weighing, voice by voice
        items = "".join(f"<li>{escape(line)}</li>" for line in why[1:])
        detail.append(f'<p class="why">{escape(why[0])}</p><ul class="why">{items}</ul>')
    if step.positions:
        items = "".join(
            f"<li>{cite(stand_text(scenario, step.decision, stand))}</li>"
            for stand in step.positions
        )
        detail.append(f"<p>Positions at the table:</p><ul>{items}</ul>")
    parts.append(
        "<details><summary>The item, where the advisers stood"
        + (", why the computer chose so" if why else "")
        + (", history's reasons" if note and same is True else "")
        + "</summary>"
        + "".join(detail)
        + "</details>"
    )
    parts.append("</section>")
    return "\n".join(parts)


def _chart(timeline: Timeline) -> str:
    """The meters players saw, as a labelled chart (a legend stands in on a phone)."""
    lines = [
        Line(
            series.variable.label,
            int(series.variable.minimum or 0),
            int(series.variable.maximum or 0),
            tuple(int(value) for value in series.values),
        )
        for series in meter_series(timeline)
    ]
    if not lines:
        return ""
    labels, title = time_labels(timeline), "The meters over the game"
    full = line_chart(lines, labels, title, css_class="chart full", chart_id="chart")
    compact = line_chart(
        lines,
        labels,
        title,
        plot_width=COMPACT_PLOT_WIDTH,
        end_labels=False,
        css_class="chart compact",
        chart_id="chart-compact",
    )
    return f'<figure class="chart-box">{full}\n{compact}\n{legend(lines)}</figure>'


def _variables_tables(timeline: Timeline) -> str:
    """Every variable at the start and after each decision, in parts of a few columns."""
    labels = time_labels(timeline)
    series = variable_series(timeline)
    tables = []
    for group in column_groups(len(labels)):
        rows = [
            [line.variable.label, *(value_text(line.variable, line.values[i]) for i in group)]
            for line in series
        ]
        tables.append(_table(["Variable", *(labels[i] for i in group)], rows, "sticky"))
    return "\n".join(tables)


def _result(timeline: Timeline) -> str:
    """The ending and every seat's score: what a teacher reads first."""
    ending = timeline.ending
    if ending is None:
        return "<h2>Result</h2><p>The game was not finished when it was saved.</p>"
    parts = [f"<h2>Result: {escape(ending.title)}</h2>", _p(ending.narrative, timeline.scenario)]
    parts.append(_table(["Role", "Played by", "Score"], [list(r) for r in score_rows(timeline)]))
    for role in timeline.scenario.roles:
        score = timeline.scores.get(role.id)
        if score is None or role.id not in timeline.save.humans:
            continue
        items = "".join(
            f"<li>{'☑ met' if met else '☐ not met'}: {escape(objective.text)} "
            f"({objective.points} pt)</li>"
            for objective, met in score.met
        )
        player = timeline.save.humans[role.id]
        parts.append(
            f"<p>{escape(role.name)} ({escape(player)}): {escape(score_text(score))}</p>"
            f"<ul>{items}</ul>"
        )
    return "\n".join(parts)


def _history(timeline: Timeline) -> str:
    ending = timeline.ending
    if ending is None or not ending.debrief.strip():
        return ""
    return (
        "<h2>What happened in history</h2>"
        + cite_links(timeline.scenario, "")
        + "".join(
            f"<p>{cite_links(timeline.scenario, ' '.join(chunk.split()))}</p>"
            for chunk in ending.debrief.strip().split("\n\n")
            if chunk.strip()
        )
    )


def _questions(timeline: Timeline) -> str:
    """The discussion questions, each with a box to write the answer in."""
    asked = questions(timeline)
    if not asked:
        return ""
    items = "".join(
        f'<li><p>{escape(text)}</p><div class="answer" aria-label="Your answer"></div></li>'
        for text in asked
    )
    return f"<h2>Questions for discussion</h2><ol>{items}</ol>"


def _sources(scenario: Scenario) -> str:
    """Every source the scenario cites, with its full title and reference; citations link here."""
    if not scenario.sources:
        return ""
    items = "".join(
        f'<li id="source-{escape(source.id)}"><strong>{escape(source.id)}</strong>: '
        f"{escape(source.title)}"
        + (f". {escape(' '.join(source.reference.split()))}" if source.reference else "")
        + "</li>"
        for source in scenario.sources
    )
    return (
        "<h2>Sources</h2><p>“record p.2 ¶4” means paragraph 4 on page 2 of the source "
        f'named “record” below.</p><ul class="sources">{items}</ul>'
    )


def render_html(
    timeline: Timeline, save_name: str, generated_by: str, texts: SourceTexts = NO_TEXTS
) -> str:
    """The whole report as an HTML5 document (ends with a newline).

    ``texts``: the sources' shipped text; a citation of a shipped paragraph links to it,
    quoted in an appendix (record_appendix), instead of to the source's entry.
    """
    scenario, save = timeline.scenario, timeline.save
    title = f"After-action report: {scenario.title}"
    intro = (
        f"{players_line(timeline)} {played_text(save.created, save.updated)}. "
        f"Scenario {scenario.id} version {scenario.version}, set on {date_text(scenario.date)}; "
        f"seed {save.seed}, save {save_name}."
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        HEAD_META,
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style></head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(intro)}</p>",
    ]
    if save.branched_from is not None:
        parts.append(
            f"<p>This game branched from {escape(save.branched_from.save)} after "
            f"{counted(save.branched_from.turn, 'action')}.</p>"
        )
    if save.note:
        parts.append(f"<p>Note: {escape(save.note)}</p>")
    if timeline.problem:
        parts.append(f'<p class="warning"><strong>Warning:</strong> {escape(timeline.problem)}</p>')
    parts.append(_result(timeline))
    parts.append("<h2>Your choices beside history's</h2>")
    parts.append(
        _table(
            ["#", "Item", "Choice", "History", "Same?"],
            [
                [
                    str(step.number),
                    step.decision.title,
                    chosen_label(timeline, step),
                    history_label(step),
                    {True: "yes", False: "no", None: "-"}[followed_history(step)],
                ]
                for step in timeline.steps
            ],
        )
    )
    parts.append("<h2>Timeline</h2>")
    parts.extend(_step(timeline, step) for step in timeline.steps)
    parts.append("<h2>The meters over the game</h2>")
    chart = _chart(timeline)
    parts.append(chart)
    rows = end_rows(timeline, besides_meters=bool(chart))
    if rows:
        parts.append("<p>Everything else, at the start and at the end:</p>" if chart else "")
        parts.append(_table(["Variable", "Start", "End"], [list(r) for r in rows]))
    parts.append(
        "<details><summary>Every variable after each decision</summary>"
        "<p>Columns: the start, then after each decision.</p>"
        f"{_variables_tables(timeline)}</details>"
    )
    parts.append(_history(timeline))
    parts.append(_questions(timeline))
    parts.append(_sources(scenario))
    parts.append(f"<p><em>{escape(THE_GAMES_OWN)}</em></p>")
    parts.append(appendix(scenario, cited_passages(timeline, texts)))
    parts.append(f"<details><summary>The scenario</summary>{_p(scenario.summary)}</details>")
    parts.append(f"<footer>{escape(generated_by)}</footer>")
    parts.append("</body></html>")
    page = relinked("\n".join(parts) + "\n", texts)
    return visible(page)  # control characters: not valid in HTML text
