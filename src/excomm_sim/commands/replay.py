"""``excomm-sim replay SAVE``: step through a saved game, in the TUI or as plain text."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("save", metavar="SAVE", help="a save file, or a save's name in --saves")
    parser.add_argument(
        "--plain", action="store_true", help="print the game decision by decision as text"
    )
    parser.add_argument(
        "--scenarios",
        metavar="DIR",
        type=Path,
        default=None,
        help="a folder holding the save's scenario (<id>.yaml), if it is not bundled",
    )
    parser.add_argument(
        "--saves",
        metavar="DIR",
        type=Path,
        default=None,
        help="the saves folder: where SAVE names are looked up and branches are written "
        "(default: your user data folder)",
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from excomm_sim.paths import saves_dir as default_saves_dir
    from excomm_sim.reports.loading import find_save, open_save
    from excomm_sim.saves.format import SaveError
    from excomm_sim.scenario.characters import visible

    saves_dir: Path = args.saves if args.saves is not None else default_saves_dir()
    save_file = find_save(args.save, saves_dir)
    search = [args.scenarios] if args.scenarios is not None else []
    try:
        save, scenario = open_save(save_file, search)
    except SaveError as error:
        print(visible(f"excomm-sim replay: {error}"), file=sys.stderr)
        return 2
    if not args.plain:
        from excomm_sim.tui.replay_app import run_replay

        return run_replay(save_file, args.scenarios, saves_dir)
    import shutil

    from excomm_sim.reports.plain import WIDTH, render_plain, width_for
    from excomm_sim.story.timeline import build_timeline

    timeline = build_timeline(save, scenario)
    if timeline.problem:
        print(visible(f"excomm-sim replay: {save_file}: {timeline.problem}"), file=sys.stderr)
    columns = shutil.get_terminal_size((WIDTH, 24)).columns  # COLUMNS first, then the tty
    sys.stdout.write(render_plain(timeline, save_file.name, width_for(columns)))
    return 0
