"""``simulate``: play many computer games and tally endings, choices, variables and scores.

One seat (the President unless ``--role``) is played by a strategy (``policies.strategies``)
standing in for a person; every other seat is the computer decider (``policies.council``).
Games are played by the kernel's own turn order without records (``policies.fast``); for
strategies that choose the same way every time (all but ``random``) the games walk a tree
of the positions already played, so only what chance makes new is computed. Game ``i`` of
a run seeded ``S`` uses a seed derived from (S, i) alone, and every tally is an integer
count or sum, so the numbers are the same whatever the chunking or the number of worker
processes.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress
from typing import Any

from attrs import define, field, frozen

from excomm_sim.engine import turns
from excomm_sim.engine.kernel import wins
from excomm_sim.engine.layout import CHOSE_NONE, ENDING, VARIABLES
from excomm_sim.policies.fast import CouncilScores, GameTree, Seats
from excomm_sim.policies.strategies import (
    BASIC_STRATEGIES,
    STANCES_SUFFIX,
    RandomStrategy,
    StrategyError,
    strategy,
)
from excomm_sim.scenario.model import Scenario, Value, VariableKind
from excomm_sim.story.text import counted

__all__ = [
    "BASIC_STRATEGIES",
    "STANCES_SUFFIX",
    "NumberTally",
    "SimulationSpec",
    "Simulator",
    "StrategyError",
    "Tally",
    "chunks",
    "format_summary",
    "game_seed",
    "simulate",
    "strategy_named",
    "summary",
]

Final = tuple[Any, ...]
"""A finished game: the kernel's slots at its end."""

_MASK = (1 << 64) - 1


def game_seed(base: int, index: int) -> int:
    """The seed of game ``index`` in a run seeded ``base`` (splitmix64 of the pair)."""
    z = ((base & _MASK) * 0x9E3779B97F4A7C15 + index + 1) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return (z ^ (z >> 31)) >> 1  # 63 bits: fits any signed 64-bit consumer


def strategy_named(name: str, scenario: Scenario) -> None:
    """Check a strategy name for ``scenario``: StrategyError lists the valid ones."""
    strategy(name, turns.program(scenario, records=False))


@define
class NumberTally:
    """Integer moments of an int variable's final value: exact under merging."""

    count: int = 0
    total: int = 0
    squares: int = 0
    low: int | None = None
    high: int | None = None

    def add(self, value: int) -> None:
        self.count += 1
        self.total += value
        self.squares += value * value
        self.low = value if self.low is None else min(self.low, value)
        self.high = value if self.high is None else max(self.high, value)

    def merge(self, other: NumberTally) -> None:
        self.count += other.count
        self.total += other.total
        self.squares += other.squares
        for value in (other.low, other.high):
            if value is not None:
                self.low = value if self.low is None else min(self.low, value)
                self.high = value if self.high is None else max(self.high, value)

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0

    @property
    def stdev(self) -> float:
        """Population standard deviation, from exact integer sums."""
        if not self.count:
            return 0.0
        variance = (self.squares * self.count - self.total * self.total) / (self.count**2)
        return math.sqrt(max(variance, 0.0))


@define
class Tally:
    """Counts over a batch of games; ``merge`` adds another batch's counts."""

    games: int = 0
    endings: Counter[str] = field(factory=Counter)
    reached: Counter[str] = field(factory=Counter)
    taken: Counter[tuple[str, str]] = field(factory=Counter)
    numbers: dict[str, NumberTally] = field(factory=dict)
    categories: dict[str, Counter[str]] = field(factory=dict)
    """bool and enum variables: final value (as text) -> count."""
    wins: Counter[str] = field(factory=Counter)
    points: Counter[str] = field(factory=Counter)
    unfinished: int = 0

    def merge(self, other: Tally) -> None:
        self.games += other.games
        self.endings.update(other.endings)
        self.reached.update(other.reached)
        self.taken.update(other.taken)
        for name, number in other.numbers.items():
            self.numbers.setdefault(name, NumberTally()).merge(number)
        for name, counts in other.categories.items():
            self.categories.setdefault(name, Counter()).update(counts)
        self.wins.update(other.wins)
        self.points.update(other.points)
        self.unfinished += other.unfinished


@frozen
class SimulationSpec:
    """What a batch needs to run anywhere (picklable for worker processes)."""

    strategy: str
    seed: int
    role: str | None = None
    """The role the strategy plays (default: the President)."""


