"""The records the engine emits: what happened in a game, in order, with causes.

Records are the engine's only output besides the state. Shells render them (the TUI's
log, the plain-text game, the after-action report) and never recompute what happened.
Every record carries ``turn``: the 1-based number of the decision it belongs to (the
decision posed when ``state.turn`` was ``turn - 1``); ``GameEnded`` carries the number of
decisions taken. A ``VariableChanged`` always carries a ``Cause`` saying why, with the
scenario's citations, so any change on the dashboard can be explained.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from attrs import frozen

from excomm_sim.scenario.model import Citation, Value

__all__ = [
    "Cause",
    "CauseKind",
    "ChanceResolved",
    "ConsequenceLanded",
    "ConsequenceLapsed",
    "ConsequenceScheduled",
    "DateAdvanced",
    "DecisionPosed",
    "DecisionSkipped",
    "DecisionWeighed",
    "EventFired",
    "GameEnded",
    "OptionChosen",
    "OptionWeighed",
    "Recommended",
    "Record",
    "SeatLeft",
    "SeatTaken",
    "VariableChanged",
    "VoiceKind",
    "Weight",
]

CauseKind = Literal["start", "option", "chance", "delayed", "event", "teacher", "author"]


@frozen(cache_hash=True)
class Cause:
    """Why something changed: the option, chance outcome, delayed consequence or event, or
    the teacher who injected an event (``kind="teacher"``, ``text`` their line), or the
    author who set a value in author mode (``kind="author"``).

    ``decision``/``option`` name the decision and option at the root of the chain (an
    event triggered by an option names both, and ``event``); ``outcome`` is the chance
    outcome id for ``kind="chance"``. ``sources`` are the citations to show beside it.
    """

    kind: CauseKind
    turn: int
    decision: str | None = None
    option: str | None = None
    outcome: str | None = None
    event: str | None = None
    text: str = ""
    sources: tuple[Citation, ...] = ()


@frozen
class DecisionPosed:
    """A decision was put on the table."""

    turn: int
    decision: str


@frozen
class DecisionSkipped:
    """A decision was passed over for good when its turn came.

    ``reason`` is "condition" when its ``when`` was false, "no options" when none of
    its options was offered (so no player is ever left with nothing to do), "author" when
    the author jumped past it in author mode.
    """

    turn: int
    decision: str
    reason: str = "condition"


@frozen
class Recommended:
    """An adviser recommended an option (a computer adviser from its stance, or a human)."""

    turn: int
    decision: str
    role: str
    option: str
    human: bool
    reason: str
    """A computer adviser's stance reason; empty for a person's recommendation."""
    argument: str = ""
    """A person's case for it, in their own words (shown to the decider; may be empty)."""


@frozen
class OptionChosen:
    """The decider took an option."""

    turn: int
    decision: str
    role: str
    option: str
    human: bool


VoiceKind = Literal["favours", "opposes", "advised"]


@frozen
class Weight:
    """One voice in a computer decider's weighing of an option.

    ``kind`` is "favours" or "opposes" for a stance of a computer-played role (the decider's
    own counts double), "advised" for a human adviser's recommendation. ``amount`` is signed.
    """

    role: str
    kind: VoiceKind
    amount: int


@frozen
class OptionWeighed:
    """An offered option's score under the computer decider's rule, and who made it."""

    option: str
    score: int
    weights: tuple[Weight, ...]


@frozen
class DecisionWeighed:
    """Why a computer decider took its option: every offered option's score, in file order.

    Logged right after the ``OptionChosen`` it explains. The highest score won; a tie went
    to the option listed first (docs/rules-engine.md, *The computer decider*).
    """

    turn: int
    decision: str
    role: str
    options: tuple[OptionWeighed, ...]


@frozen
class ChanceResolved:
    """A chance node was drawn; ``probability`` is the outcome's share of the weights."""

    turn: int
    decision: str
    option: str
    outcome: str
    probability: float


@frozen
class VariableChanged:
    """A variable took a new value (never recorded when the value stays the same).

    ``effect`` is the assignment's source text; ``clamped`` is true when the raw result
    fell outside the variable's range and was pulled back to its min or max.
    """

    turn: int
    variable: str
    old: Value
    new: Value
    cause: Cause
    effect: str
    clamped: bool


@frozen
class ConsequenceScheduled:
    """A delayed consequence was set to land when ``turn`` reaches ``due_turn``."""

    turn: int
    due_turn: int
    decision: str
    option: str
    index: int
    text: str


@frozen
class ConsequenceLanded:
    """A delayed consequence landed (its effects follow as VariableChanged records)."""

    turn: int
    decision: str
    option: str
    index: int
    text: str


@frozen
class ConsequenceLapsed:
    """A delayed consequence came due but its ``when`` was false, so it did nothing."""

    turn: int
    decision: str
    option: str
    index: int
    text: str


@frozen
class EventFired:
    """An event happened; ``cause`` says whether a condition or a trigger fired it."""

    turn: int
    event: str
    cause: Cause


@frozen
class DateAdvanced:
    """The calendar moved on: ``day`` days after the scenario's start, i.e. ``date``."""

    turn: int
    day: int
    date: dt.date


@frozen
class GameEnded:
    """The game reached an ending."""

    turn: int
    ending: str


@frozen
class SeatTaken:
    """A person took a seat from the computer; ``turn`` is the number of the decision on
    the table (or next to come) then."""

    turn: int
    role: str
    player: str


@frozen
class SeatLeft:
    """A person left a seat; the computer plays it from now on (``turn`` as in SeatTaken)."""

    turn: int
    role: str


Record = (
    DecisionPosed
    | DecisionSkipped
    | Recommended
    | OptionChosen
    | DecisionWeighed
    | ChanceResolved
    | VariableChanged
    | ConsequenceScheduled
    | ConsequenceLanded
    | ConsequenceLapsed
    | EventFired
    | DateAdvanced
    | GameEnded
    | SeatTaken
    | SeatLeft
)
"""Any record the engine emits."""
