"""Plain-text wording of the game for screens: dates, values, meters, trends and records.

Kept free of Textual so every sentence the player reads can be unit-tested, and so the
same words appear in the log, the consequences screen and the debrief. Meaning is always
carried by words and symbols (▲ ▼, "better", "[withheld]"), never by colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from excomm_sim.engine.events import (
    ChanceResolved,
    ConsequenceLanded,
    ConsequenceLapsed,
    ConsequenceScheduled,
    DateAdvanced,
    DecisionPosed,
    DecisionSkipped,
    EventFired,
    GameEnded,
    OptionChosen,
    Recommended,
    Record,
    VariableChanged,
)
from excomm_sim.scenario.model import Scenario, Value, Variable, VariableKind

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


def prose(text: str) -> str:
    """Scenario text reflowed for the screen: lines within a paragraph joined, blank lines kept.

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


def value_text(variable: Variable, value: Value) -> str:
    """A value as the player reads it: meters with their range, flags and statuses as words."""
    if variable.kind is VariableKind.INT and variable.maximum is not None:
        return f"{value}/{variable.maximum}"
    return variable.label_of(value)


def meter(value: int, minimum: int, maximum: int, width: int = 10) -> str:
    """A text bar ('██████░░░░') whose filled share is the value's place in its range."""
    span = max(maximum - minimum, 1)
    filled = round((value - minimum) * width / span)
    filled = min(max(filled, 0), width)
    return "█" * filled + "░" * (width - filled)


def trend(variable: Variable, old: Value, new: Value) -> str:
    """'▲ better', '▼ worse', '▲' (no good direction), 'changed' or '' when unchanged."""
    if old == new:
        return ""
    if variable.kind is not VariableKind.INT:
        return "changed"
    assert isinstance(old, int) and isinstance(new, int)
    arrow = "▲" if new > old else "▼"
    if variable.good == "none":
        return arrow
    better = (new > old) == (variable.good == "high")
    return f"{arrow} {'better' if better else 'worse'}"


def spark(values: Sequence[Value], variable: Variable) -> str:
    """A one-line sparkline of a variable over time; bools and enums step by their order."""
    numbers = [_as_number(variable, value) for value in values]
    if not numbers:
        return ""
    if variable.kind is VariableKind.INT and variable.minimum is not None:
        low = variable.minimum
        high = variable.maximum if variable.maximum is not None else max(numbers)
    elif variable.kind is VariableKind.ENUM:
        low, high = 0, max(len(variable.values) - 1, 1)
    else:
        low, high = 0, 1
    span = max(high - low, 1)
    top = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[min(max(round((n - low) * top / span), 0), top)] for n in numbers)


def _as_number(variable: Variable, value: Value) -> int:
    if variable.kind is VariableKind.ENUM:
        return variable.values.index(str(value)) if str(value) in variable.values else 0
    return int(value)


def option_label(scenario: Scenario, decision: str, option: str) -> str:
    try:
        return scenario.decision(decision).option(option).label
    except KeyError:
        return option


def role_name(scenario: Scenario, role: str) -> str:
    try:
        found = scenario.role(role)
    except KeyError:
        return role
    return found.name


def change_line(scenario: Scenario, record: VariableChanged) -> str:
    """'Verification confidence: 20/100 → 35/100 ▲ better (clamped)'."""
    variable = scenario.variable(record.variable)
    text = (
        f"{variable.label}: {value_text(variable, record.old)} → {value_text(variable, record.new)}"
    )
    direction = trend(variable, record.old, record.new)
    if direction and direction != "changed":
        text += f" {direction}"
    if record.clamped:
        text += " (at its limit)"
    return text


def cause_line(record: VariableChanged, sources: bool = True) -> str:
    """Why a value changed, with the record citation when the cause carries one."""
    cause = record.cause
    text = cause.text or cause.kind
    if cause.sources and sources:
        text += " — " + "; ".join(str(source) for source in cause.sources)
    return text


def describe(scenario: Scenario, record: Record) -> str | None:
    """One line for the running log, or None for records the log leaves out."""
    if isinstance(record, DecisionPosed):
        return f"On the table: {scenario.decision(record.decision).title}"
    if isinstance(record, DecisionSkipped):
        return f"No longer on the agenda: {scenario.decision(record.decision).title}"
    if isinstance(record, Recommended):
        who = role_name(scenario, record.role)
        label = option_label(scenario, record.decision, record.option)
        return f"{who} recommends “{label}”"
    if isinstance(record, OptionChosen):
        who = role_name(scenario, record.role)
        label = option_label(scenario, record.decision, record.option)
        return f"{who} decides: “{label}”"
    if isinstance(record, ChanceResolved):
        return (
            f"Chance: {_outcome_label(scenario, record)} "
            f"(it had a {round(record.probability * 100)}% chance)"
        )
    if isinstance(record, VariableChanged):
        return change_line(scenario, record)
    if isinstance(record, ConsequenceScheduled):
        turns = record.due_turn - record.turn
        return f"Later (in {turns} decision{'s' if turns != 1 else ''}): {record.text}"
    if isinstance(record, ConsequenceLanded):
        return f"A consequence lands: {record.text}"
    if isinstance(record, ConsequenceLapsed):
        return f"No longer applies: {record.text}"
    if isinstance(record, EventFired):
        return f"Event: {scenario.event(record.event).title}"
    if isinstance(record, DateAdvanced):
        return f"The date is now {date_text(record.date)}"
    if isinstance(record, GameEnded):
        return f"The game ends: {scenario.ending(record.ending).title}"
    return None


def _outcome_label(scenario: Scenario, record: ChanceResolved) -> str:
    try:
        option = scenario.decision(record.decision).option(record.option)
    except KeyError:
        return record.outcome
    if option.chance is None:
        return record.outcome
    for outcome in option.chance.outcomes:
        if outcome.id == record.outcome:
            return outcome.label
    return record.outcome


def percent(probability: float) -> str:
    return f"{round(probability * 100)}%"
