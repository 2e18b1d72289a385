"""The teacher's controls over a classroom's tables: start, pause, timer, free, inject, end.

The teacher's HTTP API (``server.app``) and the teacher console (through
``server.desk``) call these: ``control`` by a control's name, or each by its own. Each
change is written to the store before it takes effect, like a move.
"""

from __future__ import annotations

from typing import Any

from excomm_sim.engine.moves import Inject
from excomm_sim.server.classroom import Classroom, Refusal, error_text, humans_json, seat_words
from excomm_sim.server.overview import overview
from excomm_sim.server.store import Change, DropSeat
from excomm_sim.server.table import ENDED, PLAYING, SEATING, STOPPED


class Teacher:
    """The controls of one classroom."""

    def __init__(self, classroom: Classroom) -> None:
        self.classroom = classroom

    def overview(self, number: int) -> dict[str, Any]:
        """What the teacher sees of table ``number`` (``server.overview``)."""
        classroom = self.classroom
        table = classroom.table(number)
        return overview(table, classroom.present(table), classroom.timers[number].left())

    def overviews(self) -> list[dict[str, Any]]:
        return [self.overview(number) for number in self.classroom.tables]

    async def control(self, number: int, action: str, fields: dict[str, Any]) -> None:
        """Do the control named ``action`` (start, pause, resume, timer, free, inject, end)
        with its checked ``fields``; Refusal says why not."""
        if action == "start":
            await self.start(number)
        elif action in ("pause", "resume"):
            await self.pause(number, action == "pause")
        elif action == "timer":
            await self.set_timer(number, fields["seconds"])
        elif action == "free":
            await self.free(number, fields["seat"])
        elif action == "inject":
            events = {event.id for event in self.classroom.table(number).scenario.events}
            if fields["event"] not in events:
                raise Refusal(
                    "illegal", f"no event {fields['event']!r}; events: {', '.join(sorted(events))}"
                )
            await self.inject(number, fields["event"], fields.get("note", "").strip())
        elif action == "end":
            await self.end(number)
        else:
            raise Refusal("not_found", f"no control {action!r}")

    async def start(self, number: int) -> None:
        table = self.classroom.table(number)
        async with self.classroom.locks[number]:
            if table.status != SEATING:
                raise Refusal("illegal", f"table {number}'s game has already started")
            state, humans = table.plan_start(self.classroom.present(table))
            status = ENDED if state.ended else PLAYING
            await self.classroom.write(
                [self.classroom.status_row(table, status=status, humans=humans_json(humans))]
            )
            table.begin(state, humans)
            people = ", ".join(f"{name} ({role})" for role, name in humans.items()) or "nobody"
            self.classroom.tell(number, "start", f"the game started with {people}")
            self.classroom.publish(table)

    async def pause(self, number: int, paused: bool) -> None:
        table = self.classroom.table(number)
        async with self.classroom.locks[number]:
            if table.status != PLAYING:
                raise Refusal("illegal", f"table {number} is not playing ({table.status})")
            if table.paused == paused:
                return
            await self.classroom.write([self.classroom.status_row(table, paused=paused)])
            table.paused = paused
            word = "paused" if paused else "resumed"
            self.classroom.tell(number, "pause", f"the teacher {word} the game")
            self.classroom.notify(table, f"The teacher {word} the game.")
            self.classroom.publish(table)

    async def set_timer(self, number: int, seconds: float | None) -> None:
        table = self.classroom.table(number)
        async with self.classroom.locks[number]:
            await self.classroom.write([self.classroom.status_row(table, timer=seconds)])
            table.timer = seconds
            timer = self.classroom.timers[number]
            timer.cancel()
            timer.key = None
            shown = "cleared" if seconds is None else f"set to {seconds:g} s an item"
            self.classroom.tell(number, "timer", f"the timer was {shown}")
            self.classroom.publish(table)

    async def free(self, number: int, role: str) -> None:
        table = self.classroom.table(number)
        async with self.classroom.locks[number]:
            holder = table.holders.get(role)
            if holder is None:
                raise Refusal("no_seat", f"nobody holds {role}'s seat at table {number}")
            changes: list[Change] = [DropSeat(self.classroom.lesson, number, role)]
            await self.classroom.write(changes)
            del table.holders[role]
            for connection in list(self.classroom.connections[number]):
                if connection.seat == role:
                    connection.send(error_text("freed", "the teacher freed your seat"))
                    connection.close(4002, "freed")
                    self.classroom.detach(connection)
            move = table.seat_move(role, False)
            if move is not None:
                await self.classroom.apply(table, move, "teacher")
            self.classroom.tell(
                number,
                "seat",
                f"the teacher freed {seat_words(table, role)}, held by {holder.player}",
            )
            self.classroom.publish(table)

    async def inject(self, number: int, event: str, note: str) -> None:
        table = self.classroom.table(number)
        async with self.classroom.locks[number]:
            self.classroom.check_playing(table)
            await self.classroom.apply(table, Inject(event, note), "teacher")
            line = f"The teacher injected an event: {table.scenario.event(event).title}"
            self.classroom.notify(table, line + (f" ({note})" if note else ""))
            self.classroom.publish(table)

    async def end(self, number: int) -> None:
        table = self.classroom.table(number)
        async with self.classroom.locks[number]:
            if table.ended:
                raise Refusal("game_over", f"table {number}'s game is already over")
            await self.classroom.write([self.classroom.status_row(table, status=STOPPED)])
            table.status = STOPPED
            self.classroom.tell(number, "ended", "the teacher ended the game")
            self.classroom.notify(table, "The teacher ended the game.")
            self.classroom.publish(table)
        self.classroom.spawn(self.classroom.save(table))