class Simulator:
    """Plays games of one scenario with one strategy; reusable across batches."""

    def __init__(self, scenario: Scenario, spec: SimulationSpec) -> None:
        self.scenario = scenario
        self.spec = spec
        self.program = program = turns.program(scenario, records=False)
        layout = program.layout
        self.seat = spec.role or scenario.president.id
        seat = layout.role_index[self.seat]
        self.strategy = strategy(spec.strategy, program)
        self.seats = Seats(CouncilScores(program), seat, self.strategy)
        self.initial = layout.initial(1 << seat)
        self.tree = (
            None
            if isinstance(self.strategy, RandomStrategy)
            else GameTree(program, self.seats, self.initial)
        )
        """Deterministic strategies walk the positions already played (``GameTree``)."""
        self.variable_ids = layout.variable_ids
        first = VARIABLES
        self.values_of: Callable[[Final], Sequence[Value]] = operator.itemgetter(
            slice(first, first + len(layout.variable_ids))
        )
        """slots -> the variable values in declaration order (a C-level getter)."""
        self.int_ids = tuple(v.id for v in scenario.variables if v.kind is VariableKind.INT)
        self.other_ids = tuple(v.id for v in scenario.variables if v.kind is not VariableKind.INT)
        self.chose = layout.CHOSE
        self.scoring = _scoring(scenario)
        """Per role: its id, a getter of its objectives' results, their points, the total."""

    def play(self, index: int) -> Final:
        """Game ``index``: the kernel's slots at its end (no records: nobody reads them)."""
        seed = game_seed(self.spec.seed, index)
        self.seats.reseed(seed)
        if self.tree is not None:
            return self.tree.play(seed)
        s = list(self.initial)
        turns.play(self.program, s, self.seats)
        return tuple(s)

    def run(self, indices: Sequence[int] | range) -> Tally:
        return self.tally([self.play(index) for index in indices])

    def tally(self, finals: Sequence[Final]) -> Tally:
        """Count a batch of finished games, a column at a time (C-level counting and sums:
        this runs for every game of a simulation)."""
        layout = self.program.layout
        tally = Tally(games=len(finals))
        endings = [final[ENDING] for final in finals]
        tally.unfinished = endings.count(-1)
        names = layout.ending_ids
        tally.endings.update(names[e] for e in endings if e != -1)
        chose, decisions, options = self.chose, layout.decision_ids, layout.option_ids
        for k, decision in enumerate(decisions):
            taken = Counter(map(operator.itemgetter(chose + k), finals))
            taken.pop(CHOSE_NONE, None)
            for option, count in taken.items():
                tally.taken[(decision, options[k][option])] += count
                tally.reached[decision] += count
        rows = [self.values_of(final) for final in finals]
        columns = dict(zip(self.variable_ids, zip(*rows, strict=True), strict=True)) if rows else {}
        for name in self.int_ids:
            column: tuple[int, ...] = columns.get(name, ())
            if column:
                tally.numbers[name] = NumberTally(
                    len(column),
                    sum(column),
                    sum(map(operator.mul, column, column)),
                    min(column),
                    max(column),
                )
        for name in self.other_ids:
            counts = Counter(columns.get(name, ()))
            if counts:
                tally.categories[name] = Counter({_text(v): n for v, n in counts.items()})
        objectives = self.program.objectives
        mets = [
            tuple(objectives(final))
            for final, ending in zip(finals, endings, strict=True)
            if ending != -1
        ]
        for role, own, points, possible in self.scoring:
            # one role has few objectives, so its games fall into few patterns of them
            for met, count in Counter(map(own, mets)).items():
                earned = sum(compress(points, met))
                tally.points[role] += earned * count
                if wins(earned, possible):
                    tally.wins[role] += count
        return tally


def _scoring(
    scenario: Scenario,
) -> tuple[tuple[str, Callable[[tuple[bool, ...]], tuple[bool, ...]], tuple[int, ...], int], ...]:
    """How ``tally`` scores a game's objectives (``Program.objectives``, in role order)."""
    rows = []
    start = 0
    for role in scenario.roles:
        points = tuple(objective.points for objective in role.objectives)
        stop = start + len(points)
        own = operator.itemgetter(slice(start, stop))
        rows.append((role.id, own, points, sum(points)))
        start = stop
    return tuple(rows)


