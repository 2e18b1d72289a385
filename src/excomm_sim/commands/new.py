"""``excomm-sim new FILE``: write a starter scenario that validates, checks and plays as it is.

Like ``cargo new``: the file holds one of each feature of the format, each with a comment
saying what it does, and its id comes from the file's name. It never overwrites a file.
Beside it goes ``scenario.schema.json`` (unless one is there already), which the
starter's first line names, so an editor with the YAML language server completes keys.
"""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_REFUSED = 0, 2
SCHEMA_NAME = "scenario.schema.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="the scenario file to create (.yaml is added if missing)"
    )
    parser.add_argument(
        "--no-schema",
        action="store_true",
        help=f"do not write {SCHEMA_NAME} beside it (the first line names it, for editors)",
    )


def run(args: argparse.Namespace) -> int:
    import shlex
    import sys
    from pathlib import Path

    from excomm_sim.scenario.schema import schema_text
    from excomm_sim.tools.files import create_text
    from excomm_sim.tools.starter import starter_text

    path = Path(args.file)
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        print(f"{path}: cannot create: no folder {folder}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        create_text(path, starter_text(path.stem))
    except FileExistsError:
        print(
            f"{path}: already exists; new never overwrites a file (pick another name)",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    except OSError as error:
        print(f"{path}: cannot create: {error.strerror or error}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"wrote {path}: a starter scenario, one of each feature, each explained")
    if not args.no_schema:
        schema = folder / SCHEMA_NAME
        try:
            create_text(schema, schema_text())
        except FileExistsError:
            pass  # an author's own copy stays; `excomm-sim schema -o` refreshes it
        except OSError as error:
            print(f"{schema}: cannot write: {error.strerror or error}", file=sys.stderr)
        else:
            print(f"wrote {schema}: the JSON Schema its first line names, for your editor")
    shown = shlex.quote(str(path))
    print(f"next: excomm-sim validate {shown} && excomm-sim play {shown} --plain")
    return EXIT_OK
