"""A table's overview (``server.overview``'s plain data) in the console's words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Overview = Mapping[str, Any]


def clock(seconds: float) -> str:
    """134.0 -> '2:14'."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def status_text(table: Overview) -> str:
    """'playing', 'paused', 'playing · 2:14 left', 'ended', 'stopped' or 'seating'."""
    status = str(table["status"])
    if table["paused"] and status == "playing":
        status = "paused"
    left = table.get("timer_left")
    if left is not None and status == "playing":
        status += f" · {clock(left)} left"
    return status


def item_text(table: Overview) -> str:
    item = table.get("item")
    if item is None:
        return "—" if table.get("ending") is None else f"ended ({table['ending']})"
    return f"{item['number']}. {item['title']}"


def table_row(table: Overview) -> tuple[str, str, str, str, str]:
    """The tables list's row: number, code, status, item, whom it waits for."""
    return (
        str(table["number"]),
        str(table["code"]),
        status_text(table),
        item_text(table),
        waiting_text(table),
    )


def waiting_text(table: Overview) -> str:
    """Whom the table waits for, without the item (its own column names it)."""
    text = str(table["waiting_for"])
    item = table.get("item")
    if item is not None and text.endswith(f" on {item['decision']}"):
        return text[: -len(f" on {item['decision']}")]
    return text


def seat_lines(table: Overview) -> list[str]:
    """One line a seat: '● Ann — John F. Kennedy', '○ Bo (away) — …', '  free — …'
    (seating) or '  computer — …'."""
    lines = []
    for seat in table["seats"]:
        player = seat.get("player")
        if player is None:
            who = "free" if table["status"] == "seating" else "computer"
            lines.append(f"  {who} — {seat['name']}")
        elif seat.get("connected"):
            lines.append(f"● {player} — {seat['name']}")
        else:
            lines.append(f"○ {player} (away) — {seat['name']}")
    return lines


def held_seats(table: Overview) -> list[tuple[str, str]]:
    """The seats a student holds: (role, 'Ann — John F. Kennedy'), for "free a seat"."""
    return [
        (str(seat["role"]), f"{seat['player']} — {seat['name']}")
        for seat in table["seats"]
        if seat.get("player") is not None
    ]


def timer_text(table: Overview) -> str:
    timer = table.get("timer")
    return "no timer" if timer is None else f"timer {clock(timer)} an item"