def _text(value: Value) -> str:
    """A bool or enum value as the report shows it."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def chunks(runs: int, size: int) -> Iterator[range]:
    """Consecutive index ranges covering ``range(runs)``."""
    for start in range(0, runs, size):
        yield range(start, min(start + size, runs))


def simulate(
    scenario: Scenario,
    runs: int,
    spec: SimulationSpec,
    progress: Callable[[int], None] | None = None,
    chunk: int = 500,
) -> Tally:
    """Play ``runs`` games in this process; ``progress`` gets the games done so far."""
    simulator = Simulator(scenario, spec)
    tally = Tally()
    for indices in chunks(runs, chunk):
        tally.merge(simulator.run(indices))
        if progress is not None:
            progress(tally.games)
    return tally


def summary(scenario: Scenario, tally: Tally, spec: SimulationSpec) -> dict[str, Any]:
    """The tally as plain data (for --json and for the text report)."""
    games = tally.games or 1
    decisions: list[dict[str, Any]] = []
    for decision in scenario.decisions:
        reached = tally.reached[decision.id]
        decisions.append(
            {
                "id": decision.id,
                "title": decision.title,
                "reached": reached,
                "reached_share": reached / games,
                "options": [
                    {
                        "id": option.id,
                        "label": option.label,
                        "history": option.history,
                        "taken": tally.taken[(decision.id, option.id)],
                        "share": tally.taken[(decision.id, option.id)] / reached
                        if reached
                        else 0.0,
                    }
                    for option in decision.options
                ],
            }
        )
    variables: dict[str, Any] = {}
    for variable in scenario.variables:
        if variable.id in tally.numbers:
            number = tally.numbers[variable.id]
            variables[variable.id] = {
                "label": variable.label,
                "mean": number.mean,
                "stdev": number.stdev,
                "min": number.low,
                "max": number.high,
            }
        elif variable.id in tally.categories:
            counts = tally.categories[variable.id]
            variables[variable.id] = {
                "label": variable.label,
                "values": {value: counts[value] / games for value in sorted(counts)},
            }
    finished = tally.games - tally.unfinished or 1
    return {
        "scenario": scenario.id,
        "strategy": spec.strategy,
        "seat": spec.role or scenario.president.id,
        "seed": spec.seed,
        "games": tally.games,
        "unfinished": tally.unfinished,
        "endings": {
            ending.id: {
                "title": ending.title,
                "count": tally.endings[ending.id],
                "share": tally.endings[ending.id] / games,
            }
            for ending in scenario.endings
        },
        "decisions": decisions,
        "variables": variables,
        "roles": {
            role.id: {
                "name": role.name,
                "win_rate": tally.wins[role.id] / finished,
                "mean_points": tally.points[role.id] / finished,
            }
            for role in scenario.roles
        },
    }


def format_summary(data: Mapping[str, Any]) -> str:
    """A plain-text report of ``summary`` output."""
    lines = [
        f"{data['scenario']}: {data['games']} games, strategy {data['strategy']} "
        f"(seat {data['seat']}), seed {data['seed']}",
        "",
        "Endings",
    ]
    for ending_id, ending in data["endings"].items():
        lines.append(
            f"  {ending['share']:7.2%}  {ending['count']:>8}  {ending_id}  {ending['title']}"
        )
    if data["unfinished"]:
        lines.append(f"  {counted(data['unfinished'], 'game')} never ended (engine fault)")
    lines += ["", "Decisions (reached; share of each option when reached; * = history)"]
    for decision in data["decisions"]:
        lines.append(
            f"  {decision['id']}: reached {decision['reached']} ({decision['reached_share']:.1%})"
        )
        for option in decision["options"]:
            mark = "*" if option["history"] else " "
            lines.append(f"    {mark} {option['share']:7.2%}  {option['taken']:>8}  {option['id']}")
    lines += ["", "Variables at the end (mean, stdev, min, max or shares)"]
    for name, variable in data["variables"].items():
        if "mean" in variable:
            lines.append(
                f"  {name}: mean {variable['mean']:.2f}  sd {variable['stdev']:.2f}  "
                f"min {variable['min']}  max {variable['max']}"
            )
        else:
            shares = ", ".join(f"{v} {s:.1%}" for v, s in variable["values"].items())
            lines.append(f"  {name}: {shares}")
    lines += ["", "Roles (win rate: more than half their objective points; mean points)"]
    for role_id, role in data["roles"].items():
        lines.append(f"  {role['win_rate']:7.2%}  {role['mean_points']:6.2f}  {role_id}")
    return "\n".join(lines) + "\n"
