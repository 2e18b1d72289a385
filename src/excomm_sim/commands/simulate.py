"""``excomm-sim simulate``: play many computer games and print the scenario's balance."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from excomm_sim.story.text import counted


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default=None, help="scenario file or bundled name (default meeting19)"
    )
    parser.add_argument("--runs", type=int, default=1000, metavar="N", help="games to play")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="base seed (default 0)")
    parser.add_argument(
        "--strategy",
        default="random",
        metavar="NAME",
        help="how the President chooses: random, history, hawk, dove or ROLE-stances "
        "(e.g. mcnamara-stances: the option that role favours most); default random",
    )
    parser.add_argument(
        "--role",
        default=None,
        metavar="ROLE",
        help="the seat the strategy plays (default the President)",
    )
    parser.add_argument(
        "--balance-runs",
        type=int,
        default=None,
        metavar="N",
        help="games per seat and per way of playing it for the balance findings (seats too "
        "easy or too hard, dominated options, a strategy that wins nearly always); "
        "default 1000, 0 for none",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--workers", type=int, default=1, metavar="K", help="worker processes (default 1)"
    )


def _progress_bar(total: int) -> Callable[[int], None] | None:
    """A one-line bar on stderr, only when stderr is a terminal and the run is long."""
    if total < 2_000 or not sys.stderr.isatty():
        return None
    started = time.perf_counter()

    def show(done: int) -> None:
        width = 30
        filled = width * done // total
        rate = done / max(time.perf_counter() - started, 1e-9)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r[{bar}] {done}/{total} games ({rate:,.0f}/s){end}")
        sys.stderr.flush()

    return show


def run(args: argparse.Namespace) -> int:
    import json

    from excomm_sim.scenario.characters import visible
    from excomm_sim.tools.balance import DEFAULT_RUNS, assess, format_balance
    from excomm_sim.tools.files import load_scenario_or_report, resolve_scenario_path
    from excomm_sim.tools.parallel import simulate_file
    from excomm_sim.tools.simulate import (
        SimulationSpec,
        StrategyError,
        format_summary,
        strategy_named,
        summary,
    )

    if args.runs < 1 or args.workers < 1:
        print("simulate: --runs and --workers must be at least 1", file=sys.stderr)
        return 2
    balance_runs = DEFAULT_RUNS if args.balance_runs is None else args.balance_runs
    if balance_runs < 0:
        print("simulate: --balance-runs must be at least 0", file=sys.stderr)
        return 2
    scenario = load_scenario_or_report(args.file)
    if scenario is None:
        return 2
    if args.role is not None and args.role not in {role.id for role in scenario.roles}:
        roles = ", ".join(role.id for role in scenario.roles)
        print(f"simulate: unknown role {args.role!r}; expected one of: {roles}", file=sys.stderr)
        return 2
    try:
        strategy_named(args.strategy, scenario)
    except StrategyError as error:
        print(f"simulate: {error}", file=sys.stderr)
        return 2
    spec = SimulationSpec(args.strategy, args.seed, args.role)
    path = resolve_scenario_path(args.file)
    started = time.perf_counter()
    tally = simulate_file(
        path, args.runs, spec, args.workers, _progress_bar(args.runs), scenario=scenario
    )
    elapsed = time.perf_counter() - started
    data = summary(scenario, tally, spec)
    balanced = 0.0
    if balance_runs:
        started = time.perf_counter()
        balance = assess(scenario, balance_runs, args.seed, _balance_progress())
        data["balance"] = balance.to_json()
        balanced = time.perf_counter() - started
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        text = format_summary(data)
        if "balance" in data:
            text += format_balance(data["balance"])
        sys.stdout.write(visible(text))  # a scenario's file name reaches the findings' lines
    sys.stdout.flush()  # the timing line on stderr comes after the report
    timing = (
        f"{tally.games} games in {elapsed:.2f} s ({tally.games / max(elapsed, 1e-9):,.0f}/s, "
        f"{counted(args.workers, 'worker')})"
    )
    if balance_runs:
        timing += f"; balance in {balanced:.2f} s"
    print(timing, file=sys.stderr)
    return 0


def _balance_progress() -> Callable[[int, int], None] | None:
    """'balance: 40/117 ways of playing' on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\r\033[K" if done >= total else ""
        sys.stderr.write(f"\rbalance: {done}/{total} ways of playing{end}")
        sys.stderr.flush()

    return show
