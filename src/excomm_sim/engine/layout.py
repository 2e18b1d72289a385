"""The kernel's state as one flat row of slots, and where each fact sits in it.

The rules work on a list of plain values (``slots``) rather than on dicts of names: a
variable is ``s[3]``, whether decision 5 was taken is ``s[CHOSE + 5]``. Reading a list
slot is the cheapest access Python has after a local, and a tuple of the slots is the
state's identity (``check`` deduplicates on it). ``Layout`` says what each slot holds for
one scenario; ``GameState`` (``engine.state``) keeps the slots frozen as a tuple.

Slots, in order (the first eleven sit at the same index in every scenario, so the turn
order in ``engine.turns`` names them as module constants):

- ``TURN`` (decisions taken), ``DAY`` (days since the calendar's start);
- ``CURSOR`` (index of the next decision to consider), ``CURRENT`` (index of the decision
  on the table, or -1), ``STAGE`` (``POSE``, ``ACT``, ``CHANCE`` or ``ENDED``);
- ``OPTION`` (the option waiting for its chance outcome, or -1), ``ENDING`` (index, or -1);
- ``DRAWS`` (chance outcomes drawn so far: the sampler's position in its stream);
- ``HUMANS`` (a bit per role held by a person), ``ADVICE`` (the people's recommendations
  on the current decision: a tuple of (role index, option index) in the order made);
- ``PENDING`` (delayed consequences: a tuple of (due turn, decision, option, index));
- one per variable, in declaration order (its value), from ``VARIABLES``;
- one per event (has it fired?), then three per decision: the option taken, its chance
  outcome, and who took it (``role index * 2 + 1`` if a person did, ``* 2`` otherwise),
  each -1 while the decision is untaken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from excomm_sim.scenario.model import Scenario, Value

__all__ = [
    "ACT",
    "ADVICE",
    "CHANCE",
    "CHOSE_NONE",
    "CURRENT",
    "CURSOR",
    "DAY",
    "DRAWS",
    "ENDED",
    "ENDING",
    "HUMANS",
    "OPTION",
    "PENDING",
    "POSE",
    "STAGE",
    "TURN",
    "VARIABLES",
    "Layout",
    "Slots",
]

POSE = 0
"""Stage: the next decision is to be posed (the kernel does this itself)."""
ACT = 1
"""Stage: a decision is on the table; an adviser or the decider must act."""
CHANCE = 2
"""Stage: the decider has chosen an option whose outcome chance must draw."""
ENDED = 3
"""Stage: the game has reached an ending."""

Slots = list[Any]
"""The working copy of a state's slots inside one kernel call (the values are of several
kinds, slot by slot: see the module docstring)."""

TURN = 0
DAY = 1
CURSOR = 2
CURRENT = 3
STAGE = 4
OPTION = 5
ENDING = 6
DRAWS = 7
HUMANS = 8
ADVICE = 9
PENDING = 10
VARIABLES = 11
"""The first variable's slot."""
CHOSE_NONE = -1
"""A per-decision slot (option, outcome, taken by) of a decision not taken (yet)."""


class Layout:
    """Slot indexes for one scenario (see the module docstring for what each holds)."""

    def __init__(self, scenario: Scenario) -> None:
        self.variable_ids: tuple[str, ...] = tuple(v.id for v in scenario.variables)
        self.role_ids: tuple[str, ...] = tuple(r.id for r in scenario.roles)
        self.decision_ids: tuple[str, ...] = tuple(d.id for d in scenario.decisions)
        self.event_ids: tuple[str, ...] = tuple(e.id for e in scenario.events)
        self.ending_ids: tuple[str, ...] = tuple(e.id for e in scenario.endings)
        self.role_index: Mapping[str, int] = MappingProxyType(
            {role: index for index, role in enumerate(self.role_ids)}
        )
        self.decision_index: Mapping[str, int] = MappingProxyType(
            {decision: index for index, decision in enumerate(self.decision_ids)}
        )
        self.event_index: Mapping[str, int] = MappingProxyType(
            {event: index for index, event in enumerate(self.event_ids)}
        )
        self.ending_index: Mapping[str, int] = MappingProxyType(
            {ending: index for index, ending in enumerate(self.ending_ids)}
        )
        self.option_ids: tuple[tuple[str, ...], ...] = tuple(
            tuple(o.id for o in d.options) for d in scenario.decisions
        )
        self.outcome_ids: tuple[tuple[tuple[str, ...], ...], ...] = tuple(
            tuple(tuple(c.id for c in o.chance.outcomes) if o.chance else () for o in d.options)
            for d in scenario.decisions
        )
        self.variable_slot: Mapping[str, int] = MappingProxyType(
            {variable: VARIABLES + index for index, variable in enumerate(self.variable_ids)}
        )
        self.TURN, self.DAY, self.CURSOR, self.CURRENT = TURN, DAY, CURSOR, CURRENT
        self.STAGE, self.OPTION, self.ENDING, self.DRAWS = STAGE, OPTION, ENDING, DRAWS
        self.HUMANS, self.ADVICE, self.PENDING = HUMANS, ADVICE, PENDING
        self.FIRED = VARIABLES + len(self.variable_ids)
        """First of the per-event "has fired" slots."""
        self.CHOSE = self.FIRED + len(self.event_ids)
        """First of the per-decision "option taken" slots (an option index, or -1)."""
        self.OUTCOME = self.CHOSE + len(self.decision_ids)
        """First of the per-decision "chance outcome" slots (an outcome index, or -1)."""
        self.BY = self.OUTCOME + len(self.decision_ids)
        """First of the per-decision "taken by" slots (role index * 2 + person, or -1)."""
        self.size = self.BY + len(self.decision_ids)
        self.initial_values: tuple[Value, ...] = tuple(v.initial for v in scenario.variables)

    def initial(self, humans_mask: int) -> tuple[Any, ...]:
        """The slots of a game before anything has happened."""
        decisions = len(self.decision_ids)
        return (
            0,  # turn
            0,  # day
            0,  # cursor
            -1,  # current
            POSE,
            -1,  # option
            -1,  # ending
            0,  # draws
            humans_mask,
            (),  # advice
            (),  # pending
            *self.initial_values,
            *(False,) * len(self.event_ids),
            *(-1,) * (3 * decisions),
        )

    def humans_mask(self, seats: Iterable[str]) -> int:
        """The ``humans`` slot for the role ids people hold."""
        mask = 0
        for role in seats:
            mask |= 1 << self.role_index[role]
        return mask

    def values(self, slots: tuple[Any, ...] | Slots) -> Mapping[str, Value]:
        """Variable id -> value, read from ``slots``."""
        first = VARIABLES
        return MappingProxyType(
            dict(zip(self.variable_ids, slots[first : first + len(self.variable_ids)], strict=True))
        )
