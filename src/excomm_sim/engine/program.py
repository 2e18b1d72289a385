"""A scenario's rules compiled: the functions ``engine.codegen`` writes, in lookup tables.

``program(scenario, records)`` compiles the module text once per scenario and variant and
keeps it; ``engine.turns`` calls the tables (``take[k][j]`` takes option j of decision k,
``outcome[k][j]`` finishes it once chance has drawn) and never searches the scenario
during play. The generated code runs in a namespace that
holds only the record classes, the error builders, the expression helpers and the
constant tables: no builtins beyond those the expression language uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from excomm_sim.engine import codegen
from excomm_sim.engine.errors import ScenarioRuntimeError, runtime_error
from excomm_sim.engine.events import (
    Cause,
    ConsequenceLanded,
    ConsequenceLapsed,
    ConsequenceScheduled,
    DateAdvanced,
    DecisionPosed,
    DecisionSkipped,
    EventFired,
    OptionChosen,
    VariableChanged,
)
from excomm_sim.engine.layout import Layout, Slots
from excomm_sim.scenario.expr import PYTHON_HELPERS, EvalError
from excomm_sim.scenario.model import Location, Position, Scenario, Stance

__all__ = [
    "Favour",
    "Log",
    "Piece",
    "Program",
]

Log = list[Any] | None
"""The records a call adds to (None: a run that keeps no records)."""
Piece = Callable[..., Any]


def _effect_error(
    owner: tuple[str, Location | None], turn: int, source: str, error: Exception
) -> ScenarioRuntimeError:
    """Name the failing effect's owner and, when known, its file:line:col."""
    name, location = owner
    where = f"{location}: " if location is not None and location.line else ""
    return ScenarioRuntimeError(f"{where}{name} (turn {turn}): effect {source!r} failed: {error}")


class Favour:
    """A computer adviser's favour stance on one option, ready for posing (records)."""

    __slots__ = ("option", "reason", "test")

    def __init__(self, option: int, reason: str, test: Piece | None) -> None:
        self.option = option
        self.reason = reason
        self.test = test


class Program:
    """The compiled rules of one scenario (one variant: with or without records)."""

    def __init__(
        self,
        scenario: Scenario,
        records: bool,
        helpers: Callable[[Program], Mapping[str, Piece]],
    ) -> None:
        """``helpers`` gives the turn-order functions the generated code calls
        (``engine.turns.helpers``), bound to this program."""
        self.scenario = scenario
        self.records = records
        self.layout = layout = Layout(scenario)
        text, constants = codegen.write(scenario, layout, records)
        self.text = text
        namespace: dict[str, Any] = {
            "__builtins__": {
                "min": min,
                "max": max,
                "abs": abs,
                "int": int,
                "tuple": tuple,
                "bool": bool,
                "format": format,
            },
            **PYTHON_HELPERS,
            "EvalError": EvalError,
            "_rt": runtime_error,
            "_fx": _effect_error,
            "Cause": Cause,
            "VariableChanged": VariableChanged,
            "EventFired": EventFired,
            "ConsequenceScheduled": ConsequenceScheduled,
            "ConsequenceLanded": ConsequenceLanded,
            "ConsequenceLapsed": ConsequenceLapsed,
            "DecisionSkipped": DecisionSkipped,
            "DecisionPosed": DecisionPosed,
            "OptionChosen": OptionChosen,
            "DateAdvanced": DateAdvanced,
            "START": scenario.calendar.start,
            "timedelta": dt.timedelta,
            "O": tuple(constants.owners),
            "X": tuple(constants.expressions),
            "C": tuple(constants.citations),
        }
        exec(compile(text, f"<rules of {scenario.id}>", "exec"), namespace)
        # ``text`` is codegen's output from a validated model (see its docstring), never
        # scenario text; this is the one place generated code is compiled.
        self.namespace = namespace
        decisions = scenario.decisions
        self.offered: tuple[Piece, ...] = tuple(
            namespace[f"offered_{k}"] for k in range(len(decisions))
        )
        """Decision k -> ``offered(s)``: the indexes of its options on offer now."""
        self.when: tuple[Piece | None, ...] = tuple(
            namespace.get(f"when_{k}") for k in range(len(decisions))
        )
        """Decision k -> ``when(s)``: whether it is due now (None: always), for tools."""
        self.turn: tuple[Piece, ...] = tuple(namespace[f"turn_{k}"] for k in range(len(decisions)))
        """Decision k -> ``turn(s, log, agent)``: decision k from wherever ``s`` stands on it."""
        self.weights: tuple[tuple[Piece | None, ...], ...] = tuple(
            tuple(namespace.get(f"weights_{k}_{j}") for j in range(len(d.options)))
            for k, d in enumerate(decisions)
        )
        self.outcome: tuple[tuple[Piece | None, ...], ...] = tuple(
            tuple(namespace.get(f"outcome_{k}_{j}") for j in range(len(d.options)))
            for k, d in enumerate(decisions)
        )
        self.delayed: tuple[tuple[tuple[Piece, ...], ...], ...] = tuple(
            tuple(
                tuple(namespace[f"delayed_{k}_{j}_{i}"] for i in range(len(o.delayed)))
                for j, o in enumerate(d.options)
            )
            for k, d in enumerate(decisions)
        )
        self.fire: tuple[Piece, ...] = tuple(
            namespace[f"fire_{e}"] for e in range(len(scenario.events))
        )
        self.watch: Piece = namespace["watch"]
        self.early: Piece = namespace["early"]
        self.final: Piece = namespace["final"]
        self.objectives: Piece = namespace["objectives"]
        self.days: tuple[int, ...] = tuple(d.days for d in decisions)
        self.deciders: tuple[int, ...] = tuple(layout.role_index[d.decider] for d in decisions)
        self.stance_tests: tuple[tuple[tuple[Piece | None, ...], ...], ...] = tuple(
            tuple(
                tuple(namespace.get(f"stance_{k}_{j}_{x}") for x in range(len(o.stances)))
                for j, o in enumerate(d.options)
            )
            for k, d in enumerate(decisions)
        )
        self.favours: tuple[Mapping[int, tuple[Favour, ...]], ...] = tuple(
            self._favours(k) for k in range(len(decisions))
        )
        self.start_date: dt.date = scenario.calendar.start
        namespace.update(helpers(self))

    def _favours(self, k: int) -> Mapping[int, tuple[Favour, ...]]:
        """Role index -> its favour stances on decision k, strongest first, then by option."""
        found: dict[int, list[tuple[int, int, Favour]]] = {}
        decision = self.scenario.decisions[k]
        for j, option in enumerate(decision.options):
            for x, stance in enumerate(option.stances):
                if not _favours(stance):
                    continue
                role = self.layout.role_index[stance.role]
                favour = Favour(j, stance.reason, self.stance_tests[k][j][x])
                found.setdefault(role, []).append((-stance.strength, j, favour))
        return {
            role: tuple(favour for _, _, favour in sorted(entries, key=lambda e: (e[0], e[1])))
            for role, entries in found.items()
        }

    def stance_holds(self, k: int, j: int, x: int, s: Slots | tuple[Any, ...]) -> bool:
        """Whether stance x of option j of decision k holds in ``s``."""
        test = self.stance_tests[k][j][x]
        return test is None or bool(test(s))


def _favours(stance: Stance) -> bool:
    return stance.position is Position.FAVOUR
