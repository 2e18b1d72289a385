"""The game's words: one sentence per engine record, name, value, stance and citation.

The plain-text game, the Textual screens and the after-action reports all tell a player
what the engine's records say. Each sentence is written here once, so a student reads the
same words in every shell and a test pins them in one place. Shells add only layout:
line wrapping, Textual styling, Markdown or HTML escaping. Pure: no Textual, no I/O.
Meaning is always carried by words ("up, worse", "opposes"); where a screen also shows a
symbol (▲ ▼) it stands beside the word, never instead of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from excomm_sim.engine import events as ev
from excomm_sim.scenario.model import (
    ChanceOutcome,
    Citation,
    Decision,
    Display,
    Option,
    Scenario,
    Value,
    Variable,
    VariableKind,
)

T = TypeVar("T")

STANCE_VERBS: Mapping[bool, Mapping[int, str]] = {
    True: {1: "leans to", 2: "favours", 3: "insists on"},
    False: {1: "is wary of", 2: "opposes", 3: "strongly opposes"},
}
"""An adviser's verb by (favours?, strength 1-3): the strength is in the verb itself."""

SHOWN_ELSEWHERE = (ev.DecisionPosed, ev.Recommended, ev.OptionChosen)
"""Records a list of consequences leaves out: the item, its positions and the choice."""


# -- text, dates, numbers, citations ------------------------------------------------------


def prose(text: str) -> str:
    """Scenario text reflowed: lines within a paragraph joined, blank lines kept.

    YAML block scalars keep the author's line breaks, which wrap badly in a narrow column.
    Lines starting with "-", "*" or "•" stay on their own line (lists).
    """
    paragraphs: list[str] = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        merged: list[str] = []
        for line in lines:
            if merged and not line.startswith(("-", "*", "•")):
                merged[-1] += " " + line
            else:
                merged.append(line)
        paragraphs.append("\n".join(merged))
    return "\n\n".join(paragraphs)


def date_text(date: dt.date) -> str:
    """'Saturday 3 November 1962': spelt out, so no reader confuses day and month."""
    return f"{date:%A} {date.day} {date:%B %Y}"


def counted(count: int, noun: str) -> str:
    """'1 game', '3 games', '0 errors': every count a reader sees agrees with its noun."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def stamp_text(stamp: str) -> str:
    """A save's ISO time as a reader says it: 'Tuesday 3 February 2026, 04:05 UTC'.

    A stamp that does not parse (a hand-edited save) is shown as it is, not dropped.
    """
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return f"{date_text(moment.date())}, {moment:%H:%M}"
    utc = moment.astimezone(dt.UTC)
    return f"{date_text(utc.date())}, {utc:%H:%M} UTC"


def played_text(created: str, updated: str) -> str:
    """When a save was played: 'Played <when>', with the last save only if it differs."""
    played = f"Played {stamp_text(created)}"
    return played if updated == created else f"{played}; last saved {stamp_text(updated)}"


def percent(probability: float) -> str:
    """'67%': a probability as players read odds."""
    return f"{round(probability * 100)}%"


def a_percent(probability: float) -> str:
    """'a 67%', 'an 80%': the article as the number is read aloud (eight, eleven, eighteen)."""
    whole = round(probability * 100)
    article = "an" if whole in (8, 11, 18) or 80 <= whole <= 89 else "a"
    return f"{article} {whole}%"


def citations_text(citations: Iterable[Citation]) -> str:
    """'record p.1 ¶2; record p.3 ¶5': the scenario's citations, in its order."""
    return "; ".join(str(citation) for citation in citations)


def sources_text(citations: Iterable[Citation]) -> str:
    """'Source: record p.1 ¶2; ...', the line under an item or event that cites its record."""
    return f"Source: {citations_text(citations)}"


# -- names: ids made readable, falling back to the id when a scenario lacks one -----------


