"""The teacher console against a real host on a loopback port: the console runs the host
in its own event loop; real WebSocket clients sit at the table."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from excomm_sim.scenario.load import load_path
from excomm_sim.server.classroom import Classroom
from excomm_sim.server.desk import Desk
from excomm_sim.server.lesson import new_lesson
from excomm_sim.server.serve import bind, serve
from excomm_sim.server.store import SqliteStore
from excomm_sim.server.writer import Writer
from excomm_sim.session.client import TableClient
from excomm_sim.tui.console.app import ConsoleApp
from server.hosting import TINY, client

BOUND = 30.0


@dataclass
class Console:
    app: ConsoleApp
    pilot: Pilot[int]
    classroom: Classroom
    address: str
    """Where students join."""


@contextlib.asynccontextmanager
async def console(folder: Path) -> AsyncIterator[Console]:
    """A console at 80x24 serving a new one-table lesson of the tiny scenario, opened."""
    scenario = load_path(TINY)
    writer = Writer(SqliteStore(folder / "host" / "classroom.sqlite3"))
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    settings = {"port": port, "lan": False, "grace": 60.0, "timer": None}
    settings["class_dir"] = str(folder / "class")
    opened = new_lesson(writer.store, writer, scenario, TINY.read_text(), "", 1, settings)

    async def run_host(app: ConsoleApp, stop: asyncio.Event) -> None:
        await serve(sock, opened, app, False, folder / "host.json", False, stop, signals=False)

    app = ConsoleApp(Desk(opened.classroom), run_host)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.info is not None)
        yield Console(app, pilot, opened.classroom, f"127.0.0.1:{port}")


async def until(pilot: Pilot[int], check: Callable[[], bool]) -> None:
    async with asyncio.timeout(BOUND):
        while not check():
            await pilot.pause(0.05)


def row(app: ConsoleApp, number: int = 1) -> list[str]:
    table = app.query_one("#tables", DataTable)
    return [str(cell) for cell in table.get_row(str(number))]


async def seated(address: str, classroom: Classroom, role: str, name: str) -> TableClient:
    """A student's client in ``role``'s seat at table 1."""
    student = client(address, classroom.tables[1].code)
    await student.join()
    await student.sit(role, name)
    return student


def seats_text(app: ConsoleApp) -> str:
    return str(app.query_one("#seats", Static).render())


async def test_the_console_starts_pauses_and_resumes_a_table(tmp_path: Path) -> None:
    async with console(tmp_path) as host:
        app, pilot, classroom, address = host.app, host.pilot, host.classroom, host.address
        student = await seated(address, classroom, "mayor", "Ann")
        await until(pilot, lambda: "● Ann — Mayor Ada Byrne" in seats_text(app))
        await pilot.press("s")
        await until(pilot, lambda: row(app)[2] == "playing")
        assert row(app)[3] == "1. What to demand"
        await pilot.press("p")
        await until(pilot, lambda: row(app)[2] == "paused")
        assert classroom.tables[1].paused
        await until(pilot, lambda: student.paused)
        await pilot.press("p")
        await until(pilot, lambda: row(app)[2] == "playing")
        assert not classroom.tables[1].paused
        await student.close()
        await pilot.press("q", "y")
        await until(pilot, lambda: app.return_code is not None)
        assert app.return_code == 0


async def test_the_console_sets_and_clears_the_item_timer(tmp_path: Path) -> None:
    async with console(tmp_path) as host:
        app, pilot, classroom, address = host.app, host.pilot, host.classroom, host.address
        student = await seated(address, classroom, "mayor", "Ann")
        await until(pilot, lambda: "● Ann" in seats_text(app))
        await pilot.press("s")
        await until(pilot, lambda: row(app)[2].startswith("playing"))
        await pilot.press("t", *"1m30s", "enter")
        await until(pilot, lambda: classroom.tables[1].timer == 90.0)
        await until(pilot, lambda: "left" in row(app)[2])
        assert "timer 1:30 an item" in seats_text(app)
        await pilot.press("t", *"soon", "enter")
        problem = app.screen.query_one("#timer-problem", Static)
        assert "is not a duration" in str(problem.render())
        await pilot.press("escape")
        await pilot.press("t", *"off", "enter")
        await until(pilot, lambda: classroom.tables[1].timer is None)
        await until(pilot, lambda: row(app)[2] == "playing")
        await student.close()


async def test_the_console_frees_a_seat_and_the_computer_plays_it(tmp_path: Path) -> None:
    async with console(tmp_path) as host:
        app, pilot, classroom, address = host.app, host.pilot, host.classroom, host.address
        student = await seated(address, classroom, "harbourmaster", "Bo")
        await until(pilot, lambda: "● Bo — Captain Ines Moor" in seats_text(app))
        await pilot.press("s")
        await until(pilot, lambda: row(app)[2] == "playing")
        await pilot.press("f", "enter")  # the only held seat
        await until(pilot, lambda: "computer — Captain Ines Moor" in seats_text(app))
        assert "harbourmaster" not in classroom.tables[1].holders
        await until(pilot, lambda: student.failure is not None)
        assert student.failure == "the teacher freed your seat"
        await student.close()


async def test_a_refused_control_is_told_in_a_sentence(tmp_path: Path) -> None:
    notes: list[str] = []
    async with console(tmp_path) as host:
        host.app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await host.pilot.press("p")  # not started: nothing to pause
        await until(host.pilot, lambda: bool(notes))
    assert notes == ["Table 1 is not playing (seating)."]
