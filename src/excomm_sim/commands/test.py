"""``excomm-sim test``: play a scenario's playtests and report the first thing that differs.

``excomm-sim test storm.yaml`` plays ``storm.tests.yaml`` (beside it, or in a ``tests``
folder beside it); a playtest file may be named instead, or a folder of them; with no
name, every bundled scenario's. Exit status: 0 when every test passed, 1 when one failed,
2 when a file cannot be read or has problems (each printed located, as ``validate`` does).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

if TYPE_CHECKING:
    from excomm_sim.tools.playtest import Result

EXIT_OK, EXIT_FAILED, EXIT_UNUSABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="FILE",
        help="a scenario (its NAME.tests.yaml is played), a playtest file, a folder, or a "
        "bundled scenario's name (default: every bundled scenario's playtests)",
    )
    parser.add_argument(
        "-k",
        dest="name",
        default=None,
        metavar="TEXT",
        help="only the tests whose name contains TEXT (any case)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")


@frozen
class Pair:
    """A playtest file and the scenario file it tests."""

    tests: Path
    scenario: Path


def run(args: argparse.Namespace) -> int:
    import json
    import time

    from excomm_sim.scenario.characters import visible

    started = time.perf_counter()
    pairs, unusable = _pairs(args.paths)
    files: list[dict[str, Any]] = []
    texts: list[str] = []
    for pair in pairs:
        played = _run_pair(pair, args.name)
        if played is None:
            unusable = True
            continue
        files.append(played[0])
        texts.append(played[1])
    elapsed = time.perf_counter() - started
    results = [test for report in files for test in report["tests"]]
    passed = sum(test["passed"] for test in results)
    failed = len(results) - passed
    if args.json:
        data = {"files": files, "passed": passed, "failed": failed, "seconds": round(elapsed, 3)}
        print(json.dumps(data, indent=2))
    else:
        # Names and paths come from files: never let them drive the terminal.
        sys.stdout.write(visible("".join(texts)))
        sys.stdout.write(_totals(passed, failed, elapsed))
    if unusable:
        return EXIT_UNUSABLE
    return EXIT_FAILED if failed else EXIT_OK


def _pairs(names: list[str]) -> tuple[list[Pair], bool]:
    """The playtest files to play with their scenarios; True if some name gave none."""
    from excomm_sim.paths import bundled_scenarios_dir

    if not names:
        names = [str(path) for path in sorted(bundled_scenarios_dir().glob("*.yaml"))]
    pairs: list[Pair] = []
    unusable = False
    for name in names:
        found = _pairs_named(name)
        if found is None:
            unusable = True
        else:
            pairs.extend(found)
    return pairs, unusable


def _pairs_named(name: str) -> list[Pair] | None:
    """What one name on the command line stands for; None (said on stderr) if nothing."""
    from excomm_sim.tools.files import resolve_scenario_path
    from excomm_sim.tools.playtest_spec import is_playtest_file, playtests_for

    path = resolve_scenario_path(name)
    if path.is_dir():
        found = sorted({*path.glob("*.tests.y*ml"), *path.glob("tests/*.tests.y*ml")})
        if not found:
            _say(f"{name}: no playtest files (*.tests.yaml) in this folder")
            return None
        pairs = [_paired(tests) for tests in found]
        return None if None in pairs else [pair for pair in pairs if pair is not None]
    if not path.exists():
        _say(f"{name}: no such file")
        return None
    if is_playtest_file(path):
        pair = _paired(path)
        return None if pair is None else [pair]
    sidecar = playtests_for(path)
    if sidecar is None:
        stem = path.name.rsplit(".", 1)[0]
        _say(
            f"{path}: no playtests: write them in {stem}.tests.yaml beside it "
            "(docs/authoring.md, 'Step 6: keep playtests beside it')"
        )
        return None
    return [Pair(sidecar, path)]


def _paired(tests: Path) -> Pair | None:
    from excomm_sim.tools.playtest_spec import scenario_for

    scenario = scenario_for(tests)
    if scenario is None:
        stem = tests.name.split(".tests.", 1)[0]
        _say(f"{tests}: no scenario {stem}.yaml beside it to test")
        return None
    return Pair(tests, scenario)


def _run_pair(pair: Pair, name: str | None) -> tuple[dict[str, Any], str] | None:
    """Play one file's tests: the report as data and as text, or None when the files have
    problems (printed to stderr, located)."""
    from excomm_sim.tools.files import load_scenario_or_report
    from excomm_sim.tools.playtest import run_tests
    from excomm_sim.tools.playtest_read import read_path

    scenario = load_scenario_or_report(str(pair.scenario))
    if scenario is None:
        return None
    try:
        read = read_path(pair.tests, scenario)
    except OSError as error:
        _say(f"{pair.tests}: cannot read: {error.strerror or error}")
        return None
    for problem in read.problems:
        _say(problem.coded())
    if read.errors:
        return None
    tests = [t for t in read.tests if name is None or name.lower() in t.name.lower()]
    results = run_tests(scenario, tests)
    lines = [f"{pair.tests}: {_counted(len(results), 'test')} of {scenario.id}"]
    for result in results:
        if result.passed:
            lines.append(f"  ok    {result.test.name} ({_ended(result)})")
            continue
        failure = result.failure
        assert failure is not None
        lines.append(f"  FAIL  {result.test.name}")
        lines.append(f"{failure.location}: error: {failure.message}")
        if failure.path:
            lines.append("    path: " + " ; ".join(str(step) for step in failure.path))
    data = {
        "tests_file": str(pair.tests),
        "scenario_file": str(pair.scenario),
        "scenario": scenario.id,
        "problems": [problem.as_dict() for problem in read.problems],
        "tests": [result.to_json() for result in results],
    }
    return data, "\n".join(lines) + "\n"


def _say(message: str) -> None:
    """A line on stderr, with any control character a file name held shown as an escape."""
    from excomm_sim.scenario.characters import visible

    print(visible(message), file=sys.stderr)


def _ended(result: Result) -> str:
    return f"seed {result.test.seed}, {_counted(result.decisions, 'decision')}, {result.ending}"


def _totals(passed: int, failed: int, seconds: float) -> str:
    if not passed + failed:
        return f"no tests ran in {seconds:.2f} s\n"
    parts = [f"{passed} passed"] + ([f"{failed} failed"] if failed else [])
    return f"{', '.join(parts)} in {seconds:.2f} s\n"


def _counted(count: int, noun: str) -> str:
    from excomm_sim.story.text import counted

    return counted(count, noun)
