"""The ways ``simulate`` plays a seat: random, history, hawk, dove, and ROLE-stances.

Each strategy is a policy (``act(observation) -> Action``) that stands in for a person in
that seat; ``pick`` is the same choice over the kernel's slots, for ``policies.fast``:

- ``random``: any offered option, equally likely (from the game's own generator);
- ``history``: the option history took, else the first offered;
- ``hawk`` / ``dove``: the first offered option of that lean, else the first middle one,
  else the first offered;
- ``ROLE-stances``: the option ROLE's holding stances favour most (favour +strength,
  oppose -strength; a tie goes to the option listed first).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from excomm_sim.engine.layout import HUMANS, Slots
from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import ItemView, Observation, PositionView
from excomm_sim.engine.program import Program
from excomm_sim.scenario.model import Position, Scenario, Stance

__all__ = [
    "BASIC_STRATEGIES",
    "STANCES_SUFFIX",
    "HistoryStrategy",
    "LeanStrategy",
    "RandomStrategy",
    "StancesStrategy",
    "Strategy",
    "StrategyError",
    "names",
    "strategy",
]

BASIC_STRATEGIES = ("random", "history", "hawk", "dove")
_MASK = (1 << 64) - 1
_LCG_MULTIPLIER = 6364136223846793005
_LCG_INCREMENT = 1442695040888963407
"""Knuth's MMIX constants: a full-period 64-bit generator."""
STANCES_SUFFIX = "-stances"


class StrategyError(ValueError):
    """An unknown strategy name, or a ROLE-stances naming no role."""


class Strategy(ABC):
    """A way of playing one seat: ``act`` from the seat's observation, ``pick`` from the
    kernel's slots (the two agree: tests hold them to it)."""

    name = ""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.scenario = program.scenario
        self.seed = 0
        self.seat = -1
        """The role index of the seat played (``sit``); -1 until seated."""

    def reseed(self, seed: int) -> None:
        """Start the next game, seeded ``seed`` (a random strategy restarts its stream)."""
        self.seed = seed

    def sit(self, seat: int) -> None:
        """Play the seat of role index ``seat`` (what ``pick`` may see depends on it)."""
        self.seat = seat

    def act(self, observation: Observation) -> Action:
        item = observation.item
        assert item is not None and observation.seat is not None, "a seat that must act"
        options = item.decision.options
        offered = tuple(options.index(option) for option in item.offered)
        return Action(observation.seat, options[self.choose(item, offered)].id)

    def choose(self, item: ItemView, offered: tuple[int, ...]) -> int:
        """The option index taken among ``offered`` (indexes into the decision's options)."""
        k = self.program.layout.decision_index[item.decision.id]
        return self.pick([], k, offered)

    @abstractmethod
    def pick(self, s: Slots, k: int, offered: tuple[int, ...]) -> int:
        """The same choice on decision ``k`` of the kernel state ``s``."""


class RandomStrategy(Strategy):
    """Any offered option, equally likely, from the game's own stream of numbers.

    The stream is a 64-bit linear congruential generator started from the game's seed
    (``reseed``): one multiply and add per pick, and nothing to build per game.
    """

    name = "random"

    def __init__(self, program: Program, seed: int = 0) -> None:
        super().__init__(program)
        self.x = seed & _MASK

    def reseed(self, seed: int) -> None:
        super().reseed(seed)
        self.x = seed & _MASK

    def pick(self, s: Slots, k: int, offered: tuple[int, ...]) -> int:
        x = (self.x * _LCG_MULTIPLIER + _LCG_INCREMENT) & _MASK
        self.x = x
        return offered[((x >> 32) * len(offered)) >> 32]


class HistoryStrategy(Strategy):
    name = "history"

    def __init__(self, program: Program) -> None:
        super().__init__(program)
        self.historical = tuple(
            frozenset(j for j, o in enumerate(d.options) if o.history)
            for d in self.scenario.decisions
        )

    def pick(self, s: Slots, k: int, offered: tuple[int, ...]) -> int:
        historical = self.historical[k]
        for j in offered:
            if j in historical:
                return j
        return offered[0]


class LeanStrategy(Strategy):
    def __init__(self, program: Program, lean: str) -> None:
        super().__init__(program)
        self.name = lean
        self.leans = tuple(tuple(o.lean for o in d.options) for d in self.scenario.decisions)
        self.lean = lean

    def pick(self, s: Slots, k: int, offered: tuple[int, ...]) -> int:
        leans = self.leans[k]
        for wanted in (self.lean, ""):
            for j in offered:
                if leans[j] == wanted:
                    return j
        return offered[0]


class StancesStrategy(Strategy):
    def __init__(self, program: Program, role: str) -> None:
        super().__init__(program)
        self.name = role + STANCES_SUFFIX
        self.role = role
        self.role_index = program.layout.role_index[role]
        self.terms = tuple(
            tuple(
                tuple(
                    (x, _signed(stance))
                    for x, stance in enumerate(option.stances)
                    if stance.role == role
                )
                for option in decision.options
            )
            for decision in self.scenario.decisions
        )

    def choose(self, item: ItemView, offered: tuple[int, ...]) -> int:
        """From the stances of ``role`` the observing seat can see: its own, if it is that
        role; else that role's positions at the table."""
        holding = [
            view
            for view in (*item.own_stances, *item.positions)
            if view.role == self.role and not view.human
        ]
        options = item.decision.options
        return self._best(
            offered, lambda j: sum(_signed(v) for v in holding if v.option == options[j].id)
        )

    def pick(self, s: Slots, k: int, offered: tuple[int, ...]) -> int:
        """As ``choose``: ``role``'s stances count where the seat could see them (its own
        seat; or a computer-held adviser on this decision, never the decider)."""
        program, terms, role = self.program, self.terms[k], self.role_index
        if role != self.seat and (role == program.deciders[k] or s[HUMANS] >> role & 1):
            return offered[0]
        return self._best(
            offered,
            lambda j: sum(amount for x, amount in terms[j] if program.stance_holds(k, j, x, s)),
        )

    @staticmethod
    def _best(offered: tuple[int, ...], score: Callable[[int], int]) -> int:
        best, best_score = offered[0], score(offered[0])
        for j in offered[1:]:
            value = score(j)
            if value > best_score:  # a tie keeps the first offered
                best, best_score = j, value
        return best


def _signed(stance: Stance | PositionView) -> int:
    return stance.strength if stance.position is Position.FAVOUR else -stance.strength


def names(scenario: Scenario) -> list[str]:
    """Every valid strategy name for ``scenario``."""
    return [*BASIC_STRATEGIES, *(f"{role.id}{STANCES_SUFFIX}" for role in scenario.roles)]


def strategy(name: str, program: Program, seed: int = 0) -> Strategy:
    """The strategy called ``name`` (``seed`` starts a random one's stream); raises
    StrategyError listing the valid names."""
    if name == "random":
        return RandomStrategy(program, seed)
    if name == "history":
        return HistoryStrategy(program)
    if name in ("hawk", "dove"):
        return LeanStrategy(program, name)
    if name.endswith(STANCES_SUFFIX):
        role = name[: -len(STANCES_SUFFIX)]
        if any(r.id == role for r in program.scenario.roles):
            return StancesStrategy(program, role)
    valid = ", ".join(names(program.scenario))
    raise StrategyError(f"unknown strategy {name!r}; expected one of: {valid}")
