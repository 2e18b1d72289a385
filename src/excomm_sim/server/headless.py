"""The host without a console: how to join each table, then one line per event, on stdout.

For a host run from a script, a service or a pipe (and, until the teacher console lands,
from a terminal too). Lines are flushed as they are written, so a log file or a pipe
reader sees each event when it happens.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TextIO

from excomm_sim.server.classroom import Event
from excomm_sim.server.serve import HostInfo


class Headless:
    """A ``Frontend`` that writes lines to ``out``."""

    def __init__(self, out: TextIO | None = None, show_key: bool = False) -> None:
        self.out = out or sys.stdout
        self.show_key = show_key

    def line(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def opened(self, info: HostInfo) -> None:
        classroom = info.classroom
        tables = classroom.tables.values()
        scenario = next(iter(tables)).scenario
        verb = "resumed" if info.resumed else "opened"
        self.line(
            f"lesson {classroom.lesson} {verb}: {scenario.title}, {len(classroom.tables)} "
            f"table{'s' if len(classroom.tables) != 1 else ''}"
        )
        if info.lan:
            self.line(
                f"listening on the local network at {info.address} (every address of this "
                "machine): anyone on this network who has a table's code can join"
            )
        else:
            self.line(
                f"listening on {info.address}, this machine only (host --lan lets the "
                "class's machines join)"
            )
        if self.show_key:
            self.line(f"teacher key: {info.teacher_key}")
        self.line(f"teacher key in {info.key_file} (excomm-sim teacher reads it)")
        for table in tables:
            self.line(f"table {table.number}: excomm-sim join {info.address} --code {table.code}")

    def event(self, event: Event) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        where = f"table {event.table}" if event.table is not None else "host"
        self.line(f"{stamp} {where}: {event.text}")

    def closed(self) -> None:
        self.line("host stopped; continue the lesson with: excomm-sim host --resume")
