"""A decision told after the fact: positions, the choice, history's course, what followed.

The replay, the after-action reports and the debriefs retell a finished decision in the
same sentences, and end a game with the same score line. Built on ``wording``'s names and
record lines. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from excomm_sim.scenario.model import Decision, Scenario
from excomm_sim.wording import (
    SHOWN_ELSEWHERE,
    explained_text,
    history_option,
    option_label,
    outcome_label,
    role_name,
    stance_verb,
)

if TYPE_CHECKING:  # the replay's steps and a game's scores; nothing here reads a save
    from excomm_sim.engine.kernel import RoleScore
    from excomm_sim.saves.timeline import Stand, Step


def stand_text(scenario: Scenario, decision: Decision, stand: Stand) -> str:
    """'Robert S. McNamara insists on “Demand the bombers”: reason'."""
    who = role_name(scenario, stand.role)
    label = option_label(scenario, decision.id, stand.option)
    if stand.recommended:
        text = f"{who} recommends “{label}”" + (" (a player)" if stand.human else "")
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


def history_match(decision: Decision, chosen: str | None) -> str | None:
    """'the same choice' or 'a different choice' beside history's; None if none to compare."""
    option = history_option(decision)
    if option is None or chosen is None:
        return None
    return "the same choice" if option.id == chosen else "a different choice"


def beside_history(decision: Decision, chosen: str | None) -> str:
    """What history did on ``decision`` beside option ``chosen`` (None: not yet decided).

    Every shell's debrief and replay says this one sentence, so a class reading a report
    and a student at the end screen compare their choice with history in the same words.
    The choice itself is shown just above it, so a match does not repeat the label.
    """
    option = history_option(decision)
    if option is None:
        return "History: no single course is marked for this item."
    if option.id == chosen:
        return "History made the same choice."
    return f"History chose “{option.label}”."


THE_GAMES_OWN = (
    "The game's own, not history: who decides each item, the advisers' positions and "
    "reasons (unless they cite a source), and every number and chance. What the "
    "sources say is cited beside it."
)
"""Said once above the choices in every debrief, so no one takes a mechanic for a fact."""


def history_note(decision: Decision) -> str:
    """Why history went as it did: the historical option's own note, then the decision's.

    Both are shown: the option's note says what history did with that choice, the
    decision's tells what became of the item as a whole (meeting 19's count of missiles
    seen by 9 November, Cuba's ratification in 2002), and neither stands in for the other.
    """
    option = history_option(decision)
    notes = (option.history_note if option is not None else "", decision.history_note)
    return " ".join(note.strip() for note in notes if note.strip())


def history_text(step: Step) -> str:
    """What history did on this decision, whether the game followed it, and why."""
    chosen = step.choice.option if step.choice is not None else None
    text = beside_history(step.decision, chosen)
    note = history_note(step.decision)
    return f"{text} {note}" if note else text


def score_text(score: RoleScore) -> str:
    """A seat's result in every shell: '4 of 8 points — not won (a win needs more than half)'."""
    unit = "point" if score.possible == 1 else "points"
    verdict = "won" if score.won else "not won (a win needs more than half)"
    return f"{score.points} of {score.possible} {unit} — {verdict}"


def consequence_lines(scenario: Scenario, step: Step) -> list[str]:
    """What followed a replayed decision, a line per record, each change with its cause."""
    lines = (
        explained_text(scenario, record)
        for record in step.records
        if not isinstance(record, SHOWN_ELSEWHERE)
    )
    return [line for line in lines if line]
