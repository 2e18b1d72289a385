"""``excomm-sim teacher``: run a host's tables from the command line (the teacher's API).

For a host without its console (headless, or on another machine): list the tables, start
them, pause and resume, set or clear the item timer, free a seat, inject an event, end a
game. The host's address and key are read from the host's ``host.json`` on this machine
unless given (``--host``, ``--key``).
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
ACTIONS = ("tables", "start", "pause", "resume", "timer", "free", "inject", "end")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=ACTIONS, help="what to do")
    parser.add_argument(
        "table", nargs="?", help="the table's number, or 'all' (for start, pause, resume, end)"
    )
    parser.add_argument(
        "value",
        nargs="?",
        help="timer: a duration or 'off'; free: the seat's role; inject: the event's id",
    )
    parser.add_argument("--note", default="", help="inject: the line read with the event")
    parser.add_argument("--host", metavar="HOST:PORT", help="the host (default: this machine's)")
    parser.add_argument("--key", help="the teacher's key (default: this machine's host.json)")


def _local_host() -> dict[str, Any]:
    from excomm_sim.paths import host_dir

    try:
        data = json.loads((host_dir() / "host.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _call(address: str, key: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
    from excomm_sim.wire.protocol import PROTOCOL_VERSION

    data = None if body is None else json.dumps({"v": PROTOCOL_VERSION, **body}).encode()
    request = urllib.request.Request(
        f"http://{address}{path}",
        data=data,
        method="GET" if body is None else "POST",
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answer: dict[str, Any] = json.loads(response.read())
    except urllib.error.HTTPError as error:
        try:
            answer = json.loads(error.read())
        except ValueError:
            raise SystemExit(f"excomm-sim teacher: {address} answered HTTP {error.code}") from None
        raise SystemExit(f"excomm-sim teacher: {answer.get('message', error.code)}") from None
    except (urllib.error.URLError, OSError, ValueError):
        raise SystemExit(f"excomm-sim teacher: nothing answers at {address}") from None
    return answer


def _show(table: dict[str, Any]) -> str:
    seats = ", ".join(
        f"{seat['role']}={seat['player']}{'' if seat['connected'] else ' (away)'}"
        for seat in table["seats"]
        if seat["player"]
    )
    paused = ", paused" if table["paused"] else ""
    timer = f", {table['timer_left']:.0f} s left" if table.get("timer_left") is not None else ""
    return (
        f"table {table['number']} ({table['code']}): {table['status']}{paused}{timer}; "
        f"{table['waiting_for']}; seats: {seats or 'none taken'}"
    )


def run(args: argparse.Namespace) -> int:
    from excomm_sim.commands.durations import duration

    local = _local_host()
    address = args.host or local.get("address")
    key = args.key or local.get("key")
    if not address or not key:
        print(
            "excomm-sim teacher: no host on this machine; give --host HOST:PORT and --key KEY",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        if args.action == "tables":
            for table in _call(address, key, "/api/tables", None)["tables"]:
                print(_show(table))
            return EXIT_OK
        if args.table is None:
            print(f"excomm-sim teacher: {args.action} needs a table number", file=sys.stderr)
            return EXIT_USAGE
        numbers = [args.table]
        if args.table == "all":
            numbers = [str(t["number"]) for t in _call(address, key, "/api/tables", None)["tables"]]
        body: dict[str, Any] = {}
        if args.action == "timer":
            if args.value is None:
                print("excomm-sim teacher: timer needs a duration or 'off'", file=sys.stderr)
                return EXIT_USAGE
            body["seconds"] = None if args.value == "off" else duration(args.value)
        elif args.action in ("free", "inject"):
            if args.value is None:
                what = "a seat's role" if args.action == "free" else "an event's id"
                print(f"excomm-sim teacher: {args.action} needs {what}", file=sys.stderr)
                return EXIT_USAGE
            body["seat" if args.action == "free" else "event"] = args.value
            if args.action == "inject" and args.note:
                body["note"] = args.note
        for number in numbers:
            answer = _call(address, key, f"/api/tables/{number}/{args.action}", body)
            print(_show(answer["table"]))
    except argparse.ArgumentTypeError as error:
        print(f"excomm-sim teacher: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as stop:
        print(stop.code, file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
