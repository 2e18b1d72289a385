"""The host's web application: the students' WebSocket and the teacher's HTTP API.

Routes (docs/protocol.md): ``GET /ws`` (a student's client: protocol frames both ways),
``GET /api/hello`` (which protocol this host speaks), ``GET /api/tables`` and
``POST /api/tables/{n}/{action}`` (the teacher, with ``Authorization: Bearer KEY``). This
module only moves frames: each is read and checked by ``wire.protocol`` and handed to the
``Classroom``; every refusal goes back as an error frame, and nothing a client sends can
raise past the handler, so one bad client never troubles the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from aiohttp import WSMsgType, web

from excomm_sim.server.classroom import Classroom, Refusal
from excomm_sim.server.credentials import same
from excomm_sim.server.limits import FailureLimit
from excomm_sim.server.students import Students
from excomm_sim.server.teacher import Teacher
from excomm_sim.server.updates import Connection
from excomm_sim.server.web.routes import add_pages
from excomm_sim.wire.checks import Check, WireError, identifier, nullable, number, obj, text
from excomm_sim.wire.protocol import (
    CLIENT,
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    TRANSPORT_FRAME_BYTES,
    error_frame,
    normal_code,
    read,
)

CLASSROOM = web.AppKey("classroom", Classroom)
STUDENTS = web.AppKey("students", Students)
TEACHER = web.AppKey("teacher", Teacher)
TEACHER_KEY = web.AppKey("teacher_key", str)
LIMIT = web.AppKey("limit", FailureLimit)

MAX_ERRORS = 200
"""Error frames one connection may earn before the host closes it."""
HELLO_TIMEOUT = 30.0
"""Seconds a new connection has to say hello."""

log = logging.getLogger("excomm_sim.server")

_STATUS = {
    "not_found": 404,
    "forbidden": 403,
    "rate_limited": 429,
    "store": 503,
    "invalid": 400,
    "malformed": 400,
    "version": 400,
    "unknown_type": 400,
    "too_large": 413,
}

_TEACHER: dict[str, Check] = {
    "start": obj({}),
    "pause": obj({}),
    "resume": obj({}),
    "timer": obj({"seconds": nullable(number(1, 24 * 3600))}),
    "free": obj({"seat": identifier()}),
    "inject": obj({"event": identifier()}, {"note": text(600)}),
    "end": obj({}),
}
"""The teacher's controls and the body each takes (besides ``"v"``)."""


def make_app(classroom: Classroom, key: str) -> web.Application:
    app = web.Application(client_max_size=MAX_FRAME_BYTES)
    app[CLASSROOM] = classroom
    app[STUDENTS] = Students(classroom)
    app[TEACHER] = Teacher(classroom)
    app[TEACHER_KEY] = key
    app[LIMIT] = FailureLimit()
    app.router.add_get("/ws", play)
    app.router.add_get("/api/hello", hello)
    app.router.add_get("/api/tables", tables)
    app.router.add_post("/api/tables/{number}/{action}", control)
    add_pages(app, classroom, key, app[TEACHER])  # the browsers' pages (server.web)
    return app


# -- students ----------------------------------------------------------------------------


async def play(request: web.Request) -> web.WebSocketResponse:
    """One student's client, from hello to goodbye."""
    ws = web.WebSocketResponse(max_msg_size=TRANSPORT_FRAME_BYTES, heartbeat=20.0, compress=False)
    await ws.prepare(request)
    students = request.app[STUDENTS]
    connection = Connection(request.remote or "unknown")
    sender = asyncio.ensure_future(_send(ws, connection))
    errors = 0
    try:
        async with asyncio.timeout(HELLO_TIMEOUT) as deadline:
            async for message in ws:
                if message.type is WSMsgType.TEXT:
                    errors += await _receive(request.app, connection, message.data)
                elif message.type is WSMsgType.BINARY:
                    connection.send(error_frame(WireError("malformed", "frames are JSON text")))
                    errors += 1
                else:
                    break
                if connection.table is not None:
                    deadline.reschedule(None)
                if errors > MAX_ERRORS:
                    connection.close(1008, "too many bad frames")
                if connection.closed:
                    break
    except TimeoutError:
        connection.close(1008, "no hello")
    finally:
        with contextlib.suppress(Exception):
            await students.disconnected(connection)
        connection.close(1000, "")
        with contextlib.suppress(Exception):
            await asyncio.wait_for(sender, 5)
    return ws


