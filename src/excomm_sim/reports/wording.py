"""Plain words for a replayed game: names, dates, values, positions and one line per record.

Shared by ``replay --plain``, the after-action report and the replay screen so a student
reads the same sentence everywhere. Meaning is carried by words (better, worse, favours,
opposes), never by colour or symbols alone.
"""

from __future__ import annotations

import datetime as dt

from excomm_sim.engine.events import (
    Cause,
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
from excomm_sim.saves.timeline import Stand, Step
from excomm_sim.scenario.model import Decision, Option, Scenario, Value, Variable, VariableKind

STRENGTH_WORDS = {1: "leans", 2: "firmly", 3: "insists"}


def date_text(date: dt.date) -> str:
    """'Saturday 3 November 1962': spelt out so no reader confuses day and month."""
    return f"{date:%A} {date.day} {date:%B %Y}"


def role_name(scenario: Scenario, role_id: str) -> str:
    try:
        return scenario.role(role_id).name
    except KeyError:
        return role_id


def role_title(scenario: Scenario, role_id: str) -> str:
    """'John F. Kennedy, President of the United States'."""
    try:
        role = scenario.role(role_id)
    except KeyError:
        return role_id
    return f"{role.name}, {role.title}"


def option_of(scenario: Scenario, decision_id: str, option_id: str) -> Option | None:
    try:
        return scenario.decision(decision_id).option(option_id)
    except KeyError:
        return None


def option_label(scenario: Scenario, decision_id: str, option_id: str) -> str:
    option = option_of(scenario, decision_id, option_id)
    return option.label if option is not None else option_id


def history_option(decision: Decision) -> Option | None:
    """The option the administration actually took, if the scenario marks one."""
    for option in decision.options:
        if option.history:
            return option
    return None


def outcome_label(scenario: Scenario, decision_id: str, option_id: str, outcome_id: str) -> str:
    option = option_of(scenario, decision_id, option_id)
    if option is not None and option.chance is not None:
        for outcome in option.chance.outcomes:
            if outcome.id == outcome_id:
                return outcome.label
    return outcome_id


def value_text(variable: Variable, value: Value) -> str:
    """A value as a player reads it: '35/100', 'yes', 'Gone from Cuba'."""
    if variable.kind is VariableKind.INT and variable.maximum is not None:
        return f"{value}/{variable.maximum}"
    return variable.label_of(value)


def trend(variable: Variable, old: Value, new: Value) -> str:
    """'up, better', 'down, worse', 'up' (no good direction), 'changed' or ''."""
    if old == new:
        return ""
    if variable.kind is not VariableKind.INT:
        return "changed"
    up = int(new) > int(old)
    word = "up" if up else "down"
    if variable.good not in ("high", "low"):
        return word
    better = up == (variable.good == "high")
    return f"{word}, {'better' if better else 'worse'}"


def cause_text(cause: Cause) -> str:
    """Why something changed, with the citations the scenario gives for it."""
    text = cause.text or cause.kind
    if cause.sources:
        text += " [" + "; ".join(str(source) for source in cause.sources) + "]"
    return text


def variable_of(scenario: Scenario, variable_id: str) -> Variable | None:
    try:
        return scenario.variable(variable_id)
    except KeyError:
        return None


def change_text(scenario: Scenario, record: VariableChanged) -> str:
    """'Verification confidence: 20/100 → 35/100 (up, better)'."""
    variable = variable_of(scenario, record.variable)
    if variable is None:
        return f"{record.variable}: {record.old} → {record.new}"
    old, new = value_text(variable, record.old), value_text(variable, record.new)
    text = f"{variable.label}: {old} → {new}"
    direction = trend(variable, record.old, record.new)
    notes = [direction] if direction else []
    if record.clamped:
        notes.append("at its limit")
    return text + (f" ({', '.join(notes)})" if notes else "")


def stand_text(scenario: Scenario, decision: Decision, stand: Stand) -> str:
    """'Robert S. McNamara favours “Demand the bombers” (firmly): reason'."""
    who = role_name(scenario, stand.role)
    label = option_label(scenario, decision.id, stand.option)
    if stand.recommended:
        text = f"{who} recommends “{label}”"
        if stand.human:
            text += " (a player)"
    else:
        word = "favours" if stand.favour else "opposes"
        strength = STRENGTH_WORDS.get(stand.strength, "")
        text = f"{who} {word} “{label}”" + (f" ({strength})" if strength else "")
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


def history_text(step: Step) -> str:
    """What history did on this decision, and whether the game followed it."""
    option = history_option(step.decision)
    if option is None:
        return "History: no single course is marked for this item."
    same = step.choice is not None and step.choice.option == option.id
    text = f"History: “{option.label}”" + (" (the same choice)" if same else "")
    note = option.history_note or step.decision.history_note
    return f"{text}. {note}" if note else text + "."


def record_text(scenario: Scenario, record: Record) -> str | None:
    """One line per consequence record; None for records shown elsewhere (posed, chosen)."""
    if isinstance(record, VariableChanged):
        return f"{change_text(scenario, record)} — because: {cause_text(record.cause)}"
    if isinstance(record, ChanceResolved):
        label = outcome_label(scenario, record.decision, record.option, record.outcome)
        return f"Chance: “{label}” (it had a {round(record.probability * 100)}% chance)"
    if isinstance(record, ConsequenceScheduled):
        turns = record.due_turn - record.turn
        return f"Later (in {turns} decision{'s' if turns != 1 else ''}): {record.text}"
    if isinstance(record, ConsequenceLanded):
        return f"A consequence lands: {record.text}"
    if isinstance(record, ConsequenceLapsed):
        return f"A consequence no longer applies: {record.text}"
    if isinstance(record, EventFired):
        try:
            event = scenario.event(record.event)
        except KeyError:
            return f"Event: {record.event}"
        return f"Event: {event.title}. {event.text.strip()} — because: {cause_text(record.cause)}"
    if isinstance(record, DateAdvanced):
        return f"The date is now {date_text(record.date)}."
    if isinstance(record, DecisionSkipped):
        try:
            title = scenario.decision(record.decision).title
        except KeyError:
            title = record.decision
        return f"Off the agenda: {title}."
    if isinstance(record, GameEnded):
        try:
            title = scenario.ending(record.ending).title
        except KeyError:
            title = record.ending
        return f"The game ends: {title}."
    if isinstance(record, (DecisionPosed, Recommended, OptionChosen)):
        return None
    return None


def consequence_lines(scenario: Scenario, step: Step) -> list[str]:
    lines = [record_text(scenario, record) for record in step.records]
    return [line for line in lines if line]


def values_line(scenario: Scenario, values: dict[str, Value] | object) -> str:
    """'Verification confidence 35/100 · IL-28 bombers Gone · ...' in scenario order."""
    parts = []
    mapping = dict(values)  # type: ignore[call-overload]
    for variable in scenario.variables:
        if variable.id in mapping:
            parts.append(f"{variable.label} {value_text(variable, mapping[variable.id])}")
    return " · ".join(parts)
