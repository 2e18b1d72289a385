"""The host's durable record: lessons, tables, seats and each table's append-only move log.

``Store`` is the whole interface the host needs, small on purpose so that another database
(PostgreSQL, for a school-wide host) can stand in for SQLite: ``write`` applies a batch of
changes in one transaction, ``latest_lesson`` reads a lesson back for ``--resume``. A move
is only ever appended, at the index it must have; writing an index twice is refused, so a
move can never be recorded twice nor two moves share a place.

``SqliteStore`` keeps it in one SQLite file in the host's data folder, in WAL mode with
``synchronous=FULL``: a transaction is on the disk when ``write`` returns, so a move the
host has acknowledged survives ``kill -9`` and a power cut alike.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from attrs import frozen

SCHEMA_VERSION = 1


@frozen
class NewLesson:
    lesson: str
    """A unique id (the host makes it from the clock and ``secrets``)."""
    created: str
    scenario_text: str
    """The scenario file's text, kept so a resumed lesson plays the very same rules."""
    scenario_path: str
    teacher_key: str
    settings: str
    """JSON: port, lan, grace, timer, class folder (what ``--resume`` restores)."""


@frozen
class NewTable:
    lesson: str
    number: int
    code: str
    seed: int


@frozen
class TableStatus:
    """A table's status changed: ``status``, ``paused``, ``timer`` (seconds or None),
    ``humans`` (the people seated when the game started, JSON), ``saved_as``."""

    lesson: str
    number: int
    status: str
    paused: bool
    timer: float | None
    humans: str
    saved_as: str


@frozen
class PutSeat:
    """Someone holds ``role``'s seat, with the token whose hash is ``token_hash``."""

    lesson: str
    number: int
    role: str
    player: str
    token_hash: str


@frozen
class DropSeat:
    lesson: str
    number: int
    role: str


@frozen
class AppendMove:
    lesson: str
    number: int
    index: int
    """The move's place in the table's log, from 0; each index is written once."""
    move: str
    """The move as the JSON object a save holds (``saves.moves.to_data``)."""
    source: str
    """Who made it: "seat", "timer", "grace", "teacher"."""


Change = NewLesson | NewTable | TableStatus | PutSeat | DropSeat | AppendMove


@frozen
class SeatRow:
    role: str
    player: str
    token_hash: str


@frozen
class TableRow:
    number: int
    code: str
    seed: int
    status: str
    paused: bool
    timer: float | None
    humans: str
    saved_as: str
    seats: tuple[SeatRow, ...]
    moves: tuple[tuple[str, str], ...]
    """(move JSON, source), in order."""


@frozen
class LessonRow:
    lesson: str
    created: str
    scenario_text: str
    scenario_path: str
    teacher_key: str
    settings: str
    tables: tuple[TableRow, ...]


class StoreError(Exception):
    """The store could not record or read something; the message says what."""


class Store(Protocol):
    """What the host asks of its database."""

    def write(self, changes: Sequence[Change]) -> None:
        """Apply ``changes`` in one transaction, durably; StoreError if it cannot."""

    def latest_lesson(self) -> LessonRow | None:
        """The most recent lesson, whole, or None."""

    def close(self) -> None: ...


_SCHEMA = """
create table if not exists meta (key text primary key, value text not null);
create table if not exists lessons (
    lesson text primary key, created text not null, scenario_text text not null,
    scenario_path text not null, teacher_key text not null, settings text not null);
create table if not exists tables (
    lesson text not null references lessons(lesson), number integer not null,
    code text not null, seed integer not null, status text not null default 'seating',
    paused integer not null default 0, timer real, humans text not null default '{}',
    saved_as text not null default '', primary key (lesson, number));
create table if not exists seats (
    lesson text not null, number integer not null, role text not null,
    player text not null, token_hash text not null, primary key (lesson, number, role));
create table if not exists moves (
    lesson text not null, number integer not null, idx integer not null,
    move text not null, source text not null, primary key (lesson, number, idx));
"""


