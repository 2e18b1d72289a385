"""What an exploration of a scenario saw: paths, faults, dead ends, end states, coverage."""

from __future__ import annotations

from collections.abc import Mapping

import attrs
from attrs import define, frozen

from excomm_sim.scenario.model import Value


@frozen
class Step:
    """One move on a path: who chose what (and which chance outcome followed)."""

    decision: str
    option: str
    outcome: str | None = None
    recommend: bool = False

    def __str__(self) -> str:
        if self.recommend:
            return f"{self.decision}: recommend {self.option}"
        text = f"{self.decision}={self.option}"
        return f"{text} -> {self.outcome}" if self.outcome else text


@frozen
class Failure:
    """A step that raised: an expression error (EvalError) or an engine fault."""

    path: tuple[Step, ...]
    decision: str | None
    message: str
    engine_fault: bool = False


@frozen
class DeadEnd:
    """A decision that was due (its ``when`` held) but offered no option."""

    path: tuple[Step, ...]
    decision: str


@frozen
class EndState:
    ending: str
    values: Mapping[str, Value]
    objectives: Mapping[tuple[str, str], bool]
    """(role id, objective id) -> met."""
    won: Mapping[str, bool]
    path: tuple[Step, ...]


@define
class Exploration:
    """Everything the explorer saw; ``complete`` is False if a bound stopped it."""

    states: int = 0
    complete: bool = True
    stopped_by: str = ""
    samples: int = 0
    """Sampled games played after the bound was hit (0 when the search was complete)."""
    estimate: int = 0
    """When the bound stopped the search: about how many states a complete one needs."""
    posed: set[str] = attrs.field(factory=set)
    offered: set[tuple[str, str]] = attrs.field(factory=set)
    chosen: set[tuple[str, str]] = attrs.field(factory=set)
    outcomes: set[tuple[str, str, str]] = attrs.field(factory=set)
    events: set[str] = attrs.field(factory=set)
    scheduled: set[tuple[str, str, int]] = attrs.field(factory=set)
    landed: set[tuple[str, str, int]] = attrs.field(factory=set)
    endings: set[str] = attrs.field(factory=set)
    ends: list[EndState] = attrs.field(factory=list)
    failures: list[Failure] = attrs.field(factory=list)
    dead_ends: list[DeadEnd] = attrs.field(factory=list)
