"""A lesson on the host: its tables, the students at them, and everything that moves a game.

The ``Classroom`` is the host's authority. A student's move is checked by the kernel
(``Table.plan``), written to the store and only then committed, acknowledged and shown to
every seat as its own observation. The same road serves the moves nobody typed: a seat
changing hands (a student sits down, is away past the grace period, comes back), the
computer answering for a person whose time ran out, an event the teacher injects. The
class is free of aiohttp: the web layer (``server.app``) hands it checked messages and
``Connection`` objects, and the teacher console will call it directly.
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
from excomm_sim.server.credentials import seat_token, token_hash
from excomm_sim.server.saving import save_game
from excomm_sim.server.store import AppendMove, Change, DropSeat, PutSeat, StoreError, TableStatus
from excomm_sim.server.table import ENDED, PLAYING, SEATING, STOPPED, Holder, Table
from excomm_sim.server.updates import Connection, seat_list, update_frames
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

    # -- students ------------------------------------------------------------------------

    def table_for(self, code: str) -> Table:
        table = self.by_code.get(code)
        if table is None:
            raise Refusal(
                "bad_code", f"no table here has the code {code}; check it with your teacher"
            )
        return table

    def present(self, table: Table) -> set[str]:
        return {c.seat for c in self.connections[table.number] if c.seat is not None}

    async def hello(self, connection: Connection, code: str, token: str | None) -> None:
        """A client arrives at a table: back in its seat (``token``) or in the lobby."""
        table = self.table_for(code)
        if token is None:
            free = [r.id for r in table.scenario.roles if r.id not in table.holders]
            if not free and not table.ended:
                raise Refusal("table_full", f"every seat at table {table.number} is taken")
            self._attach(connection, table, None)
            connection.send(
                frame(
                    "welcome",
                    table=table.number,
                    title=table.scenario.title,
                    status=table.status,
                    seats=seat_list(table, self.present(table)),
                    server=_server_name(),
                )
            )
            return
        digest = token_hash(token)
        role = next((r for r, h in table.holders.items() if h.token_hash == digest), None)
        if role is None:
            raise Refusal("bad_token", f"that seat token is not valid at table {table.number}")
        async with self.locks[table.number]:
            for other in list(self.connections[table.number]):
                if other.seat == role and other is not connection:
                    other.send(_error("replaced", "your seat was opened on another connection"))
                    other.close(4001, "replaced")
                    self._detach(other)
            self._attach(connection, table, role)
            self._seated(connection, table, role, token)
            self.tell(
                table.number,
                "seat",
                f"{table.holders[role].player} is back in {_seat(table, role)}",
            )
            await self._presence(table, role)
            self._publish(table)

    async def sit(self, connection: Connection, seat: str, name: str) -> None:
        """A client in a table's lobby takes a free seat."""
        table = connection.table
        if table is None:
            raise Refusal("not_seated", "say hello with your table's code first")
        if connection.seat is not None:
            raise Refusal("already_seated", f"you already hold {connection.seat}'s seat")
        roles = [role.id for role in table.scenario.roles]
        if seat not in roles:
            raise Refusal("no_seat", f"there is no seat {seat!r}; seats are: {', '.join(roles)}")
        name = " ".join(name.split())
        async with self.locks[table.number]:
            holder = table.holders.get(seat)
            if holder is not None:
                raise Refusal("seat_taken", f"{_seat(table, seat)} is taken by {holder.player}")
            if table.ended:
                raise Refusal("game_over", f"the game at table {table.number} is over")
            token = seat_token()
            put = PutSeat(self.lesson, table.number, seat, name, token_hash(token))
            await self._write([put])
            table.holders[seat] = Holder(name, put.token_hash)
            connection.seat = seat
            connection.reset()
            self._seated(connection, table, seat, token)
            self.tell(table.number, "seat", f"{name} took {_seat(table, seat)}")
            await self._presence(table, seat)
            self._publish(table)

    def _seated(self, connection: Connection, table: Table, seat: str, token: str) -> None:
        view = (seat, table.ended)
        connection.view = view
        connection.send(
            frame(
                "seated",
                table=table.number,
                seat=seat,
                name=table.holders[seat].player,
                token=token,
                scenario=self.views.text(*view),
            )
        )

    async def act(self, connection: Connection, message: dict[str, Any]) -> None:
        """A student's move for their own seat; acknowledged once it is on the disk."""
        table, seat = connection.table, connection.seat
        if table is None or seat is None:
            raise Refusal("not_seated", "take a seat before you act")
        data = message["move"]
        if data["role"] != seat:
            raise Refusal(
                "not_your_seat", f"you hold {seat}'s seat; you cannot act for {data['role']}"
            )
        async with self.locks[table.number]:
            self._check_playing(table)
            state = table.state
            assert state is not None
            if (state.turn + 1, state.current) != (message["turn"], message["decision"]):
                raise Refusal(
                    "stale",
                    "the game moved on before your move arrived; look again at the table",
                )
            turn = table.autopilot.rules.to_act(state)
            argument = data.get("argument", "").strip()
            if argument and turn.kind != "recommend":
                raise Refusal("illegal", "only a recommendation carries an argument")
            move = Action(seat, data["option"], argument)
            await self._apply(table, move, "seat")
            self._publish(table)
            connection.send(frame("ack", seq=message["seq"], revision=table.revision))

    async def disconnected(self, connection: Connection) -> None:
        table, seat = connection.table, connection.seat
        self._detach(connection)
        if table is None or seat is None:
            return
        async with self.locks[table.number]:
            if seat not in self.present(table):
                holder = table.holders.get(seat)
                who = holder.player if holder is not None else "someone"
                self.tell(table.number, "seat", f"{who} left {_seat(table, seat)}")
                await self._presence(table, seat)
                self._publish(table)

    def _attach(self, connection: Connection, table: Table, seat: str | None) -> None:
        connection.table = table
        connection.seat = seat
        connection.reset()
        self.connections[table.number].add(connection)

    def _detach(self, connection: Connection) -> None:
        if connection.table is not None:
            self.connections[connection.table.number].discard(connection)

    async def _presence(self, table: Table, role: str) -> None:
        """The game follows whether ``role``'s holder is here (caller holds the lock)."""
        key = (table.number, role)
        present = role in self.present(table)
        handle = self.grace.pop(key, None)
        if handle is not None:
            handle.cancel()
        if present:
            move = table.seat_move(role, True)
            if move is not None:
                await self._apply(table, move, "seat")
            return
        if table.seat_move(role, False) is not None:
            loop = asyncio.get_running_loop()
            self.grace[key] = loop.call_later(
                self.settings.grace, lambda: self._spawn(self._grace_over(table, role))
            )

    async def _grace_over(self, table: Table, role: str) -> None:
        async with self.locks[table.number]:
            self.grace.pop((table.number, role), None)
            if role in self.present(table):
                return
            move = table.seat_move(role, False)
            if move is not None:
                await self._apply(table, move, "grace")
                self._publish(table)

    # -- moves -----------------------------------------------------------------------------

    def _check_playing(self, table: Table) -> None:
        if table.status == SEATING:
            raise Refusal("not_started", f"the game at table {table.number} has not started yet")
        if table.ended:
            raise Refusal("game_over", f"the game at table {table.number} is over")
        if table.paused:
            raise Refusal("paused", "the teacher has paused the game; wait for them to resume it")

    async def _apply(self, table: Table, move: Move, source: str) -> None:
        """Plan, store, commit (caller holds the table's lock); Refusal if refused."""
        try:
            state, _records = table.plan(move)
        except IllegalAction as error:
            raise Refusal("illegal", error.message) from None
        changes: list[Change] = [
            AppendMove(self.lesson, table.number, table.revision, table.move_json(move), source)
        ]
        if state.ended:
            changes.append(self._status(table, status=ENDED))
        await self._write(changes)
        table.commit(move, source, state)
        line = _move_line(table, move, source)
        if line:
            self.tell(table.number, "move", f"{line}; next: {table.waiting_for()}")
        if table.status == ENDED:
            ending = table.autopilot.rules.ending(state)
            self.tell(table.number, "ended", f"the game ended: {ending.title if ending else '?'}")
            self._spawn(self._save(table))

    async def _write(self, changes: list[Change]) -> None:
        try:
            await self.writer.write(changes)
        except StoreError as error:
            self.tell(None, "store", f"could not record: {error}")
            raise Refusal("store", f"the host could not record that ({error}); try again") from None

    def _status(self, table: Table, **override: Any) -> TableStatus:
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

    async def _save(self, table: Table) -> None:
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
                    await self._write([self._status(table)])
            self.tell(table.number, "saved", f"the game is saved in {path}")

    def resave(self, table: Table) -> None:
        """Save a finished game whose save was not written (the host stopped first)."""
        self._spawn(self._save(table))

    # -- after every change ---------------------------------------------------------------

    def _publish(self, table: Table) -> None:
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
                timer.remaining, lambda: self._spawn(self._time_up(table, key))
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
                    await self._apply(table, move, "timer")
                except Refusal as refusal:
                    self.tell(table.number, "timer", f"the timer could not act: {refusal.message}")
                    break
                label = table.scenario.decision(key[1] or "").option(move.option).label
                self.notify(
                    table, f"Time ran out: the computer chose “{label}” for you.", move.role
                )
                self.tell(table.number, "timer", f"time ran out; the computer acted for {player}")
            self._publish(table)

    def _spawn(self, work: Any) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- the teacher ---------------------------------------------------------------------

    def table(self, number: int) -> Table:
        table = self.tables.get(number)
        if table is None:
            raise Refusal("not_found", f"there is no table {number} (tables 1-{len(self.tables)})")
        return table

    async def start(self, number: int) -> None:
        table = self.table(number)
        async with self.locks[number]:
            if table.status != SEATING:
                raise Refusal("illegal", f"table {number}'s game has already started")
            state, humans = table.plan_start(self.present(table))
            status = ENDED if state.ended else PLAYING
            await self._write([self._status(table, status=status, humans=_json(humans))])
            table.begin(state, humans)
            people = ", ".join(f"{name} ({role})" for role, name in humans.items()) or "nobody"
            self.tell(number, "start", f"the game started with {people}")
            self._publish(table)

    async def pause(self, number: int, paused: bool) -> None:
        table = self.table(number)
        async with self.locks[number]:
            if table.status != PLAYING:
                raise Refusal("illegal", f"table {number} is not playing ({table.status})")
            if table.paused == paused:
                return
            await self._write([self._status(table, paused=paused)])
            table.paused = paused
            word = "paused" if paused else "resumed"
            self.tell(number, "pause", f"the teacher {word} the game")
            self.notify(table, f"The teacher {word} the game.")
            self._publish(table)

    async def set_timer(self, number: int, seconds: float | None) -> None:
        table = self.table(number)
        async with self.locks[number]:
            await self._write([self._status(table, timer=seconds)])
            table.timer = seconds
            timer = self.timers[number]
            timer.cancel()
            timer.key = None
            shown = "cleared" if seconds is None else f"set to {seconds:g} s an item"
            self.tell(number, "timer", f"the timer was {shown}")
            self._publish(table)

    async def free(self, number: int, role: str) -> None:
        table = self.table(number)
        async with self.locks[number]:
            holder = table.holders.get(role)
            if holder is None:
                raise Refusal("no_seat", f"nobody holds {role}'s seat at table {number}")
            changes: list[Change] = [DropSeat(self.lesson, number, role)]
            await self._write(changes)
            del table.holders[role]
            for connection in list(self.connections[number]):
                if connection.seat == role:
                    connection.send(_error("freed", "the teacher freed your seat"))
                    connection.close(4002, "freed")
                    self._detach(connection)
            move = table.seat_move(role, False)
            if move is not None:
                await self._apply(table, move, "teacher")
            self.tell(
                number, "seat", f"the teacher freed {_seat(table, role)}, held by {holder.player}"
            )
            self._publish(table)

    async def inject(self, number: int, event: str, note: str) -> None:
        table = self.table(number)
        async with self.locks[number]:
            self._check_playing(table)
            await self._apply(table, Inject(event, note), "teacher")
            line = f"The teacher injected an event: {table.scenario.event(event).title}"
            self.notify(table, line + (f" ({note})" if note else ""))
            self._publish(table)

    async def end(self, number: int) -> None:
        table = self.table(number)
        async with self.locks[number]:
            if table.ended:
                raise Refusal("game_over", f"table {number}'s game is already over")
            await self._write([self._status(table, status=STOPPED)])
            table.status = STOPPED
            self.tell(number, "ended", "the teacher ended the game")
            self.notify(table, "The teacher ended the game.")
            self._publish(table)
        self._spawn(self._save(table))

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
        return f"the computer plays {_seat(table, move.role)} now ({why})"
    return ""


def _seat(table: Table, role: str) -> str:
    """A seat in a sentence: "John F. Kennedy's seat (president)"."""
    return f"{table.scenario.role(role).name}'s seat ({role})"


def _error(code: str, message: str) -> str:
    return frame("error", code=code, message=message)


def _json(humans: dict[str, str]) -> str:
    import json

    return json.dumps(humans, sort_keys=True)


def _server_name() -> str:
    from excomm_sim import __version__

    return f"excomm-sim {__version__}"


def utc_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
