"""Balance report for meeting19: ending shares under random, history, hawk and dove courses.

Plays the bundled scenario as ``simulate`` does, the President's seat played by a strategy
(every other role is the computer), and prints how often each
ending is reached, plus each role's win rate. The hawk and dove courses take the option
leaning their way when one is offered, else the first middle option (as ``simulate`` does);
chance still varies with the seed, so they are played over many seeds too.

With ``--seats N`` it also seats each role in turn as the one human (the computer plays the
rest, the President included) and prints how often that role wins under each course over N
games: the evidence that every seat can be won and lost.

With ``--scenario PATH`` it plays a copy of the scenario instead, so a balance pass can be
tuned on a file outside the tree while others run the tests against the bundled one.

    /work/venv/bin/python benchmarks/balance_meeting19.py [--games 10000] [--seed 0] [--seats 500]
        [--scenario /tmp/m19.yaml]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.tools.simulate import BASIC_STRATEGIES, SimulationSpec, Simulator

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "meeting19.yaml"


def tally(
    scenario: Scenario, course: str, games: int, seed: int, seat: str = ""
) -> tuple[Counter[str], Counter[str]]:
    """Ending counts and per-role win counts over ``games`` games of one course, played as
    ``simulate`` plays them (the seat's moves from the strategy, the rest the computer)."""
    simulator = Simulator(scenario, SimulationSpec(course, seed, seat or None))
    rules = Rules(scenario)
    endings: Counter[str] = Counter()
    wins: Counter[str] = Counter()
    for index in range(games):
        state = GameState(0, simulator.play(index), rules.layout)
        endings[state.ending or "(unfinished)"] += 1
        for role, score in rules.scores(state).items():
            wins[role] += score.won
    return endings, wins


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10_000, help="games per course")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--courses", default=",".join(BASIC_STRATEGIES))
    parser.add_argument("--seats", type=int, default=0, help="games per seat and course")
    parser.add_argument(
        "--scenario", type=Path, default=SCENARIO, help="scenario file (default the bundled one)"
    )
    args = parser.parse_args()
    scenario = load_path(args.scenario)
    order = [ending.id for ending in scenario.endings]
    for course in args.courses.split(","):
        endings, wins = tally(scenario, course, args.games, args.seed)
        print(f"{course} ({args.games} games)")
        for ending in order:
            share = 100 * endings[ending] / args.games
            print(f"  {ending:<22} {endings[ending]:>6}  {share:5.1f}%")
        rates = ", ".join(f"{r.id} {100 * wins[r.id] / args.games:.0f}%" for r in scenario.roles)
        print(f"  role wins: {rates}")
    if args.seats:
        courses = args.courses.split(",")
        print(f"win rate from each role's own seat ({args.seats} games per course)")
        print(f"  {'seat':<10}" + "".join(f"{course:>9}" for course in courses))
        for role in scenario.roles:
            cells = []
            for course in courses:
                _, wins = tally(scenario, course, args.seats, args.seed, seat=role.id)
                cells.append(f"{100 * wins[role.id] / args.seats:8.0f}%")
            print(f"  {role.id:<10}" + "".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
