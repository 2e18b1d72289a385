"""The seat tokens a student's machine keeps, so a client lands back in its seat.

A host gives a client a token when it takes a seat; the token is the only way to act for
that seat, so it is kept in the user's data folder (readable by the user alone), by host
address, join code and seat. Reconnecting after a dropped network, a closed laptop or a
restarted host uses it, and the student is back where they were.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

MAX_TOKENS_BYTES = 1024 * 1024


class SeatTokens:
    """A JSON file: ``"HOST:PORT CODE"`` -> seat -> {token, name, used}."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _read(self) -> dict[str, Any]:
        try:
            with self.path.open("rb") as handle:
                data = json.loads(handle.read(MAX_TOKENS_BYTES))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def find(self, table: str, seat: str | None) -> tuple[str, str, str] | None:
        """(seat, token, name) kept for ``table``: ``seat``'s, or the last used one."""
        seats = self._read().get(table)
        if not isinstance(seats, dict):
            return None
        entries = [
            (entry.get("used", 0), role, entry)
            for role, entry in seats.items()
            if isinstance(entry, dict) and isinstance(entry.get("token"), str)
        ]
        if seat is not None:
            entries = [entry for entry in entries if entry[1] == seat]
        if not entries:
            return None
        _, role, entry = max(entries, key=lambda entry: entry[0])
        return role, entry["token"], str(entry.get("name", ""))

    def keep(self, table: str, seat: str, token: str, name: str) -> None:
        data = self._read()
        seats = data.setdefault(table, {})
        seats[seat] = {"token": token, "name": name, "used": time.time()}
        self._write(data)

    def forget(self, table: str, seat: str) -> None:
        data = self._read()
        if seat in data.get(table, {}):
            del data[table][seat]
            self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        """Atomically, readable by the user alone; a failure loses only the convenience."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".seats-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
        except OSError:
            pass
