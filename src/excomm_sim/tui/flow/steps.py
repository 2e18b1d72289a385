"""The screens a flow can ask for, as data: what to show, with what it needs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:  # types only: the kernel and the saves load after the first paint
    from excomm_sim.engine.events import Record
    from excomm_sim.engine.observe import Observation


@frozen
class Briefing:
    """A player's private briefing (``last``: the decision room follows)."""

    role: str
    player: str
    last: bool


@frozen
class Handover:
    """Hot-seat: hide the screen until ``role``'s player has the keyboard."""

    role: str
    player: str


@frozen
class Decision:
    """The decision room for the seat that must act (``observation`` is that seat's)."""

    observation: Observation


@frozen
class Consequences:
    """What happened since the player last looked."""

    records: tuple[Record, ...]
    ended: bool
    date: dt.date


@frozen
class Waiting:
    """At a host: someone else must act (or the game has not started); the seat's view."""

    observation: Observation | None
    waiting_for: str
    """Whom the table waits for, in words ("Robert McNamara to recommend")."""


@frozen
class Debrief:
    """The end of the game, as every player may now see it."""

    observation: Observation


@frozen
class Stopped:
    """The teacher ended the game before it reached an ending."""

    observation: Observation | None


Step = Briefing | Handover | Decision | Consequences | Waiting | Debrief | Stopped
