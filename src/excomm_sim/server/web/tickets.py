"""A browser's ticket to a table: the checked code, name and seat its game process joins with.

The landing page checks what a student typed and issues a ticket; the game page then runs
``excomm-sim join`` with the ticket's values as separate arguments, so nothing a student
types reaches a command line unchecked. Each ticket has its own folder, the process's user
data folder: its seat token is kept there, so reloading the tab (or a host restarted with
``--resume``) lands the student back in their seat, and two students on one host never
share a token. A ticket belongs to the browser that asked for it (a cookie): its address
copied to another device opens nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
import unicodedata
from pathlib import Path

from attrs import frozen

from excomm_sim.wire.protocol import MAX_NAME

TICKET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22}$")
"""What a ticket id looks like (``secrets.token_urlsafe(16)``); anything else is refused
before it comes near a path."""
MAX_TICKET_BYTES = 4096


@frozen
class Ticket:
    id: str
    code: str
    name: str
    seat: str | None
    browser: str
    """The sha256 of the browser's cookie that asked for it."""
    home: Path


def clean_name(typed: str) -> str:
    """A name as a table shows it: one line, no control characters, at most MAX_NAME
    characters; empty if nothing printable was typed."""
    kept = "".join(
        " " if char.isspace() else char
        for char in typed
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    return " ".join(kept.split())[:MAX_NAME].strip()


def browser_hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode("utf-8", "replace")).hexdigest()


class Tickets:
    """Tickets kept as folders under ``root`` (one JSON file each, written atomically)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def issue(self, code: str, name: str, seat: str | None, cookie: str) -> Ticket:
        ticket = Ticket(secrets.token_urlsafe(16), code, name, seat, browser_hash(cookie), Path())
        home = self.root / ticket.id
        home.mkdir(parents=True, mode=0o700)
        data = {"code": code, "name": name, "seat": seat, "browser": ticket.browser}
        fd, temp = tempfile.mkstemp(prefix=".ticket-", dir=home)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, home / "ticket.json")
        return Ticket(ticket.id, code, name, seat, ticket.browser, home)

    def find(self, ticket_id: str, cookie: str) -> Ticket | None:
        """The ticket ``ticket_id`` if this browser (``cookie``) holds it, else None."""
        if not TICKET_PATTERN.match(ticket_id) or not cookie:
            return None
        home = self.root / ticket_id
        try:
            with (home / "ticket.json").open("rb") as handle:
                data = json.loads(handle.read(MAX_TICKET_BYTES))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not secrets.compare_digest(
            str(data.get("browser", "")), browser_hash(cookie)
        ):
            return None
        seat = data.get("seat")
        return Ticket(
            ticket_id,
            str(data.get("code", "")),
            str(data.get("name", "")),
            seat if isinstance(seat, str) else None,
            str(data["browser"]),
            home,
        )
