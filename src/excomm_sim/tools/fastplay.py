"""Engine calls for the tools' hot loops: a whole game (``play_out``) or one step (``advance``).

``Game.step`` is built for interactive play: it validates each action against a full
``Prompt`` (option views, every adviser's position) and copies the state in and out. A
simulation of thousands of games needs none of that, so ``play_out`` keeps one engine
``Run`` for the whole game and calls the same ``Flow.resolve``/``run_computers`` that
``step`` calls, in the same order: the result is the state the public API reaches, about
three times faster. ``advance`` does the same for one decider's step (the explorer's).
These are engine internals (``Game._run``, ``Game._flow``, ``flow.freeze``); if they
change shape, both fall back to the public API, and tests/tools/test_fastplay.py checks
that both paths reach identical states and records. A public ``Game`` method for this
would let the tools drop the internals.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable, Mapping, Sequence

from excomm_sim.engine.events import Recommended, Record
from excomm_sim.engine.game import Action, Game
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.model import Option, Value

Chooser = Callable[[Mapping[str, Value], Sequence[Option], random.Random], str]
"""(what expressions see now, offered options, the game's generator) -> option id."""

_freeze = getattr(importlib.import_module("excomm_sim.engine.flow"), "freeze", None)
"""The engine's Run -> GameState step (an internal; None if it has moved)."""

MAX_MOVES = 10_000
"""Guard against an engine that never ends a game (reported as unfinished)."""


def play_out_public(
    game: Game, state: GameState, seat: str, choose: Chooser, rng: random.Random
) -> GameState:
    """The reference path: one ``Game.step`` per action of ``seat``, the only human."""
    for _ in range(MAX_MOVES):
        if state.ending is not None or state.current is None:
            break
        offered = game.offered_options(state)
        option = choose(game.env(state), offered, rng)
        state, _ = game.step(state, Action(seat, option))
    return state


def _internals_available(game: Game) -> bool:
    flow = getattr(game, "_flow", None)
    return (
        callable(_freeze)
        and callable(getattr(game, "_run", None))
        and callable(getattr(flow, "resolve", None))
        and callable(getattr(flow, "run_computers", None))
        and callable(getattr(flow, "offered", None))
    )


def play_out(
    game: Game, state: GameState, seat: str, choose: Chooser, rng: random.Random
) -> GameState:
    """Play ``state`` to the end; ``seat`` (the only human) acts through ``choose``."""
    if not _internals_available(game):
        return play_out_public(game, state, seat, choose, rng)
    freeze = _freeze
    flow = game._flow
    run = game._run(state)
    for _ in range(MAX_MOVES):
        row = run.current
        if run.ending is not None or row is None:
            break
        offered_rows = run.offered if run.offered is not None else flow.offered(row, run.env)
        chosen = choose(run.env, [o.option for o in offered_rows], rng)
        if row.decider == seat:
            for option_row in offered_rows:
                if option_row.id == chosen:
                    break
            flow.resolve(run, row, option_row, seat, human=True)
        else:  # the seat advises on this one: its recommendation, as Game.step records it
            run.recommendations[seat] = chosen
            run.log.append(Recommended(run.turn + 1, row.id, seat, chosen, True, ""))
        flow.run_computers(run)
    return freeze(run, state)


def advance(
    game: Game, state: GameState, role: str, option: str
) -> tuple[GameState, tuple[Record, ...]]:
    """``Game.step(state, Action(role, option))`` for a decider whose option is on offer,
    without building the Prompt that ``step`` validates against. The caller guarantees
    ``role`` decides ``state.current`` and ``option`` is offered (the explorer takes them
    from ``offered_options``); anything else goes through ``Game.step`` and its checks.
    """
    if not _internals_available(game) or state.current is None:
        return game.step(state, Action(role, option))
    freeze = _freeze
    run = game._run(state)
    row = run.current
    if (
        row is None
        or row.decider != role
        or (
            row.human_advisers
            and any(adviser not in state.recommendations for adviser in row.human_advisers)
        )
    ):
        return game.step(state, Action(role, option))
    offered = game._flow.offered(row, run.env)
    option_row = next((o for o in offered if o.id == option), None)
    if option_row is None:
        return game.step(state, Action(role, option))
    game._flow.resolve(run, row, option_row, role, human=True)
    game._flow.run_computers(run)
    return freeze(run, state), tuple(run.log)
