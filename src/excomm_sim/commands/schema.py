"""``excomm-sim schema``: print the scenario format's JSON Schema, for an author's editor."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the schema to FILE (atomically) instead of printing it; point the "
        "yaml-language-server modeline at it: # yaml-language-server: $schema=FILE",
    )


def run(args: argparse.Namespace) -> int:
    from excomm_sim.scenario.schema import schema_text
    from excomm_sim.tools.files import emit

    return emit(schema_text(), args.output)
