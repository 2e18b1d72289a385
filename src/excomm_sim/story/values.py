"""A variable's value as a player reads it, and which way it moved and whether that is good.

Meaning is always carried by words ("up, worse"); where a screen also shows a symbol
(▲ ▼) it stands beside the word, never instead of it. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping

from excomm_sim.scenario.model import (
    Scenario,
    Value,
    Variable,
    VariableKind,
)


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


def short_change(variable: Variable, old: Value, new: Value) -> str:
    """'Tension 20 → 35 (worse)', 'IL-28 bombers In Cuba → Removal demanded': a change in
    few words, where a list of many must stay short (the printed report's timeline)."""

    def shown(value: Value) -> str:
        if variable.kind is VariableKind.INT:
            return str(value)
        return variable.label_of(value)

    text = f"{variable.label} {shown(old)} → {shown(new)}"
    verdict = trend(variable, old, new).partition(", ")[2]
    return f"{text} ({verdict})" if verdict else text
