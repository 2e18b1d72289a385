"""``excomm-sim join HOST:PORT --code CODE``: take a seat at a classroom host's table.

The game is played in the same terminal interface as a local one (``tui.join_app``), or
line by line with ``--plain`` (the plain game over a remote session). The client keeps its
seat token in the user data folder, so joining again (or after the host restarted) lands
the student back in their seat.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from excomm_sim.session.remote import RemoteSession

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", metavar="HOST:PORT", help="the host, as the teacher gave it")
    parser.add_argument("--code", required=True, help="your table's join code (e.g. KMR-472)")
    parser.add_argument("--name", help="your name, as the table will see it")
    parser.add_argument("--seat", metavar="ROLE", help="the seat to take (default: choose one)")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="play line by line over stdin/stdout instead of the terminal interface",
    )


def normal_address(text: str) -> str | None:
    """``HOST:PORT`` as typed (``host:8462``, ``[::1]:8462``); None if it is not one."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return f"{host}:{int(port)}"


def run(args: argparse.Namespace) -> int:
    address = normal_address(args.address)
    if address is None:
        print(
            f"excomm-sim join: {args.address!r} is not HOST:PORT (e.g. 192.168.1.20:8462)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not args.plain:
        if not _can_draw():
            print(
                "excomm-sim join: the terminal interface needs a terminal; add --plain to "
                "play line by line",
                file=sys.stderr,
            )
            return EXIT_USAGE
        return play_in_terminal(address, args.code, args.name, args.seat)
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    return play_remote(address, args.code, args.name, args.seat, sys.stdin, sys.stdout)


def _can_draw() -> bool:
    """True in a terminal, and under textual-serve (a browser tab: Textual's web driver
    talks over pipes, named in ``TEXTUAL_DRIVER``)."""
    import os

    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return sys.stdin.isatty() and sys.stdout.isatty()


def play_in_terminal(address: str, code: str, name: str | None, seat: str | None) -> int:
    """Join and play in the terminal interface (``tui.join_app``); 1 with one sentence
    on stderr when the seat cannot be had or is lost."""
    from excomm_sim.tui.join_app import JoinApp

    app = JoinApp(address, code, name=name, seat=seat)
    try:
        result = app.run()
    finally:
        if app.remote is not None:
            app.remote.close()
    if app.failure:
        print(f"excomm-sim join: {app.failure}", file=sys.stderr)
    if app.return_code:
        return app.return_code
    return int(result or 0)


def play_remote(
    address: str,
    code: str,
    name: str | None,
    seat: str | None,
    reader: TextIO,
    writer: TextIO,
) -> int:
    """Join, sit, and play the plain game over the remote session."""
    from excomm_sim.engine.moves import IllegalAction
    from excomm_sim.plain import PlainGame
    from excomm_sim.session.remote import JoinError, RemoteSession

    def status(text: str) -> None:
        writer.write(f"[{text}]\n")
        writer.flush()

    def notice(text: str) -> None:
        writer.write(f"* {text}\n")
        writer.flush()

    try:
        session = RemoteSession.connect(
            address, code, seat=seat, on_status=status, on_notice=notice
        )
    except JoinError as error:
        print(f"excomm-sim join: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        if not session.seated:
            chosen = _choose(session, seat, name, reader, writer)
            if chosen is not None:
                return chosen
        writer.write(
            f"Table {session.table}: you are {session.player}, in "
            f"{session.scenario.role(session.seat or '').name}'s seat.\n"
        )
        if session.status == "seating":
            writer.write("Waiting for the teacher to start the game…\n")
            writer.flush()
            session.wait_until_started()
        if session.failure is not None:
            print(f"excomm-sim join: {session.failure}", file=sys.stderr)
            return EXIT_PROBLEMS
        try:
            code_ = PlainGame(session, reader, writer).run()
        except IllegalAction as error:  # the seat was lost mid-game (said below)
            if session.failure is None:
                print(f"excomm-sim join: {error.message}", file=sys.stderr)
                return EXIT_PROBLEMS
        if session.failure is not None:
            print(f"excomm-sim join: {session.failure}", file=sys.stderr)
            return EXIT_PROBLEMS
        return code_
    except JoinError as error:
        print(f"excomm-sim join: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        session.close()


def _choose(
    session: RemoteSession, seat: str | None, name: str | None, reader: TextIO, writer: TextIO
) -> int | None:
    """Pick a free seat (``seat`` if named) and a name, and sit; an exit code to stop."""
    from excomm_sim.session.remote import JoinError

    free = session.free_seats
    chosen_here = seat is None
    if session.status in ("ended", "stopped"):
        print(f"excomm-sim join: the game at table {session.table} is over", file=sys.stderr)
        return EXIT_PROBLEMS
    if seat is None:
        writer.write(f"Table {session.table}: {session.title}\nFree seats:\n")
        for number, entry in enumerate(free, start=1):
            writer.write(f"  {number}. {entry['name']} ({entry['title']})\n")
        while seat is None:
            writer.write(f"Choose 1-{len(free)}: ")
            writer.flush()
            line = reader.readline()
            if not line:
                return EXIT_OK
            answer = line.strip()
            if answer.isdigit() and 1 <= int(answer) <= len(free):
                seat = free[int(answer) - 1]["role"]
            else:
                writer.write(f"Please type a number from 1 to {len(free)}.\n")
    while not name:
        writer.write("Your name: ")
        writer.flush()
        line = reader.readline()
        if not line:
            return EXIT_OK
        name = " ".join(line.split())[:40]
    try:
        session.sit(seat, name)
    except JoinError as error:
        if error.code == "seat_taken" and chosen_here:
            writer.write(f"{error} meanwhile; choose again.\n")
            return _choose(session, None, name, reader, writer)
        print(f"excomm-sim join: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    return None
