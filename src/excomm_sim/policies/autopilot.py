"""Play every seat nobody holds, and chance, so that a shell only ever waits for people.

``Autopilot`` wraps the kernel for shells (the TUI, the plain game, replay, the classroom
server): ``start`` begins a game and ``act`` applies a person's move, and both then let
the computer policies act for the seats no person holds and the sampler draw chance,
until a person must act or the game has ended. Every move goes through ``Rules.apply``,
so the records returned are the kernel's, in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from excomm_sim.engine.events import Record
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action, Move
from excomm_sim.engine.observe import Observation, observe
from excomm_sim.engine.state import GameState
from excomm_sim.policies.council import Council
from excomm_sim.policies.sampler import Sampler, sample
from excomm_sim.scenario.model import Scenario

__all__ = [
    "MAX_AUTOMATIC_MOVES",
    "Autopilot",
    "Policy",
]

MAX_AUTOMATIC_MOVES = 100_000
"""A bound on computer moves between two people's moves (a kernel fault guard)."""


class Policy(Protocol):
    """A computer seat: the move it makes from what it sees."""

    def act(self, observation: Observation) -> Action: ...


class Autopilot:
    """The kernel with computer policies and the sampler answering for everyone but people.

    ``policies`` maps a seat to the policy that plays it when no person does; seats not
    listed get the computer decider (``Council``). ``sampler`` answers for chance: the
    seeded ``sample`` unless an author rigs it (``sampler.Rigged``).
    """

    def __init__(
        self,
        scenario: Scenario,
        policies: Mapping[str, Policy] | None = None,
        sampler: Sampler = sample,
    ) -> None:
        self.rules = Rules(scenario)
        self.scenario = scenario
        self.council = Council(scenario)
        self.policies = dict(policies or {})
        self.sampler = sampler

    def start(
        self, seed: int, humans: Mapping[str, str] | None = None
    ) -> tuple[GameState, tuple[Record, ...]]:
        """A new game, played until a person must act (or it ends)."""
        state = self.rules.new_game(seed, humans)
        state, _ = self.advance(state)
        return state, state.log

    def act(self, state: GameState, move: Move) -> tuple[GameState, tuple[Record, ...]]:
        """A person's move (or a seat changing hands), then the computer's, until a person
        must act; returns the new state and every record made. Raises ``IllegalAction``."""
        state, records = self.rules.apply(state, move)
        state, more = self.advance(state)
        return state, records + more

    def advance(self, state: GameState) -> tuple[GameState, tuple[Record, ...]]:
        """Let chance and the computer seats move until a person must act."""
        rules = self.rules
        made: list[Record] = []
        for _ in range(MAX_AUTOMATIC_MOVES):
            turn = rules.to_act(state)
            if turn.kind == "ended" or turn.human:
                return state, tuple(made)
            if turn.kind == "chance":
                move: Move = self.sampler(rules, state)
            else:
                assert turn.role is not None
                seen = observe(rules, state, turn.role, history=False)
                move = self.policy(turn.role).act(seen)
            state, records = rules.apply(state, move)
            made.extend(records)
        raise RuntimeError("the computer seats did not let a person act")  # pragma: no cover

    def policy(self, seat: str) -> Policy:
        return self.policies.get(seat, self.council)

    def replay(self, seed: int, humans: Mapping[str, str], moves: Iterable[Move]) -> GameState:
        """Start from ``seed`` and apply the people's ``moves`` in order."""
        state, _ = self.start(seed, humans)
        for move in moves:
            state, _ = self.act(state, move)
        return state
