"""The teacher console's hold on a running classroom, in plain data (no Textual here).

The console (``tui.console``) may not import the server, and the server knows nothing of
Textual, so the host command hands the console a ``Desk``: every table's overview as
dicts (``server.overview``), the scenario's events and seats, the finished games' save
files, and the teacher's controls by name, each answering with the refusal's sentence or
None. The console and the server share one event loop, so these are direct calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from excomm_sim.server.classroom import Classroom, Refusal
from excomm_sim.server.teacher import Teacher


class Desk:
    """The controls and the view of one classroom, for the console."""

    def __init__(self, classroom: Classroom) -> None:
        self.classroom = classroom
        self.teacher = Teacher(classroom)

    @property
    def lesson(self) -> str:
        return self.classroom.lesson

    @property
    def title(self) -> str:
        return next(iter(self.classroom.tables.values())).scenario.title

    def tables(self) -> list[dict[str, Any]]:
        """Every table's overview, in table order."""
        return self.teacher.overviews()

    def events(self) -> list[tuple[str, str]]:
        """The scenario's events a teacher may inject: (id, title)."""
        scenario = next(iter(self.classroom.tables.values())).scenario
        return [(event.id, event.title) for event in scenario.events]

    def meters(self, number: int, values: dict[str, Any]) -> list[tuple[str, str]]:
        """The public meters of a table's overview as (label, value in words)."""
        from excomm_sim.story.values import value_text

        scenario = self.classroom.table(number).scenario
        known = {variable.id: variable for variable in scenario.variables}
        return [
            (known[key].label, value_text(known[key], value))
            for key, value in values.items()
            if key in known
        ]

    def saved_games(self) -> list[Path]:
        """The save files of the games finished (or ended) so far."""
        return [Path(t.saved_as) for t in self.classroom.tables.values() if t.saved_as]

    async def control(self, number: int, action: str, **fields: Any) -> str | None:
        """Do a teacher's control; None when done, else the host's reason, as a sentence."""
        try:
            await self.teacher.control(number, action, fields)
        except Refusal as refusal:
            message = refusal.message
            return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
        return None
