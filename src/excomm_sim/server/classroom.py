"""A lesson on the host: its tables, who is connected to each, and the one road for moves.

The ``Classroom`` is the host's authority. Every move, whoever makes it, is checked by the
kernel (``Table.plan``), written to the store and only then committed and shown to every
seat as its own observation (``apply``, ``publish``): a student's act (``server.students``),
a seat changing hands, the computer answering for a person whose time ran out (the item
timer, here), an event the teacher injects (``server.teacher``). It is free of aiohttp: the
web layer (``server.app``) hands its two sides checked messages and ``Connection``
objects, and the teacher console will call them directly.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import evolve, frozen

from excomm_sim.engine.moves import Action, IllegalAction, Inject, LeaveSeat, Move
from excomm_sim.server.saving import save_game
from excomm_sim.server.store import AppendMove, Change, StoreError, TableStatus
from excomm_sim.server.table import ENDED, SEATING, Table
from excomm_sim.server.updates import Connection, update_frames
from excomm_sim.server.writer import Writer
from excomm_sim.wire.protocol import frame
from excomm_sim.wire.views import SeatViews


class Refusal(Exception):
    """A request the classroom turns down; ``code`` is the error frame's code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@frozen
class Event:
    """Something that happened, for the host's log and the teacher console."""

    table: int | None
    kind: str
    text: str


@frozen
class Settings:
    grace: float
    """Seconds a student may be away before the computer takes their seat."""
    class_dir: Path
    """Where finished games are saved."""


class Classroom:
    """Every table of one lesson (see the module docstring)."""

    def __init__(
        self,
        lesson: str,
        tables: list[Table],
        views: SeatViews,
        writer: Writer,
        settings: Settings,
        scenario_path: str,
        started: str,
    ) -> None:
        self.lesson = lesson
        self.tables = {table.number: table for table in tables}
        self.by_code = {table.code: table for table in tables}
        self.views = views
        self.writer = writer
        self.settings = settings
        self.scenario_path = scenario_path
        self.started = started
        self.connections: dict[int, set[Connection]] = {n: set() for n in self.tables}
        self.locks = {n: asyncio.Lock() for n in self.tables}
        self.timers = {n: _Timer() for n in self.tables}
        self.grace: dict[tuple[int, str], asyncio.TimerHandle] = {}
        self.listeners: list[Callable[[Event], None]] = []
        self._saving = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()

    # -- events ----------------------------------------------------------------------------

    def tell(self, table: int | None, kind: str, text: str) -> None:
        event = Event(table, kind, text)
        for listener in self.listeners:
            listener(event)

    def present(self, table: Table) -> set[str]:
        return {c.seat for c in self.connections[table.number] if c.seat is not None}

    def attach(self, connection: Connection, table: Table, seat: str | None) -> None:
        connection.table = table
        connection.seat = seat
        connection.reset()
        self.connections[table.number].add(connection)

    def detach(self, connection: Connection) -> None:
        if connection.table is not None:
            self.connections[connection.table.number].discard(connection)

    # -- moves -----------------------------------------------------------------------------

    def check_playing(self, table: Table) -> None:
        if table.status == SEATING:
            raise Refusal("not_started", f"the game at table {table.number} has not started yet")
        if table.ended:
            raise Refusal("game_over", f"the game at table {table.number} is over")
        if table.paused:
            raise Refusal("paused", "the teacher has paused the game; wait for them to resume it")

    async def apply(self, table: Table, move: Move, source: str) -> None:
        """Plan, store, commit (caller holds the table's lock); Refusal if refused."""
        try:
            state, _records = table.plan(move)
        except IllegalAction as error:
            raise Refusal("illegal", error.message) from None
        changes: list[Change] = [
            AppendMove(self.lesson, table.number, table.revision, table.move_json(move), source)
        ]
        if state.ended:
            changes.append(self.status_row(table, status=ENDED))
        await self.write(changes)
        table.commit(move, source, state)
        line = _move_line(table, move, source)
        if line:
            self.tell(table.number, "move", f"{line}; next: {table.waiting_for()}")
        if table.status == ENDED:
            ending = table.autopilot.rules.ending(state)
            self.tell(table.number, "ended", f"the game ended: {ending.title if ending else '?'}")
            self.spawn(self.save(table))

    async def write(self, changes: list[Change]) -> None:
        try:
            await self.writer.write(changes)
        except StoreError as error:
            self.tell(None, "store", f"could not record: {error}")
            raise Refusal("store", f"the host could not record that ({error}); try again") from None

    def status_row(self, table: Table, **override: Any) -> TableStatus:
        """The table's status row as it is, with ``override``'s fields changed."""
        now = TableStatus(
            self.lesson,
            table.number,
            table.status,
            table.paused,
            table.timer,
            table.humans_json(),
            table.saved_as,
        )
        return evolve(now, **override)

    async def save(self, table: Table) -> None:
        """Write a finished (or stopped) game to the class folder as an ordinary save."""
        async with self._saving:
            if table.saved_as or table.state is None:
                return
            try:
                path = await asyncio.to_thread(
                    save_game, table, self.settings.class_dir, self.scenario_path, self.started
                )
            except OSError as error:
                self.tell(table.number, "save", f"could not save the game: {error}")
                return
            async with self.locks[table.number]:
                table.saved_as = str(path)
                with contextlib.suppress(Refusal):
                    await self.write([self.status_row(table)])
            self.tell(table.number, "saved", f"the game is saved in {path}")

    def resave(self, table: Table) -> None:
        """Save a finished game whose save was not written (the host stopped first)."""
        self.spawn(self.save(table))

    # -- after every change ---------------------------------------------------------------

    def publish(self, table: Table) -> None:
        """Arm the table's timer for what it waits on now, and tell every client."""
        self._arm(table)
        present = self.present(table)
        left = self.timers[table.number].left()
        for connection in list(self.connections[table.number]):
            for text in update_frames(table, connection, self.views, present, left):
                connection.send(text)

    def notify(self, table: Table, text: str, seat: str | None = None) -> None:
        """A line for the students at ``table`` (only ``seat``'s, if given)."""
        for connection in self.connections[table.number]:
            if seat is None or connection.seat == seat:
                connection.send(frame("notice", text=text))

    def _arm(self, table: Table) -> None:
        timer = self.timers[table.number]
        key = table.item_key()
        if key is None or table.timer is None:
            timer.cancel()
            timer.key = None
            return
        loop = asyncio.get_running_loop()
        if table.paused:
            timer.pause(loop.time())
            return
        if key != timer.key:
            timer.key = key
            timer.remaining = table.timer
        if timer.handle is None:
            timer.deadline = loop.time() + timer.remaining
            timer.handle = loop.call_later(
                timer.remaining, lambda: self.spawn(self._time_up(table, key))
            )

    async def _time_up(self, table: Table, key: tuple[int, str | None]) -> None:
        """The computer acts for every person who has not, on the item whose time ran out."""
        async with self.locks[table.number]:
            timer = self.timers[table.number]
            timer.handle = None
            while table.item_key() == key and not table.paused:
                move = table.standin_move()
                if move is None:
                    break
                player = (
                    table.holders[move.role].player if move.role in table.holders else move.role
                )
                try:
                    await self.apply(table, move, "timer")
                except Refusal as refusal:
                    self.tell(table.number, "timer", f"the timer could not act: {refusal.message}")
                    break
                label = table.scenario.decision(key[1] or "").option(move.option).label
                self.notify(
                    table, f"Time ran out: the computer chose “{label}” for you.", move.role
                )
                self.tell(table.number, "timer", f"time ran out; the computer acted for {player}")
            self.publish(table)

    def spawn(self, work: Any) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- the tables --------------------------------------------------------------------

    def table(self, number: int) -> Table:
        table = self.tables.get(number)
        if table is None:
            raise Refusal("not_found", f"there is no table {number} (tables 1-{len(self.tables)})")
        return table

    # -- shutting down ---------------------------------------------------------------------

    async def close(self) -> None:
        for timer in self.timers.values():
            timer.cancel()
        for handle in self.grace.values():
            handle.cancel()
        for task in list(self._tasks):
            task.cancel()
        for connections in self.connections.values():
            for connection in list(connections):
                connection.close(1001, "the host is shutting down")