async def _send(ws: web.WebSocketResponse, connection: Connection) -> None:
    while True:
        text = await connection.outbox.get()
        if text is None:
            break
        try:
            await ws.send_str(text)
        except (ConnectionError, RuntimeError):
            break
    with contextlib.suppress(Exception):
        await ws.close(code=connection.close_code, message=connection.close_reason.encode())


async def _receive(app: web.Application, connection: Connection, data: str) -> int:
    """Handle one frame; the number of error frames it earned (0 or 1)."""
    students = app[STUDENTS]
    limit = app[LIMIT]
    if not connection.allowed():
        connection.send(error_frame(WireError("slow_down", "too many frames; slow down")))
        return 1
    seq = None
    try:
        message = read(data, CLIENT, MAX_FRAME_BYTES)
        seq = message.get("seq")
        kind = message["type"]
        if kind == "hello":
            wait = limit.blocked(connection.address)
            if wait:
                raise Refusal(
                    "rate_limited",
                    f"too many wrong codes or tokens from your address; try again in {wait:.0f} s",
                )
            if connection.table is not None:
                raise Refusal("already_seated", "this connection has joined a table already")
            await students.hello(connection, normal_code(message["code"]), message.get("token"))
        elif kind == "sit":
            await students.sit(connection, message["seat"], message["name"])
        else:
            await students.act(connection, message)
    except WireError as error:
        connection.send(error_frame(error))
        return 1
    except Refusal as refusal:
        if refusal.code in ("bad_code", "bad_token"):
            limit.fail(connection.address)
        connection.send(error_frame(WireError(refusal.code, refusal.message), seq))
        return 1
    except Exception:  # a fault of ours must not end the host, nor this client's seat
        log.exception("while handling a frame")
        connection.send(error_frame(WireError("store", "the host failed on that; try again"), seq))
        return 1
    return 0


# -- the teacher -------------------------------------------------------------------------


async def hello(request: web.Request) -> web.Response:
    from excomm_sim import __version__

    return web.json_response(
        {"v": PROTOCOL_VERSION, "protocol": PROTOCOL_VERSION, "server": f"excomm-sim {__version__}"}
    )


def _refused(code: str, message: str, field: str = "") -> web.Response:
    body: dict[str, Any] = {
        "v": PROTOCOL_VERSION,
        "type": "error",
        "code": code,
        "message": message,
    }
    if field:
        body["field"] = field
    return web.json_response(body, status=_STATUS.get(code, 409))


def _teacher(request: web.Request) -> web.Response | None:
    """None if the request carries the teacher's key; else the refusal to send."""
    limit = request.app[LIMIT]
    address = request.remote or "unknown"
    wait = limit.blocked(address)
    if wait:
        return _refused("rate_limited", f"too many wrong keys from your address; wait {wait:.0f} s")
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not same(key.strip(), request.app[TEACHER_KEY]):
        limit.fail(address)
        return _refused("forbidden", "the teacher's key is missing or wrong")
    return None


async def tables(request: web.Request) -> web.Response:
    refused = _teacher(request)
    if refused is not None:
        return refused
    classroom = request.app[CLASSROOM]
    return web.json_response(
        {
            "v": PROTOCOL_VERSION,
            "lesson": classroom.lesson,
            "tables": request.app[TEACHER].overviews(),
        }
    )


async def control(request: web.Request) -> web.Response:
    refused = _teacher(request)
    if refused is not None:
        return refused
    action = request.match_info["action"]
    shape = _TEACHER.get(action)
    if shape is None:
        return _refused("not_found", f"no control {action!r}; controls: {', '.join(_TEACHER)}")
    try:
        number_ = int(request.match_info["number"])
    except ValueError:
        return _refused("not_found", "a table is named by its number")
    try:
        body = await request.text()
        data = json.loads(body or "{}")
        if not isinstance(data, dict):
            raise WireError("malformed", "the body is a JSON object")
        if data.pop("v", None) != PROTOCOL_VERSION:
            raise WireError(
                "version", f"this host speaks protocol version {PROTOCOL_VERSION}", "$.v"
            )
        fields = shape(data, "$")
    except WireError as error:
        return _refused(error.code, error.message, error.field)
    except (ValueError, RecursionError) as error:
        return _refused("malformed", f"the body is not JSON: {error}"[:300])
    teacher = request.app[TEACHER]
    try:
        await teacher.control(number_, action, fields)
    except Refusal as refusal:
        return _refused(refusal.code, refusal.message)
    return web.json_response(
        {"v": PROTOCOL_VERSION, "ok": True, "table": teacher.overview(number_)}
    )
