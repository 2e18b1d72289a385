"""What a scenario's expressions read, and who must be seated to explore every choice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from excomm_sim.scenario.expr import Expression
from excomm_sim.scenario.model import Scenario


def scenario_expressions(scenario: Scenario) -> Iterator[Expression]:
    """Every compiled expression in the scenario (conditions, weights, effect values)."""

    def of_effects(effects: Iterable[Any]) -> Iterator[Expression]:
        for effect in effects:
            yield effect.value
            if effect.when is not None:  # a conditional effect's condition (format 2)
                yield effect.when

    for role in scenario.roles:
        for objective in role.objectives:
            yield objective.condition
    for decision in scenario.decisions:
        if decision.when is not None:
            yield decision.when
        for option in decision.options:
            if option.when is not None:
                yield option.when
            yield from of_effects(option.effects)
            for stance in option.stances:
                if stance.when is not None:
                    yield stance.when
            for delayed in option.delayed:
                if delayed.when is not None:
                    yield delayed.when
                yield from of_effects(delayed.effects)
            if option.chance is not None:
                for outcome in option.chance.outcomes:
                    yield outcome.weight
                    yield from of_effects(outcome.effects)
    for event in scenario.events:
        if event.when is not None:
            yield event.when
        yield from of_effects(event.effects)
    for ending in scenario.endings:
        if ending.when is not None:
            yield ending.when


_CHOICE_CALL = re.compile(r"""\b(?:chose|decided)\s*\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']""")


def choices_read(scenario: Scenario) -> frozenset[str]:
    """Decision ids whose choice some expression reads (``chose``/``decided``).

    ``Expression.names`` lists the variables read; choices are read through the
    ``@decision`` keys, which it may or may not list, so the calls are also found in the
    source. Over-including a decision only costs deduplication, never correctness.
    """
    read: set[str] = set()
    for expression in scenario_expressions(scenario):
        read.update(name[1:] for name in expression.names if name.startswith("@"))
        read.update(_CHOICE_CALL.findall(expression.source))
    return frozenset(read)


def deciders(scenario: Scenario) -> dict[str, str]:
    """Every role that decides some agenda item, seated as a human so the explorer acts."""
    seated = {decision.decider for decision in scenario.decisions}
    seated.add(scenario.president.id)
    return {role.id: role.id for role in scenario.roles if role.id in seated}
