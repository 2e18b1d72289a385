"""Fast all-computer games: a tree of the positions already played, walked by the dice.

In a game with no human, every computer move is a function of the position, and the
position after a decision is a function of the position before it and of the chance
outcome drawn (if the option taken has a chance node). So the game tree can be remembered:
each ``Node`` holds the frozen state at a posed decision and, once explored, the chance
weights there and the child for each outcome index. Playing a seed then walks the tree,
drawing from the seed's generator exactly as the turn loop would (one draw per chance
node, same weights), and only computes positions never reached before, with the normal
turn loop. The result is the very same state and log as without the tree (tests check
this); ``simulate``, ``check`` and the benchmark, which play thousands of games, are
where it pays.
"""

from __future__ import annotations

from attrs import evolve

from excomm_sim.engine import chance
from excomm_sim.engine.flow import Flow, Run, freeze
from excomm_sim.engine.state import GameState

NODE_LIMIT = 10_000
"""Most positions remembered (each, with its records, ~4 KB); past it the tree is regrown."""


class Node:
    """A position where the computer decides next (or the game has ended)."""

    __slots__ = ("children", "next", "state", "weights")

    def __init__(self, state: GameState) -> None:
        self.state = state
        """The position, with ``seed`` and ``rng`` zeroed (they differ between games)."""
        self.weights: list[int] | None = None
        """The weights of the chance node drawn when this decision is taken, if any."""
        self.children: dict[int, Node] = {}
        """Outcome index -> the next position, for decisions with a chance node."""
        self.next: Node | None = None
        """The next position, for decisions without a chance node."""


class Autoplay:
    """Plays all-computer games of one Game over a remembered game tree."""

    def __init__(self, flow: Flow, blank: GameState) -> None:
        self.flow = flow
        self.blank = blank
        self.root: Node | None = None
        self.size = 0

    def play(self, seed: int) -> GameState:
        """The final state of the all-computer game with ``seed``."""
        rng = chance.seed_state(seed)
        if self.root is None or self.size >= NODE_LIMIT:
            self.root = self._root()
            self.size = 1
        node = self.root
        while node.state.ending is None:
            weights = node.weights
            if weights is not None:
                index, after = chance.pick(rng, weights)
                child = node.children.get(index)
                if child is not None:
                    node, rng = child, after
                    continue
            elif node.next is not None:
                node = node.next
                continue
            node, rng = self._expand(node, rng)
        return evolve(node.state, seed=seed, rng=rng)

    def _root(self) -> Node:
        run = Run(self.blank)
        self.flow.pose_next(run)
        return Node(freeze(run, self.blank))

    def _expand(self, node: Node, rng: int) -> tuple[Node, int]:
        """Take the decision at ``node`` with the turn loop; remember where it led."""
        start = evolve(node.state, rng=rng)
        run = Run(start)
        run.current = self.flow.tables.by_id[start.current] if start.current else None
        self.flow.take_computer_decision(run)
        if run.ending is None:
            self.flow.pose_next(run)
        child = Node(evolve(freeze(run, start), rng=0))
        self.size += 1
        if run.draws:
            weights, index = run.draws[0]
            node.weights = weights
            node.children[index] = child
        else:
            node.next = child
        return child, run.rng
