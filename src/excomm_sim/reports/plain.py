"""``replay --plain``: a saved game told as text, decision by decision, then the ending."""

from __future__ import annotations

import textwrap

from excomm_sim.scenario.characters import visible
from excomm_sim.story.history import history_text
from excomm_sim.story.names import role_title
from excomm_sim.story.retelling import choice_text, consequence_lines, score_text, stand_text
from excomm_sim.story.text import counted, date_text, played_text
from excomm_sim.story.timeline import Step, Timeline
from excomm_sim.story.values import values_line
from excomm_sim.story.why import why_lines

WIDTH = 88


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines.extend(
            textwrap.wrap(
                " ".join(paragraph.split()),
                WIDTH,
                initial_indent=indent,
                subsequent_indent=" " * len(indent) + "  ",
            )
            or [indent]
        )
    return lines


def header_lines(timeline: Timeline, save_name: str) -> list[str]:
    """Scenario, save, players and where the save came from."""
    scenario, save = timeline.scenario, timeline.save
    lines = [
        f"{scenario.title}",
        f"Scenario {scenario.id} version {scenario.version} · save {save_name} · seed {save.seed}",
        played_text(save.created, save.updated),
    ]
    if save.humans:
        players = ", ".join(
            f"{name} as {role_title(scenario, role)}" for role, name in save.humans.items()
        )
        lines.append(f"Players: {players}")
    else:
        lines.append("Players: none (the computer played every role)")
    if save.branched_from is not None:
        lines.append(
            f"Branched from {save.branched_from.save} "
            f"after {counted(save.branched_from.turn, 'action')}"
        )
    if save.note:
        lines.append(f"Note: {save.note}")
    if timeline.problem:
        lines.extend(_wrap(f"Warning: {timeline.problem}", ""))
    elif timeline.scenario_changed:
        lines.append("Note: the scenario changed since this game was saved; every decision fits.")
    return lines


def step_lines(timeline: Timeline, step: Step) -> list[str]:
    """One decision: item, positions, choice beside history, consequences, values after."""
    scenario = timeline.scenario
    lines = [
        "",
        f"Decision {step.number}: {step.decision.title}",
        f"  Date: {date_text(step.date)}",
    ]
    lines.extend(_wrap(step.decision.context, "  "))
    if step.positions:
        lines.append("  Positions:")
        for stand in step.positions:
            lines.extend(_wrap(stand_text(scenario, step.decision, stand), "    - "))
    lines.extend(_wrap(f"Choice: {choice_text(scenario, step)}", "  "))
    why = why_lines(scenario, step.records)
    for number, line in enumerate(why):
        lines.extend(_wrap(line, "    - " if number else "  "))
    lines.extend(_wrap(history_text(step), "  "))
    consequences = consequence_lines(scenario, step)
    if consequences:
        lines.append("  Consequences:")
        for line in consequences:
            lines.extend(_wrap(line, "    - "))
    if step.after is not None:
        lines.extend(_wrap(f"State: {values_line(scenario, step.after)}", "  "))
    return lines


def ending_lines(timeline: Timeline) -> list[str]:
    """The ending with its narrative and debrief, and every role's score."""
    scenario = timeline.scenario
    ending = timeline.ending
    if ending is None:
        return ["", "The game was not finished when it was saved."]
    lines = ["", f"Ending: {ending.title}"]
    lines.extend(_wrap(ending.narrative, "  "))
    lines.append("  What happened in history:")
    lines.extend(_wrap(ending.debrief, "    "))
    lines.extend(["", "Scores:"])
    for role in scenario.roles:
        score = timeline.scores.get(role.id)
        if score is None:
            continue
        player = timeline.save.humans.get(role.id)
        who = f"{role.name} ({player})" if player else f"{role.name} (computer)"
        lines.append(f"  {who}: {score_text(score)}")
        for objective, met in score.met:
            lines.extend(_wrap(f"[{'x' if met else ' '}] {objective.text}", "    "))
    return lines


def render_plain(timeline: Timeline, save_name: str) -> str:
    """The whole game as text (ends with a newline), control characters escaped.

    A save is untrusted: a name or note holding ESC must never drive the terminal the
    replay is printed to (the reader refuses such saves; this holds whatever arrives).
    """
    lines = header_lines(timeline, save_name)
    for step in timeline.steps:
        lines.extend(step_lines(timeline, step))
    lines.extend(ending_lines(timeline))
    return visible("\n".join(lines) + "\n")
