"""Balance findings from simulated games: seats too easy or too hard, dominated options,
and a way of playing that wins nearly always.

Every seat that has objectives is played in turn by a person choosing at random (the
``random`` strategy), the computer playing the rest, and then by each of the other
strategies (``policies.strategies``). From those games:

- **A seat too easy or too hard**: the seat's win rate from its own chair, playing at
  random, is clearly above ``EASY`` or below ``HARD``: the 95% Wilson interval of the rate
  lies wholly beyond the line, so a rate that only noise puts past it is not reported.
- **A dominated option**: option J of a decision is dominated by option A of the same
  decision when, in the random games of the decision's decider where *both* were offered,
  the games that took A gave *every* seat with objectives more points on average than the
  games that took J, each difference more than ``Z_DOMINATED`` standard errors (Welch's
  statistic), with at least ``MIN_SAMPLES`` games on each side. The random seat takes
  each offered option with the same chance whatever the state, so the two groups of
  games are alike but for that choice: the difference is the option's doing. Taking J
  costs everyone at the table: nobody has a reason to take it.
- **A way of playing that wins nearly always**: one strategy (history, hawk, dove,
  ROLE-stances) wins for the seat that plays it in clearly more than ``NEARLY_ALWAYS`` of
  its games (the interval again): a recipe that makes the seat's choices moot.

Each finding carries its evidence (counts, rates, intervals, means), shown after
``simulate``'s report and in its ``--json``. Game ``i`` of every run has the seed
``game_seed(seed, i)``, so the findings are the same from the same ``--seed``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from attrs import define, field, frozen

from excomm_sim.engine import turns
from excomm_sim.engine.layout import Slots
from excomm_sim.policies.fast import Seats
from excomm_sim.policies.strategies import names
from excomm_sim.scenario.model import NOWHERE, Decision, Location, Option, Role, Scenario
from excomm_sim.story.text import counted
from excomm_sim.tools.simulate import Final, SimulationSpec, Simulator, Tally, game_seed

EASY = 0.80
"""A seat that wins clearly more than this share of random games is too easy."""
HARD = 0.10
"""A seat that wins clearly less than this share of random games is too hard."""
NEARLY_ALWAYS = 0.95
"""A strategy that wins clearly more than this share of its seat's games is a recipe."""
Z_INTERVAL = 1.96
"""The Wilson interval's z: 95% confidence."""
Z_DOMINATED = 3.0
"""Standard errors by which every seat must lose for an option to count as dominated
(strict: a scenario offers many pairs of options, and each is a test)."""
MIN_SAMPLES = 30
"""Fewest games on each side of a comparison of two options."""
DEFAULT_RUNS = 1_000
"""Games per seat and per way of playing it."""


def wilson(wins: int, games: int, z: float = Z_INTERVAL) -> tuple[float, float]:
    """The Wilson score interval of a rate of ``wins`` in ``games`` (0..1 when no games)."""
    if games == 0:
        return 0.0, 1.0
    rate = wins / games
    spread = z * z / games
    centre = (rate + spread / 2) / (1 + spread)
    half = z * math.sqrt(rate * (1 - rate) / games + spread / (4 * games)) / (1 + spread)
    return max(0.0, centre - half), min(1.0, centre + half)


@define
class Points:
    """Per-role points over a group of games: exact integer sums, mergeable."""

    games: int = 0
    total: list[int] = field(factory=list)
    squares: list[int] = field(factory=list)

    def add(self, points: Sequence[int]) -> None:
        if not self.total:
            self.total = [0] * len(points)
            self.squares = [0] * len(points)
        self.games += 1
        for index, value in enumerate(points):
            self.total[index] += value
            self.squares[index] += value * value

    def merge(self, other: Points) -> None:
        if not other.games:
            return
        if not self.total:
            self.total = [0] * len(other.total)
            self.squares = [0] * len(other.squares)
        self.games += other.games
        for index in range(len(other.total)):
            self.total[index] += other.total[index]
            self.squares[index] += other.squares[index]

    def mean(self, role: int) -> float:
        return self.total[role] / self.games

    def variance(self, role: int) -> float:
        """Sample variance (n - 1), from the exact sums."""
        if self.games < 2:
            return 0.0
        n = self.games
        return max((self.squares[role] * n - self.total[role] ** 2) / (n * (n - 1)), 0.0)


Choices = dict[tuple[int, tuple[int, ...], int], Points]
"""(decision index, the options offered, the option taken) -> the points that followed."""


class _Recorder(Seats):
    """The seats of one random game, noting what the played seat was offered and took."""

    def __init__(self, seats: Seats) -> None:
        super().__init__(seats.council, seats.seat, seats.strategy)
        self.taken: list[tuple[int, tuple[int, ...], int]] = []

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        option = super().decide(s, k, role, offered)
        if role == self.seat:
            self.taken.append((k, offered, option))
        return option


