"""A saved game's moves as JSON objects, and which save format they need.

Format 1 holds only seats' acts, ``{"role": ..., "option": ...}``. Format 2 adds what a
classroom game records: an adviser's own words with a recommendation (``"argument"``), a
seat changing hands (``{"take_seat": role, "player": name}``, ``{"leave_seat": role}``)
an event the teacher injected (``{"inject": event, "note": line}``) and an author's move in
author mode (``{"author_set": variable, "value": value}``, ``{"author_jump": decision}``).
A save is written
in the lowest format that holds its moves, so a solo game's file is what it always was
and any reader of format 1 still opens it; format 1 files read as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from excomm_sim.engine.moves import (
    Action,
    AuthorJump,
    AuthorSet,
    Inject,
    LeaveSeat,
    Move,
    TakeSeat,
)

MAX_ARGUMENT = 600
"""Longest argument (in characters) a recommendation may carry: a few hundred words' worth
of a student's case, no essay."""

BASIC_FORMAT = 1
"""The format of a save whose moves are all plain acts."""
MOVES_FORMAT = 2
"""The format that holds arguments, seat changes and injected events."""


class MoveProblem(ValueError):
    """A move in a save that is malformed; the message says which field and why."""


def needs_format(moves: Iterable[Move]) -> int:
    """The lowest save format that holds ``moves``."""
    for move in moves:
        if not isinstance(move, Action) or move.argument:
            return MOVES_FORMAT
    return BASIC_FORMAT


def to_data(move: Move) -> dict[str, Any]:
    """A move as the JSON object a save holds."""
    if isinstance(move, Action):
        data = {"role": move.role, "option": move.option}
        if move.argument:
            data["argument"] = move.argument
        return data
    if isinstance(move, TakeSeat):
        return {"take_seat": move.role, "player": move.player}
    if isinstance(move, LeaveSeat):
        return {"leave_seat": move.role}
    if isinstance(move, Inject):
        return {"inject": move.event, "note": move.note}
    if isinstance(move, AuthorSet):
        return {"author_set": move.variable, "value": move.value}
    if isinstance(move, AuthorJump):
        return {"author_jump": move.decision}
    raise MoveProblem(f"a save does not hold {type(move).__name__} moves")


def describe(move: Move) -> str:
    """A move in a sentence's words ("president chose 'insist'"), for messages."""
    if isinstance(move, Action):
        return f"{move.role} chose {move.option!r}"
    if isinstance(move, TakeSeat):
        return f"{move.player} took {move.role}'s seat"
    if isinstance(move, LeaveSeat):
        return f"{move.role}'s seat was left"
    if isinstance(move, Inject):
        return f"the teacher injected {move.event!r}"
    if isinstance(move, AuthorSet):
        return f"the author set {move.variable} to {move.value!r}"
    if isinstance(move, AuthorJump):
        return f"the author jumped to {move.decision!r}"
    return f"chance drew {move.outcome!r}"


_SHAPES: Mapping[str, tuple[str, ...]] = {
    "role": ("role", "option", "argument"),
    "take_seat": ("take_seat", "player"),
    "leave_seat": ("leave_seat",),
    "inject": ("inject", "note"),
    "author_set": ("author_set", "value"),
    "author_jump": ("author_jump",),
}
"""The key that says what a move is -> every key that move may have."""


def from_data(
    entry: Mapping[str, Any],
    where: str,
    version: int,
    text: Any,
) -> Move:
    """Read one move; ``text(value, where, identifier=..., limit=...)`` checks a string
    field as the save reader checks every string. Raises MoveProblem."""
    kind = next((key for key in _SHAPES if key in entry), None)
    if kind is None and "option" in entry:
        raise MoveProblem(f"{where} has no 'role'")
    if kind is None:
        raise MoveProblem(f"{where} is not a move (it has none of: {', '.join(_SHAPES)})")
    if version < MOVES_FORMAT and (kind != "role" or "argument" in entry):
        raise MoveProblem(f"{where}: a format-{version} save holds only seats' acts")
    extra = sorted(set(entry) - set(_SHAPES[kind]))
    if extra:
        raise MoveProblem(f"{where}: unknown key {extra[0]!r}")
    if kind == "role":
        if "option" not in entry:
            raise MoveProblem(f"{where} has no 'option'")
        argument = text(entry.get("argument", ""), f"{where}.argument", limit=MAX_ARGUMENT)
        return Action(
            text(entry["role"], f"{where}.role", identifier=True),
            text(entry["option"], f"{where}.option", identifier=True),
            argument,
        )
    if kind == "take_seat":
        if "player" not in entry:
            raise MoveProblem(f"{where} has no 'player'")
        return TakeSeat(
            text(entry["take_seat"], f"{where}.take_seat", identifier=True),
            text(entry["player"], f"{where}.player"),
        )
    if kind == "leave_seat":
        return LeaveSeat(text(entry["leave_seat"], f"{where}.leave_seat", identifier=True))
    if kind == "author_set":
        return AuthorSet(
            text(entry["author_set"], f"{where}.author_set", identifier=True),
            _value(entry, where, text),
        )
    if kind == "author_jump":
        return AuthorJump(text(entry["author_jump"], f"{where}.author_jump", identifier=True))
    return Inject(
        text(entry["inject"], f"{where}.inject", identifier=True),
        text(entry.get("note", ""), f"{where}.note", limit=MAX_ARGUMENT),
    )


def _value(entry: Mapping[str, Any], where: str, text: Any) -> int | bool | str:
    """An author's value: an integer, true/false or a word (checked by the kernel on replay)."""
    if "value" not in entry:
        raise MoveProblem(f"{where} has no 'value'")
    value = entry["value"]
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, str):
        result: str = text(value, f"{where}.value", identifier=True)
        return result
    raise MoveProblem(f"{where}.value must be an integer, true/false or a value's id")
