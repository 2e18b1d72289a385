"""The host's web pages for students: the landing page, its seat list, joining, the game tab.

``GET /`` the landing page; ``POST /seats`` the free seats of a table code (for the
landing page's script); ``POST /join`` checks a code, a name and a seat and sends the
browser to ``/play/TICKET``, the game's page, whose WebSocket ``/play/TICKET/ws`` runs
``excomm-sim join 127.0.0.1:PORT --code CODE --name NAME [--seat ROLE]`` for that tab
(``web.terminal``), so a browser seat is the same client as a terminal one. The teacher's
pages are in ``web.teacher_routes``; both are added by ``add_pages``.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from aiohttp import web
from attrs import define, field

from excomm_sim.server.classroom import Classroom
from excomm_sim.server.limits import FailureLimit
from excomm_sim.server.table import Table
from excomm_sim.server.teacher import Teacher
from excomm_sim.server.web import pages
from excomm_sim.server.web.terminal import (
    Processes,
    child_environment,
    excomm_command,
    run_terminal,
    textual_serve_static,
)
from excomm_sim.server.web.tickets import Ticket, Tickets, clean_name
from excomm_sim.wire.protocol import normal_code

BROWSER_COOKIE = "excomm_browser"
LAST_TICKET_COOKIE = "excomm_ticket"
MAX_BROWSER_GAMES = 80
"""Game processes the host runs for browsers at once (30 seats cost about 2 GB)."""
MAX_FORM_BYTES = 4096

STATIC_DIR = Path(__file__).parent / "static"

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
"""Every page: nothing loads from anywhere but this host (the browser enforces it)."""


@define
class WebState:
    """What the web pages keep on the app."""

    classroom: Classroom
    teacher: Teacher
    key: str
    tickets: Tickets
    limit: FailureLimit = field(factory=FailureLimit)
    """Wrong codes and keys typed in pages, by the browser's address (apart from the
    WebSocket's count: every browser game's own client connects from 127.0.0.1)."""
    processes: Processes = field(factory=lambda: Processes(MAX_BROWSER_GAMES))
    teacher_sessions: dict[str, str] = field(factory=dict)
    """A teacher cookie's value -> the form token (CSRF) its pages carry."""


WEB = web.AppKey("web", WebState)


def add_pages(app: web.Application, classroom: Classroom, key: str, teacher: Teacher) -> None:
    """Add the students' and the teacher's pages and their static files to the host's app."""
    from excomm_sim.paths import host_dir
    from excomm_sim.server.web import teacher_routes

    root = host_dir() / "browser" / classroom.lesson
    app[WEB] = WebState(classroom, teacher, key, Tickets(root))
    app.router.add_get("/", landing)
    app.router.add_post("/seats", seats)
    app.router.add_post("/join", join)
    app.router.add_get("/play/{ticket}", game_page)
    app.router.add_get("/play/{ticket}/ws", game_socket)
    add_static(app)
    teacher_routes.add_routes(app)
    app.on_shutdown.append(_stop_games)


def add_static(app: web.Application) -> None:
    """Our CSS and scripts, and textual-serve's installed assets: all a page ever loads."""
    app.router.add_static(pages.STATIC, STATIC_DIR, show_index=False)
    app.router.add_static(pages.TEXTUAL_STATIC, textual_serve_static(), show_index=False)


async def _stop_games(app: web.Application) -> None:
    await app[WEB].processes.close()


def html(text: str, status: int = 200) -> web.Response:
    return web.Response(
        text=text, status=status, content_type="text/html", headers=SECURITY_HEADERS
    )


def browser_cookie(request: web.Request) -> str:
    return request.cookies.get(BROWSER_COOKIE, "")


def set_browser_cookie(request: web.Request, response: web.StreamResponse) -> None:
    if not browser_cookie(request):
        response.set_cookie(
            BROWSER_COOKIE, secrets.token_urlsafe(24), httponly=True, samesite="Lax", path="/"
        )


def free_seats(table: Table) -> list[dict[str, Any]]:
    return [
        {"role": role.id, "name": role.name, "title": role.title}
        for role in table.scenario.roles
        if role.id not in table.holders
    ]


