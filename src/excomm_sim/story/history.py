"""A choice beside history's: whether the game took the administration's course, and why it went so.

Every shell's debrief and replay and the after-action report compare a choice with history
in these sentences. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from excomm_sim.scenario.model import (
    Decision,
)
from excomm_sim.story.names import history_option

if TYPE_CHECKING:  # a replayed step; nothing here reads a save
    from excomm_sim.story.timeline import Step


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
