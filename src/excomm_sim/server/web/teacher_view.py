"""The teacher page's tables as HTML: seats, the item, whom it waits for, meters, controls.

Rendered here, on the host, from the same overview the teacher's API and console use
(``server.overview``), and sent whole to the page over its WebSocket whenever it changes:
the page's script only swaps the markup in, so escaping happens once, in Python, and the
page without a script (or on paper) shows the same thing. The meters are small SVG
charts of the public timeline (values after each decision), drawn without any library.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from excomm_sim.scenario.model import Scenario, VariableKind
from excomm_sim.server.classroom import Classroom
from excomm_sim.server.table import ENDED, PLAYING, SEATING, STOPPED, Table
from excomm_sim.server.teacher import Teacher

CHART_WIDTH, CHART_HEIGHT = 96, 22
"""A meter's chart, in CSS pixels: small enough for four across a phone."""


def tables_html(teacher: Teacher, csrf: str) -> str:
    """Every table, then the class report's link once every game is over."""
    classroom = teacher.classroom
    parts = [
        table_html(table, facts, csrf)
        for table, facts in zip(classroom.tables.values(), teacher.overviews(), strict=True)
    ]
    if all_over(classroom):
        parts.append(
            '<section class="report"><h2>Class report</h2><p>Every game is over. '
            '<a href="/teacher/report" id="class-report">Open the class report</a> '
            "(the finished games are in the class folder as ordinary saves).</p></section>"
        )
    return "\n".join(parts)


def all_over(classroom: Classroom) -> bool:
    return all(table.status in (ENDED, STOPPED) for table in classroom.tables.values())


def table_html(table: Table, facts: Mapping[str, Any], csrf: str) -> str:
    number = int(facts["number"])
    status = str(facts["status"])
    shown = status + (" (paused)" if facts["paused"] else "")
    item = facts["item"]
    item_text = f"{item['number']}. {item['title']}" if item else "—"
    timer = facts["timer"]
    timer_text = "none" if timer is None else f"{timer:g} s an item"
    if facts["timer_left"] is not None:
        timer_text += f", {facts['timer_left']:g} s left"
    return f"""<section class="table" id="table-{number}" data-status="{escape(status)}">
<h2>Table {number} <span class="code">{escape(str(facts["code"]))}</span>
<span class="status status-{escape(status)}">{escape(shown)}</span></h2>
<dl class="facts">
<dt>Item</dt><dd class="item">{escape(item_text)}</dd>
<dt>Waiting for</dt><dd class="waiting">{escape(str(facts["waiting_for"]))}</dd>
<dt>Timer</dt><dd>{escape(timer_text)}</dd>
</dl>
{_seats(facts["seats"])}
{meters_html(table)}
{_controls(table, facts, csrf)}
</section>"""


