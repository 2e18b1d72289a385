"""The one interface a shell drives a game through, local or remote.

A shell asks whose turn it is (``to_act``), what a seat may see (``observe``), sends the
people's moves (``act``) and renders what comes back. ``seats`` are the seats this session
may act for: every person's in a local game (hot-seat), its own one at a classroom host.
When the turn belongs to nobody here (another student at the host), ``wait`` blocks until
the game moves on and returns what this session's seats may see of it; a local session
never waits, since the computer acts at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Protocol

from excomm_sim.engine.events import Record
from excomm_sim.engine.kernel import RoleScore
from excomm_sim.engine.moves import Move, Turn
from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Ending, Scenario


class Session(Protocol):
    """A game in progress, as a shell sees it."""

    @property
    def scenario(self) -> Scenario:
        """The scenario as this session may see it (a remote one lacks others' secrets)."""

    @property
    def humans(self) -> Mapping[str, str]:
        """Role id -> the name of the person in that seat (public)."""

    @property
    def seats(self) -> tuple[str, ...]:
        """The seats this session acts for, in role order."""

    @property
    def to_act(self) -> Turn:
        """Whose turn it is now."""

    @property
    def ended(self) -> bool: ...

    @property
    def ending(self) -> Ending | None: ...

    @property
    def date(self) -> dt.date: ...

    def observe(self, seat: str | None) -> Observation:
        """What ``seat`` may see now (None: the public view)."""

    def seen(self, records: tuple[Record, ...], seat: str | None) -> tuple[Record, ...]:
        """Of ``records`` (just returned by ``act``), those ``seat`` may see."""

    def act(self, action: Move) -> tuple[Record, ...]:
        """Play a person's move; return what happened until a person must act again.
        Raises the kernel's ``IllegalAction`` (with its reason) for a move refused."""

    def take_back(self) -> Move | None:
        """Undo this session's last move and return it; None when there is nothing this
        session may take back (no move yet, or a shared game whose moves are final)."""

    def wait(self, timeout: float | None = None) -> tuple[Record, ...]:
        """Block until the game moves on without this session (or ``timeout`` seconds
        pass); return the new records its seats may see."""

    def scores(self) -> Mapping[str, RoleScore]:
        """Each role's score as this session may see it."""
