"""A client's connection as the host keeps it, and the frames that tell it how things stand.

The host never waits on a client: each ``Connection`` has an outbox that a task of the web
layer drains into its socket, so a slow or stalled student cannot hold up a table (one
whose outbox overflows is closed, and reconnects afresh). ``update_frames`` writes what a
connection is sent after any change: its seat's observation from ``engine.observe``, with
the log and timeline as changes to the last ones that connection was sent
(``wire.codec``), and, when the seat's view of the scenario changes (at the end), the new
view first.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any

from excomm_sim.server.table import Table
from excomm_sim.wire import codec
from excomm_sim.wire.protocol import frame
from excomm_sim.wire.views import SeatViews

MAX_OUTBOX = 2000
"""Frames waiting for one client before the host gives up on it (a stalled socket)."""


class Connection:
    """One client's socket, as the classroom sees it: where it sits and what it was sent."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.outbox: asyncio.Queue[str | None] = asyncio.Queue()
        self.close_code = 1000
        self.close_reason = ""
        self.table: Table | None = None
        self.seat: str | None = None
        self.view: tuple[str | None, bool] | None = None
        self.sent_log: list[int] = []
        self.sent_timeline: tuple[Mapping[str, Any], ...] = ()
        self.closed = False
        self.allowance = FLOOD_BURST
        self.checked = time.monotonic()

    def send(self, text: str) -> None:
        if self.closed:
            return
        if self.outbox.qsize() >= MAX_OUTBOX:
            self.close(1013, "too far behind")
            return
        self.outbox.put_nowait(text)

    def close(self, code: int = 1000, reason: str = "") -> None:
        """Stop sending (after what is queued) and close the socket."""
        if self.closed:
            return
        self.closed = True
        self.close_code, self.close_reason = code, reason
        self.outbox.put_nowait(None)

    def reset(self) -> None:
        """Forget what was sent (a new seat, or the connection sat down afresh)."""
        self.sent_log = []
        self.sent_timeline = ()
        self.view = None

    def allowed(self) -> bool:
        """Token bucket: FLOOD_RATE frames a second, bursts of FLOOD_BURST."""
        now = time.monotonic()
        self.allowance = min(FLOOD_BURST, self.allowance + (now - self.checked) * FLOOD_RATE)
        self.checked = now
        if self.allowance < 1:
            return False
        self.allowance -= 1
        return True


FLOOD_RATE = 20.0
FLOOD_BURST = 60.0


def seat_list(table: Table, present: set[str]) -> list[dict[str, Any]]:
    """Every seat of ``table``: its role, and who holds it and whether they are here."""
    return [
        {
            "role": role.id,
            "name": role.name,
            "title": role.title,
            "player": table.holders[role.id].player if role.id in table.holders else None,
            "connected": role.id in present,
        }
        for role in table.scenario.roles
    ]


def update_frames(
    table: Table,
    connection: Connection,
    views: SeatViews,
    present: set[str],
    timer: float | None,
) -> list[str]:
    """The frames that bring ``connection`` up to date with ``table``."""
    frames = []
    observation = None
    seat = connection.seat
    if table.state is not None and seat is not None:
        view = (seat, table.ended)
        if connection.view != view:
            frames.append(frame("scenario", scenario=views.text(*view)))
            connection.view = view
        seen = table.observation(seat)
        assert seen is not None
        indexes = [table.index[id(record)] for record in seen.log]
        keep = codec.delta(connection.sent_log, indexes, int.__eq__)
        log = {"keep": keep, "add": [table.encoded[i] for i in indexes[keep:]]}
        connection.sent_log = indexes
        timeline = seen.timeline
        kept = codec.delta(connection.sent_timeline, timeline, _same_point)
        connection.sent_timeline = timeline
        observation = codec.encode_observation(seen, log, (kept, timeline[kept:]))
    frames.append(
        frame(
            "update",
            revision=table.revision,
            status=table.status,
            paused=table.paused,
            timer=None if timer is None else round(timer, 1),
            seats=seat_list(table, present),
            observation=observation,
        )
    )
    return frames


def _same_point(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return a == b
