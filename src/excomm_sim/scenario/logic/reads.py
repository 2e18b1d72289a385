"""What a scenario's expressions and triggers name: the options ``chose`` reads, the events
that something triggers, and every expression text in the file."""

from __future__ import annotations

import re

from excomm_sim.scenario.model import Scenario

_CHOSE = re.compile(r"chose\(\s*['\"]([a-z][a-z0-9_]*)['\"]\s*,\s*['\"]([a-z][a-z0-9_]*)['\"]")


def chosen_options(scenario: Scenario) -> set[tuple[str, str]]:
    """Every (decision, option) that some ``chose(...)`` in the file names."""
    found: set[tuple[str, str]] = set()
    for expression in every_expression(scenario):
        if "chose" in expression:
            found.update(_CHOSE.findall(expression))
    return found


def every_expression(scenario: Scenario) -> list[str]:
    sources: list[str] = []
    for role in scenario.roles:
        sources += [objective.condition.source for objective in role.objectives]
    for decision in scenario.decisions:
        if decision.when is not None:
            sources.append(decision.when.source)
        for option in decision.options:
            sources += [e.source for e in option.effects]
            whens = [option.when, *(stance.when for stance in option.stances)]
            sources += [when.source for when in whens if when is not None]
            for delayed in option.delayed:
                sources += [e.source for e in delayed.effects]
                if delayed.when is not None:
                    sources.append(delayed.when.source)
            if option.chance is not None:
                for outcome in option.chance.outcomes:
                    sources.append(outcome.weight.source)
                    sources += [e.source for e in outcome.effects]
    for event in scenario.events:
        sources += [e.source for e in event.effects]
        if event.when is not None:
            sources.append(event.when.source)
    sources += guards(scenario)
    sources += [ending.when.source for ending in scenario.endings if ending.when is not None]
    return sources


def triggered_events(scenario: Scenario) -> set[str]:
    found: set[str] = set()
    for decision in scenario.decisions:
        for option in decision.options:
            triggers = [option.trigger, *(delayed.trigger for delayed in option.delayed)]
            found.update(trigger for trigger in triggers if trigger)
            if option.chance is not None:
                found.update(o.trigger for o in option.chance.outcomes if o.trigger)
    return found


def guards(scenario: Scenario) -> list[str]:
    """The conditions of every conditional effect (format 2), once each."""
    found: dict[int, str] = {}
    for decision in scenario.decisions:
        for option in decision.options:
            effects = [*option.effects, *(e for d in option.delayed for e in d.effects)]
            if option.chance is not None:
                effects += [e for o in option.chance.outcomes for e in o.effects]
            found.update({id(e.when): e.when.source for e in effects if e.when is not None})
    for event in scenario.events:
        found.update({id(e.when): e.when.source for e in event.effects if e.when is not None})
    return list(found.values())
