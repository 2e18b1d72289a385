"""What the teacher sees of a table: seats, the item, whom it waits for, the meters.

The same overview serves the teacher's HTTP API and the teacher console. It shows the
public view of the game (``engine.observe`` with no seat): the teacher runs the room, and
sees hidden values and private briefings only where every player does, in the debrief.
"""

from __future__ import annotations

from typing import Any

from excomm_sim.server.table import Table
from excomm_sim.server.updates import seat_list


def overview(table: Table, present: set[str], timer_left: float | None) -> dict[str, Any]:
    seen = table.observation(None)
    item = None
    values: dict[str, Any] = {}
    ending = None
    if seen is not None:
        values = dict(seen.values)
        if seen.item is not None:
            item = {
                "decision": seen.item.decision.id,
                "title": seen.item.decision.title,
                "number": seen.item.number,
            }
        ending = seen.ending.id if seen.ending is not None else None
    seats = seat_list(table, present)
    for seat in seats:
        seat["computer"] = table.state is None or seat["role"] not in table.state.humans
    return {
        "number": table.number,
        "code": table.code,
        "status": table.status,
        "paused": table.paused,
        "timer": table.timer,
        "timer_left": None if timer_left is None else round(timer_left, 1),
        "revision": table.revision,
        "seats": seats,
        "item": item,
        "waiting_for": table.waiting_for(),
        "values": values,
        "ending": ending,
        "saved_as": table.saved_as,
    }
