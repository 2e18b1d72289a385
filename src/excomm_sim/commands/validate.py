"""``excomm-sim validate``: check scenario files and report every problem, compiler-style.

Each finding prints as ``file:line:col: error[E101]: message [path]`` (rustc's short form):
the reader's problems, then the logic checks' (conditions that never or always hold,
endings pre-empted, effects that change nothing), minus those an ignore comment silences.
"""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="scenario files or folders of them, or a bundled scenario's name "
        "(default: every bundled scenario)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the findings as a JSON list of "
        "{file, line, column, path, severity, message, code}",
    )


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from excomm_sim.scenario.characters import visible
    from excomm_sim.scenario.lint import lint_path
    from excomm_sim.scenario.load import Problem
    from excomm_sim.source_texts import check_source_texts

    files, unreadable = _scenario_files(args.paths)
    findings: list[Problem] = []
    checked = 0
    for path in files:
        try:
            linted = lint_path(path)
        except OSError as error:
            unreadable.append(f"{path}: cannot read: {error.strerror or error}")
            continue
        checked += 1
        findings.extend(linted.problems)
        if linted.scenario is not None:
            # The texts beside the file: every cited page and paragraph must be there.
            findings.extend(check_source_texts(linted.scenario, path))
    for message in unreadable:
        print(visible(message), file=sys.stderr)
    errors = sum(problem.severity == "error" for problem in findings)
    warnings = len(findings) - errors
    if args.json:
        print(json.dumps([problem.as_dict() for problem in findings], indent=2))
    else:
        for problem in findings:
            print(visible(problem.coded()))
        print(
            f"{_count(checked, 'file')} checked: {_count(errors, 'error')}, "
            f"{_count(warnings, 'warning')}"
        )
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if errors else EXIT_OK


def _scenario_files(names: list[str]) -> tuple[list[Path], list[str]]:
    """The files to check and the messages for names that are not there."""
    from excomm_sim.paths import bundled_scenarios_dir
    from excomm_sim.scenario.userfiles import file_problem
    from excomm_sim.tools.files import resolve_scenario_path
    from excomm_sim.tools.playtest_spec import is_playtest_file

    if not names:
        return sorted(bundled_scenarios_dir().glob("*.yaml")), []
    files: list[Path] = []
    missing: list[str] = []
    for name in names:
        path = resolve_scenario_path(name)
        if path.is_dir():
            # Playtest files (NAME.tests.yaml) sit beside their scenarios but are not ones.
            found = [
                file
                for file in sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
                if not is_playtest_file(file)
            ]
            if not found:
                missing.append(f"{name}: no .yaml files in this folder")
            files.extend(found)
        elif (problem := file_problem(path)) is None:
            files.append(path)
        else:
            missing.append(f"{name}: {problem}")
    return files, missing


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
