"""The students' side of a classroom: joining a table, taking a seat, acting, leaving.

``Students`` is what the web layer calls for each checked frame a student's client sends.
A seat is held with a token (only its hash is kept); a student who leaves keeps the seat,
played by the computer once they have been away past the grace period (a ``LeaveSeat``
move), and takes it back when they return (``TakeSeat``). Every move goes through the
``Classroom``: planned by the kernel, written, then committed and shown.
"""

from __future__ import annotations

import asyncio
from typing import Any

from excomm_sim.engine.moves import Action
from excomm_sim.server.classroom import Classroom, Refusal, error_text, seat_words, server_name
from excomm_sim.server.credentials import seat_token, token_hash
from excomm_sim.server.store import PutSeat
from excomm_sim.server.table import Holder, Table
from excomm_sim.server.updates import Connection, seat_list
from excomm_sim.wire.protocol import frame


class Students:
    """What a classroom does for its students' clients."""

    def __init__(self, classroom: Classroom) -> None:
        self.classroom = classroom

    def table_for(self, code: str) -> Table:
        table = self.classroom.by_code.get(code)
        if table is None:
            raise Refusal(
                "bad_code", f"no table here has the code {code}; check it with your teacher"
            )
        return table

    async def hello(self, connection: Connection, code: str, token: str | None) -> None:
        """A client arrives at a table: back in its seat (``token``) or in the lobby."""
        table = self.table_for(code)
        if token is None:
            free = [r.id for r in table.scenario.roles if r.id not in table.holders]
            if not free and not table.ended:
                raise Refusal("table_full", f"every seat at table {table.number} is taken")
            self.classroom.attach(connection, table, None)
            connection.send(
                frame(
                    "welcome",
                    table=table.number,
                    title=table.scenario.title,
                    status=table.status,
                    seats=seat_list(table, self.classroom.present(table)),
                    server=server_name(),
                )
            )
            return
        digest = token_hash(token)
        role = next((r for r, h in table.holders.items() if h.token_hash == digest), None)
        if role is None:
            raise Refusal("bad_token", f"that seat token is not valid at table {table.number}")
        async with self.classroom.locks[table.number]:
            for other in list(self.classroom.connections[table.number]):
                if other.seat == role and other is not connection:
                    other.send(error_text("replaced", "your seat was opened on another connection"))
                    other.close(4001, "replaced")
                    self.classroom.detach(other)
            self.classroom.attach(connection, table, role)
            self._seated(connection, table, role, token)
            self.classroom.tell(
                table.number,
                "seat",
                f"{table.holders[role].player} is back in {seat_words(table, role)}",
            )
            await self._presence(table, role)
            self.classroom.publish(table)

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
        async with self.classroom.locks[table.number]:
            holder = table.holders.get(seat)
            if holder is not None:
                raise Refusal(
                    "seat_taken", f"{seat_words(table, seat)} is taken by {holder.player}"
                )
            if table.ended:
                raise Refusal("game_over", f"the game at table {table.number} is over")
            token = seat_token()
            put = PutSeat(self.classroom.lesson, table.number, seat, name, token_hash(token))
            await self.classroom.write([put])
            table.holders[seat] = Holder(name, put.token_hash)
            connection.seat = seat
            connection.reset()
            self._seated(connection, table, seat, token)
            self.classroom.tell(table.number, "seat", f"{name} took {seat_words(table, seat)}")
            await self._presence(table, seat)
            self.classroom.publish(table)

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
                scenario=self.classroom.views.text(*view),
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
        async with self.classroom.locks[table.number]:
            self.classroom.check_playing(table)
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
            await self.classroom.apply(table, move, "seat")
            self.classroom.publish(table)
            connection.send(frame("ack", seq=message["seq"], revision=table.revision))

    async def disconnected(self, connection: Connection) -> None:
        table, seat = connection.table, connection.seat
        self.classroom.detach(connection)
        if table is None or seat is None:
            return
        async with self.classroom.locks[table.number]:
            if seat not in self.classroom.present(table):
                holder = table.holders.get(seat)
                if holder is not None:  # a seat the teacher freed was told of already
                    words = seat_words(table, seat)
                    self.classroom.tell(table.number, "seat", f"{holder.player} left {words}")
                await self._presence(table, seat)
                self.classroom.publish(table)

    async def _presence(self, table: Table, role: str) -> None:
        """The game follows whether ``role``'s holder is here (caller holds the lock)."""
        key = (table.number, role)
        present = role in self.classroom.present(table)
        handle = self.classroom.grace.pop(key, None)
        if handle is not None:
            handle.cancel()
        if present:
            move = table.seat_move(role, True)
            if move is not None:
                await self.classroom.apply(table, move, "seat")
            return
        if table.seat_move(role, False) is not None:
            loop = asyncio.get_running_loop()
            self.classroom.grace[key] = loop.call_later(
                self.classroom.settings.grace,
                lambda: self.classroom.spawn(self._grace_over(table, role)),
            )

    async def _grace_over(self, table: Table, role: str) -> None:
        async with self.classroom.locks[table.number]:
            self.classroom.grace.pop((table.number, role), None)
            if role in self.classroom.present(table):
                return
            move = table.seat_move(role, False)
            if move is not None:
                await self.classroom.apply(table, move, "grace")
                self.classroom.publish(table)
