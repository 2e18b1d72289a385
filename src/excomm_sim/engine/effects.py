"""Applying a list of assignments to a running game: clamping, and recording each change.

The hottest loop of the engine, on its own so the turn loop reads as the turn order.
"""

from __future__ import annotations

from excomm_sim.engine.errors import ScenarioRuntimeError
from excomm_sim.engine.events import Cause, VariableChanged
from excomm_sim.engine.run import Run
from excomm_sim.engine.sharing import SHARED_LIMIT, SharedRecords
from excomm_sim.engine.tables import EffectRow
from excomm_sim.scenario.expr import EvalError


def apply_effects(
    run: Run, table: SharedRecords, effects: tuple[EffectRow, ...], cause: Cause | None
) -> None:
    """Apply assignments in order, clamping ints; record each real change (``cause``
    is None exactly when the run keeps no history: then nothing is recorded).

    ``op`` is applied here as ``Assignment.apply`` would, to save a call per effect, and
    change records are shared through ``table`` under a key of plain values. The key holds
    ``id(cause)``, which is safe: the stored record keeps that cause alive, so no other
    object can take its id while the entry exists.
    """
    env = run.env
    turn = run.turn
    cause_id = id(cause)
    for effect in effects:
        target = effect.target
        old = env[target]
        try:
            value = effect.value(env)
        except EvalError as error:
            raise effect_error(effect, turn, error) from error
        op = effect.op
        if op == "=":
            new = value
        elif op == "+=":
            new = old + value  # type: ignore[operator]
        else:
            new = old - value  # type: ignore[operator]
        clamped = False
        low = effect.minimum
        if low is not None and new < low:  # type: ignore[operator]
            new, clamped = low, True
        high = effect.maximum
        if high is not None and new > high:  # type: ignore[operator]
            new, clamped = high, True
        if new != old:
            env[target] = new
            if cause is None:  # the run keeps no history
                continue
            key = (effect, turn, old, new, clamped, cause_id)
            record = table.get(key)
            if record is None:
                if len(table) >= SHARED_LIMIT:
                    table.clear()
                record = table[key] = VariableChanged(
                    turn, target, old, new, cause, effect.source, clamped
                )
            run.log.append(record)


def effect_error(effect: EffectRow, turn: int, error: Exception) -> ScenarioRuntimeError:
    """Name the failing effect's owner and, when known, its file:line:col."""
    location = effect.location
    where = f"{location}: " if location is not None and location.line else ""
    return ScenarioRuntimeError(
        f"{where}{effect.owner} (turn {turn}): effect {effect.source!r} failed: {error}"
    )
