"""Balance report for meeting19: ending shares under random, history, hawk and dove courses.

Plays the bundled scenario through the engine with the President seated as a "human" whose
moves come from a strategy (every other role is the computer), and prints how often each
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
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from excomm_sim.engine.game import Action, Game, Prompt
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.tools.simulate import BASIC_STRATEGIES, strategy

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "meeting19.yaml"

Chooser = Callable[[Prompt, random.Random], str]


def course_of(name: str, scenario: Scenario) -> Chooser:
    """``excomm-sim simulate``'s strategy of that name, over a Prompt.

    The basic strategies (random, history, hawk, dove) never read the state, so they are
    handed an empty one.
    """
    choose = strategy(name, scenario)

    def pick(prompt: Prompt, rng: random.Random) -> str:
        return choose({}, [view.option for view in prompt.options if view.offered], rng)

    return pick


def play(game: Game, seed: int, choose: Chooser) -> GameState:
    """One game from ``seed``, the President's moves from ``choose``."""
    rng = random.Random(seed)
    state, _ = game.start(seed)
    while (prompt := game.prompt(state)) is not None:
        state, _ = game.step(state, Action(prompt.role, choose(prompt, rng)))
    return state


def tally(
    scenario: Scenario, course: str, games: int, seed: int, seat: str = ""
) -> tuple[Counter, Counter]:
    """Ending counts and per-role win counts over ``games`` games of one course."""
    game = Game(scenario, humans={seat or scenario.president.id: course})
    endings: Counter[str] = Counter()
    wins: Counter[str] = Counter()
    choose = course_of(course, scenario)
    for index in range(games):
        state = play(game, seed * 1_000_003 + index, choose)
        endings[state.ending or "(unfinished)"] += 1
        for role, score in game.scores(state).items():
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
