"""The game state: one frozen value holding everything a game has become.

A ``GameState`` is never mutated; the engine returns a new one from every call. It holds
the variables, the calendar, what was chosen, what is still to land, the log and the
timeline, so shells can draw any screen from a state alone. The random generator's
state is part of it (``rng``), which makes a game replayable from (seed, actions).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from excomm_sim.engine.events import Record
from excomm_sim.scenario.model import Value


def _empty() -> Mapping[str, Value]:
    return MappingProxyType({})


@frozen
class Choice:
    """A decision taken: by whom, which option, and the chance outcome if any."""

    turn: int
    """The 1-based number of the decision (equal to ``state.turn`` once it is taken)."""
    decision: str
    option: str
    role: str
    human: bool
    outcome: str | None


@frozen
class Pending:
    """A delayed consequence waiting to land when ``turn`` reaches ``due_turn``.

    ``index`` is its position in the option's ``delayed`` list.
    """

    due_turn: int
    decision: str
    option: str
    index: int


@frozen
class GameState:
    """Everything about one game at one moment (see docs/engine-api.md for each field)."""

    seed: int
    rng: int
    """The splitmix64 generator state (``excomm_sim.engine.chance``), derived from seed."""
    values: Mapping[str, Value]
    """Variable id -> value."""
    turn: int
    """Decisions taken so far."""
    day: int
    """Days since the calendar's start."""
    cursor: int
    """Index into scenario.decisions of the next decision to consider."""
    current: str | None
    """The decision on the table; None once the game has ended."""
    recommendations: Mapping[str, str] = field(factory=_empty)
    """Role id -> option id: human recommendations made on ``current``."""
    choices: tuple[Choice, ...] = ()
    pending: tuple[Pending, ...] = ()
    fired: frozenset[str] = frozenset()
    """Ids of events that have fired at least once."""
    ending: str | None = None
    log: tuple[Record, ...] = ()
    """Everything that happened, in order."""
    timeline: tuple[Mapping[str, Value], ...] = ()
    """The values at the start and after each decision (``timeline[k]`` after k)."""

    @property
    def ended(self) -> bool:
        return self.ending is not None
