"""``excomm-sim serve``: the solo game in a browser window on this machine.

The same game page as a classroom seat (``web.pages.game`` over ``web.terminal``), but
each tab runs ``excomm-sim play [SCENARIO]`` with the student's own user data folder, so
its saves and autosaves are where the terminal game keeps them. It listens on 127.0.0.1
only: a solo game is not served to the network.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from aiohttp import web

from excomm_sim.server.web import pages
from excomm_sim.server.web.routes import add_static, html, same_origin
from excomm_sim.server.web.terminal import (
    Processes,
    child_environment,
    excomm_command,
    run_terminal,
)

MAX_SOLO_GAMES = 4
"""Tabs playing at once (each is a game process)."""

PLAY = web.AppKey("play", tuple)
PROCESSES = web.AppKey("processes", Processes)


def make_solo_app(play_arguments: Sequence[str]) -> web.Application:
    """The app: ``/`` the game's page, ``/ws`` a new game per tab (``excomm-sim play`` with
    ``play_arguments``, already checked by the command)."""
    app = web.Application(client_max_size=64 * 1024)
    app[PLAY] = tuple(play_arguments)
    app[PROCESSES] = Processes(MAX_SOLO_GAMES)
    app.router.add_get("/", game_page)
    app.router.add_get("/ws", game_socket)
    add_static(app)
    app.on_shutdown.append(_stop)
    return app


async def _stop(app: web.Application) -> None:
    await app[PROCESSES].close()


async def game_page(request: web.Request) -> web.Response:
    return html(pages.game("excomm-sim", "/ws", "/", "A new game"))


async def game_socket(request: web.Request) -> web.StreamResponse:
    if not same_origin(request):
        raise web.HTTPForbidden(text="open the game from its own page")
    return await run_terminal(
        request,
        request.app[PROCESSES],
        secrets.token_hex(8),
        excomm_command("play", *request.app[PLAY]),
        child_environment(None),
    )