class SeatGames(Simulator):
    """Random games from one seat, remembering the points that followed each of its choices."""

    def __init__(self, scenario: Scenario, seed: int, role: str) -> None:
        super().__init__(scenario, SimulationSpec("random", seed, role))
        self.recorder = _Recorder(self.seats)
        self.seats = self.recorder
        self.possible = [sum(o.points for o in r.objectives) for r in scenario.roles]

    def run_choices(self, indices: Sequence[int] | range) -> tuple[Tally, Choices]:
        finals: list[Final] = []
        choices: Choices = {}
        objectives = self.program.objectives
        roles = self.scenario.roles
        for index in indices:
            self.recorder.taken.clear()
            self.recorder.reseed(game_seed(self.spec.seed, index))
            s = list(self.initial)
            turns.play(self.program, s, self.recorder)
            final = tuple(s)
            finals.append(final)
            met = iter(objectives(final))
            points = [sum(o.points for o in role.objectives if next(met)) for role in roles]
            for taken in self.recorder.taken:
                choices.setdefault(taken, Points()).add(points)
        return self.tally(finals), choices


@frozen
class Finding:
    """One balance finding: what kind, in words, where in the file, and the evidence."""

    kind: str
    """seat-too-easy, seat-too-hard, dominated-option or dominant-strategy."""
    message: str
    location: Location = NOWHERE
    evidence: Mapping[str, Any] = field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "evidence": dict(self.evidence),
        }


@frozen
class Balance:
    """What the balance runs measured and found."""

    runs: int
    seed: int
    rates: Mapping[str, Mapping[str, tuple[int, int]]]
    """Seat -> strategy -> (wins, finished games) of that seat playing that way."""
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "seed": self.seed,
            "thresholds": {
                "easy": EASY,
                "hard": HARD,
                "nearly_always": NEARLY_ALWAYS,
                "dominated_z": Z_DOMINATED,
                "min_samples": MIN_SAMPLES,
            },
            "win_rates": {
                seat: {
                    name: {"wins": wins, "games": games, "rate": wins / games if games else 0.0}
                    for name, (wins, games) in ways.items()
                }
                for seat, ways in self.rates.items()
            },
            "findings": [finding.to_json() for finding in self.findings],
        }


