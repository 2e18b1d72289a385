"""One seat at a classroom host, over a WebSocket that mends itself: the async client.

``TableClient`` joins a table by its code, takes a seat (or reclaims its own with the
token kept on this machine), sends the seat's moves and keeps the latest observation the
host sent, checked on receipt like any untrusted input (``wire.protocol``,
``wire.codec``; the scenario through the validating loader). When the connection drops
it reconnects by itself, with exponential backoff and full jitter so a classroom's
clients do not all knock at once, says so through ``on_status`` ("reconnecting…"), and
lands back in its seat. ``session.remote`` wraps it for shells that are not async.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
from collections.abc import Callable
from typing import Any

import aiohttp

from excomm_sim.engine.events import Record
from excomm_sim.engine.moves import Action, IllegalAction
from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.load import ScenarioError, load_text
from excomm_sim.scenario.model import Scenario
from excomm_sim.session.tokens import SeatTokens
from excomm_sim.wire.checks import WireError
from excomm_sim.wire.codec import Reader
from excomm_sim.wire.protocol import (
    MAX_SERVER_FRAME_BYTES,
    PROTOCOL_VERSION,
    SERVER,
    frame,
    normal_code,
    read,
)

GIVE_UP_AFTER = 600.0
"""Seconds of failed reconnecting before the client stops trying."""


class JoinError(Exception):
    """Joining failed, for a reason the student can act on (one sentence); ``code`` is
    the host's error code when it refused."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class Lost(Exception):
    """The connection dropped while a reply was awaited (the client reconnects)."""


class Backoff:
    """Delays between reconnection attempts: full jitter over a doubling ceiling."""

    def __init__(self, base: float = 0.25, cap: float = 8.0, rng: random.Random | None = None):
        self.base, self.cap = base, cap
        self.rng = rng or random.Random()

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(0, min(self.cap, self.base * 2**attempt))