class _Timer:
    """One table's item timer: which item, when it runs out, what is left while paused."""

    def __init__(self) -> None:
        self.key: tuple[int, str | None] | None = None
        self.deadline = 0.0
        self.remaining = 0.0
        self.handle: asyncio.TimerHandle | None = None

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None

    def pause(self, now: float) -> None:
        if self.handle is not None:
            self.remaining = max(0.0, self.deadline - now)
            self.cancel()

    def left(self) -> float | None:
        if self.key is None:
            return None
        if self.handle is None:
            return self.remaining
        return max(0.0, self.deadline - asyncio.get_running_loop().time())


def _move_line(table: Table, move: Move, source: str) -> str:
    """A committed move in the host's log ("" for a seat taken: that has its own line)."""
    if isinstance(move, Action):
        holder = table.holders.get(move.role)
        who = f"{holder.player} ({move.role})" if holder else move.role
        late = " (time ran out: the computer chose)" if source == "timer" else ""
        return f"{who} chose {move.option!r}{late}"
    if isinstance(move, Inject):
        return f"the teacher injected {move.event!r}"
    if isinstance(move, LeaveSeat):
        why = "away past the grace period" if source == "grace" else "the seat was freed"
        return f"the computer plays {seat_words(table, move.role)} now ({why})"
    return ""


def seat_words(table: Table, role: str) -> str:
    """A seat in a sentence: "John F. Kennedy's seat (president)"."""
    return f"{table.scenario.role(role).name}'s seat ({role})"


def error_text(code: str, message: str) -> str:
    return frame("error", code=code, message=message)


def humans_json(humans: dict[str, str]) -> str:
    import json

    return json.dumps(humans, sort_keys=True)


def server_name() -> str:
    from excomm_sim import __version__

    return f"excomm-sim {__version__}"


def utc_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
