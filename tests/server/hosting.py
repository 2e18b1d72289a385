"""A real classroom host in the test's own event loop, on 127.0.0.1 and a port the OS
chooses, with real WebSocket clients; and a scripted student that plays a seat."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from attrs import define, field

from excomm_sim.engine.moves import Action
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.server.app import make_app
from excomm_sim.server.classroom import Classroom
from excomm_sim.server.lesson import new_lesson
from excomm_sim.server.serve import bind
from excomm_sim.server.store import SqliteStore
from excomm_sim.server.writer import Writer
from excomm_sim.session.client import Backoff, TableClient
from excomm_sim.wire.protocol import PROTOCOL_VERSION

TINY = Path(__file__).parent.parent / "tui" / "data" / "tiny.yaml"
MEETING = bundled_scenario()
BOUND = 120.0
"""Seconds any one test's game may take before it is failed (never reached when well)."""


@define
class Host:
    address: str
    classroom: Classroom
    key: str
    store_path: Path
    class_dir: Path
    http: aiohttp.ClientSession = field(default=None)

    def code(self, number: int = 1) -> str:
        return self.classroom.tables[number].code

    async def control(self, number: int, action: str, **body: Any) -> tuple[int, dict[str, Any]]:
        async with self.http.post(
            f"http://{self.address}/api/tables/{number}/{action}",
            json={"v": PROTOCOL_VERSION, **body},
            headers={"Authorization": f"Bearer {self.key}"},
        ) as response:
            return response.status, await response.json()


@contextlib.asynccontextmanager
async def running_host(
    folder: Path,
    scenario_path: Path = TINY,
    tables: int = 1,
    grace: float = 60.0,
    timer: float | None = None,
) -> AsyncIterator[Host]:
    scenario = load_path(scenario_path)
    source = scenario_path.read_text(encoding="utf-8")
    store_path = folder / "host" / "classroom.sqlite3"
    writer = Writer(SqliteStore(store_path))
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    settings = {
        "port": port,
        "lan": False,
        "grace": grace,
        "timer": timer,
        "class_dir": str(folder / "class"),
    }
    opened = new_lesson(writer.store, writer, scenario, source, "", tables, settings)
    runner = web.AppRunner(
        make_app(opened.classroom, opened.teacher_key), access_log=None, shutdown_timeout=0.5
    )
    await runner.setup()
    await web.SockSite(runner, sock).start()
    host = Host(
        f"127.0.0.1:{port}", opened.classroom, opened.teacher_key, store_path, folder / "class"
    )
    async with aiohttp.ClientSession() as http:
        host.http = http
        try:
            yield host
        finally:
            await opened.classroom.close()
            await runner.cleanup()
            writer.close()


def client(
    host: Host | str, code: str, frames: list[str] | None = None, **kwargs: Any
) -> TableClient:
    """A client of the host; every frame it receives is appended to ``frames``."""
    address = host if isinstance(host, str) else host.address
    made = TableClient(address, code, backoff=Backoff(0.05, 0.5), **kwargs)
    if frames is not None:
        handle: Callable[[str], None] = made._frame

        def keep(text: str) -> None:
            frames.append(text)
            handle(text)

        made._frame = keep  # type: ignore[method-assign]
    return made


def choose(observation: Any, role: str) -> Action:
    """A scripted student's move: an offered option picked by turn and seat, and a case
    for every other recommendation."""
    item = observation.item
    offered = item.offered
    index = (item.number * 7 + sum(map(ord, role))) % len(offered)
    argument = ""
    if observation.to_act.kind == "recommend" and item.number % 2:
        argument = f"{role} argues for {offered[index].id} on item {item.number}"
    return Action(role, offered[index].id, argument)


async def play_seat(seat_client: TableClient, role: str, think: float = 0.0) -> list[Action]:
    """Act whenever it is this seat's turn (after ``think`` seconds), until the game is
    over; the moves the host took."""
    made = []
    while True:
        observation = seat_client.observation
        if seat_client.status in ("ended", "stopped") or (observation and observation.ended):
            return made
        if observation is not None and observation.mine and observation.item is not None:
            action = choose(observation, role)
            if think:
                await asyncio.sleep(think)
            await seat_client.act(action)
            made.append(action)
            continue
        await seat_client.wait(1.0)


def frames_of(texts: list[str]) -> list[dict[str, Any]]:
    return [json.loads(text) for text in texts]
