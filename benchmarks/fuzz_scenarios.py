"""Long fuzz run: tens of thousands of mutated scenarios through the loader, play, saves, reports.

Run: ``python benchmarks/fuzz_scenarios.py [--mutants 40000] [--workers 2] [--start 0]
[--out DIR]``. Mutants are structural, text and literal mutations of the bundled scenarios
(meeting 19 included) and the test fixtures (``tests/fuzzing/scenario_mutants.py``); each
is checked by ``tests/fuzzing/scenario_harness.py``: a model or located problems, the same
verdict from the pure-Python YAML parser (one case in ``--parity-every``), and for every
mutant that loads, four random games without a traceback, every autosave read back equal,
the timeline rendered, a short simulation.

The promise it measures: 0 crashes, 0 hangs (no case over ``--hang-seconds``, 5 s), 0
parser disagreements. It prints the machine, the counts and the time, writes each failing
mutant to ``--out`` (when given) as ``case-N.yaml`` with its traceback, and exits 1 if any
case failed. A case is a pure function of its number: ``--start N --mutants 1`` reruns it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY / "tests"))

from fuzzing.scenario_harness import check_mutant  # noqa: E402
from fuzzing.scenario_mutants import ALL_SEEDS, mutant, seed_texts  # noqa: E402

CHUNK = 100
ALARM_SECONDS = 60
"""A case still running after this is stopped and counted as a hang (a real loop)."""

Result = tuple[int, str, bool, float, str, str, int, int, int]
"""(case, kind, accepted, seconds, failure, mismatch, games, runtime errors, saves read)."""

_texts: list[str] = []
_folder: Path | None = None


class _Stopped(BaseException):
    """Raised by the alarm inside a case that runs far too long (not an Exception, so the
    harness does not take it for the mutant's own failure)."""


def _alarm(_signum: int, _frame: object) -> None:
    raise _Stopped


def _start_worker() -> None:
    global _folder
    _texts.extend(seed_texts(ALL_SEEDS))
    _folder = Path(tempfile.mkdtemp(prefix="excomm-fuzz-"))
    signal.signal(signal.SIGALRM, _alarm)


def _run(numbers: range, parity_every: int) -> list[Result]:
    assert _folder is not None
    results: list[Result] = []
    for number in numbers:
        kind, text = mutant(_texts, number)
        started = time.perf_counter()
        signal.alarm(ALARM_SECONDS)
        try:
            outcome = check_mutant(text, _folder, both_parsers=number % parity_every == 0)
        except _Stopped:
            seconds = time.perf_counter() - started
            results.append((number, kind, False, seconds, "stopped: still running", "", 0, 0, 0))
            continue
        finally:
            signal.alarm(0)
        failure = outcome.failures[0] if outcome.failures else ""
        results.append(
            (
                number,
                kind,
                outcome.accepted,
                outcome.seconds,
                failure,
                outcome.mismatch,
                outcome.games,
                outcome.runtime_errors,
                outcome.saves_read_back,
            )
        )
    return results


def _chunks(start: int, count: int) -> Iterator[range]:
    for first in range(start, start + count, CHUNK):
        yield range(first, min(first + CHUNK, start + count))


def _machine() -> str:
    libyaml = getattr(yaml, "__with_libyaml__", False)
    return (
        f"{platform.machine()} {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"PyYAML {yaml.__version__} ({'with' if libyaml else 'without'} libyaml)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mutants", type=int, default=40_000)
    parser.add_argument("--start", type=int, default=0, help="the first case number")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--hang-seconds", type=float, default=5.0)
    parser.add_argument("--parity-every", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write failing mutants here")
    args = parser.parse_args(argv)

    print(f"machine: {_machine()}")
    print(f"seeds: {', '.join(Path(seed).name for seed in ALL_SEEDS)}")
    started = time.perf_counter()
    results: list[Result] = []
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(args.workers, initializer=_start_worker) as pool:
        jobs = [
            pool.apply_async(_run, (numbers, args.parity_every))
            for numbers in _chunks(args.start, args.mutants)
        ]
        for job in jobs:
            results.extend(job.get())
            if sys.stderr.isatty():
                print(f"\r{len(results):,}/{args.mutants:,}", end="", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if sys.stderr.isatty():
        print(file=sys.stderr)

    crashes = [r for r in results if r[4] and not r[4].startswith("stopped")]
    hangs = [r for r in results if r[3] > args.hang_seconds or r[4].startswith("stopped")]
    mismatches = [r for r in results if r[5]]
    accepted = sum(r[2] for r in results)
    seconds = [r[3] for r in results]
    by_kind = {
        kind: sum(r[1] == kind for r in results) for kind in ("structural", "text", "literal")
    }
    print(f"mutants: {len(results):,} ({', '.join(f'{k} {v:,}' for k, v in by_kind.items())})")
    print(f"accepted: {accepted:,}; refused with located problems: {len(results) - accepted:,}")
    print(
        f"games played: {sum(r[6] for r in results):,} "
        f"(scenario defects reported by the engine: {sum(r[7] for r in results):,}); "
        f"autosaves read back equal: {sum(r[8] for r in results):,}"
    )
    compared = sum(r[0] % args.parity_every == 0 for r in results)
    print(f"parser comparisons (libyaml and pure Python): {compared:,}")
    print(f"crashes: {len(crashes)}")
    print(f"hangs (over {args.hang_seconds:g} s): {len(hangs)}")
    print(f"parser disagreements: {len(mismatches)}")
    print(
        f"per case: median {statistics.median(seconds) * 1000:.1f} ms, "
        f"slowest {max(seconds):.2f} s (case {max(results, key=lambda r: r[3])[0]})"
    )
    print(f"seconds: {elapsed:.1f} ({args.workers} workers, {len(results) / elapsed:,.0f} cases/s)")
    failed = sorted({r[0]: r for r in (*crashes, *hangs, *mismatches)}.values())
    for number, kind, _accepted, took, failure, mismatch, *_rest in failed[:10]:
        last = (mismatch or failure).strip().splitlines()[-1] if (mismatch or failure) else ""
        print(f"  case {number} ({kind}, {took:.2f} s): {last[:200]}")
    if args.out is not None and failed:
        args.out.mkdir(parents=True, exist_ok=True)
        texts = seed_texts(ALL_SEEDS)
        for number, _kind, _accepted, took, failure, mismatch, *_rest in failed:
            (args.out / f"case-{number}.yaml").write_text(mutant(texts, number)[1], "utf-8")
            (args.out / f"case-{number}.txt").write_text(
                f"{took:.2f} s\n{mismatch}\n{failure}", "utf-8"
            )
        print(f"wrote {len(failed)} failing mutants to {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
