"""Errors the engine raises while a game runs, with what an author needs to fix them."""

from __future__ import annotations

from excomm_sim.scenario.expr import EvalError

__all__ = [
    "ScenarioRuntimeError",
    "runtime_error",
]


class ScenarioRuntimeError(EvalError):
    """An expression failed during play (e.g. division by zero), with where it was.

    A subclass of ``EvalError`` so tools catching that keep working; the message names
    the scenario object and the expression so an author can fix it.
    """


def runtime_error(
    owner: object, what: str, expression: object, error: Exception
) -> ScenarioRuntimeError:
    """A ScenarioRuntimeError naming the scenario object, where it is, and the expression."""
    source = getattr(expression, "source", "")
    location = getattr(owner, "location", None)
    where = f"{location}: " if location is not None and location.line else ""
    kind = type(owner).__name__.lower()
    name = f"{kind} {getattr(owner, 'id', '')}".strip()
    return ScenarioRuntimeError(f"{where}{name}: {what} {source!r} failed: {error}")