def _seats(seats: Sequence[Mapping[str, Any]]) -> str:
    rows = []
    for seat in seats:
        player = seat["player"]
        if player is None:
            who, state = "the computer", "computer"
        elif seat["connected"]:
            who, state = str(player), "connected"
        else:
            who, state = str(player), "away"
        rows.append(
            f'<tr data-role="{escape(str(seat["role"]))}" class="seat-{state}">'
            f"<td>{escape(str(seat['name']))}</td><td>{escape(who)}</td>"
            f'<td class="presence">{state}</td></tr>'
        )
    return (
        '<div class="wide"><table class="seats"><thead><tr><th>Seat</th><th>Played by</th>'
        "<th>Now</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def meters_html(table: Table) -> str:
    """The public meters: each a line over the game so far and its value now."""
    seen = table.observation(None)
    if seen is None:
        return ""
    cells = []
    for variable in _meters(table.scenario):
        if variable.id not in seen.values:
            continue
        points = [point[variable.id] for point in seen.timeline if variable.id in point]
        value = seen.values[variable.id]
        chart = ""
        if variable.kind is VariableKind.INT:
            low = variable.minimum if variable.minimum is not None else 0
            high = variable.maximum if variable.maximum is not None else 100
            numbers = [int(point) for point in points]
            chart = sparkline(numbers, low, high, variable.label)
        cells.append(
            f'<li class="meter"><span class="label">{escape(variable.label)}</span>'
            f"{chart}"
            f'<span class="value">{escape(variable.label_of(value))}</span></li>'
        )
    return '<ul class="meters">' + "".join(cells) + "</ul>" if cells else ""


def _meters(scenario: Scenario) -> list[Any]:
    return [
        variable
        for variable in scenario.variables
        if variable.kind in (VariableKind.INT, VariableKind.ENUM, VariableKind.BOOL)
    ]


def sparkline(values: Sequence[int], low: int, high: int, label: str) -> str:
    """An inline SVG line of ``values`` on a ``low``..``high`` scale (a dot for one value)."""
    if not values:
        return ""
    span = (high - low) or 1
    step = CHART_WIDTH / max(1, len(values) - 1)

    def y(value: int) -> float:
        clamped = max(low, min(high, value))
        return round(CHART_HEIGHT - 2 - (clamped - low) / span * (CHART_HEIGHT - 4), 1)

    points = " ".join(f"{round(index * step, 1)},{y(v)}" for index, v in enumerate(values))
    last_x = round((len(values) - 1) * step, 1)
    return (
        f'<svg class="spark" viewBox="-2 0 {CHART_WIDTH + 4} {CHART_HEIGHT}" '
        f'width="{CHART_WIDTH + 4}" height="{CHART_HEIGHT}" role="img" '
        f'aria-label="{escape(label)}: {", ".join(map(str, values))}">'
        f'<polyline points="{points}" fill="none" stroke="#1f5d99" stroke-width="1.5"/>'
        f'<circle cx="{last_x}" cy="{y(values[-1])}" r="2" fill="#1f5d99"/></svg>'
    )


def _button(number: int, action: str, label: str, csrf: str, fields: str = "") -> str:
    return (
        f'<form method="post" action="/teacher/tables/{number}/{action}" class="control">'
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">{fields}'
        f'<button type="submit" name="do" value="{action}">{escape(label)}</button></form>'
    )


def _controls(table: Table, facts: Mapping[str, Any], csrf: str) -> str:
    number, status, seats = int(facts["number"]), str(facts["status"]), facts["seats"]
    if status in (ENDED, STOPPED):
        return ""
    buttons = []
    if status == SEATING:
        buttons.append(_button(number, "start", "Start", csrf))
    if status == PLAYING:
        action = "resume" if facts["paused"] else "pause"
        buttons.append(_button(number, action, action.capitalize(), csrf))
    minutes = (
        '<label class="inline">Timer <input name="minutes" type="number" min="0" max="60" '
        'step="0.5" value="3" inputmode="decimal"> min</label>'
    )
    buttons.append(_button(number, "timer", "Set timer (0 clears)", csrf, minutes))
    held = [seat for seat in seats if seat["player"] is not None]
    if held:
        options = "".join(
            f'<option value="{escape(str(seat["role"]))}">'
            f"{escape(str(seat['name']))}: {escape(str(seat['player']))}</option>"
            for seat in held
        )
        choose = f'<select name="seat" aria-label="seat to free">{options}</select>'
        buttons.append(_button(number, "free", "Free seat", csrf, choose))
    if status == PLAYING and table.scenario.events:
        events = "".join(
            f'<option value="{escape(event.id)}">{escape(event.title)}</option>'
            for event in table.scenario.events
        )
        inject = (
            f'<select name="event" aria-label="event to inject">{events}</select>'
            '<input name="note" maxlength="600" placeholder="a line of your own" '
            'aria-label="the teacher\'s line">'
        )
        buttons.append(_button(number, "inject", "Inject", csrf, inject))
    buttons.append(_button(number, "end", "End game", csrf))
    return '<div class="controls">' + "".join(buttons) + "</div>"
