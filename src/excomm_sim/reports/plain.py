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
"""The widest a line gets, on a wide terminal (longer lines are hard to read)."""
NARROWEST = 40
"""Below this the text is set at 40 columns anyway: wrapping harder helps no one."""


def width_for(columns: int) -> int:
    """The line width for a terminal of ``columns``: every line fits it, up to ``WIDTH``."""
    return max(NARROWEST, min(WIDTH, columns))


def _wrap(text: str, indent: str, width: int = WIDTH) -> list[str]:
    """``text`` wrapped to ``width``, its later lines hung two columns under ``indent``."""
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines.extend(
            textwrap.wrap(
                " ".join(paragraph.split()),
                width,
                initial_indent=indent,
                subsequent_indent=" " * len(indent) + "  ",
                break_on_hyphens=False,
            )
            or [indent]
        )
    return lines


def header_lines(timeline: Timeline, save_name: str, width: int = WIDTH) -> list[str]:
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
        lines.append(f"Warning: {timeline.problem}")
    elif timeline.scenario_changed:
        lines.append("Note: the scenario changed since this game was saved; every decision fits.")
    return [wrapped for line in lines for wrapped in _wrap(line, "", width)]


def step_lines(timeline: Timeline, step: Step, width: int = WIDTH) -> list[str]:
    """One decision: item, positions, choice beside history, consequences, values after."""
    scenario = timeline.scenario
    lines = [""]
    lines.extend(_wrap(f"Item {step.number}: {step.decision.title}", "", width))
    lines.append(f"  Date: {date_text(step.date)}")
    lines.extend(_wrap(step.decision.context, "  ", width))
    if step.positions:
        lines.append("  Positions:")
        for stand in step.positions:
            lines.extend(_wrap(stand_text(scenario, step.decision, stand), "    - ", width))
    lines.extend(_wrap(f"Choice: {choice_text(scenario, step)}", "  ", width))
    why = why_lines(scenario, step.records)
    for number, line in enumerate(why):
        lines.extend(_wrap(line, "    - " if number else "  ", width))
    lines.extend(_wrap(history_text(step), "  ", width))
    consequences = consequence_lines(scenario, step)
    if consequences:
        lines.append("  Consequences:")
        for line in consequences:
            lines.extend(_wrap(line, "    - ", width))
    if step.after is not None:
        lines.extend(_wrap(f"State: {values_line(scenario, step.after)}", "  ", width))
    return lines


def ending_lines(timeline: Timeline, width: int = WIDTH) -> list[str]:
    """The ending with its narrative and debrief, and every role's score."""
    scenario = timeline.scenario
    ending = timeline.ending
    if ending is None:
        return ["", "The game was not finished when it was saved."]
    lines = ["", *_wrap(f"Ending: {ending.title}", "", width)]
    lines.extend(_wrap(ending.narrative, "  ", width))
    lines.append("  What happened in history:")
    lines.extend(_wrap(ending.debrief, "    ", width))
    lines.extend(["", "Scores:"])
    for role in scenario.roles:
        score = timeline.scores.get(role.id)
        if score is None:
            continue
        player = timeline.save.humans.get(role.id)
        who = f"{role.name} ({player})" if player else f"{role.name} (computer)"
        lines.extend(_wrap(f"{who}: {score_text(score)}", "  ", width))
        for objective, met in score.met:
            lines.extend(_wrap(f"[{'x' if met else ' '}] {objective.text}", "    ", width))
    return lines


def render_plain(timeline: Timeline, save_name: str, width: int = WIDTH) -> str:
    """The whole game as text (ends with a newline), no line wider than ``width``.

    Control characters are escaped.

    A save is untrusted: a name or note holding ESC must never drive the terminal the
    replay is printed to (the reader refuses such saves; this holds whatever arrives).
    """
    lines = header_lines(timeline, save_name, width)
    for step in timeline.steps:
        lines.extend(step_lines(timeline, step, width))
    lines.extend(ending_lines(timeline, width))
    return visible("\n".join(lines) + "\n")
