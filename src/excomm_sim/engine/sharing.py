"""One table of immutable records shared between games, so thousands of games are cheap.

Records are frozen values: two games that reach the same record can hold the same
object. The turn loop looks a record up by a key of plain values before building it, which
costs far less than building an attrs instance. Results never depend on the table: it is
emptied when it grows past ``SHARED_LIMIT`` entries, and everything is rebuilt on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

SHARED_LIMIT = 200_000
"""Most entries kept before the table is emptied (bounded memory)."""

T = TypeVar("T")


class SharedRecords(dict[tuple[object, ...], Any]):
    """Key -> record (or tuple of records). A dict, so lookups stay at C speed."""

    def make(self, cls: Callable[..., T], *fields: object) -> T:
        """``cls(*fields)``, reusing an equal one made before (the key is the fields)."""
        key = (cls, *fields)
        record = self.get(key)
        if record is None:
            if len(self) >= SHARED_LIMIT:
                self.clear()
            record = self[key] = cls(*fields)
        return record

    def keyed(
        self, key: tuple[object, ...], cls: Callable[..., T], fields: tuple[object, ...]
    ) -> T:
        """Like ``make`` under a cheaper ``key`` that determines ``fields`` (rows by id)."""
        record = self.get(key)
        if record is None:
            if len(self) >= SHARED_LIMIT:
                self.clear()
            record = self[key] = cls(*fields)
        return record
