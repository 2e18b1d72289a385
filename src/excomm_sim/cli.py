"""The ``excomm-sim`` command line: one subcommand per module in ``excomm_sim.commands``.

Each command module provides ``add_arguments(parser)`` and ``run(args) -> int``. Only the
module of the command being run is imported (the others contribute just their one-line
help), so ``excomm-sim validate`` never pays for Textual and start-up stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from excomm_sim import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("play", "play a scenario (the bundled meeting 19 by default)"),
    "serve": ("serve", "play the solo game in a browser window on this machine"),
    "validate": ("validate", "check scenario files and report every problem with its location"),
    "new": ("new", "write a starter scenario that validates, checks and plays as it is"),
    "schema": ("schema", "print the JSON Schema of the scenario format (for editors)"),
    "lsp": ("lsp", "run the scenario language server on stdin/stdout (for editors)"),
    "replay": ("replay", "step through a saved game, and branch from any decision"),
    "report": ("report", "write the after-action report of a saved game"),
    "check": ("check", "explore every branch of a scenario and report defects"),
    "simulate": ("simulate", "play many computer games and print the balance"),
    "test": ("test", "play a scenario's playtests (NAME.tests.yaml) and report what differs"),
    "graph": ("graph", "draw a scenario's decision flow (SVG, HTML, Mermaid or Graphviz dot)"),
    "class-report": ("class_report", "report over a class's saved games"),
    "host": ("host", "run a classroom host: a table per group, one seat per student"),
    "join": ("join", "take a seat at a classroom host's table"),
    "teacher": ("teacher", "run a classroom host's tables: start, pause, timer, inject, ..."),
}
"""Subcommand name -> (module in excomm_sim.commands, one-line help)."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The parser, with full arguments for ``selected`` and one-line help for the rest."""
    parser = argparse.ArgumentParser(
        prog="excomm-sim",
        description="A teaching wargame: the ExComm meeting of 3 November 1962. "
        "With no command, opens the game on the bundled scenario.",
    )
    parser.add_argument("--version", action="version", version=f"excomm-sim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == selected:
            _command_module(module_name).add_arguments(command_parser)
    return parser


def _command_module(module_name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"excomm_sim.commands.{module_name}")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv) or ["play"]
    selected = next((arg for arg in args_list if not arg.startswith("-")), None)
    parser = build_parser(selected)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    module_name = COMMANDS[args.command][0]
    try:
        return int(_command_module(module_name).run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
