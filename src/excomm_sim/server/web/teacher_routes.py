"""The teacher's web pages: the key form, the live tables, the controls, the class report.

``GET /teacher`` is the key form until the browser holds a teacher cookie, then the
tables. The key is only ever sent in a form's body (``POST /teacher/login``), never in a
URL, so it is in no address bar, history or log; the cookie holds a fresh random session
id, not the key, and is HttpOnly, SameSite=Strict and limited to ``/teacher``. Each
control is a form that also works without the script, and carries the session's form
token, so another site cannot press the teacher's buttons. ``/teacher/ws`` sends the
tables' markup whenever it changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from collections.abc import Mapping
from pathlib import Path

from aiohttp import WSMsgType, web

from excomm_sim.server.classroom import Refusal
from excomm_sim.server.credentials import same
from excomm_sim.server.web import pages
from excomm_sim.server.web.routes import WEB, Refused, WebState, html, same_origin
from excomm_sim.server.web.teacher_view import all_over, tables_html
from excomm_sim.wire.checks import IDENTIFIER

TEACHER_COOKIE = "excomm_teacher"
REFRESH_SECONDS = 0.5
"""How often the live page looks for a change (timers count down meanwhile)."""
MAX_TEACHER_SESSIONS = 50


def add_routes(app: web.Application) -> None:
    app.router.add_get("/teacher", teacher_page)
    app.router.add_post("/teacher/login", login)
    app.router.add_post("/teacher/logout", logout)
    app.router.add_get("/teacher/ws", live)
    app.router.add_post("/teacher/tables/{number}/{action}", control)
    app.router.add_get("/teacher/report", class_report)


def _session(request: web.Request) -> str | None:
    """The teacher's form token if this browser is signed in, else None."""
    state = request.app[WEB]
    cookie = request.cookies.get(TEACHER_COOKIE, "")
    return state.teacher_sessions.get(cookie) if cookie else None


async def teacher_page(request: web.Request) -> web.Response:
    state = request.app[WEB]
    csrf = _session(request)
    if csrf is None:
        return html(pages.teacher_login(), 401)
    return html(pages.teacher(_title(state), tables_html(state.teacher, csrf), csrf))


def _title(state: WebState) -> str:
    tables = list(state.classroom.tables.values())
    return tables[0].scenario.title if tables else "no tables"


async def login(request: web.Request) -> web.Response:
    state = request.app[WEB]
    address = request.remote or "unknown"
    wait = state.limit.blocked(address)
    if wait:
        return html(pages.teacher_login(f"Too many wrong keys; wait {wait:.0f} s."), 429)
    form = await request.post() if (request.content_length or 0) <= 4096 else {}
    key = str(form.get("key", "")).strip()
    if not same_origin(request) or not same(key, state.key):
        state.limit.fail(address)
        return html(pages.teacher_login("That is not this host's teacher key."), 403)
    while len(state.teacher_sessions) >= MAX_TEACHER_SESSIONS:
        state.teacher_sessions.pop(next(iter(state.teacher_sessions)))
    session = secrets.token_urlsafe(32)
    state.teacher_sessions[session] = secrets.token_urlsafe(24)
    found = web.HTTPSeeOther("/teacher")
    found.set_cookie(TEACHER_COOKIE, session, httponly=True, samesite="Strict", path="/teacher")
    raise found


async def logout(request: web.Request) -> web.Response:
    state = request.app[WEB]
    csrf = _session(request)
    form = await request.post()
    if csrf is not None and same(str(form.get("csrf", "")), csrf):
        state.teacher_sessions.pop(request.cookies.get(TEACHER_COOKIE, ""), None)
    gone = web.HTTPSeeOther("/teacher")
    gone.del_cookie(TEACHER_COOKIE, path="/teacher")
    raise gone


