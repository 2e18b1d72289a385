"""Render a class report as Markdown, self-contained HTML, or CSV (one row per option)."""

from __future__ import annotations

import csv
import html
import io

from excomm_sim.reports.page_style import HEAD_META, SHARED_CSS
from excomm_sim.scenario.characters import visible
from excomm_sim.story.text import counted
from excomm_sim.tools.class_report import ClassReport, ScenarioReport

FORMATS = ("md", "html", "csv")

SPLITS_SHOWN = 3
"""How many of the most divided decisions the summary names."""


ROLES_NOTE = (
    "Students: games in which a person held the seat (the computer played it in the rest). "
    "Advice taken: how often the decider followed a student's recommendation from that seat."
)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def unplayed_note(count: int) -> str:
    """Saves with no move were left out: say how many, so the teacher's count adds up."""
    return f"Ignored: {counted(count, 'save')} with no move (a game opened and left)."


def render_markdown(report: ClassReport) -> str:
    lines = ["# Class report", ""]
    if not report.scenarios:
        lines += ["No saved game could be read.", ""]
    for scenario in report.scenarios:
        lines += _markdown_scenario(scenario)
    if report.unplayed:
        lines += [unplayed_note(report.unplayed), ""]
    if report.bad:
        lines += ["## Skipped save files", ""]
        lines += [f"- `{bad.path}`: {_md_cell(bad.problem)}" for bad in report.bad]
        lines.append("")
    return "\n".join(lines)


def _markdown_scenario(scenario: ScenarioReport) -> list[str]:
    lines = [
        f"## {_md_cell(scenario.title)} (`{scenario.scenario_id}`)",
        "",
        scenario.games_text,
        "",
    ]
    if scenario.splits:
        lines += ["### Where the class split most", ""]
        for decision in scenario.splits[:SPLITS_SHOWN]:
            lines.append(f"- **{_md_cell(decision.title)}**: {_md_cell(decision.split_text)}")
        lines.append("")
    lines += ["### Decisions", "", "History's choice is marked ★.", ""]
    for decision in scenario.decisions:
        lines += [f"#### {_md_cell(decision.title)}", ""]
        if not decision.reached:
            lines += ["Never reached by the class.", ""]
            continue
        lines += ["| Option | Games | Share | |", "|---|---:|---:|---|"]
        for option in decision.options:
            mark = "★ history" if option.history else ""
            lines.append(
                f"| {_md_cell(option.label)} | {option.count} | {option.share:.0%} | {mark} |"
            )
        lines.append("")
    lines += ["### Endings", "", "| Ending | Games | Share |", "|---|---:|---:|"]
    for _ending_id, title, count, historical in scenario.endings:
        share = count / scenario.finished if scenario.finished else 0.0
        mark = " ★" if historical else ""
        lines.append(f"| {_md_cell(title)}{mark} | {count} | {share:.0%} |")
    lines += ["", "### Roles", "", ROLES_NOTE, ""]
    lines += [
        "| Role | Students | Mean points | Win rate | Advice taken |",
        "|---|---:|---:|---:|---:|",
    ]
    for role in scenario.roles:
        lines.append(
            f"| {_md_cell(role.name)} | {role.students} | {role.mean_points:.1f} / "
            f"{role.possible} | {role.win_rate:.0%} | {role.advice_text} |"
        )
    lines.append("")
    if scenario.replay_problems:
        lines += ["Saves replayed only in part (the scenario changed since):", ""]
        lines += [f"- `{p.path}`: {_md_cell(p.problem)}" for p in scenario.replay_problems]
        lines.append("")
    return lines


_CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.4; }
table { margin: 0.5rem 0 1.5rem; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.75rem; text-align: left;
         vertical-align: top; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.share { white-space: nowrap; }
.track { display: block; min-width: 4rem; max-width: 10rem; }
@media screen and (max-width: 40rem) { th, td { padding: 0.25rem 0.35rem; } }
@media screen and (min-width: 40rem), print {
  table.options { table-layout: fixed; }
  table.options th:nth-child(1) { width: 58%; }
  table.options th:nth-child(2), table.options th:nth-child(3) { width: 11%; }
}
.mark { white-space: nowrap; }
@media print { .decision { break-inside: avoid; page-break-inside: avoid; } }
.bar { display: block; height: 0.8rem; background: #3b6aa8; border: 1px solid #234a7d;
       box-sizing: border-box; }
.history { font-weight: bold; }
.bad { color: #a00; }
"""


def _bar(share: float) -> str:
    """A bar as long as ``share`` of its track; bordered, so it prints even without colours."""
    if share <= 0:
        return '<span class="track"></span>'
    return f'<span class="track"><span class="bar" style="width:{share:.0%}"></span></span>'


def render_html(report: ClassReport) -> str:
    """One HTML file with inline CSS and no scripts or external resources."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head>',
        HEAD_META,
        "<title>Class report</title>",
        f"<style>{SHARED_CSS}{_CSS}</style></head><body>",
        "<h1>Class report</h1>",
    ]
    if not report.scenarios:
        parts.append("<p>No saved game could be read.</p>")
    for scenario in report.scenarios:
        parts.append(f"<h2>{esc(scenario.title)} <code>{esc(scenario.scenario_id)}</code></h2>")
        parts.append(f"<p>{esc(scenario.games_text)}</p>")
        if scenario.splits:
            parts.append("<h3>Where the class split most</h3><ul>")
            for decision in scenario.splits[:SPLITS_SHOWN]:
                parts.append(
                    f"<li><strong>{esc(decision.title)}</strong>: {esc(decision.split_text)}</li>"
                )
            parts.append("</ul>")
        parts.append("<h3>Decisions</h3><p>History's choice is marked ★.</p>")
        for decision in scenario.decisions:
            parts.append(f'<section class="decision"><h4>{esc(decision.title)}</h4>')
            if not decision.reached:
                parts.append("<p>Never reached by the class.</p></section>")
                continue
            parts.append(
                '<div class="wide"><table class="options"><thead><tr><th scope="col">Option</th>'
                '<th scope="col" class="num">Games</th><th scope="col" class="num">Share</th>'
                "<th></th></tr></thead><tbody>"
            )
            for option in decision.options:
                css = ' class="history"' if option.history else ""
                mark = ' <span class="mark">★ history</span>' if option.history else ""
                parts.append(
                    f"<tr{css}><td>{esc(option.label)}{mark}</td><td class=num>{option.count}</td>"
                    f"<td class=num>{option.share:.0%}</td>"
                    f'<td class="share">{_bar(option.share)}</td></tr>'
                )
            parts.append("</tbody></table></div></section>")
        parts.append(
            '<h3>Endings</h3><div class="wide"><table><thead><tr><th scope="col">Ending</th>'
            '<th scope="col" class="num">Games</th><th scope="col" class="num">Share</th>'
            "</tr></thead><tbody>"
        )
        for _ending_id, title, count, historical in scenario.endings:
            share = count / scenario.finished if scenario.finished else 0.0
            mark = " ★" if historical else ""
            parts.append(
                f"<tr><td>{esc(title)}{mark}</td><td class=num>{count}</td>"
                f"<td class=num>{share:.0%}</td></tr>"
            )
        parts.append(f"</tbody></table></div><h3>Roles</h3><p>{esc(ROLES_NOTE)}</p>")
        parts.append(
            '<div class="wide"><table><thead><tr><th scope="col">Role</th>'
            '<th scope="col" class="num">Students</th>'
            '<th scope="col" class="num">Mean points</th>'
            '<th scope="col" class="num">Win rate</th>'
            '<th scope="col" class="num">Advice taken</th></tr></thead><tbody>'
        )
        for role in scenario.roles:
            parts.append(
                f"<tr><td>{esc(role.name)}</td><td class=num>{role.students}</td>"
                f"<td class=num>{role.mean_points:.1f} / {role.possible}</td>"
                f"<td class=num>{role.win_rate:.0%}</td>"
                f"<td class=num>{esc(role.advice_text)}</td></tr>"
            )
        parts.append("</tbody></table></div>")
        if scenario.replay_problems:
            parts.append("<p>Saves replayed only in part (the scenario changed since):</p><ul>")
            for problem in scenario.replay_problems:
                parts.append(f"<li><code>{esc(problem.path)}</code>: {esc(problem.problem)}</li>")
            parts.append("</ul>")
    if report.unplayed:
        parts.append(f"<p>{esc(unplayed_note(report.unplayed))}</p>")
    if report.bad:
        parts.append('<h2>Skipped save files</h2><ul class="bad">')
        for bad in report.bad:
            parts.append(f"<li><code>{esc(bad.path)}</code>: {esc(bad.problem)}</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


CSV_COLUMNS = (
    "scenario",
    "decision",
    "decision_title",
    "option",
    "option_label",
    "history",
    "count",
    "reached",
    "share",
)


def render_csv(report: ClassReport) -> str:
    """One row per (decision, option); shares are of the games that reached the decision."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for scenario in report.scenarios:
        for decision in scenario.decisions:
            for option in decision.options:
                writer.writerow(
                    (
                        scenario.scenario_id,
                        decision.id,
                        decision.title,
                        option.id,
                        option.label,
                        "yes" if option.history else "no",
                        option.count,
                        decision.reached,
                        f"{option.share:.4f}",
                    )
                )
    return buffer.getvalue()


def render(report: ClassReport, fmt: str) -> str:
    """The report in ``fmt``, control characters escaped (saves and file names are untrusted)."""
    if fmt == "html":
        return visible(render_html(report))
    if fmt == "csv":
        return visible(render_csv(report))
    return visible(render_markdown(report))
