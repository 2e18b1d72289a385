"""The after-action report of a saved game, as Markdown: a debrief a student can hand in.

It sets each choice beside history's, explains every change with its cause, shows the
variables over time, the ending and each role's score, and closes with the scenario's
discussion questions. ``excomm_sim.reports.html`` renders the same sections as a
self-contained HTML page.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from excomm_sim.scenario.characters import visible
from excomm_sim.scenario.model import Display, Value, Variable, VariableKind
from excomm_sim.story.history import history_match, history_note
from excomm_sim.story.names import history_option, option_label, role_name
from excomm_sim.story.retelling import choice_text, consequence_lines, score_text, stand_text
from excomm_sim.story.text import counted, date_text, played_text
from excomm_sim.story.timeline import Step, Timeline
from excomm_sim.story.values import value_text
from excomm_sim.story.why import why_lines


@frozen
class Series:
    """One variable's values at the start and after each decision."""

    variable: Variable
    values: tuple[Value, ...]


def time_labels(timeline: Timeline) -> list[str]:
    """'Start', then the number of each decision taken."""
    return ["Start"] + [str(number) for number in range(1, len(timeline.final.timeline))]


def variable_series(timeline: Timeline) -> list[Series]:
    """Every variable (hidden ones too: the debrief shows all) over the game's timeline."""
    points = timeline.final.timeline
    return [
        Series(variable, tuple(point.get(variable.id, variable.initial) for point in points))
        for variable in timeline.scenario.variables
    ]


def meter_series(timeline: Timeline) -> list[Series]:
    """The meters a chart draws: int variables with a range, shown during play.

    A hidden variable was never on the players' dashboard, and its value may be held
    back all game, so drawn it would be a flat line telling nothing; the end-of-game
    table gives its value with a note that players did not see it.
    """
    return [
        series
        for series in variable_series(timeline)
        if series.variable.kind is VariableKind.INT
        and series.variable.minimum is not None
        and series.variable.maximum is not None
        and series.variable.display is not Display.HIDDEN
    ]


def end_rows(timeline: Timeline, *, besides_meters: bool = False) -> list[tuple[str, str, str]]:
    """(variable, at the start, at the end) for every variable; hidden ones say so.

    ``besides_meters`` leaves out the meters the chart draws (its end labels give them).
    """
    charted = {series.variable.id for series in meter_series(timeline)} if besides_meters else set()
    rows = []
    for series in variable_series(timeline):
        variable = series.variable
        if variable.id in charted:
            continue
        label = variable.label
        if variable.display is Display.HIDDEN:
            label += " (hidden during play)"
        first, last = series.values[0], series.values[-1]
        rows.append((label, value_text(variable, first), value_text(variable, last)))
    return rows


def score_rows(timeline: Timeline) -> list[tuple[str, str, str]]:
    """(role, played by, score line) for every scored role, in scenario order."""
    rows = []
    for role in timeline.scenario.roles:
        score = timeline.scores.get(role.id)
        if score is not None:
            player = timeline.save.humans.get(role.id, "computer")
            rows.append((role.name, player, score_text(score)))
    return rows


def players_line(timeline: Timeline) -> str:
    """'Ana Ruiz played John F. Kennedy.' for every person, or that the computer played all."""
    scenario, humans = timeline.scenario, timeline.save.humans
    if not humans:
        return "The computer played every seat."
    seats = "; ".join(f"{name} played {role_name(scenario, role)}" for role, name in humans.items())
    return f"{seats}."


def players_rows(timeline: Timeline) -> list[tuple[str, str, str]]:
    """(role name, role title, player or 'computer') for every role, in scenario order."""
    return [
        (role.name, role.title, timeline.save.humans.get(role.id, "computer"))
        for role in timeline.scenario.roles
    ]


def followed_history(step: Step) -> bool | None:
    """True/False when the choice matches/differs from history's; None if unknowable."""
    option = history_option(step.decision)
    if option is None or step.choice is None:
        return None
    return step.choice.option == option.id


def chosen_label(timeline: Timeline, step: Step) -> str:
    if step.choice is None:
        return "(not decided)"
    return option_label(timeline.scenario, step.decision.id, step.choice.option)


def history_label(step: Step) -> str:
    option = history_option(step.decision)
    return option.label if option is not None else "(not marked)"


def questions(timeline: Timeline) -> tuple[str, ...]:
    return timeline.ending.questions if timeline.ending is not None else ()


