"""What can happen next in a game: the moves the kernel applies, and whose turn it is.

Every change to a game is a move: a seat's act (``Action``: a recommendation or the
decision, whichever the turn asks), chance's outcome (``Draw``), or a seat changing hands
(``TakeSeat``, ``LeaveSeat``), an event the teacher injects (``Inject``), or an author's
change while testing a scenario in author mode (``AuthorSet``, ``AuthorJump``). People,
computer policies, the seeded sampler, the teacher and the author all answer the kernel
the same way, so one log and one replay hold them all.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from excomm_sim.engine.events import DecisionWeighed
from excomm_sim.scenario.model import Value

__all__ = [
    "Action",
    "AuthorJump",
    "AuthorSet",
    "Draw",
    "IllegalAction",
    "Inject",
    "LeaveSeat",
    "Move",
    "TakeSeat",
    "Turn",
    "TurnKind",
]

TurnKind = Literal["recommend", "decide", "chance", "ended"]


@frozen
class Action:
    """A seat's act on the decision on the table: recommend or decide, as the turn asks."""

    role: str
    option: str
    argument: str = ""
    """An adviser's case for the recommendation, in the player's own words (optional)."""
    weighed: DecisionWeighed | None = field(default=None, eq=False, repr=False)
    """A computer decider's reasons (its policy's weighing), logged with the choice."""


@frozen
class Draw:
    """Chance's outcome at the chance node the game waits at."""

    outcome: str


@frozen
class TakeSeat:
    """A person takes ``role``'s seat (the computer played it until now)."""

    role: str
    player: str


@frozen
class LeaveSeat:
    """The person in ``role``'s seat leaves it; the computer plays it from now on."""

    role: str


@frozen
class Inject:
    """The person running the room makes one of the scenario's events happen now, with a
    line of their own (what crisis-simulation staff do to test a room)."""

    event: str
    note: str = ""


@frozen
class AuthorSet:
    """Author mode: the author sets a variable to a value (within its range or values), to
    try what follows from it; recorded as a change whose cause is the author."""

    variable: str
    value: Value


@frozen
class AuthorJump:
    """Author mode: the author puts a later decision on the table now; the items passed
    over are recorded as skipped by the author."""

    decision: str


Move = Action | Draw | TakeSeat | LeaveSeat | Inject | AuthorSet | AuthorJump
"""Anything the kernel applies."""


@frozen
class Turn:
    """Who must act now: a seat (to recommend or to decide), chance, or nobody (ended).

    ``human`` says whether a person holds that seat; when not, a computer policy answers.
    """

    kind: TurnKind
    role: str | None = None
    decision: str | None = None
    human: bool = False


class IllegalAction(Exception):
    """A move the current state does not allow; ``message`` says why, in a player's words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
