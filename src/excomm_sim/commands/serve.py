"""``excomm-sim serve [SCENARIO]``: play the solo game in a browser window on this machine.

For a student who prefers a browser to a terminal: the same Textual game, drawn in the page
by textual-serve, one game per tab, saved where ``excomm-sim play`` saves. Only this
machine can open it (127.0.0.1).
"""

from __future__ import annotations

import argparse
import socket
import sys

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_PORT = 8463


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenario",
        nargs="?",
        metavar="SCENARIO",
        help="a scenario file, or the name of a bundled one (default: meeting19)",
    )
    parser.add_argument(
        "--port", type=int, metavar="PORT", help=f"the port to listen on (default {DEFAULT_PORT})"
    )


def run(args: argparse.Namespace) -> int:
    import asyncio

    from excomm_sim.commands.play import resolve_scenario
    from excomm_sim.scenario.load import ScenarioError, load_path
    from excomm_sim.server.serve import BindError, bind

    if args.port is not None and not 0 <= args.port <= 65535:
        print(f"excomm-sim serve: --port must be from 1 to 65535, not {args.port}", file=sys.stderr)
        return EXIT_USAGE
    play_arguments: list[str] = []
    if args.scenario is not None:
        path = resolve_scenario(args.scenario, None)
        if path is None:
            print(f"excomm-sim serve: no scenario {args.scenario!r} found", file=sys.stderr)
            return EXIT_USAGE
        try:
            load_path(path)
        except ScenarioError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return EXIT_PROBLEMS
        except (OSError, UnicodeDecodeError) as error:
            print(f"excomm-sim serve: cannot read {path}: {error}", file=sys.stderr)
            return EXIT_USAGE
        play_arguments.append(str(path.resolve()))
    try:
        sock = bind("127.0.0.1", DEFAULT_PORT if args.port is None else args.port)
    except BindError as error:
        print(f"excomm-sim serve: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    asyncio.run(_serve(sock, play_arguments))
    return EXIT_OK


async def _serve(sock: socket.socket, play_arguments: list[str]) -> None:
    import asyncio
    import contextlib
    import signal

    from aiohttp import web

    from excomm_sim.server.web.solo import make_solo_app

    runner = web.AppRunner(
        make_solo_app(play_arguments), handle_signals=False, access_log=None, shutdown_timeout=2
    )
    await runner.setup()
    await web.SockSite(runner, sock).start()
    print(f"open http://127.0.0.1:{sock.getsockname()[1]}/ in your browser (Ctrl+C stops)")
    sys.stdout.flush()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
