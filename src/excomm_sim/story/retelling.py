"""A decision told after the fact: the advisers' stands, the choice, what followed; a seat's score.

The replay, the after-action reports and the debriefs retell a finished decision in the
same sentences, and end a game with the same score line. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from excomm_sim.engine import events as ev
from excomm_sim.scenario.model import (
    Decision,
    Scenario,
)
from excomm_sim.story.names import (
    option_label,
    outcome_label,
    role_name,
    stance_verb,
    variable_of,
)
from excomm_sim.story.records import SHOWN_ELSEWHERE, explained_text, record_text
from excomm_sim.story.values import short_change

if TYPE_CHECKING:  # the replay's steps and a game's scores; nothing here reads a save
    from excomm_sim.engine.kernel import RoleScore
    from excomm_sim.story.timeline import Stand, Step


def stand_text(scenario: Scenario, decision: Decision, stand: Stand) -> str:
    """'Robert S. McNamara insists on “Demand the bombers”: reason'."""
    who = role_name(scenario, stand.role)
    label = option_label(scenario, decision.id, stand.option)
    if stand.recommended:
        verb = "recommends" if stand.human else "leans to"  # as every shell words it
        text = f"{who} {verb} “{label}”" + (" (a player)" if stand.human else "")
    else:
        text = f"{who} {stance_verb(stand.favour, stand.strength)} “{label}”"
    return f"{text}: {stand.reason}" if stand.reason else text


def choice_text(scenario: Scenario, step: Step) -> str:
    """Who took which option, and the chance outcome if there was one."""
    choice = step.choice
    if choice is None:
        return "Not yet decided when the game was saved."
    who = role_name(scenario, choice.role)
    label = option_label(scenario, choice.decision, choice.option)
    text = f"{who} ({'a player' if choice.human else 'the computer'}) chose “{label}”"
    if choice.outcome is not None:
        outcome = outcome_label(scenario, choice.decision, choice.option, choice.outcome)
        text += f"; chance gave “{outcome}”"
    return text + "."


def compact_consequences(scenario: Scenario, step: Step) -> list[str]:
    """What followed a decision in few words: 'Tension 20 → 35 (worse)', 'Event: Dock riot'.

    The log puts each change right after what caused it (the choice, the chance outcome,
    the event, the consequence landing), so the short list needs no 'because'; the full
    telling with causes is ``consequence_lines``.
    """
    lines = []
    for record in step.records:
        if isinstance(record, SHOWN_ELSEWHERE):
            continue
        if isinstance(record, ev.VariableChanged):
            variable = variable_of(scenario, record.variable)
            line = (
                short_change(variable, record.old, record.new)
                if variable is not None
                else record_text(scenario, record)
            )
        else:
            line = record_text(scenario, record)
        if line:
            lines.append(line)
    return lines


def consequence_lines(scenario: Scenario, step: Step) -> list[str]:
    """What followed a replayed decision, a line per record, each change with its cause."""
    lines = (
        explained_text(scenario, record)
        for record in step.records
        if not isinstance(record, SHOWN_ELSEWHERE)
    )
    return [line for line in lines if line]


def score_text(score: RoleScore) -> str:
    """A seat's result in every shell: '4 of 8 points — not won (a win needs more than half)'."""
    unit = "point" if score.possible == 1 else "points"
    verdict = "won" if score.won else "not won (a win needs more than half)"
    return f"{score.points} of {score.possible} {unit} — {verdict}"