class TableClient:
    """A seat at a remote table (see the module docstring)."""

    def __init__(
        self,
        address: str,
        code: str,
        *,
        tokens: SeatTokens | None = None,
        on_status: Callable[[str], None] | None = None,
        on_notice: Callable[[str], None] | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self.address = address
        self.code = normal_code(code)
        self.key = f"{address} {self.code}"
        self.tokens = tokens
        self.on_status = on_status or (lambda text: None)
        self.on_notice = on_notice or (lambda text: None)
        self.backoff = backoff or Backoff()
        self.http: aiohttp.ClientSession | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.table = 0
        self.title = ""
        self.seats: list[dict[str, Any]] = []
        self.status = "seating"
        self.paused = False
        self.timer: float | None = None
        self.revision = 0
        self.seat: str | None = None
        self.name = ""
        self.token: str | None = None
        self.scenario: Scenario | None = None
        self.reader: Reader | None = None
        self.observation: Observation | None = None
        self.unread: list[Record] = []
        self.failure: str | None = None
        """Why the client stopped for good (its seat was freed, the host is gone)."""
        self.changed = asyncio.Event()
        self._replies: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._reader_task: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self._updated = asyncio.Event()
        self._seq = 0
        self._closing = False
        self._reconnecting: asyncio.Future[None] | None = None

    # -- joining -------------------------------------------------------------------------

    async def join(self, seat: str | None = None) -> None:
        """Connect and say hello, with this machine's token for the table if it has one
        (``seat``'s, if named). Afterwards ``self.seat`` is set, or the seats are listed
        for ``sit``. Raises JoinError saying why it could not."""
        kept = self.tokens.find(self.key, seat) if self.tokens else None
        if kept is not None:
            self.seat, self.token, self.name = kept
        await self._open()
        reply = await self._hello()
        if reply["type"] == "error" and reply["code"] == "bad_token" and kept is not None:
            if self.tokens is not None:
                self.tokens.forget(self.key, kept[0])
            self.seat = self.token = None
            reply = await self._hello()
        self._joined(reply)
        await self._settled()

    async def sit(self, seat: str, name: str) -> None:
        """Take a free seat. Raises JoinError (taken, no such seat, ...)."""
        self._updated.clear()
        await self._send(frame("sit", seat=seat, name=name))
        self._joined(await self._reply())
        await self._settled()

    async def _settled(self) -> None:
        """Once seated, wait for the host's first update (it follows at once)."""
        if self.seat is not None:
            async with asyncio.timeout(30):
                await self._updated.wait()

    def _joined(self, reply: dict[str, Any]) -> None:
        kind = reply["type"]
        if kind == "error":
            raise JoinError(_refusal_text(self.address, reply), str(reply.get("code", "")))
        if kind == "welcome":
            self.table, self.title = reply["table"], reply["title"]
            self.status, self.seats = reply["status"], reply["seats"]
            return
        if kind != "seated":
            raise JoinError(f"{self.address} answered out of turn ({kind})")
        self.table, self.seat, self.name = reply["table"], reply["seat"], reply["name"]
        self.token = reply["token"]
        self._load_scenario(reply["scenario"])
        if self.tokens is not None:
            self.tokens.keep(self.key, self.seat, self.token, self.name)

    def _load_scenario(self, text: str) -> None:
        try:
            scenario = load_text(text, f"<scenario from {self.address}>")
        except ScenarioError as error:
            problem = error.problems[0] if error.problems else "?"
            raise JoinError(f"the host sent a scenario that does not load: {problem}") from None
        if self.seat is not None and self.seat not in {role.id for role in scenario.roles}:
            raise JoinError("the host sent a scenario without your seat")
        self.scenario = scenario
        self.reader = Reader(scenario)

    async def _hello(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"code": self.code}
        if self.token:
            fields["token"] = self.token
        self._updated.clear()
        await self._send(frame("hello", **fields))
        return await self._reply()

    # -- the connection ------------------------------------------------------------------

    async def _open(self) -> None:
        if self.http is None:
            self.http = aiohttp.ClientSession()
        try:
            self.ws = await self.http.ws_connect(
                f"ws://{self.address}/ws",
                max_msg_size=MAX_SERVER_FRAME_BYTES,
                heartbeat=20.0,
                timeout=aiohttp.ClientWSTimeout(ws_close=5.0),
            )
        except aiohttp.WSServerHandshakeError as error:
            raise JoinError(
                f"{self.address} answered, but not as an excomm-sim host (HTTP {error.status})"
            ) from None
        except aiohttp.ClientConnectorError:
            raise JoinError(
                f"nothing is listening at {self.address}; is the host running, and is the "
                "address right?"
            ) from None
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            raise JoinError(
                f"cannot reach {self.address}: {error or type(error).__name__}"
            ) from None
        self._replies = asyncio.Queue()
        self._connected.set()
        self._reader_task = asyncio.ensure_future(self._read(self.ws))

    async def _send(self, text: str) -> None:
        ws = self.ws
        if ws is None or ws.closed:
            raise Lost
        try:
            await ws.send_str(text)
        except (ConnectionError, RuntimeError, aiohttp.ClientError):
            raise Lost from None

    async def _reply(self) -> dict[str, Any]:
        reply = await self._replies.get()
        if reply["type"] == "lost":
            raise Lost
        return reply

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        """Read the host's frames until the socket closes; then reconnect (once seated)."""
        try:
            async for message in ws:
                if message.type is not aiohttp.WSMsgType.TEXT:
                    break
                self._frame(message.data)
        except (aiohttp.ClientError, ConnectionError):
            pass
        self._connected.clear()
        self._replies.put_nowait({"type": "lost"})
        self.changed.set()
        if not self._closing and self.token and self.failure is None:
            self._reconnecting = asyncio.ensure_future(self._reconnect())

    def _frame(self, text: str) -> None:
        try:
            message = read(text, SERVER, MAX_SERVER_FRAME_BYTES)
        except WireError as error:
            if error.code == "version":
                self._replies.put_nowait(_version_error(text))
                return
            self.on_status(f"the host sent a frame this client cannot read: {error.message}")
            return
        kind = message["type"]
        if kind == "update":
            self._update(message)
        elif kind == "scenario":
            self._load_scenario(message["scenario"])
        elif kind == "notice":
            self.on_notice(message["text"])
        elif kind == "error" and message["code"] in ("freed", "replaced"):
            self.failure = message["message"]
            if message["code"] == "freed" and self.tokens is not None and self.seat:
                self.tokens.forget(self.key, self.seat)
            self.changed.set()
        else:
            self._replies.put_nowait(message)

    def _update(self, message: dict[str, Any]) -> None:
        self.revision = message["revision"]
        self.status, self.paused = message["status"], message["paused"]
        self.timer, self.seats = message["timer"], message["seats"]
        data = message["observation"]
        if data is not None and self.reader is not None:
            previous = self.observation
            try:
                observation = self.reader.observation(data, previous)
            except WireError as error:
                self.on_status(f"the host sent an observation this client cannot read: {error}")
                return
            self.unread.extend(_new_records(previous.log if previous else (), observation.log))
            self.observation = observation
        self._updated.set()
        self.changed.set()

    async def _reconnect(self) -> None:
        self.on_status(f"reconnecting to {self.address}…")
        loop = asyncio.get_running_loop()
        started = loop.time()
        attempt = 0
        while not self._closing and loop.time() - started < GIVE_UP_AFTER:
            await asyncio.sleep(self.backoff.delay(attempt))
            attempt += 1
            try:
                await self._open()
                reply = await self._hello()
            except (JoinError, Lost):
                continue
            if reply["type"] == "seated":
                self._joined(reply)  # the host sends the whole log afresh (keep 0)
                self.on_status(f"reconnected to {self.address}")
                return
            self.failure = _refusal_text(self.address, reply)
            self.changed.set()
            return
        self.failure = f"could not reconnect to {self.address}"
        self.changed.set()

    # -- playing -------------------------------------------------------------------------

    async def act(self, action: Action) -> tuple[Record, ...]:
        """Send the seat's move; return the records it led to that the seat may see.
        Raises IllegalAction with the host's reason when it is refused."""
        while True:
            observation = self.observation
            item = observation.item if observation else None
            if item is None:
                raise IllegalAction("There is nothing to act on now.")
            self._seq += 1
            seq = self._seq
            try:
                await self._send(
                    frame(
                        "act",
                        seq=seq,
                        turn=item.number,
                        decision=item.decision.id,
                        move=_action_data(action),
                    )
                )
                while True:
                    reply = await self._reply()
                    if reply.get("seq") == seq:
                        break
            except Lost:
                await self._back(item.number, item.decision.id)
                now = self.observation
                here = now.item if now is not None and now.mine else None
                if here is not None and (here.number, here.decision.id) == (
                    item.number,
                    item.decision.id,
                ):
                    continue  # the move did not land: send it again
                return self._take_unread()
            if reply["type"] == "error":
                raise IllegalAction(_sentence(reply["message"]))
            return self._take_unread()

    async def _back(self, turn: int, decision: str) -> None:
        """Wait until reconnected (or given up)."""
        while not self._connected.is_set() or self.observation is None:
            if self.failure is not None:
                raise IllegalAction(self.failure)
            self.changed.clear()
            await self.changed.wait()

    async def wait(self, timeout: float | None = None) -> tuple[Record, ...]:
        """Until something changes (or ``timeout``); the new records the seat may see."""
        if not self.unread:
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), timeout)
        return self._take_unread()

    def _take_unread(self) -> tuple[Record, ...]:
        records, self.unread = tuple(self.unread), []
        return records

    async def close(self) -> None:
        self._closing = True
        if self.ws is not None:
            await self.ws.close()
        if self._reader_task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._reader_task, 5)
        if self.http is not None:
            await self.http.close()


