"""The game state: one frozen value holding everything a game has become.

A ``GameState`` is never mutated; the kernel returns a new one from every move. The rules'
own view is ``slots``, a flat tuple laid out by ``engine.layout`` (variables, turn, day,
the decision on the table, what was chosen, what is still to land, who is a person);
``humans`` names the people in the seats and ``log`` is everything that happened, in
order. Every other field a shell reads (``values``, ``choices``, ``timeline``, ...) is
derived from those, once, when first read.

The seed is kept with the state but the rules never read it: chance outcomes are moves
like any other (``engine.moves.Draw``), chosen outside the kernel by a sampler that reads
the seed and ``draws`` (how many outcomes were drawn so far), so a game replays exactly
from its seed and the people's moves.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from excomm_sim.engine.events import Record, VariableChanged
from excomm_sim.engine.layout import CHANCE, ENDED, Layout
from excomm_sim.scenario.model import Value

__all__ = [
    "Choice",
    "GameState",
    "Pending",
]


def _no_humans() -> Mapping[str, str]:
    return MappingProxyType({})


def _frozen_names(names: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(names))


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
    slots: tuple[Any, ...]
    """The rules' state (``engine.layout``); equal slots mean the same position."""
    layout: Layout = field(eq=False, repr=False)
    humans: Mapping[str, str] = field(factory=_no_humans, converter=_frozen_names)
    """Role id -> the name of the person in that seat; the computer plays the others."""
    log: tuple[Record, ...] = ()
    """Everything that happened, in order (empty in games played without records)."""

    # -- what the slots say -------------------------------------------------------------

    @cached_property
    def values(self) -> Mapping[str, Value]:
        """Variable id -> value."""
        return self.layout.values(self.slots)

    @property
    def turn(self) -> int:
        """Decisions taken so far."""
        value: int = self.slots[self.layout.TURN]
        return value

    @property
    def day(self) -> int:
        """Days since the calendar's start."""
        value: int = self.slots[self.layout.DAY]
        return value

    @property
    def cursor(self) -> int:
        """Index into scenario.decisions of the next decision to consider."""
        value: int = self.slots[self.layout.CURSOR]
        return value

    @property
    def stage(self) -> int:
        """``layout.POSE``, ``ACT``, ``CHANCE`` or ``ENDED``."""
        value: int = self.slots[self.layout.STAGE]
        return value

    @property
    def current(self) -> str | None:
        """The decision on the table; None between decisions and once the game has ended."""
        index: int = self.slots[self.layout.CURRENT]
        return self.layout.decision_ids[index] if index >= 0 else None

    @property
    def chance_option(self) -> str | None:
        """At a chance node: the option whose outcome chance is about to draw."""
        if self.stage != CHANCE:
            return None
        k: int = self.slots[self.layout.CURRENT]
        option: int = self.slots[self.layout.OPTION]
        return self.layout.option_ids[k][option]

    @property
    def ending(self) -> str | None:
        index: int = self.slots[self.layout.ENDING]
        return self.layout.ending_ids[index] if index >= 0 else None

    @property
    def ended(self) -> bool:
        return bool(self.slots[self.layout.STAGE] == ENDED)

    @property
    def draws(self) -> int:
        """Chance outcomes drawn so far."""
        value: int = self.slots[self.layout.DRAWS]
        return value

    @cached_property
    def fired(self) -> frozenset[str]:
        """Ids of events that have fired at least once."""
        first = self.layout.FIRED
        return frozenset(
            event for e, event in enumerate(self.layout.event_ids) if self.slots[first + e]
        )

    @cached_property
    def pending(self) -> tuple[Pending, ...]:
        layout = self.layout
        entries: tuple[tuple[int, int, int, int], ...] = self.slots[layout.PENDING]
        return tuple(
            Pending(due, layout.decision_ids[k], layout.option_ids[k][j], i)
            for due, k, j, i in entries
        )

    @cached_property
    def recommendations(self) -> Mapping[str, str]:
        """Role id -> option id: the people's recommendations on ``current``."""
        layout = self.layout
        k: int = self.slots[layout.CURRENT]
        advice: tuple[tuple[int, int], ...] = self.slots[layout.ADVICE]
        return MappingProxyType(
            {layout.role_ids[role]: layout.option_ids[k][option] for role, option in advice}
        )

    @cached_property
    def choices(self) -> tuple[Choice, ...]:
        """The decisions taken, in the order taken."""
        layout = self.layout
        slots = self.slots
        taken: list[Choice] = []
        for k, decision in enumerate(layout.decision_ids):
            option: int = slots[layout.CHOSE + k]
            if option < 0 or (self.stage == CHANCE and k == slots[layout.CURRENT]):
                continue
            outcome: int = slots[layout.OUTCOME + k]
            by: int = slots[layout.BY + k]
            outcomes = layout.outcome_ids[k][option]
            taken.append(
                Choice(
                    len(taken) + 1,
                    decision,
                    layout.option_ids[k][option],
                    layout.role_ids[by // 2],
                    bool(by % 2),
                    outcomes[outcome] if outcome >= 0 else None,
                )
            )
        return tuple(taken)

    @cached_property
    def timeline(self) -> tuple[Mapping[str, Value], ...]:
        """The values at the start and after each decision (``timeline[k]`` after k).

        Rebuilt from the log's changes. A game played without records (``simulate``) has
        only its start: nothing says what the values were along the way.
        """
        values = dict(zip(self.layout.variable_ids, self.layout.initial_values, strict=True))
        if not self.log:
            return (MappingProxyType(values),)
        settled = self.turn - 1 if self.stage == CHANCE else self.turn
        timeline: list[Mapping[str, Value]] = []
        for record in self.log:
            if isinstance(record, VariableChanged):
                while len(timeline) < min(record.turn, settled + 1):
                    timeline.append(MappingProxyType(dict(values)))
                values[record.variable] = record.new
        while len(timeline) <= settled:
            timeline.append(MappingProxyType(dict(values)))
        return tuple(timeline)