def _md(text: str) -> str:
    """Scenario text made safe for Markdown: no raw HTML, paragraphs kept."""
    return text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    """Safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(_md(text).split()).replace("|", "\\|")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(cell) for cell in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)
    return lines


def _markdown_step(timeline: Timeline, step: Step) -> list[str]:
    scenario = timeline.scenario
    lines = ["", f"### {step.number}. {_md(step.decision.title)}", ""]
    lines.append(f"*{date_text(step.date)}*")
    lines.extend(["", _md(step.decision.context)])
    if step.positions:
        lines.extend(["", "Positions at the table:", ""])
        lines.extend(
            f"- {_md(stand_text(scenario, step.decision, stand))}" for stand in step.positions
        )
    lines.extend(["", f"**Choice:** {_md(choice_text(scenario, step))}", ""])
    why = why_lines(scenario, step.records)
    if why:
        lines.extend([_md(why[0]), ""])
        lines.extend(f"- {_md(line)}" for line in why[1:])
        lines.append("")
    match = history_match(step.decision, step.choice.option if step.choice else None)
    beside = f" ({match})" if match else ""
    lines.append(f"**History's choice:** {_md(history_label(step))}{beside}")
    note = history_note(step.decision)
    if note:
        lines.extend(["", f"> {_md(note)}".replace("\n", "\n> ")])
    consequences = consequence_lines(scenario, step)
    if consequences:
        lines.extend(["", "Consequences:", ""])
        lines.extend(f"- {_md(line)}" for line in consequences)
    return lines


def render_markdown(timeline: Timeline, save_name: str, generated_by: str) -> str:
    """The report as Markdown (GitHub-flavoured tables), ending with a newline."""
    scenario, save = timeline.scenario, timeline.save
    lines = [f"# After-action report: {_md(scenario.title)}", ""]
    lines.append(
        f"Scenario `{scenario.id}` version {_md(scenario.version)}, set on "
        f"{date_text(scenario.date)}. "
        f"{_md(played_text(save.created, save.updated))}. "
        f"Seed {save.seed}, save `{_md(save_name)}`."
    )
    if save.branched_from is not None:
        lines.extend(
            [
                "",
                f"This game branched from `{_md(save.branched_from.save)}` after "
                f"{counted(save.branched_from.turn, 'action')}.",
            ]
        )
    if save.note:
        lines.extend(["", f"Note: {_md(save.note)}"])
    if timeline.problem:
        lines.extend(["", f"**Warning:** {_md(timeline.problem)}"])
    lines.extend(_markdown_result(timeline))
    lines.extend(["", "## Your choices beside history's", ""])
    lines.extend(
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
    lines.extend(["", "## Players and roles", ""])
    lines.extend(_table(["Role", "Title", "Played by"], players_rows(timeline)))
    lines.extend(["", "## Timeline"])
    for step in timeline.steps:
        lines.extend(_markdown_step(timeline, step))
    lines.extend(["", "## The variables over time", ""])
    lines.append("Columns: the start, then after each decision.")
    lines.append("")
    lines.extend(
        _table(
            ["Variable", *time_labels(timeline)],
            [
                [series.variable.label, *(value_text(series.variable, v) for v in series.values)]
                for series in variable_series(timeline)
            ],
        )
    )
    lines.extend(_markdown_after(timeline))
    lines.extend(["", "## The scenario", "", _md(scenario.summary)])
    lines.extend(["", "---", "", f"*{_md(generated_by)}*"])
    return visible("\n".join(lines) + "\n")  # control characters never reach a terminal


def _markdown_result(timeline: Timeline) -> list[str]:
    """The ending and every seat's score, first: what a teacher reads before anything."""
    scenario = timeline.scenario
    ending = timeline.ending
    if ending is None:
        return ["", "## Ending", "", "The game was not finished when it was saved."]
    lines = ["", f"## Ending: {_md(ending.title)}", "", _md(ending.narrative)]
    lines.extend(["", "## Scores", ""])
    for role in scenario.roles:
        score = timeline.scores.get(role.id)
        if score is None:
            continue
        player = timeline.save.humans.get(role.id, "computer")
        lines.append(
            f"**{_md(role_name(scenario, role.id))}** ({_md(player)}): {score_text(score)}"
        )
        lines.append("")
        lines.extend(
            f"- [{'x' if met else ' '}] {_md(objective.text)} ({objective.points} pt)"
            for objective, met in score.met
        )
        lines.append("")
    return lines


def _markdown_after(timeline: Timeline) -> list[str]:
    """What history did, the questions with room for answers, and the sources."""
    lines: list[str] = []
    ending = timeline.ending
    if ending is not None and ending.debrief.strip():
        lines.extend(["", "## What happened in history", "", _md(ending.debrief)])
    asked = questions(timeline)
    if asked:
        lines.extend(["", "## Questions for discussion", ""])
        for number, text in enumerate(asked, start=1):
            lines.extend([f"{number}. {_md(text)}", "", "   *Your answer:*", "", "", ""])
    sources = timeline.scenario.sources
    if sources:
        lines.extend(["", "## Sources", ""])
        lines.append("“record p.2 ¶4” means paragraph 4 on page 2 of the source named “record”.")
        lines.append("")
        for source in sources:
            reference = " ".join(source.reference.split())
            text = f"**{_md(source.id)}**: {_md(source.title)}"
            lines.append(f"- {text}" + (f". {_md(reference)}" if reference else ""))
    return lines
