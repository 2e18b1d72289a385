"""The host's web pages as HTML text: the landing page, a game's page, the teacher's key form.

Plain HTML with one stylesheet and at most a small script each, all served by the host
from the installed package (``web/static``) and textual-serve's own assets: a page fetches
nothing from anywhere else, so a classroom network with no internet serves it whole. Every
value that came from outside (a student's name, a code as typed, a message quoting them)
goes through ``html.escape`` here, at the one place text becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

STATIC = "/static/excomm"
"""Where our own CSS and scripts are served."""
TEXTUAL_STATIC = "/static/textual"
"""Where textual-serve's installed assets (xterm.js bundle, CSS, fonts) are served."""

HEAD = (
    '<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta name="color-scheme" content="light">\n'
    '<link rel="icon" href="data:,">\n'
)


def page(title: str, body: str, scripts: Sequence[str] = (), head: str = "") -> str:
    """A whole page: ``body`` is markup already escaped by its maker; ``title`` is text."""
    tags = "".join(f'<script src="{STATIC}/{name}"></script>\n' for name in scripts)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
        + HEAD
        + f"<title>{escape(title)}</title>\n"
        + f'<link rel="stylesheet" href="{STATIC}/site.css">\n'
        + head
        + "</head>\n<body>\n"
        + body
        + tags
        + "</body>\n</html>\n"
    )


def _message(message: str) -> str:
    if not message:
        return ""
    return f'<p class="refusal" role="alert" id="message">{escape(message)}</p>\n'


def seat_options(seats: Iterable[Mapping[str, Any]], chosen: str = "") -> str:
    """The ``<option>``s of the seat list: "choose in the game", then each free seat."""
    options = ['<option value="">Choose in the game</option>']
    for seat in seats:
        role = str(seat["role"])
        selected = " selected" if role == chosen else ""
        label = f"{seat['name']} ({seat['title']})" if seat.get("title") else str(seat["name"])
        options.append(f'<option value="{escape(role)}"{selected}>{escape(label)}</option>')
    return "\n".join(options)


def landing(
    lesson_title: str,
    code: str = "",
    name: str = "",
    seat: str = "",
    message: str = "",
    seats: Sequence[Mapping[str, Any]] = (),
    table_line: str = "",
) -> str:
    """The students' way in: a table code, a name, a seat; joining opens the game."""
    body = f"""<main class="narrow">
<h1>excomm-sim</h1>
<p class="lead">{escape(lesson_title)}</p>
{_message(message)}<form method="post" action="/join" id="join" autocomplete="off">
<label for="code">Table code</label>
<input id="code" name="code" value="{escape(code)}" required maxlength="12"
       autocapitalize="characters" spellcheck="false" placeholder="KMR-472"
       inputmode="latin" aria-describedby="table">
<p class="hint" id="table" aria-live="polite">{escape(table_line)}</p>
<label for="name">Your name</label>
<input id="name" name="name" value="{escape(name)}" required maxlength="40"
       spellcheck="false">
<label for="seat">Seat</label>
<select id="seat" name="seat">
{seat_options(seats, seat)}
</select>
<p class="hint">The free seats of your table; the computer plays every seat nobody takes.</p>
<button type="submit">Join the table</button>
</form>
<p class="small">Your teacher gives each table a code. <a href="/teacher">Teacher</a></p>
</main>
"""
    return page("excomm-sim: join a table", body, ["landing.js"])


def game(title: str, socket_path: str, back: str, back_label: str) -> str:
    """A game in the page: textual-serve's terminal, fed by the WebSocket at ``socket_path``
    (a path; the script makes it ``ws://`` this very host, whatever name the student used)."""
    head = (
        f'<link rel="stylesheet" href="{TEXTUAL_STATIC}/css/xterm.css">\n'
        f'<link rel="stylesheet" href="{STATIC}/game.css">\n'
        f'<script src="{TEXTUAL_STATIC}/js/textual.js"></script>\n'
    )
    body = f"""<div id="starting" class="overlay"><p>Starting the game…</p></div>
<div id="closed" class="overlay"><p>The game has closed.</p>
<p><a href="{escape(back)}">{escape(back_label)}</a>
<button type="button" id="again">Open it again</button></p></div>
<div id="terminal" class="textual-terminal" data-socket-path="{escape(socket_path)}"
     data-session-websocket-url="" data-font-size="16"></div>
"""
    return page(title, body, ["game.js"], head)


def teacher_login(message: str = "") -> str:
    body = f"""<main class="narrow">
<h1>Teacher</h1>
{_message(message)}<form method="post" action="/teacher/login" autocomplete="off">
<label for="key">Teacher key</label>
<input id="key" name="key" type="password" required maxlength="200" spellcheck="false">
<p class="hint">The key the host printed when it started (also in its <code>host.json</code>).</p>
<button type="submit">Open the teacher page</button>
</form>
<p class="small"><a href="/">Students join here</a></p>
</main>
"""
    return page("excomm-sim: teacher", body)


def teacher(lesson_title: str, tables_html: str, csrf: str) -> str:
    body = f"""<main>
<h1>Teacher: {escape(lesson_title)}</h1>
<p class="small"><span id="live" class="live">connecting…</span>
· <a href="/">students' page</a></p>
<div id="tables" data-csrf="{escape(csrf)}">
{tables_html}
</div>
</main>
"""
    return page("excomm-sim: teacher", body, ["teacher.js"])


def refusal_page(title: str, message: str, back: str = "/") -> str:
    body = (
        f'<main class="narrow"><h1>{escape(title)}</h1>{_message(message)}'
        f'<p><a href="{escape(back)}">Back</a></p></main>\n'
    )
    return page(f"excomm-sim: {title}", body)
