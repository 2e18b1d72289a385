"""Where a seat stands now, in words: the date and item, every meter it may see, its objectives.

A player asks "where are we?" in any shell (``?`` in the plain game); the answer is built
from the seat's observation only, so it never shows what the seat may not see (a hidden
variable is named as hidden, never valued). Pure: no Textual, no I/O.
"""

from __future__ import annotations

from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Display, Scenario
from excomm_sim.story.text import counted, date_text
from excomm_sim.story.values import value_text

GOOD_WAY = {"high": "higher is better", "low": "lower is better"}
"""A meter's good direction, as the situation states it beside the value."""


def when_text(observation: Observation) -> str:
    """'Saturday 3 November 1962 · item 4 of the agenda: Wording the non-invasion pledge'."""
    text = date_text(observation.date)
    if observation.item is not None:
        text += f" · item {observation.item.number}: {observation.item.decision.title}"
    return text


def meter_lines(scenario: Scenario, observation: Observation) -> list[str]:
    """'Verification confidence: 35/100 (higher is better)', one per variable shown in play.

    Variables the seat may not see now are listed as withheld; hidden ones (never shown
    in play) are left out, as every other screen leaves them out.
    """
    lines = []
    for variable in scenario.variables:
        if variable.display is Display.HIDDEN:
            continue
        if variable.id in observation.withheld:
            lines.append(f"{variable.label}: not known to you now")
            continue
        if variable.id not in observation.values:
            continue
        text = f"{variable.label}: {value_text(variable, observation.values[variable.id])}"
        way = GOOD_WAY.get(variable.good) if variable.maximum is not None else None
        lines.append(f"{text} ({way})" if way else text)
    return lines


def objective_lines(observation: Observation) -> list[str]:
    """'[holds now] The bombers are gone (2 points)', one per objective of the seat."""
    return [
        f"[{'holds now' if view.holds else 'not yet'}] {view.objective.text} "
        f"({counted(view.objective.points, 'point')})"
        for view in observation.objectives
    ]


def situation_lines(scenario: Scenario, observation: Observation) -> list[str]:
    """The whole answer to "where are we?": when, the meters, then the seat's objectives."""
    lines = [f"The situation on {when_text(observation)}", "", "Meters:"]
    lines.extend(f"  {line}" for line in meter_lines(scenario, observation))
    objectives = objective_lines(observation)
    if objectives:
        lines.extend(["", "Your objectives (private):"])
        lines.extend(f"  {line}" for line in objectives)
    return lines
