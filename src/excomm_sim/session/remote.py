"""A seat at a classroom host, for shells that are not async: the remote ``Session``.

``RemoteSession`` runs a ``TableClient`` (``session.client``) on an event loop of its own,
in a background thread, and answers the ``Session`` interface from the latest observation
the host sent. Everything a shell reads is what the host let this seat see: ``observe``
answers for this seat only (the public view, ``None``, is this seat's view, which holds
nothing the player at this keyboard may not see), and ``seen`` leaves records as they came,
already filtered by the host. ``act`` blocks until the host has committed the move (or
refused it); ``wait`` blocks until someone else moves.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Coroutine, Mapping
from pathlib import Path
from typing import Any, TypeVar

from excomm_sim.engine.events import Record
from excomm_sim.engine.kernel import RoleScore
from excomm_sim.engine.moves import Action, IllegalAction, Move, Turn
from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Ending, Scenario
from excomm_sim.session.client import JoinError, TableClient
from excomm_sim.session.tokens import SeatTokens

T = TypeVar("T")

__all__ = ["JoinError", "RemoteSession", "default_tokens"]


def default_tokens() -> SeatTokens:
    from excomm_sim.paths import seat_tokens_path

    return SeatTokens(seat_tokens_path())


class RemoteSession:
    """One seat at a host (see the module docstring). Build it with ``join``."""

    def __init__(self, client: TableClient, loop: asyncio.AbstractEventLoop) -> None:
        self.client = client
        self._loop = loop

    @classmethod
    def connect(
        cls,
        address: str,
        code: str,
        *,
        seat: str | None = None,
        tokens: SeatTokens | Path | None = None,
        on_status: Callable[[str], None] | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> RemoteSession:
        """Join the table with ``code`` at ``address`` (HOST:PORT), back in this machine's
        seat there if it has one (``tokens``: where seat tokens are kept, by default the
        user data folder). Raises JoinError with one sentence saying why not."""
        if tokens is None:
            tokens = default_tokens()
        elif isinstance(tokens, Path):
            tokens = SeatTokens(tokens)
        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="excomm-sim-client", daemon=True).start()

        async def build() -> TableClient:
            return TableClient(
                address, code, tokens=tokens, on_status=on_status, on_notice=on_notice
            )

        session = cls(asyncio.run_coroutine_threadsafe(build(), loop).result(), loop)
        try:
            session._run(session.client.join(seat))
        except BaseException:
            session.close()
            raise
        return session

    def _run(self, work: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout)

    # -- the table -----------------------------------------------------------------------

    @property
    def seated(self) -> bool:
        return self.client.seat is not None

    @property
    def free_seats(self) -> list[dict[str, Any]]:
        """The seats nobody holds (role, name, title), for a student to choose from."""
        return [seat for seat in self.client.seats if seat["player"] is None]

    def sit(self, seat: str, name: str) -> None:
        """Take a free seat; JoinError if it cannot be had."""
        self._run(self.client.sit(seat, name))

    @property
    def status(self) -> str:
        """The table's status: seating, playing, ended, stopped."""
        return self.client.status

    @property
    def paused(self) -> bool:
        return self.client.paused

    @property
    def timer(self) -> float | None:
        """Seconds left on the item, when the teacher set a time limit."""
        return self.client.timer

    @property
    def failure(self) -> str | None:
        """Why this seat was lost for good (freed by the teacher, the host gone), or None."""
        return self.client.failure

    @property
    def table(self) -> int:
        return self.client.table

    @property
    def title(self) -> str:
        return self.client.title

    @property
    def seat(self) -> str | None:
        return self.client.seat

    @property
    def player(self) -> str:
        return self.client.name

    def wait_until_started(self) -> None:
        """Block while the table is seating (its game not started)."""
        while self.client.status == "seating" and self.client.failure is None:
            self.wait(1.0)

    # -- the Session interface -----------------------------------------------------------

    def _seen(self) -> Observation:
        observation = self.client.observation
        if observation is None:
            raise IllegalAction("The game at this table has not started yet.")
        return observation

    @property
    def scenario(self) -> Scenario:
        scenario = self.client.scenario
        assert scenario is not None, "seated"
        return scenario

    @property
    def humans(self) -> Mapping[str, str]:
        """Who sits where; before the game starts, only this seat is known for sure."""
        observation = self.client.observation
        if observation is None:
            return {self.client.seat: self.client.name} if self.client.seat else {}
        return observation.humans

    @property
    def seats(self) -> tuple[str, ...]:
        return (self.client.seat,) if self.client.seat else ()

    @property
    def to_act(self) -> Turn:
        if self.client.status == "stopped":
            return Turn("ended")
        return self._seen().to_act

    @property
    def ended(self) -> bool:
        return self._seen().ended

    @property
    def stopped(self) -> bool:
        """True when the teacher ended the game before it reached an ending."""
        return self.client.status == "stopped"

    @property
    def ending(self) -> Ending | None:
        return self._seen().ending

    @property
    def date(self) -> dt.date:
        return self._seen().date

    def observe(self, seat: str | None) -> Observation:
        if seat is not None and seat != self.client.seat:
            raise KeyError(f"this session holds {self.client.seat}'s seat, not {seat}'s")
        return self._seen()

    def seen(self, records: tuple[Record, ...], seat: str | None) -> tuple[Record, ...]:
        return records

    def act(self, action: Move) -> tuple[Record, ...]:
        if not isinstance(action, Action):
            raise IllegalAction("A student's client sends only its seat's acts.")
        return self._run(self.client.act(action))

    def take_back(self) -> Move | None:
        """Never: the host's log is shared by the whole table, so a move there is final."""
        return None

    def wait(self, timeout: float | None = None) -> tuple[Record, ...]:
        return self._run(self.client.wait(timeout))

    def wake(self) -> None:
        """Make a ``wait`` under way in another thread return soon (a move is to be sent)."""
        if not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self.client.changed.set)

    def scores(self) -> Mapping[str, RoleScore]:
        return self._seen().scores

    def close(self) -> None:
        """Leave the table (the seat stays this student's) and stop the client's thread."""
        if self._loop.is_closed():
            return
        with contextlib.suppress(Exception):  # best effort: the host notices the socket gone
            self._run(self.client.close(), timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