async def live(request: web.Request) -> web.StreamResponse:
    """The tables' markup, sent again whenever it changes, until the page goes."""
    state = request.app[WEB]
    csrf = _session(request)
    if csrf is None or not same_origin(request):
        raise web.HTTPForbidden(text="sign in with the teacher key first")
    websocket = web.WebSocketResponse(heartbeat=20.0, max_msg_size=1024)
    await websocket.prepare(request)
    reader = asyncio.ensure_future(_drain(websocket))
    sent = ""
    try:
        while not websocket.closed and not reader.done():
            if _session(request) is None:
                break
            markup = tables_html(state.teacher, csrf)
            if markup != sent:
                await websocket.send_str(
                    json.dumps({"html": markup, "over": all_over(state.classroom)})
                )
                sent = markup
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(reader), REFRESH_SECONDS)
    except (ConnectionError, RuntimeError):
        pass
    finally:
        reader.cancel()
        with contextlib.suppress(Exception):
            await websocket.close()
    return websocket


async def _drain(websocket: web.WebSocketResponse) -> None:
    """Read (and ignore) what the page sends, so a close is noticed at once."""
    async for message in websocket:
        if message.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
            break


async def control(request: web.Request) -> web.Response:
    """One of the teacher's buttons: start, pause, resume, timer, free, end."""
    state = request.app[WEB]
    csrf = _session(request)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if csrf is None:
        return _answer(request, wants_json, "Sign in with the teacher key first.", 401)
    form = await request.post() if (request.content_length or 0) <= 4096 else {}
    token = str(form.get("csrf", "") or request.headers.get("X-Form-Token", ""))
    if not same_origin(request) or not same(token, csrf):
        return _answer(request, wants_json, "That form is stale; reload the page.", 403)
    try:
        number = int(request.match_info["number"])
        await _do(state, number, request.match_info["action"], form)
    except ValueError:
        return _answer(request, wants_json, "A table is named by its number.", 404)
    except Refused as refused:
        return _answer(request, wants_json, str(refused), 400)
    except Refusal as refusal:
        return _answer(request, wants_json, refusal.message, 409)
    if wants_json:
        return web.json_response({"ok": True, "html": tables_html(state.teacher, csrf)})
    raise web.HTTPSeeOther("/teacher")


async def _do(state: WebState, number: int, action: str, form: Mapping[str, object]) -> None:
    """The form's fields checked and turned into the control's (``Teacher.control``)."""
    if number not in state.classroom.tables:
        raise Refused(f"There is no table {number}.")
    fields: dict[str, object] = {}
    if action == "timer":
        try:
            minutes = float(str(form.get("minutes", "")).strip() or "0")
        except ValueError:
            raise Refused("The timer is a number of minutes (0 clears it).") from None
        if not 0 <= minutes <= 24 * 60:
            raise Refused("The timer is from 0 to 1440 minutes.")
        fields["seconds"] = minutes * 60 if minutes else None
    elif action in ("free", "inject"):
        name = "seat" if action == "free" else "event"
        chosen = str(form.get(name, ""))
        if not IDENTIFIER.fullmatch(chosen):
            raise Refused(f"Choose {'a seat to free' if action == 'free' else 'an event'}.")
        fields[name] = chosen
        if action == "inject":
            fields["note"] = " ".join(str(form.get("note", "")).split())[:600]
    elif action not in ("start", "pause", "resume", "end"):
        raise Refused(f"There is no control {action!r}.")
    await state.teacher.control(number, action, fields)


def _answer(request: web.Request, wants_json: bool, message: str, status: int) -> web.Response:
    if wants_json:
        return web.json_response({"ok": False, "message": message}, status=status)
    return html(pages.refusal_page("Teacher", message, "/teacher"), status)


async def class_report(request: web.Request) -> web.Response:
    """The class report over this lesson's finished games, as the class-report command
    writes it in HTML."""
    state = request.app[WEB]
    if _session(request) is None:
        return html(pages.teacher_login(), 401)
    saved = [Path(t.saved_as) for t in state.classroom.tables.values() if t.saved_as]
    if not saved:
        return html(
            pages.refusal_page("Class report", "No game has finished yet.", "/teacher"), 404
        )
    from excomm_sim.tools.class_report import build_report
    from excomm_sim.tools.class_report_render import render_html

    report = await asyncio.get_running_loop().run_in_executor(None, build_report, saved)
    return html(render_html(report))
