"""``excomm-sim schema``: print the scenario format's JSON Schema, for an author's editor;
``--docs FILE`` rewrites the field tables of a format reference (docs/scenario-format.md)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the schema to FILE (atomically) instead of printing it; point the "
        "yaml-language-server modeline at it: # yaml-language-server: $schema=FILE",
    )
    parser.add_argument(
        "--docs",
        metavar="FILE",
        help="instead, rewrite the field tables between <!-- fields: NAME --> marks in FILE "
        "(docs/scenario-format.md) from the format's declaration",
    )


def run(args: argparse.Namespace) -> int:
    from excomm_sim.tools.files import emit

    if args.docs is not None:
        return _rewrite_docs(args.docs)
    from excomm_sim.scenario.schema import schema_text

    return emit(schema_text(), args.output)


def _rewrite_docs(name: str) -> int:
    from pathlib import Path

    from excomm_sim.scenario.spec.tables import UnknownTable, render_docs
    from excomm_sim.tools.files import emit

    try:
        text = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{name}: cannot read: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 2
    try:
        rendered = render_docs(text)
    except UnknownTable as error:
        print(f"{name}: {error}", file=sys.stderr)
        return 2
    return emit(rendered, name)