def _action_data(action: Action) -> dict[str, str]:
    data = {"role": action.role, "option": action.option}
    if action.argument:
        data["argument"] = action.argument
    return data


def _new_records(old: tuple[Record, ...], new: tuple[Record, ...]) -> list[Record]:
    """Records in ``new`` that ``old`` did not show (advice revealed, then what followed)."""
    keep = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        keep += 1
    shown = list(old[keep:])
    fresh = []
    for record in new[keep:]:
        if record in shown:
            shown.remove(record)
        else:
            fresh.append(record)
    return fresh


def _version_error(text: str) -> dict[str, Any]:
    """A frame from a host of another protocol version, as an error the student can read."""
    try:
        data = json.loads(text)
        version = data.get("version", data.get("v"))
    except (ValueError, AttributeError):
        version = "?"
    return {
        "type": "error",
        "code": "version",
        "message": f"the host speaks protocol version {version}; this excomm-sim speaks "
        f"version {PROTOCOL_VERSION}: use the same version of excomm-sim as the host",
    }


def _sentence(message: str) -> str:
    """A host's refusal as a sentence to show a player."""
    message = message.strip()
    if not message:
        return "The host refused that."
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def _refusal_text(address: str, reply: dict[str, Any]) -> str:
    code = reply.get("code")
    message = str(reply.get("message", ""))
    if code == "version":
        return f"{address}: {message}"
    if code == "bad_code":
        return f"{address} has no table with that code; check it with your teacher"
    return message[:1].upper() + message[1:] if message else f"refused ({code})"
