"""The after-action report as one self-contained HTML page: inline CSS and SVG, no network.

Every piece of scenario and save text goes through ``html.escape``: a scenario is
someone's file, and a report must not run or fetch anything it says.
"""

from __future__ import annotations

import math
from html import escape

from excomm_sim.reports.after_action import (
    chosen_label,
    followed_history,
    history_label,
    players_rows,
    questions,
    time_labels,
    variable_series,
)
from excomm_sim.reports.page_style import HEAD_META, SHARED_CSS
from excomm_sim.reports.record_appendix import appendix, citations_line, cited_passages, linked
from excomm_sim.reports.svg import Line, legend, line_chart
from excomm_sim.retold import (
    THE_GAMES_OWN,
    choice_text,
    consequence_lines,
    history_match,
    history_note,
    score_text,
    stand_text,
)
from excomm_sim.saves.timeline import Step, Timeline
from excomm_sim.scenario.characters import visible
from excomm_sim.scenario.model import VariableKind
from excomm_sim.sourcetext import NO_TEXTS, SourceTexts
from excomm_sim.weighed import why_lines
from excomm_sim.wording import (
    counted,
    date_text,
    played_text,
    value_text,
)

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
footer { margin-top: 2rem; color: #555; font-size: 0.85rem; }
@media print {
  .step h3, .step .date { break-after: avoid; page-break-after: avoid; }
  .chart-box { break-inside: avoid; page-break-inside: avoid; }
}
"""
)

COMPACT_PLOT_WIDTH = 300
"""The phone chart's plot: with no end labels (the legend names the lines) it fits a phone
unshrunk, so its text stays readable; wider screens and paper get the labelled chart."""

MAX_TIME_COLUMNS = 8
"""The variables table is cut into parts of at most this many time points, each repeating
the variable names, so it fits a printed page and a desktop window without scrolling."""


def _p(text: str) -> str:
    """Paragraphs of scenario text, escaped; blank lines split paragraphs."""
    paragraphs = [" ".join(chunk.split()) for chunk in text.strip().split("\n\n")]
    return "".join(f"<p>{escape(chunk)}</p>" for chunk in paragraphs if chunk)


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


def _step(timeline: Timeline, step: Step, texts: SourceTexts = NO_TEXTS) -> str:
    scenario = timeline.scenario
    parts = [
        f'<section class="step" id="decision-{step.number}">',
        f"<h3>{step.number}. {escape(step.decision.title)}</h3>",
        f'<p class="date">{escape(date_text(step.date))}</p>',
        linked(_p(step.decision.context), texts),
        citations_line(step.decision.sources, texts),
    ]
    if step.positions:
        items = "".join(
            f"<li>{linked(escape(stand_text(scenario, step.decision, stand)), texts)}</li>"
            for stand in step.positions
        )
        parts.append(f"<p>Positions at the table:</p><ul>{items}</ul>")
    parts.append(f"<p><strong>Choice:</strong> {escape(choice_text(scenario, step))}</p>")
    why = why_lines(scenario, step.records)
    if why:
        items = "".join(f"<li>{escape(line)}</li>" for line in why[1:])
        parts.append(f'<p class="why">{escape(why[0])}</p><ul class="why">{items}</ul>')
    same = followed_history(step)
    match = history_match(step.decision, step.choice.option if step.choice else None)
    beside = f" ({match})" if match else ""
    css = {True: "same", False: "different", None: ""}[same]
    parts.append(
        f'<p class="{css}"><strong>History\'s choice:</strong> '
        f"{escape(history_label(step))}{beside}</p>"
    )
    note = history_note(step.decision)
    if note:
        parts.append(f"<blockquote>{linked(_p(note), texts)}</blockquote>")
    consequences = consequence_lines(scenario, step)
    if consequences:
        items = "".join(f"<li>{escape(line)}</li>" for line in consequences)
        parts.append(f"<p>Consequences:</p><ul>{items}</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _chart(timeline: Timeline) -> str:
    lines = [
        Line(
            series.variable.label,
            int(series.variable.minimum),
            int(series.variable.maximum),
            tuple(int(value) for value in series.values),
        )
        for series in variable_series(timeline)
        if series.variable.kind is VariableKind.INT
        and series.variable.minimum is not None
        and series.variable.maximum is not None
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


def _ending(timeline: Timeline) -> str:
    scenario = timeline.scenario
    ending = timeline.ending
    if ending is None:
        return "<h2>Ending</h2><p>The game was not finished when it was saved.</p>"
    parts = [f"<h2>Ending: {escape(ending.title)}</h2>", _p(ending.narrative)]
    parts.extend(["<h3>What happened in history</h3>", _p(ending.debrief), "<h2>Scores</h2>"])
    for role in scenario.roles:
        score = timeline.scores.get(role.id)
        if score is None:
            continue
        player = timeline.save.humans.get(role.id, "computer")
        items = "".join(
            f"<li>{'☑ met' if met else '☐ not met'}: {escape(objective.text)} "
            f"({objective.points} pt)</li>"
            for objective, met in score.met
        )
        parts.append(
            f"<h3>{escape(role.name)} ({escape(player)})</h3>"
            f"<p>{escape(score_text(score))}</p><ul>{items}</ul>"
        )
    asked = questions(timeline)
    if asked:
        items = "".join(f"<li>{escape(text)}</li>" for text in asked)
        parts.append(f"<h2>Questions for discussion</h2><ol>{items}</ol>")
    return "\n".join(parts)


def render_html(
    timeline: Timeline, save_name: str, generated_by: str, texts: SourceTexts = NO_TEXTS
) -> str:
    """The whole report as an HTML5 document (ends with a newline).

    ``texts``: the sources' shipped text; each citation of a shipped paragraph links to
    it, quoted in an appendix (record_appendix).
    """
    scenario, save = timeline.scenario, timeline.save
    title = f"After-action report: {scenario.title}"
    intro = (
        f"Scenario {scenario.id} version {scenario.version}, set on {date_text(scenario.date)}. "
        f"{played_text(save.created, save.updated)}. Seed {save.seed}, save {save_name}."
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
    parts.append(_p(scenario.summary))
    parts.append("<h2>Players and roles</h2>")
    parts.append(_table(["Role", "Title", "Played by"], [list(r) for r in players_rows(timeline)]))
    parts.append("<h2>Decisions beside history</h2>")
    parts.append(
        _table(
            ["#", "Date", "Item", "Choice", "History", "Same?"],
            [
                [
                    str(step.number),
                    date_text(step.date),
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
    parts.append(f"<p><em>{escape(THE_GAMES_OWN)}</em></p>")
    parts.extend(_step(timeline, step, texts) for step in timeline.steps)
    parts.append("<h2>The variables over time</h2>")
    parts.append(_chart(timeline))
    parts.append("<p>Columns: the start, then after each decision.</p>")
    parts.append(_variables_tables(timeline))
    parts.append(_ending(timeline))
    parts.append(appendix(scenario, cited_passages(timeline, texts)))
    parts.append(f"<footer>{escape(generated_by)}</footer>")
    parts.append("</body></html>")
    return visible("\n".join(parts) + "\n")  # control characters: not valid in HTML text
