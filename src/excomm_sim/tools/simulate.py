"""``simulate``: play many computer games and tally endings, choices, variables and scores.

The President is seated as a "human" whose moves come from a strategy; every other role is
played by the engine's computer advisers. Game ``i`` of a run seeded ``S`` uses a seed
derived from (S, i) alone, and every tally is an integer count or sum, so the numbers are
the same whatever the chunking or the number of worker processes.
"""

from __future__ import annotations

import math
import operator
import random
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from attrs import define, field, frozen

from excomm_sim.engine.game import Chooser, Game
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.model import Decision, Option, Position, Scenario, Value, VariableKind
from excomm_sim.wording import counted

Env = Mapping[str, Value]

Strategy = Callable[[Env, Sequence[Option], random.Random], str]
"""(what expressions see now, offered options, the game's own generator) -> option id."""

BASIC_STRATEGIES = ("random", "history", "hawk", "dove")
STANCES_SUFFIX = "-stances"

_MASK = (1 << 64) - 1


def game_seed(base: int, index: int) -> int:
    """The seed of game ``index`` in a run seeded ``base`` (splitmix64 of the pair)."""
    z = ((base & _MASK) * 0x9E3779B97F4A7C15 + index + 1) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return (z ^ (z >> 31)) >> 1  # 63 bits: fits any signed 64-bit consumer


class StrategyError(ValueError):
    """An unknown strategy name, or a ROLE-stances naming no role."""


def _random(env: Env, offered: Sequence[Option], rng: random.Random) -> str:
    # rng.random() indexing is the cheap form of rng.choice (this runs once per decision).
    return offered[int(rng.random() * len(offered))].id


def _history(env: Env, offered: Sequence[Option], rng: random.Random) -> str:
    for option in offered:
        if option.history:
            return option.id
    return offered[0].id


def _lean(lean: str) -> Strategy:
    def choose(env: Env, offered: Sequence[Option], rng: random.Random) -> str:
        for wanted in (lean, ""):
            for option in offered:
                if option.lean == wanted:
                    return option.id
        return offered[0].id

    return choose


def _stances(role: str) -> Strategy:
    def choose(env: Env, offered: Sequence[Option], rng: random.Random) -> str:
        best_id, best_score = "", -math.inf
        for option in offered:
            score = 0
            for stance in option.stances:
                if stance.role != role or (stance.when is not None and not stance.when(env)):
                    continue
                sign = 1 if stance.position is Position.FAVOUR else -1
                score += sign * stance.strength
            if score > best_score:  # ties keep the first offered option
                best_id, best_score = option.id, score
        return best_id

    return choose


def seated(choose: Strategy, rng: random.Random) -> Chooser:
    """The engine's chooser for a seat that plays ``choose`` with the generator ``rng``."""

    def act(role: str, decision: Decision, env: Env, offered: Sequence[Option]) -> str:
        return choose(env, offered, rng)

    return act


def strategy(name: str, scenario: Scenario) -> Strategy:
    """The strategy for a name; raises StrategyError with the valid names."""
    if name == "random":
        return _random
    if name == "history":
        return _history
    if name in ("hawk", "dove"):
        return _lean(name)
    if name.endswith(STANCES_SUFFIX):
        role = name[: -len(STANCES_SUFFIX)]
        if any(r.id == role for r in scenario.roles):
            return _stances(role)
    valid = [*BASIC_STRATEGIES, *(f"{r.id}{STANCES_SUFFIX}" for r in scenario.roles)]
    raise StrategyError(f"unknown strategy {name!r}; expected one of: {', '.join(valid)}")


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
        self.seat = spec.role or scenario.president.id
        self.choose = strategy(spec.strategy, scenario)
        self.game = Game(scenario, humans={self.seat: spec.strategy})
        self.variable_ids = tuple(v.id for v in scenario.variables)
        ids = self.variable_ids
        self.values_of: Callable[[Mapping[str, Value]], tuple[Value, ...]] = (
            operator.itemgetter(*ids)
            if len(ids) > 1
            else lambda values: tuple(values[v] for v in ids)
        )
        """values -> a row of them in declaration order (a C-level getter when it can)."""
        self.int_ids = tuple(v.id for v in scenario.variables if v.kind is VariableKind.INT)
        self.other_ids = tuple(v.id for v in scenario.variables if v.kind is not VariableKind.INT)

    def play(self, index: int) -> GameState:
        """Game ``index``: its final values, choices and ending (no log: nobody reads it)."""
        seed = game_seed(self.spec.seed, index)
        chooser = seated(self.choose, random.Random(seed))
        return self.game.play_out(self.game.fresh(seed), chooser, history=False)

    def run(self, indices: Sequence[int] | range) -> Tally:
        return self.tally([self.play(index) for index in indices])

    def tally(self, states: Sequence[GameState]) -> Tally:
        """Count a batch of finished games, a column at a time (C-level counting and sums:
        this runs for every game of a simulation)."""
        tally = Tally(games=len(states))
        endings = [state.ending for state in states]
        tally.unfinished = endings.count(None)
        tally.endings.update(ending for ending in endings if ending is not None)
        pair = operator.attrgetter("decision", "option")
        tally.taken.update(pair(choice) for state in states for choice in state.choices)
        for (decision, _), count in tally.taken.items():
            tally.reached[decision] += count
        rows = [self.values_of(state.values) for state in states]
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
        for state in states:
            if state.ending is not None:
                for role, score in self.game.scores(state).items():
                    tally.points[role] += score.points
                    if score.won:
                        tally.wins[role] += 1
        return tally


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
