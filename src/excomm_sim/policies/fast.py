"""The policies over the kernel's slots, for games played by the thousand (``simulate``).

A simulated game is played by ``engine.turns.play`` (the kernel's own turn order, without
records) with a ``Seats`` agent answering every act: the strategy for the seat it plays,
the computer decider (``council``'s rule, scored from the slots) for the others, and the
sampler for chance. Tests hold every game played this way to the one played move by move
through ``Rules.apply`` with the observation-reading policies.
"""

from __future__ import annotations

from typing import Any

from excomm_sim.engine import chance, turns
from excomm_sim.engine.layout import CHANCE, DRAWS, STAGE, Slots
from excomm_sim.engine.observe import HUMAN_RECOMMENDATION_STRENGTH
from excomm_sim.engine.program import Program
from excomm_sim.policies.council import OWN_STANCE_FACTOR
from excomm_sim.policies.strategies import Strategy
from excomm_sim.scenario.model import Position

__all__ = [
    "NODE_LIMIT",
    "CouncilScores",
    "GameTree",
    "Node",
    "Seats",
    "Term",
]

_GAMMA = 0x9E3779B97F4A7C15
_MIX_1 = 0xBF58476D1CE4E5B9
_MIX_2 = 0x94D049BB133111EB
_MASK = chance.MASK64

Term = tuple[int, int, int]
"""A stance as the computer decider weighs it: (role index, signed weight, its place in
the option's stances, where the program's test for it is found)."""


class CouncilScores:
    """The computer decider's rule (``policies.council``) over slots: option index taken."""

    def __init__(self, program: Program) -> None:
        self.program = program
        scenario = program.scenario
        layout = program.layout
        self.influence = tuple(role.influence for role in scenario.roles)
        self.terms: tuple[tuple[tuple[Term, ...], ...], ...] = tuple(
            tuple(
                tuple(
                    (
                        layout.role_index[stance.role],
                        (1 if stance.position is Position.FAVOUR else -1)
                        * (OWN_STANCE_FACTOR if stance.role == decision.decider else 1)
                        * scenario.roles[layout.role_index[stance.role]].influence
                        * stance.strength,
                        x,
                    )
                    for x, stance in enumerate(option.stances)
                )
                for j, option in enumerate(decision.options)
            )
            for k, decision in enumerate(scenario.decisions)
        )
        self.humans_slot = layout.HUMANS
        self.advice_slot = layout.ADVICE

    def decide(self, s: Slots, k: int, offered: tuple[int, ...]) -> int:
        humans: int = s[self.humans_slot]
        advice: tuple[tuple[int, int], ...] = s[self.advice_slot]
        terms = self.terms[k]
        tests = self.program.stance_tests[k]  # decision k is being played: its code is loaded
        best, best_score = offered[0], None
        for j in offered:
            score = 0
            for role, weight, x in terms[j]:
                test = tests[j][x]
                if not humans >> role & 1 and (test is None or test(s)):
                    score += weight
            for role, option in advice:
                if option == j:
                    score += HUMAN_RECOMMENDATION_STRENGTH * self.influence[role]
            if best_score is None or score > best_score:  # a tie keeps the first offered
                best, best_score = j, score
        return best


class Seats(turns.Agent):
    """Answers every act of one simulated game: ``seat`` by ``strategy``, other deciders
    by the council's rule, chance by the sampler's stream (``policies.sampler``)."""

    def __init__(self, council: CouncilScores, seat: int, strategy: Strategy) -> None:
        self.council = council
        self.seat = seat
        self.strategy = strategy
        strategy.sit(seat)
        self.pick = strategy.pick
        self.start = 0

    def reseed(self, seed: int) -> None:
        """Play the next game from ``seed``: the strategy's and the sampler's streams."""
        self.strategy.reseed(seed)
        self.start = chance.seed_state(seed)

    def recommend(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        return self.pick(s, k, offered)

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        if role == self.seat:
            return self.pick(s, k, offered)
        return self.council.decide(s, k, offered)

    def draw(self, s: Slots | tuple[Any, ...], k: int, weights: list[int]) -> int:
        """``sampler.draw_index`` for the draw the state is at, written out (it runs for
        every chance node of every simulated game)."""
        draws: int = s[DRAWS]
        z = (self.start + (draws + 1) * _GAMMA) & _MASK
        z = ((z ^ (z >> 30)) * _MIX_1) & _MASK
        z = ((z ^ (z >> 27)) * _MIX_2) & _MASK
        z ^= z >> 31
        total = 0
        for weight in weights:
            if weight > 0:
                total += weight
        if total == 0:
            return (z * len(weights)) >> 64
        ticket = (z * total) >> 64
        for index, weight in enumerate(weights):
            if weight > 0:
                if ticket < weight:
                    return index
                ticket -= weight
        raise AssertionError("unreachable: ticket below the total weight")  # pragma: no cover


NODE_LIMIT = 20_000
"""Most positions a ``GameTree`` remembers (each a tuple of slots); past it, it regrows."""


class Node:
    """A chance node reached by deterministic play (or the end of the game)."""

    __slots__ = ("children", "state", "weights")

    def __init__(self, state: tuple[Any, ...], weights: list[int] | None) -> None:
        self.state = state
        self.weights = weights
        """The chance node's weights; None at the end of the game."""
        self.children: dict[int, Node] = {}
        """Outcome index -> the next chance node (or the end) it leads to."""


class GameTree:
    """All-computer games with deterministic seats, as walks down a remembered tree.

    When every seat chooses the same way from the same position, a game is decided by its
    chance outcomes alone: the position after a chance node depends only on the node and
    the outcome. So the tree keeps each chance node reached and, per outcome, where it led;
    a game draws its outcomes from its own seed (``Seats.draw``) and only plays on from a
    node through an outcome never taken before. Tests hold its games to ones played out.
    """

    def __init__(self, program: Program, seats: Seats, initial: tuple[Any, ...]) -> None:
        self.program = program
        self.seats = seats
        self.initial = initial
        self.root: Node | None = None
        self.size = 0

    def play(self, seed: int) -> tuple[Any, ...]:
        """The end of the game the seats play from the start with ``seed`` (already given
        to ``seats.reseed``)."""
        if self.root is None or self.size >= NODE_LIMIT:
            self.root = self._node(list(self.initial))
            self.size = 1
        node = self.root
        draw = self.seats.draw
        while node.weights is not None:
            index = draw(node.state, 0, node.weights)
            child = node.children.get(index)
            if child is None:
                s = list(node.state)
                turns.run(self.program, s, None, _Through(self.seats, index))
                child = node.children[index] = self._node(s)
                self.size += 1
            node = child
        return node.state

    def _node(self, s: Slots) -> Node:
        """The node where ``s`` stands: play on to the next chance node or the end."""
        if s[STAGE] != CHANCE:
            turns.run(self.program, s, None, _Through(self.seats, -1))
        weights = turns.chance_weights(self.program, s) if s[STAGE] == CHANCE else None
        return Node(tuple(s), weights)


class _Through(turns.Agent):
    """Plays on with ``seats``, answering the next draw with ``index`` (once), and stops at
    the draw after it."""

    def __init__(self, seats: Seats, index: int) -> None:
        self.seats = seats
        self.index = index

    def recommend(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        return self.seats.recommend(s, k, role, offered)

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        return self.seats.decide(s, k, role, offered)

    def draw(self, s: Slots, k: int, weights: list[int]) -> int:
        index = self.index
        if index < 0:
            raise turns.Stop
        self.index = -1
        return index