class SqliteStore:
    """``Store`` in one SQLite file (WAL, synchronous=FULL). Use it from one thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("pragma journal_mode=wal")
            self.db.execute("pragma synchronous=full")
            self.db.execute("pragma busy_timeout=5000")
            self.db.executescript(_SCHEMA)
            row = self.db.execute("select value from meta where key='schema'").fetchone()
            if row is None:
                self.db.execute("insert into meta values ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                raise StoreError(
                    f"{self.path} was written by another version of excomm-sim "
                    f"(schema {row[0]}, this one reads {SCHEMA_VERSION})"
                )
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the host's store {self.path}: {error}") from None

    def write(self, changes: Sequence[Change]) -> None:
        try:
            self.db.execute("begin immediate")
            try:
                for change in changes:
                    self._apply(change)
            except BaseException:
                self.db.execute("rollback")
                raise
            self.db.execute("commit")
        except sqlite3.IntegrityError as error:
            raise StoreError(f"refused by the store: {error}") from None
        except sqlite3.Error as error:
            raise StoreError(f"the store could not record it: {error}") from None

    def _apply(self, change: Change) -> None:
        db = self.db
        if isinstance(change, AppendMove):
            db.execute(
                "insert into moves values (?, ?, ?, ?, ?)",
                (change.lesson, change.number, change.index, change.move, change.source),
            )
        elif isinstance(change, TableStatus):
            db.execute(
                "update tables set status=?, paused=?, timer=?, humans=?, saved_as=? "
                "where lesson=? and number=?",
                (
                    change.status,
                    int(change.paused),
                    change.timer,
                    change.humans,
                    change.saved_as,
                    change.lesson,
                    change.number,
                ),
            )
        elif isinstance(change, PutSeat):
            db.execute(
                "insert or replace into seats values (?, ?, ?, ?, ?)",
                (change.lesson, change.number, change.role, change.player, change.token_hash),
            )
        elif isinstance(change, DropSeat):
            db.execute(
                "delete from seats where lesson=? and number=? and role=?",
                (change.lesson, change.number, change.role),
            )
        elif isinstance(change, NewTable):
            db.execute(
                "insert into tables (lesson, number, code, seed) values (?, ?, ?, ?)",
                (change.lesson, change.number, change.code, change.seed),
            )
        else:
            db.execute(
                "insert into lessons values (?, ?, ?, ?, ?, ?)",
                (
                    change.lesson,
                    change.created,
                    change.scenario_text,
                    change.scenario_path,
                    change.teacher_key,
                    change.settings,
                ),
            )

    def latest_lesson(self) -> LessonRow | None:
        try:
            return self._latest()
        except sqlite3.Error as error:
            raise StoreError(f"cannot read the host's store {self.path}: {error}") from None

    def _latest(self) -> LessonRow | None:
        db = self.db
        row = db.execute(
            "select * from lessons order by created desc, rowid desc limit 1"
        ).fetchone()
        if row is None:
            return None
        lesson = row[0]
        tables = []
        for number, code, seed, status, paused, timer, humans, saved_as in db.execute(
            "select number, code, seed, status, paused, timer, humans, saved_as from tables "
            "where lesson=? order by number",
            (lesson,),
        ).fetchall():
            seats = tuple(
                SeatRow(*seat)
                for seat in db.execute(
                    "select role, player, token_hash from seats where lesson=? and number=? "
                    "order by role",
                    (lesson, number),
                )
            )
            moves = tuple(
                (move, source)
                for move, source in db.execute(
                    "select move, source from moves where lesson=? and number=? order by idx",
                    (lesson, number),
                )
            )
            tables.append(
                TableRow(
                    number, code, seed, status, bool(paused), timer, humans, saved_as, seats, moves
                )
            )
        return LessonRow(row[0], row[1], row[2], row[3], row[4], row[5], tuple(tables))

    def close(self) -> None:
        self.db.close()


def settings_json(settings: dict[str, Any]) -> str:
    return json.dumps(settings, sort_keys=True)
