"""``excomm-sim host``: run a classroom host, a table per group of students.

In a terminal the host opens the teacher console (``tui.console``); otherwise it runs
headless, one line per event on stdout. The lesson is kept in the host's store (the user
data folder's ``host/``) move by move, so ``--resume`` after a crash brings every table
back where it was. Finished games go to the class folder as ordinary saves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from excomm_sim.commands.durations import duration

if TYPE_CHECKING:
    import socket

    from excomm_sim.scenario.model import Scenario
    from excomm_sim.server.lesson import Opened

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_PORT = 8462


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenario",
        nargs="?",
        metavar="SCENARIO",
        help="a scenario file, or the name of a bundled one (default: meeting19)",
    )
    parser.add_argument("--tables", type=int, metavar="N", help="how many tables (default 1)")
    parser.add_argument(
        "--lan",
        action="store_true",
        help="listen on the local network so the class's machines can join (default: "
        "this machine only)",
    )
    parser.add_argument(
        "--port", type=int, metavar="PORT", help=f"the port to listen on (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--class",
        dest="class_dir",
        type=Path,
        metavar="DIR",
        help="where finished games are saved (default: the user data folder's class/)",
    )
    parser.add_argument(
        "--grace",
        type=duration,
        metavar="TIME",
        help="how long a student may be away before the computer plays their seat (default 60s)",
    )
    parser.add_argument(
        "--timer",
        type=duration,
        metavar="TIME",
        help="time per item; then the computer acts for whoever has not (default: none)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue the last lesson, every table at its last move (after a crash)",
    )


def run(args: argparse.Namespace) -> int:
    import asyncio

    from excomm_sim.paths import host_dir
    from excomm_sim.server.headless import Headless
    from excomm_sim.server.lesson import LessonError, new_lesson, resume_lesson
    from excomm_sim.server.serve import BindError, bind, serve
    from excomm_sim.server.store import SqliteStore, StoreError
    from excomm_sim.server.writer import Writer

    if args.resume and (args.scenario is not None or args.tables is not None):
        return _usage(
            "--resume continues the last lesson as it was: leave out SCENARIO and --tables"
        )
    if args.port is not None and not 0 <= args.port <= 65535:
        return _usage(f"--port must be from 1 to 65535, not {args.port}")
    prepared = None if args.resume else _prepare(args)
    if isinstance(prepared, int):
        return prepared
    try:
        store = SqliteStore(host_dir() / "classroom.sqlite3")
    except StoreError as error:
        return _fail(str(error))
    writer = Writer(store)
    try:
        if prepared is None:
            opened: Opened = resume_lesson(store, writer)
            port = args.port if args.port is not None else int(opened.settings["port"])
            lan = args.lan or bool(opened.settings.get("lan"))
            sock = bind("0.0.0.0" if lan else "127.0.0.1", port)
        else:
            lan = args.lan
            sock = bind(
                "0.0.0.0" if lan else "127.0.0.1", DEFAULT_PORT if args.port is None else args.port
            )
            settings = {**prepared.settings, "port": sock.getsockname()[1], "lan": lan}
            opened = new_lesson(
                store,
                writer,
                prepared.scenario,
                prepared.source,
                prepared.scenario_path,
                prepared.tables,
                settings,
            )
    except (LessonError, BindError) as error:
        writer.close()
        return _fail(str(error))
    key_file = host_dir() / "host.json"
    if sys.stdout.isatty() and sys.stdin.isatty():
        return _console(sock, opened, lan, key_file, prepared is None)
    frontend = Headless(show_key=sys.stdout.isatty())
    asyncio.run(serve(sock, opened, frontend, lan, key_file, prepared is None))
    return EXIT_OK


def _console(sock: socket.socket, opened: Opened, lan: bool, key_file: Path, resumed: bool) -> int:
    """The teacher console (``tui.console``), with the host running in its event loop."""
    import asyncio

    from excomm_sim.server.desk import Desk
    from excomm_sim.server.serve import serve
    from excomm_sim.tui.console.app import ConsoleApp

    async def run_host(console: ConsoleApp, stop: asyncio.Event) -> None:
        await serve(sock, opened, console, lan, key_file, resumed, stop, signals=False)

    app = ConsoleApp(Desk(opened.classroom), run_host)
    result = app.run()
    if app.failure:
        print(f"excomm-sim host: {app.failure}", file=sys.stderr)
    print("host stopped; continue the lesson with: excomm-sim host --resume")
    return app.return_code or int(result or 0)


def _usage(message: str) -> int:
    print(f"excomm-sim host: {message}", file=sys.stderr)
    return EXIT_USAGE


def _fail(message: str) -> int:
    print(f"excomm-sim host: {message}", file=sys.stderr)
    return EXIT_PROBLEMS


@frozen
class _Prepared:
    """A new lesson's makings, checked before the host binds its port."""

    scenario: Scenario
    source: str
    scenario_path: str
    tables: int
    settings: dict[str, Any]


def _prepare(args: argparse.Namespace) -> _Prepared | int:
    from excomm_sim.commands.play import _scenario_path, resolve_scenario
    from excomm_sim.paths import class_dir
    from excomm_sim.scenario.load import ScenarioError, load_path
    from excomm_sim.server.lesson import MAX_TABLES

    path = resolve_scenario(args.scenario, None)
    if path is None:
        return _usage(f"no scenario {args.scenario!r} found")
    try:
        scenario = load_path(path)
        source = path.read_text(encoding="utf-8")
    except ScenarioError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    except (OSError, UnicodeDecodeError) as error:
        return _usage(f"cannot read {path}: {error}")
    tables = args.tables if args.tables is not None else 1
    if not 1 <= tables <= MAX_TABLES:
        return _usage(f"--tables must be from 1 to {MAX_TABLES}, not {tables}")
    folder = (args.class_dir or class_dir()).expanduser().resolve()
    settings = {
        "grace": args.grace if args.grace is not None else 60.0,
        "timer": args.timer,
        "class_dir": str(folder),
    }
    return _Prepared(scenario, source, _scenario_path(args.scenario, path), tables, settings)