def assess(
    scenario: Scenario,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> Balance:
    """Play ``runs`` games from each seat with objectives, each way of playing it, and
    report what is out of balance. ``progress`` gets (runs done, runs in all)."""
    seats = [role for role in scenario.roles if role.objectives]
    ways = [name for name in names(scenario) if name != "random"]
    total, done = len(seats) * (1 + len(ways)), 0
    rates: dict[str, dict[str, tuple[int, int]]] = {}
    choices: dict[str, Choices] = {}
    for role in seats:
        tally, choices[role.id] = SeatGames(scenario, seed, role.id).run_choices(range(runs))
        rates[role.id] = {"random": _rate(tally, role.id)}
        done += 1
        if progress is not None:
            progress(done, total)
        for name in ways:
            played = Simulator(scenario, SimulationSpec(name, seed, role.id)).run(range(runs))
            rates[role.id][name] = _rate(played, role.id)
            done += 1
            if progress is not None:
                progress(done, total)
    findings = [
        *_seat_findings(seats, rates),
        *_dominated_findings(scenario, choices),
        *_recipe_findings(seats, rates),
    ]
    return Balance(runs, seed, rates, tuple(findings))


def _rate(tally: Tally, role: str) -> tuple[int, int]:
    return tally.wins[role], tally.games - tally.unfinished


def _share(wins: int, games: int) -> str:
    """'(89.1%; 95% interval 87.0% to 90.9%)'."""
    low, high = wilson(wins, games)
    return f"({wins / games:.1%}; 95% interval {low:.1%} to {high:.1%})"


def _seat_findings(
    seats: Sequence[Role], rates: Mapping[str, Mapping[str, tuple[int, int]]]
) -> list[Finding]:
    findings = []
    for role in seats:
        wins, games = rates[role.id]["random"]
        if not games:
            continue
        low, high = wilson(wins, games)
        evidence = {"seat": role.id, "wins": wins, "games": games, "interval": [low, high]}
        said = (
            f"seat {role.id} wins {wins:,} of {games:,} random games from its own chair "
            f"{_share(wins, games)}"
        )
        if low > EASY:
            message = f"{said}: more than {EASY:.0%}, so what it chooses hardly matters"
            findings.append(Finding("seat-too-easy", message, role.location, evidence))
        elif high < HARD:
            message = f"{said}: fewer than {HARD:.0%}, so whoever plays it nearly always loses"
            findings.append(Finding("seat-too-hard", message, role.location, evidence))
    return findings


def _recipe_findings(
    seats: Sequence[Role], rates: Mapping[str, Mapping[str, tuple[int, int]]]
) -> list[Finding]:
    """Seats that one way of playing wins nearly always; not those that random play wins
    nearly always too (then nothing is a recipe: the seat is too easy)."""
    findings = []
    for role in seats:
        if wilson(*rates[role.id]["random"])[0] > NEARLY_ALWAYS:
            continue
        winning = [
            (name, wins, games)
            for name, (wins, games) in rates[role.id].items()
            if name != "random" and games and wilson(wins, games)[0] > NEARLY_ALWAYS
        ]
        if not winning:
            continue
        (name, wins, games), others = winning[0], winning[1:]
        also = ""
        if others:
            listed = ", ".join(f"{n} ({w / g:.1%})" for n, w, g in others)
            also = f"; so do {listed}"
        message = (
            f"seat {role.id} wins {wins:,} of {games:,} games playing {name} "
            f"{_share(wins, games)}: nearly always{also}"
        )
        evidence = {
            "seat": role.id,
            "random": dict(zip(("wins", "games"), rates[role.id]["random"], strict=True)),
            "strategies": {
                n: {"wins": w, "games": g, "interval": list(wilson(w, g))} for n, w, g in winning
            },
        }
        findings.append(Finding("dominant-strategy", message, role.location, evidence))
    return findings


def _dominated_findings(scenario: Scenario, choices: Mapping[str, Choices]) -> list[Finding]:
    """Options every seat with objectives loses by taking, against an alternative offered
    at the same point (see the module's docstring for the test)."""
    scored = [index for index, role in enumerate(scenario.roles) if role.objectives]
    findings = []
    for k, decision in enumerate(scenario.decisions):
        taken = choices.get(decision.decider, {})
        for j, option in enumerate(decision.options):
            beaten = []
            for a, alternative in enumerate(decision.options):
                if a == j:
                    continue
                mine, theirs = _paired(taken, k, j, a)
                if mine.games < MIN_SAMPLES or theirs.games < MIN_SAMPLES:
                    continue
                if all(_lower(mine, theirs, role) for role in scored):
                    beaten.append((alternative.id, mine, theirs))
            if beaten:
                findings.append(_dominated(scenario, decision, option, beaten, scored))
    return findings


def _paired(taken: Choices, k: int, j: int, a: int) -> tuple[Points, Points]:
    """The games that took j, and those that took a, where both were offered."""
    mine, theirs = Points(), Points()
    for (decision, offered, option), points in taken.items():
        if decision != k or j not in offered or a not in offered:
            continue
        if option == j:
            mine.merge(points)
        elif option == a:
            theirs.merge(points)
    return mine, theirs


def _lower(mine: Points, theirs: Points, role: int) -> bool:
    """Role's mean points are clearly lower after ``mine`` than after ``theirs``."""
    difference = theirs.mean(role) - mine.mean(role)
    error = math.sqrt(mine.variance(role) / mine.games + theirs.variance(role) / theirs.games)
    return difference > 0 and difference > Z_DOMINATED * error


def _dominated(
    scenario: Scenario,
    decision: Decision,
    option: Option,
    beaten: Sequence[tuple[str, Points, Points]],
    scored: Sequence[int],
) -> Finding:
    alternative, mine, theirs = beaten[0]
    roles = scenario.roles
    means = ", ".join(f"{roles[r].id} {mine.mean(r):.2f} vs {theirs.mean(r):.2f}" for r in scored)
    others = [a for a, _, _ in beaten[1:]]
    also = f" (and by {', '.join(others)})" if others else ""
    message = (
        f"option {option.id} of decision {decision.id} is dominated by {alternative}{also}: "
        f"taking it lowers every seat's mean points ({means}; {mine.games:,} and "
        f"{theirs.games:,} of {decision.decider}'s random games where both were offered)"
    )
    evidence = {
        "decision": decision.id,
        "option": option.id,
        "by": [a for a, _, _ in beaten],
        "games": [mine.games, theirs.games],
        "mean_points": {roles[r].id: [mine.mean(r), theirs.mean(r)] for r in scored},
    }
    return Finding("dominated-option", message, option.location, evidence)


def format_balance(data: Mapping[str, Any]) -> str:
    """The balance part of ``simulate``'s text report, from ``Balance.to_json``."""
    seats = len(data["win_rates"])
    ways = len(next(iter(data["win_rates"].values()), {}))
    findings = data["findings"]
    lines = [
        "",
        f"Balance ({counted(seats, 'seat')} with objectives, each played "
        f"{counted(ways, 'way')}, {data['runs']:,} games each, seed {data['seed']})",
    ]
    if not findings:
        lines.append("  nothing out of balance")
    for finding in findings:
        where = f"{finding['file']}:{finding['line']}:{finding['column']}: "
        lines.append(f"  {where if finding['file'] else ''}warning: {finding['message']}")
    return "\n".join(lines) + "\n"