def same_origin(request: web.Request) -> bool:
    """A WebSocket or form from a page of this host (a browser always says where from)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # not a browser's cross-site request (browsers always send Origin)
    return origin in (f"http://{request.host}", f"https://{request.host}")


class Refused(Exception):
    """What a student typed cannot be taken; the message says why, in a sentence."""


def _table_for(state: WebState, request: web.Request, typed: str) -> Table:
    """The table with code ``typed``; Refused (counted against the address) if none."""
    address = request.remote or "unknown"
    wait = state.limit.blocked(address)
    if wait:
        raise Refused(f"Too many wrong codes from this device; try again in {wait:.0f} s.")
    code = normal_code(typed)
    table = state.classroom.by_code.get(code)
    if table is None:
        if sum(char.isalnum() for char in typed) >= 6:  # a whole code, not one half typed
            state.limit.fail(address)
        shown = code[:12] or "nothing"
        raise Refused(f"No table here has the code {shown}; check it with your teacher.")
    if table.ended:
        raise Refused(f"The game at table {table.number} is over.")
    return table


async def landing(request: web.Request) -> web.Response:
    state = request.app[WEB]
    response = html(pages.landing(_lesson_title(state)))
    set_browser_cookie(request, response)
    return response


def _lesson_title(state: WebState) -> str:
    tables = list(state.classroom.tables.values())
    return tables[0].scenario.title if tables else "A classroom host"


async def _form(request: web.Request) -> dict[str, str]:
    if request.content_length is not None and request.content_length > MAX_FORM_BYTES:
        raise Refused("That form is too long.")
    form = await request.post()
    return {key: str(value)[:200] for key, value in form.items() if isinstance(value, str)}


async def seats(request: web.Request) -> web.Response:
    """The free seats of the table a code names (the landing page asks as the code is typed)."""
    state = request.app[WEB]
    try:
        form = await _form(request)
        table = _table_for(state, request, form.get("code", ""))
    except Refused as refused:
        return web.json_response({"ok": False, "message": str(refused)}, headers=SECURITY_HEADERS)
    free = free_seats(table)
    line = f"Table {table.number}: {table.scenario.title}. " + (
        f"{len(free)} free seat{'s' if len(free) != 1 else ''}." if free else "No seat is free."
    )
    return web.json_response(
        {"ok": True, "table": table.number, "line": line, "seats": free},
        headers=SECURITY_HEADERS,
    )


async def join(request: web.Request) -> web.Response:
    """Check the landing page's form; a ticket and the game's page, or the form again with
    a sentence saying what to fix."""
    state = request.app[WEB]
    cookie = browser_cookie(request)
    form: dict[str, str] = {}
    try:
        if not same_origin(request):
            raise Refused("Join from this host's own page.")
        form = await _form(request)
        if not cookie:
            raise Refused("This page needs cookies to keep your seat; allow them and try again.")
        table = _table_for(state, request, form.get("code", ""))
        ticket = _ticket(state, table, form, cookie, request.cookies.get(LAST_TICKET_COOKIE, ""))
    except Refused as refused:
        typed = form.get("code", "")
        table_ = state.classroom.by_code.get(normal_code(typed))
        page = pages.landing(
            _lesson_title(state),
            code=typed,
            name=form.get("name", ""),
            seat=form.get("seat", ""),
            message=str(refused),
            seats=free_seats(table_) if table_ is not None else (),
        )
        response = html(page, 400)
        set_browser_cookie(request, response)
        return response
    found = web.HTTPSeeOther(f"/play/{ticket.id}")
    found.set_cookie(LAST_TICKET_COOKIE, ticket.id, httponly=True, samesite="Lax", path="/")
    raise found


def _ticket(state: WebState, table: Table, form: dict[str, str], cookie: str, last: str) -> Ticket:
    """This browser's ticket for ``table``: the one it already has there (back in its
    seat), or a new one for the name and seat the form gives."""
    kept = state.tickets.find(last, cookie) if last else None
    if kept is not None and kept.code == table.code:
        return kept
    name = clean_name(form.get("name", ""))
    if not name:
        raise Refused("Type your name, as your table will see it.")
    seat = form.get("seat", "").strip() or None
    free = free_seats(table)
    if not free:
        raise Refused(f"Every seat at table {table.number} is taken.")
    if seat is not None and seat not in {entry["role"] for entry in free}:
        roles = {role.id for role in table.scenario.roles}
        if seat in roles:
            raise Refused("That seat was taken meanwhile; choose another.")
        raise Refused("Choose a seat from the list.")
    return state.tickets.issue(table.code, name, seat, cookie)


async def game_page(request: web.Request) -> web.Response:
    state = request.app[WEB]
    ticket = state.tickets.find(request.match_info["ticket"], browser_cookie(request))
    if ticket is None:
        return html(
            pages.refusal_page(
                "No such game",
                "This game's link belongs to another browser, or to another lesson; "
                "join from the landing page.",
            ),
            404,
        )
    return html(
        pages.game(
            f"excomm-sim: {ticket.name} at table {ticket.code}",
            f"/play/{ticket.id}/ws",
            "/",
            "Back to the landing page",
        )
    )


async def game_socket(request: web.Request) -> web.StreamResponse:
    state = request.app[WEB]
    ticket = state.tickets.find(request.match_info["ticket"], browser_cookie(request))
    if ticket is None or not same_origin(request):
        raise web.HTTPForbidden(text="not this browser's game")
    sockname = request.transport.get_extra_info("sockname") if request.transport else None
    port = int(sockname[1]) if sockname else 0
    arguments = ["join", f"127.0.0.1:{port}", f"--code={ticket.code}", f"--name={ticket.name}"]
    if ticket.seat is not None:
        arguments.append(f"--seat={ticket.seat}")
    return await run_terminal(
        request,
        state.processes,
        ticket.id,
        excomm_command(*arguments),
        child_environment(ticket.home),
    )
