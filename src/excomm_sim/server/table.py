"""One table of a lesson: its game, who holds which seat, and the moves it has committed.

A ``Table`` knows the rules of its game and nothing of the network or the clock: it plans
a move (the kernel, through the ``Autopilot``, says whether it is legal and what follows)
without changing anything; only ``commit``, called once the move is on the disk, makes it
the table's. Replaying its committed moves from its seed rebuilds it exactly, which is how
``host --resume`` brings a table back.

Seats are held by people with a token; a holder may be away (the computer plays the seat
then, after a ``LeaveSeat``) and come back (``TakeSeat``). Both are moves in the log.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from attrs import define, field

from excomm_sim.engine.events import Record
from excomm_sim.engine.moves import Action, IllegalAction, LeaveSeat, Move, TakeSeat
from excomm_sim.engine.observe import Observation, observe
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.standin import StandIn
from excomm_sim.saves.moves import to_data
from excomm_sim.scenario.model import Scenario
from excomm_sim.wire import codec

PLAYING, SEATING, ENDED, STOPPED = "playing", "seating", "ended", "stopped"


@define
class Holder:
    """A person who holds a seat (even while away)."""

    player: str
    token_hash: str


@define
class Table:
    """A table's game and seats (see the module docstring)."""

    lesson: str
    number: int
    code: str
    seed: int
    autopilot: Autopilot
    status: str = SEATING
    paused: bool = False
    timer: float | None = None
    """Seconds each item may take before the computer acts for those who have not."""
    humans: dict[str, str] = field(factory=dict)
    """The people seated when the game started (the save's ``humans``)."""
    holders: dict[str, Holder] = field(factory=dict)
    moves: list[Move] = field(factory=list)
    sources: list[str] = field(factory=list)
    state: GameState | None = None
    saved_as: str = ""
    encoded: list[dict[str, Any]] = field(factory=list)
    """The state's log, each record written once for every seat that is sent it."""
    index: dict[int, int] = field(factory=dict)
    """id() of each record in the log -> its place in the log."""
    standin: StandIn | None = None

    @property
    def scenario(self) -> Scenario:
        return self.autopilot.scenario

    @property
    def revision(self) -> int:
        """How many moves the table has committed."""
        return len(self.moves)

    @property
    def ended(self) -> bool:
        return self.status in (ENDED, STOPPED)

    # -- planning (changes nothing) ------------------------------------------------------

    def plan_start(self, present: set[str]) -> tuple[GameState, dict[str, str]]:
        """The game as it starts with the holders in ``present`` seated."""
        humans = {role: holder.player for role, holder in self.holders.items() if role in present}
        state, _ = self.autopilot.start(self.seed, humans)
        return state, humans

    def plan(self, move: Move) -> tuple[GameState, tuple[Record, ...]]:
        """What ``move`` leads to; raises IllegalAction (the kernel's reason)."""
        if self.state is None:
            raise IllegalAction("The game has not started yet.")
        return self.autopilot.act(self.state, move)

    def standin_move(self) -> Action | None:
        """The computer's move for the person who must act now, if a person must."""
        if self.state is None or self.ended:
            return None
        turn = self.autopilot.rules.to_act(self.state)
        if not turn.human or turn.role is None:
            return None
        if self.standin is None:
            self.standin = StandIn(self.scenario)
        return self.standin.act(observe(self.autopilot.rules, self.state, turn.role))

    def seat_move(self, role: str, present: bool) -> Move | None:
        """The move that makes the game agree with whether ``role``'s holder is here."""
        if self.state is None or self.ended:
            return None
        seated = role in self.state.humans
        holder = self.holders.get(role)
        if present and not seated and holder is not None:
            return TakeSeat(role, holder.player)
        if not present and seated:
            return LeaveSeat(role)
        return None

    # -- committing (after the store has it) ---------------------------------------------

    def begin(self, state: GameState, humans: Mapping[str, str]) -> None:
        self.state = state
        self.humans = dict(humans)
        self.status = ENDED if state.ended else PLAYING
        self._extend_log()

    def commit(self, move: Move, source: str, state: GameState) -> None:
        self.moves.append(move)
        self.sources.append(source)
        self.state = state
        if state.ended:
            self.status = ENDED
        self._extend_log()

    def _extend_log(self) -> None:
        assert self.state is not None
        log = self.state.log
        for position in range(len(self.encoded), len(log)):
            record = log[position]
            self.encoded.append(codec.encode_record(record))
            self.index[id(record)] = position

    # -- reading -------------------------------------------------------------------------

    def observation(self, seat: str | None) -> Observation | None:
        if self.state is None:
            return None
        return observe(self.autopilot.rules, self.state, seat)

    def item_key(self) -> tuple[int, str | None] | None:
        """Which item is on the table (for its timer), or None when no person must act."""
        if self.state is None or self.status != PLAYING:
            return None
        turn = self.autopilot.rules.to_act(self.state)
        if not turn.human:
            return None
        return (self.state.turn, self.state.current)

    def waiting_for(self) -> str:
        """Whom the table waits for, in words (for the host's log and the console)."""
        if self.status == SEATING:
            return "waiting for the teacher to start"
        if self.state is None or self.ended:
            return self.status
        turn = self.autopilot.rules.to_act(self.state)
        if turn.role is None:
            return turn.kind
        who = self.state.humans.get(turn.role, "the computer")
        verb = "recommend" if turn.kind == "recommend" else "decide"
        return f"{who} ({turn.role}) to {verb} on {turn.decision}"

    def humans_json(self) -> str:
        return json.dumps(self.humans, sort_keys=True)

    def move_json(self, move: Move) -> str:
        return json.dumps(to_data(move), ensure_ascii=False, sort_keys=True)
