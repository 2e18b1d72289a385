"""Opening a lesson: a new one (fresh tables, codes, seeds, key) or the last one, resumed.

A resumed lesson is rebuilt from the store alone: the scenario from the text kept there
(so an edited file cannot change a game in progress), each table from its seed, its
seated people and its committed moves replayed through the ``Autopilot``. Every move the
host acknowledged was committed first, so every acknowledged move comes back.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path
from typing import Any

from attrs import frozen

from excomm_sim.engine.moves import IllegalAction, Move
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.saves.moves import MoveProblem, from_data
from excomm_sim.scenario.load import ScenarioError, load_text
from excomm_sim.scenario.model import Scenario
from excomm_sim.server.classroom import Classroom, Settings
from excomm_sim.server.credentials import join_code, teacher_key
from excomm_sim.server.store import LessonRow, NewLesson, NewTable, Store, StoreError, TableRow
from excomm_sim.server.table import ENDED, PLAYING, SEATING, STOPPED, Holder, Table
from excomm_sim.server.writer import Writer
from excomm_sim.wire.views import SeatViews

MAX_TABLES = 100
SEED_LIMIT = 1_000_000


class LessonError(Exception):
    """A lesson that cannot be opened or resumed; the message says why."""


@frozen
class Opened:
    classroom: Classroom
    teacher_key: str
    settings: dict[str, Any]
    """What the host was started with (port, lan, grace, timer, class folder)."""


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_lesson(
    store: Store,
    writer: Writer,
    scenario: Scenario,
    source: str,
    scenario_path: str,
    tables: int,
    settings: dict[str, Any],
) -> Opened:
    """A fresh lesson with ``tables`` tables, written to the store before it opens."""
    if not 1 <= tables <= MAX_TABLES:
        raise LessonError(f"--tables must be from 1 to {MAX_TABLES}, not {tables}")
    views = _views(scenario, source)
    now = dt.datetime.now(dt.UTC)
    lesson = f"{_stamp(now)}-{secrets.token_hex(3)}"
    key = teacher_key()
    codes: list[str] = []
    made = []
    for number in range(1, tables + 1):
        codes.append(join_code(codes))
        table = Table(lesson, number, codes[-1], secrets.randbelow(SEED_LIMIT), Autopilot(scenario))
        table.timer = settings.get("timer")
        made.append(table)
    try:
        store.write(
            [
                NewLesson(lesson, _stamp(now), source, scenario_path, key, json.dumps(settings)),
                *(NewTable(lesson, t.number, t.code, t.seed) for t in made),
            ]
        )
    except StoreError as error:
        raise LessonError(str(error)) from None
    classroom = Classroom(
        lesson, made, views, writer, _settings(settings), scenario_path, _stamp(now)
    )
    return Opened(classroom, key, settings)


def resume_lesson(store: Store, writer: Writer) -> Opened:
    """The latest lesson in the store, every table at its last committed move."""
    try:
        row = store.latest_lesson()
    except StoreError as error:
        raise LessonError(str(error)) from None
    if row is None:
        raise LessonError("there is no lesson to resume: this host has not run one yet")
    try:
        scenario = load_text(row.scenario_text, row.scenario_path or "<lesson scenario>")
    except ScenarioError as error:
        raise LessonError(f"the lesson's scenario no longer loads: {error.problems[0]}") from None
    if all(table.status in (ENDED, STOPPED) and table.saved_as for table in row.tables):
        raise LessonError(
            f"the last lesson (started {row.created}) has finished: nothing to resume"
        )
    views = _views(scenario, row.scenario_text)
    settings = json.loads(row.settings)
    tables = [_rebuilt(row, table, scenario) for table in row.tables]
    classroom = Classroom(
        row.lesson, tables, views, writer, _settings(settings), row.scenario_path, row.created
    )
    return Opened(classroom, row.teacher_key, settings)


def _rebuilt(lesson: LessonRow, row: TableRow, scenario: Scenario) -> Table:
    table = Table(lesson.lesson, row.number, row.code, row.seed, Autopilot(scenario))
    table.paused = row.paused
    table.timer = row.timer
    table.saved_as = row.saved_as
    table.holders = {seat.role: Holder(seat.player, seat.token_hash) for seat in row.seats}
    if row.status == SEATING:
        return table
    humans = json.loads(row.humans)
    state, _ = table.autopilot.start(row.seed, humans)
    table.begin(state, humans)
    for index, (text, source) in enumerate(row.moves):
        move = _move(text, f"table {row.number}, move {index + 1}")
        try:
            state, _ = table.plan(move)
        except IllegalAction as error:
            raise LessonError(
                f"table {row.number}'s move {index + 1} no longer replays: {error.message}"
            ) from None
        table.commit(move, source, state)
    table.status = row.status if row.status in (STOPPED,) else table.status
    if row.status == PLAYING and table.status == ENDED:
        table.status = ENDED
    return table


def _move(text: str, where: str) -> Move:
    def checked(value: Any, path: str, identifier: bool = False, limit: int = 10_000) -> str:
        if not isinstance(value, str):
            raise MoveProblem(f"{path} is not text")
        return value

    try:
        return from_data(json.loads(text), where, 2, checked)
    except (ValueError, MoveProblem) as error:
        raise LessonError(f"the store holds a broken move ({where}): {error}") from None


def _views(scenario: Scenario, source: str) -> SeatViews:
    from excomm_sim.wire.views import ViewError

    try:
        views = SeatViews(scenario, source)
        views.check_all()
    except ViewError as error:
        raise LessonError(str(error)) from None
    return views


def _settings(settings: dict[str, Any]) -> Settings:
    return Settings(grace=float(settings.get("grace", 60.0)), class_dir=Path(settings["class_dir"]))
