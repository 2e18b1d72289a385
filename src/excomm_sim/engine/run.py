"""The mutable working copy of a game state used inside one engine call, and freezing it.

``Game`` copies a ``GameState`` into a ``Run`` for the length of one call, the turn loop
(``flow.Flow``) works on its plain dicts and lists, and ``freeze`` turns the result into
the next ``GameState``. Nothing outside the engine should hold a Run between calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from excomm_sim.engine.events import Record
from excomm_sim.engine.state import Choice, GameState, Pending
from excomm_sim.scenario.model import Value

if TYPE_CHECKING:
    from excomm_sim.engine.tables import DecisionRow, OptionRow


class Run:
    """The mutable working copy of a GameState during one engine call."""

    __slots__ = (
        "choices",
        "current",
        "cursor",
        "day",
        "draws",
        "ending",
        "env",
        "fired",
        "history",
        "log",
        "offered",
        "pending",
        "recommendations",
        "rng",
        "seed",
        "timeline",
        "turn",
    )

    def __init__(self, state: GameState, *, history: bool = True) -> None:
        env: dict[str, Value] = dict(state.values)
        env["turn"] = state.turn
        env["day"] = state.day
        for choice in state.choices:
            env["@" + choice.decision] = choice.option
        self.env = env
        self.seed = state.seed
        self.rng = state.rng
        self.turn = state.turn
        self.day = state.day
        self.cursor = state.cursor
        self.current: DecisionRow | None = None
        self.offered: list[OptionRow] | None = None
        self.recommendations: dict[str, str] = dict(state.recommendations)
        self.choices: list[Choice] = list(state.choices)
        self.pending: list[Pending] = list(state.pending)
        self.fired: set[str] = set(state.fired)
        self.ending: str | None = state.ending
        self.history = history
        """Keep the log and the timeline. Without them (``Game.play_out(..., history=False)``)
        every value, choice and draw is the same; only what explains them is not kept."""
        self.log: list[Record] = []
        self.timeline: list[Mapping[str, Value]] = list(state.timeline)
        self.draws: list[tuple[list[int], int]] = []
        """Each chance draw made in this call: the weights and the index drawn."""


def freeze(run: Run, previous: GameState) -> GameState:
    """The GameState a Run has become (the log is the old log plus what this call added)."""
    env = run.env
    return GameState(
        seed=run.seed,
        rng=run.rng,
        values=MappingProxyType({v: env[v] for v in previous.values}),
        turn=run.turn,
        day=run.day,
        cursor=run.cursor,
        current=run.current.id if run.current is not None else None,
        recommendations=MappingProxyType(run.recommendations),
        choices=tuple(run.choices),
        pending=tuple(run.pending),
        fired=frozenset(run.fired),
        ending=run.ending,
        log=previous.log + tuple(run.log),
        timeline=tuple(run.timeline),
    )
