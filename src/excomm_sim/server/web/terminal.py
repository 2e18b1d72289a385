"""A Textual game in a browser tab: one process per tab, its screen carried over a WebSocket.

textual-serve (``textual_serve.app_service.AppService``) speaks Textual's web driver to the
child process and xterm.js in the page; this module runs it inside our aiohttp app rather
than textual-serve's own server, for three reasons. The process is started from an argument
list with no shell (textual-serve's ``AppService`` hands a command *string* to
``create_subprocess_shell``; here the students' own words, their names, are among the
arguments, so a shell would be an injection). The command is chosen by our code per tab
(a join with that tab's code, name and seat), not fixed for the server. And the number of
processes is bounded, so a room full of reloading tabs cannot exhaust the host.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

log = logging.getLogger("excomm_sim.server.web")

MAX_STDIN_MESSAGE = 64 * 1024
"""Bytes of one browser message (keys, pasted text) passed to a game process."""
MIN_SIZE, MAX_SIZE = (20, 8), (400, 200)
"""The terminal sizes (columns, rows) a browser may ask for."""


def textual_serve_static() -> Path:
    """textual-serve's own assets (xterm.js bundle, its CSS, Roboto Mono), as installed."""
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"


class GameProcess(AppService):
    """textual-serve's app service, started from ``argv`` (no shell) with ``environment``
    added to the web driver's; see the module docstring."""

    def __init__(
        self,
        argv: Sequence[str],
        environment: Mapping[str, str],
        websocket: web.WebSocketResponse,
    ) -> None:
        async def close() -> None:
            await websocket.close()

        super().__init__(
            " ".join(argv),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=DownloadManager(),
        )
        self.argv = tuple(argv)
        self.environment = dict(environment)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        built = super()._build_environment(width, height)
        built.update(self.environment)
        return built

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
            start_new_session=True,
        )
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def kill(self) -> None:
        """End the process if ``stop`` (a polite "quit") did not."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(process.wait(), 5)


class Processes:
    """The game processes a host runs for browsers: at most ``limit`` at once."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.running: dict[str, GameProcess] = {}

    def full(self) -> bool:
        return len(self.running) >= self.limit

    async def close(self) -> None:
        """End every game process (the host is shutting down)."""
        running, self.running = list(self.running.values()), {}
        for process in running:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(process.stop(), 2)
            await process.kill()


def _size(query: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    try:
        value = int(query.get(name, default))
    except ValueError:
        return default
    return max(low, min(high, value))


async def run_terminal(
    request: web.Request,
    processes: Processes,
    key: str,
    argv: Sequence[str],
    environment: Mapping[str, str],
) -> web.WebSocketResponse:
    """Serve one tab's terminal: start ``argv``, carry keys in and the screen out, and end
    the process when the tab goes. ``key`` names the tab's process: a second tab with the
    same key replaces the first (a reload, or the same seat opened twice)."""
    websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_STDIN_MESSAGE)
    await websocket.prepare(request)
    older = processes.running.pop(key, None)
    if older is not None:
        await older.stop()
        await older.kill()
    if processes.full():
        await websocket.close(code=1013, message=b"the host runs as many games as it can")
        return websocket
    width = _size(request.query, "width", 80, MIN_SIZE[0], MAX_SIZE[0])
    height = _size(request.query, "height", 24, MIN_SIZE[1], MAX_SIZE[1])
    process = GameProcess(argv, environment, websocket)
    processes.running[key] = process
    try:
        await process.start(width, height)
        log.info("browser game %s started (pid %s)", key[:8], process.pid)
        await _carry(websocket, process)
    except (ConnectionError, asyncio.CancelledError):
        pass
    except Exception:  # one tab's failure must not trouble the host
        log.exception("browser game %s failed", key[:8])
    finally:
        if processes.running.get(key) is process:
            del processes.running[key]
        with contextlib.suppress(Exception):
            await asyncio.wait_for(process.stop(), 5)
        await process.kill()
        with contextlib.suppress(Exception):
            await websocket.close()
    return websocket


async def _carry(websocket: web.WebSocketResponse, process: GameProcess) -> None:
    """The browser's messages to the process, each checked: anything else is dropped."""
    async for message in websocket:
        if message.type is not WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await process.send_bytes(data.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(data, dict):
            width = _size(data, "width", 80, MIN_SIZE[0], MAX_SIZE[0])
            height = _size(data, "height", 24, MIN_SIZE[1], MAX_SIZE[1])
            await process.set_terminal_size(width, height)
        elif kind == "ping" and isinstance(data, str | int | float):
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await process.blur()
        elif kind == "focus":
            await process.focus()


def child_environment(home: Path | None) -> dict[str, str]:
    """What a game process needs besides textual-serve's web-driver settings: its own user
    data folder (its seat tokens, its saves), never the host's."""
    environment = {"PYTHONUNBUFFERED": "1"}
    if home is not None:
        from excomm_sim.paths import HOME_ENV

        environment[HOME_ENV] = str(home)
    return environment


def excomm_command(*arguments: str) -> list[str]:
    """``excomm-sim ARGUMENTS`` as this very installation runs it."""
    import sys

    return [sys.executable, "-m", "excomm_sim", *arguments]


__all__ = [
    "GameProcess",
    "Processes",
    "child_environment",
    "excomm_command",
    "run_terminal",
    "textual_serve_static",
]