def found(lookup: Callable[[str], T], key: str) -> T | None:
    """``lookup(key)``, or None where the scenario has no such id (a save may outlive it)."""
    try:
        return lookup(key)
    except KeyError:
        return None


def role_name(scenario: Scenario, role_id: str) -> str:
    """'John F. Kennedy'."""
    role = found(scenario.role, role_id)
    return role.name if role is not None else role_id


def role_title(scenario: Scenario, role_id: str) -> str:
    """'John F. Kennedy, President of the United States'."""
    role = found(scenario.role, role_id)
    return f"{role.name}, {role.title}" if role is not None else role_id


def decision_title(scenario: Scenario, decision_id: str) -> str:
    decision = found(scenario.decision, decision_id)
    return decision.title if decision is not None else decision_id


def option_of(scenario: Scenario, decision_id: str, option_id: str) -> Option | None:
    decision = found(scenario.decision, decision_id)
    return found(decision.option, option_id) if decision is not None else None


def option_label(scenario: Scenario, decision_id: str, option_id: str) -> str:
    option = option_of(scenario, decision_id, option_id)
    return option.label if option is not None else option_id


def outcome_of(
    scenario: Scenario, decision_id: str, option_id: str, outcome_id: str
) -> ChanceOutcome | None:
    """A chance outcome by its ids (its label, and the text telling what happened)."""
    option = option_of(scenario, decision_id, option_id)
    if option is None or option.chance is None:
        return None
    return next((o for o in option.chance.outcomes if o.id == outcome_id), None)


def outcome_label(scenario: Scenario, decision_id: str, option_id: str, outcome_id: str) -> str:
    outcome = outcome_of(scenario, decision_id, option_id, outcome_id)
    return outcome.label if outcome is not None else outcome_id


def history_option(decision: Decision) -> Option | None:
    """The option the administration actually took, if the scenario marks one."""
    return next((option for option in decision.options if option.history), None)


def variable_of(scenario: Scenario, variable_id: str) -> Variable | None:
    return found(scenario.variable, variable_id)


# -- values and how they moved ------------------------------------------------------------


def value_text(variable: Variable, value: Value) -> str:
    """A value as a player reads it: '35/100', 'yes', 'Gone from Cuba'."""
    if variable.kind is VariableKind.INT and variable.maximum is not None:
        return f"{value}/{variable.maximum}"
    return variable.label_of(value)


def trend(variable: Variable, old: Value, new: Value, *, symbols: bool = False) -> str:
    """Which way a value moved and whether that is good, or '' when it did not move.

    In words 'up, better', 'down, worse', 'up' (no good direction) or 'changed' (not a
    number); with ``symbols`` the arrow stands for up/down: '▲ better', '▼ worse', '▲'.
    """
    if old == new:
        return ""
    if variable.kind is not VariableKind.INT:
        return "changed"
    up = int(new) > int(old)
    way = ("▲" if up else "▼") if symbols else ("up" if up else "down")
    if variable.good not in ("high", "low"):
        return way
    verdict = "better" if up == (variable.good == "high") else "worse"
    return f"{way} {verdict}" if symbols else f"{way}, {verdict}"


def values_line(scenario: Scenario, values: Mapping[str, Value]) -> str:
    """'Verification confidence 35/100 · IL-28 bombers Gone · ...' in scenario order."""
    return " · ".join(
        f"{variable.label} {value_text(variable, values[variable.id])}"
        for variable in scenario.variables
        if variable.id in values
    )


# -- advisers -----------------------------------------------------------------------------


def stance_verb(favour: bool, strength: int) -> str:
    """'leans to', 'favours', 'insists on'; 'is wary of', 'opposes', 'strongly opposes'."""
    verbs = STANCE_VERBS[favour]
    return verbs.get(strength, verbs[2])


# -- records ------------------------------------------------------------------------------


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
        label = option_label(scenario, record.decision, record.option)
        return f"{role_name(scenario, record.role)} recommends “{label}”"
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
