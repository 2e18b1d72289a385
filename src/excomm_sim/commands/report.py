"""``excomm-sim report SAVE``: write a saved game's after-action report (Markdown or HTML)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("save", metavar="SAVE", help="a save file, or a save's name in --saves")
    parser.add_argument(
        "--format",
        choices=("md", "html"),
        default=None,
        help="Markdown or a self-contained HTML page (default md, or html for -o *.html)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
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
        help="the saves folder where SAVE names are looked up (default: your user data folder)",
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from excomm_sim import __version__
    from excomm_sim.paths import saves_dir as default_saves_dir
    from excomm_sim.reports.loading import find_save, open_save
    from excomm_sim.saves.format import SaveError
    from excomm_sim.scenario.characters import visible
    from excomm_sim.story.timeline import build_timeline
    from excomm_sim.tools.files import emit

    saves_dir: Path = args.saves if args.saves is not None else default_saves_dir()
    save_file = find_save(args.save, saves_dir)
    search = [args.scenarios] if args.scenarios is not None else []
    try:
        save, scenario = open_save(save_file, search)
    except SaveError as error:
        print(visible(f"excomm-sim report: {error}"), file=sys.stderr)
        return 2
    timeline = build_timeline(save, scenario)
    if timeline.problem:
        print(visible(f"excomm-sim report: {save_file}: {timeline.problem}"), file=sys.stderr)
    kind = args.format
    if kind is None:
        kind = "html" if str(args.output or "").lower().endswith((".html", ".htm")) else "md"
    generated_by = f"Made by excomm-sim {__version__} from {save_file.name}."
    if kind == "html":
        from excomm_sim.reports.html import render_html
        from excomm_sim.sourcetext import shipped_texts

        texts = shipped_texts(timeline.scenario)
        text = render_html(timeline, save_file.name, generated_by, texts)
    else:
        from excomm_sim.reports.after_action import render_markdown

        text = render_markdown(timeline, save_file.name, generated_by)
    return emit(text, args.output)
