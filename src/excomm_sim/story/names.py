"""Ids made readable: a role's, an item's, an option's or an outcome's name, and a stance's verb.

A save may outlive the scenario it was played on, so each lookup falls back to the id
rather than failing. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from excomm_sim.scenario.model import (
    ChanceOutcome,
    Decision,
    Option,
    Scenario,
    Variable,
)

T = TypeVar("T")


STANCE_VERBS: Mapping[bool, Mapping[int, str]] = {
    True: {1: "leans to", 2: "favours", 3: "insists on"},
    False: {1: "is wary of", 2: "opposes", 3: "strongly opposes"},
}
"""An adviser's verb by (favours?, strength 1-3): the strength is in the verb itself."""


def found(lookup: Callable[[str], T], key: str) -> T | None:
    """``lookup(key)``, or None where the scenario has no such id (a save may outlive it)."""
    try:
        return lookup(key)
    except KeyError:
        return None


def short_title(scenario: Scenario) -> str:
    """'ExComm Meeting No. 19': the scenario's title up to its colon (all of it if none)."""
    return scenario.title.split(":", 1)[0].strip() or scenario.title


def surname(name: str) -> str:
    """'Kennedy' from 'John F. Kennedy': how a seat is named where room is short."""
    return name.split()[-1] if name.split() else name


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


def stance_verb(favour: bool, strength: int) -> str:
    """'leans to', 'favours', 'insists on'; 'is wary of', 'opposes', 'strongly opposes'."""
    verbs = STANCE_VERBS[favour]
    return verbs.get(strength, verbs[2])
