"""``excomm-sim lsp``: the scenario language server, over stdin/stdout, for editors.

Diagnostics as you type (validate's problems and codes), completion of keys and of the
names expressions use, hover, and go to definition. pygls is imported only here, so no
other command pays for it. Editors start it themselves: docs/authoring.md shows how.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio",
        action="store_true",
        help="talk over stdin/stdout (the default and only transport; accepted because "
        "editors' clients pass it)",
    )


def run(args: argparse.Namespace) -> int:
    from excomm_sim.lsp.server import serve

    serve()
    return 0
