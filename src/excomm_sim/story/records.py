"""One sentence per engine record: what happened and why, with the record's citations.

The plain-text game, the Textual screens and the after-action reports all tell a player
what the engine's records say. Each sentence is written here once; shells add only
layout (wrapping, styling, Markdown or HTML escaping). Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from excomm_sim.engine import events as ev
from excomm_sim.scenario.model import (
    Citation,
    Display,
    Scenario,
)
from excomm_sim.story.names import (
    decision_title,
    found,
    option_label,
    outcome_label,
    role_name,
    variable_of,
)
from excomm_sim.story.text import a_percent, date_text
from excomm_sim.story.values import trend, value_text

SHOWN_ELSEWHERE = (ev.DecisionPosed, ev.Recommended, ev.OptionChosen)
"""Records a list of consequences leaves out: the item, its positions and the choice."""


def citations_text(citations: Iterable[Citation]) -> str:
    """'record p.1 ¶2; record p.3 ¶5': the scenario's citations, in its order."""
    return "; ".join(str(citation) for citation in citations)


def sources_text(citations: Iterable[Citation]) -> str:
    """'Source: record p.1 ¶2; ...', the line under an item or event that cites its record."""
    return f"Source: {citations_text(citations)}"


def hidden_from_players(scenario: Scenario, record: ev.Record) -> bool:
    """True for a change to a hidden variable: play never shows it (the debrief does)."""
    if not isinstance(record, ev.VariableChanged):
        return False
    variable = variable_of(scenario, record.variable)
    return variable is not None and variable.display is Display.HIDDEN


def change_text(scenario: Scenario, record: ev.VariableChanged, *, symbols: bool = False) -> str:
    """'Tension: 20/100 → 35/100 (up, worse)'; with ``symbols`` 'Tension: ... ▲ worse'.

    A change of a flag or status needs no direction: its arrow already says it changed.
    """
    variable = variable_of(scenario, record.variable)
    if variable is None:
        return f"{record.variable}: {record.old} → {record.new}"
    text = f"{variable.label}: {value_text(variable, record.old)} → "
    text += value_text(variable, record.new)
    direction = trend(variable, record.old, record.new, symbols=symbols)
    notes = [direction] if direction and direction != "changed" else []
    if symbols and notes:
        text += f" {notes.pop()}"
    if record.clamped:
        notes.append("at its limit")
    return text + (f" ({', '.join(notes)})" if notes else "")


def cause_text(cause: ev.Cause, *, sources: bool = True) -> str:
    """Why something changed, with the citations the scenario gives for it (``sources``)."""
    text = (cause.text or cause.kind).rstrip(".")
    if sources and cause.sources:
        text += f" [{citations_text(cause.sources)}]"
    return text


def skip_reason(record: ev.DecisionSkipped) -> str:
    """Why an item left the agenda unasked."""
    if record.reason == "author":
        return "the author jumped past it"
    return "no option was open" if record.reason == "no options" else "it did not arise"


def record_text(scenario: Scenario, record: ev.Record, *, symbols: bool = False) -> str | None:
    """The one line that says what a record means; None for a kind it does not know.

    No cause and no full stop: a shell adds the cause where it has room (see
    ``explained_text``) and sets the line as a list item, a log entry or a sentence.
    ``symbols`` puts ▲/▼ beside a change's better/worse (see ``change_text``).
    """
    if isinstance(record, ev.DecisionPosed):
        return f"On the table: {decision_title(scenario, record.decision)}"
    if isinstance(record, ev.DecisionSkipped):
        title = decision_title(scenario, record.decision)
        return f"Off the agenda: {title} ({skip_reason(record)})"
    if isinstance(record, ev.Recommended):
        # One word for each: a person recommends; a computer adviser leans to its stance.
        label = option_label(scenario, record.decision, record.option)
        verb = "recommends" if record.human else "leans to"
        return f"{role_name(scenario, record.role)} {verb} “{label}”"
    if isinstance(record, ev.OptionChosen):
        label = option_label(scenario, record.decision, record.option)
        return f"{role_name(scenario, record.role)} decides: “{label}”"
    if isinstance(record, ev.ChanceResolved):
        label = outcome_label(scenario, record.decision, record.option, record.outcome)
        return f"Chance: “{label}” (it had {a_percent(record.probability)} chance)"
    if isinstance(record, ev.VariableChanged):
        return change_text(scenario, record, symbols=symbols)
    if isinstance(record, ev.ConsequenceScheduled):
        turns = record.due_turn - record.turn
        return f"Later (in {turns} decision{'s' if turns != 1 else ''}): {record.text}"
    if isinstance(record, ev.ConsequenceLanded):
        return f"A consequence lands: {record.text}"
    if isinstance(record, ev.ConsequenceLapsed):
        return f"A consequence no longer applies: {record.text}"
    if isinstance(record, ev.EventFired):
        event = found(scenario.event, record.event)
        return f"Event: {event.title if event is not None else record.event}"
    if isinstance(record, ev.DateAdvanced):
        return f"The date is now {date_text(record.date)}"
    if isinstance(record, ev.GameEnded):
        ending = found(scenario.ending, record.ending)
        return f"The game ends: {ending.title if ending is not None else record.ending}"
    return None


def because(cause: ev.Cause) -> str:
    """' — because: Chose "Open talks" [record p.1 ¶2]', to follow a record's line."""
    return f" — because: {cause_text(cause)}"


def explained_text(scenario: Scenario, record: ev.Record) -> str | None:
    """A record's line with its cause (and an event's text), for a list that stands alone."""
    line = record_text(scenario, record)
    if isinstance(record, ev.VariableChanged):
        return f"{line}{because(record.cause)}"
    if isinstance(record, ev.EventFired):
        event = found(scenario.event, record.event)
        if event is None:
            return line
        return f"{line}. {event.text.strip()}{because(record.cause)}"
    return line
