"""A scenario's rules compiled: the functions ``engine.codegen`` writes, in lookup tables.

``engine.turns.program(scenario, records)`` builds one per scenario and variant and keeps
it; ``engine.turns`` calls the tables (``turn[k]`` runs decision k, ``outcome[k][j]``
finishes option j once chance has drawn) and never searches the scenario during play. The
generated code runs in a namespace that holds only the record classes, the error builders,
the expression helpers and the constant tables: no builtins beyond those the expression
language uses.
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
from excomm_sim.engine.seating import present
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
    """The compiled rules of one scenario (one variant: with or without records).

    What every decision shares (events, endings, objectives) is compiled at once; each
    decision's own code the first time anything asks for it (its ``turn`` when the game
    reaches it, or ``load``), so a scenario of a thousand items is ready to play at once
    and a game pays only for the items it reaches. The tables are lists filled in place:
    an entry stands for its decision's code until that is compiled, then is the code.
    """

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
        self.writer = codegen.Writer(scenario, layout, records)
        constants = self.writer.constants
        self.namespace: dict[str, Any] = {
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
            "O": constants.owners,
            "X": constants.expressions,
            "C": constants.citations,
        }
        """Where the generated code runs: only these names (the constant lists grow as
        decisions are compiled; the code indexes them)."""
        namespace = self.namespace
        self._compile(self.writer.core(), "shared")
        count = len(scenario.decisions)
        self.loaded = [False] * count
        self.offered: list[Piece] = [self._stand_in(k, "offered") for k in range(count)]
        """Decision k -> ``offered(s)``: the indexes of its options on offer now."""
        self.when: list[Piece | None] = [
            self._stand_in(k, "when") if d.when is not None else None
            for k, d in enumerate(scenario.decisions)
        ]
        """Decision k -> ``when(s)``: whether it is due now (None: always), for tools."""
        self.turn: list[Piece] = [self._stand_in(k, "turn") for k in range(count)]
        """Decision k -> ``turn(s, log, agent)``: decision k from wherever ``s`` stands on it."""
        self.weights: list[tuple[Piece | None, ...]] = [()] * count
        """Decision k -> option j -> its chance node's weights (filled once k is loaded)."""
        self.outcome: list[tuple[Piece | None, ...]] = [()] * count
        self.delayed: list[tuple[tuple[Piece, ...], ...]] = [()] * count
        self.stance_tests: list[tuple[tuple[Piece | None, ...], ...]] = [()] * count
        self.favours: list[Mapping[int, tuple[Favour, ...]]] = [{}] * count
        self.fire: tuple[Piece, ...] = tuple(
            namespace[f"fire_{e}"] for e in range(len(scenario.events))
        )
        self.watch: Piece = namespace["watch"]
        self.early: Piece = namespace["early"]
        self.final: Piece = namespace["final"]
        self.objectives: Piece = namespace["objectives"]
        self.days: tuple[int, ...] = tuple(d.days for d in scenario.decisions)
        self.deciders: tuple[int, ...] = tuple(
            layout.role_index[d.decider] for d in scenario.decisions
        )
        self.start_date: dt.date = scenario.calendar.start
        self.present: tuple[int, ...] = present(scenario)
        """Decision k -> a bit per role at the table then (roles that join later are not)."""
        namespace.update(helpers(self))

    def _compile(self, text: str, what: str) -> None:
        """Run generated text in the namespace: codegen's output from the validated model
        (see its docstring), never scenario text; the one place generated code runs."""
        code = compile(text, f"<rules of {self.scenario.id}: {what}>", "exec")
        exec(code, self.namespace)

    def _stand_in(self, k: int, table: str) -> Piece:
        """An entry for decision k's ``table`` that loads its code, then calls it."""

        def stand_in(*args: Any) -> Any:
            self.load(k)
            return getattr(self, table)[k](*args)

        return stand_in

    def load(self, k: int) -> None:
        """Compile decision k's code (once) and put it in the tables."""
        if self.loaded[k]:
            return
        self._compile(self.writer.chunk(k), f"decision {k}")
        namespace = self.namespace
        decision = self.scenario.decisions[k]
        options = range(len(decision.options))
        self.offered[k] = namespace[f"offered_{k}"]
        self.when[k] = namespace.get(f"when_{k}")
        self.turn[k] = namespace[f"turn_{k}"]
        self.weights[k] = tuple(namespace.get(f"weights_{k}_{j}") for j in options)
        self.outcome[k] = tuple(namespace.get(f"outcome_{k}_{j}") for j in options)
        self.delayed[k] = tuple(
            tuple(namespace[f"delayed_{k}_{j}_{i}"] for i in range(len(o.delayed)))
            for j, o in enumerate(decision.options)
        )
        self.stance_tests[k] = tuple(
            tuple(namespace.get(f"stance_{k}_{j}_{x}") for x in range(len(o.stances)))
            for j, o in enumerate(decision.options)
        )
        self.favours[k] = self._favours(k)
        self.loaded[k] = True

    def load_all(self) -> None:
        """Compile every decision now (tools that will play them all)."""
        for k in range(len(self.loaded)):
            self.load(k)

    @property
    def text(self) -> str:
        """The whole program as Python text (for reading it; not what runs)."""
        return codegen.write(self.scenario, self.layout, self.records)[0]

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
        if not self.loaded[k]:
            self.load(k)
        test = self.stance_tests[k][j][x]
        return test is None or bool(test(s))


def _favours(stance: Stance) -> bool:
    return stance.position is Position.FAVOUR
