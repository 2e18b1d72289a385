"""Running a host: bind the port, open the lesson, serve until told to stop, shut down clean.

The port is bound before a new lesson is written, so "port in use" costs nothing, and the
lesson keeps the port it really got, so ``--resume`` listens where the students' clients
will knock again. What the teacher sees goes through a ``Frontend``: the
headless one (lines on stdout, one per event) or, in a terminal, the teacher console
(``tui.console``), which runs this coroutine in its own event loop (``commands.host``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
from pathlib import Path
from typing import Protocol

from aiohttp import web
from attrs import frozen

from excomm_sim.server.app import make_app
from excomm_sim.server.classroom import Classroom, Event
from excomm_sim.server.lesson import Opened
from excomm_sim.server.table import ENDED, STOPPED


class BindError(Exception):
    """The host cannot listen where it was asked to; one sentence says why."""


@frozen
class HostInfo:
    """What a frontend shows when the host opens."""

    address: str
    """HOST:PORT students type."""
    lan: bool
    classroom: Classroom
    teacher_key: str
    key_file: Path
    resumed: bool


class Frontend(Protocol):
    """What the teacher sees: the headless log, or the Textual console."""

    def opened(self, info: HostInfo) -> None: ...

    def event(self, event: Event) -> None: ...

    def closed(self) -> None: ...


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; BindError with the reason if it cannot be had."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(512)
    except OSError as error:
        sock.close()
        if error.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise BindError(
                f"port {port} is already in use (is another host running?); "
                "choose another with --port"
            ) from None
        if error.errno in (13, 10013):
            raise BindError(
                f"not allowed to listen on port {port}; choose one above 1024"
            ) from None
        raise BindError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    sock.setblocking(False)
    return sock


def lan_address() -> str:
    """This machine's address on the local network, as students would type it (read from
    the host's own name; nothing is sent anywhere)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if not address.startswith("127."):
            return address
    return socket.gethostname()


def write_key_file(path: Path, address: str, key: str, lesson: str) -> None:
    """host.json beside the store: where ``excomm-sim teacher`` finds the key (user-only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"address": address, "key": key, "lesson": lesson, "pid": os.getpid()}, handle)
    os.replace(temp, path)


async def serve(
    sock: socket.socket,
    opened: Opened,
    frontend: Frontend,
    lan: bool,
    key_file: Path,
    resumed: bool,
    stop: asyncio.Event | None = None,
    signals: bool = True,
) -> None:
    """Serve ``opened`` on ``sock`` until ``stop`` is set (or, with ``signals``, SIGINT or
    SIGTERM: a console in the same loop may leave the signals to its own terminal)."""
    port = sock.getsockname()[1]
    classroom = opened.classroom
    classroom.listeners.append(frontend.event)
    app = make_app(classroom, opened.teacher_key)
    runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    site = web.SockSite(runner, sock)
    await site.start()
    host = lan_address() if lan else "127.0.0.1"
    address = f"{host}:{port}"
    write_key_file(key_file, address, opened.teacher_key, classroom.lesson)
    frontend.opened(HostInfo(address, lan, classroom, opened.teacher_key, key_file, resumed))
    for table in classroom.tables.values():
        if table.status in (ENDED, STOPPED) and not table.saved_as:
            classroom.resave(table)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM) if signals else ():
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await classroom.close()
        await runner.cleanup()
        classroom.writer.close()
        frontend.closed()
