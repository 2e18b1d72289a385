"""Reading save text strictly: every field checked, every problem named with its path.

A save is machine-written, so anything unexpected means the file was damaged, edited by
hand, or written by another program. The player is told exactly which field is wrong
(``actions[3].option must be a string``) rather than getting a game that silently differs.
Foreign and newer files are recognised before any field is checked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from excomm_sim.engine.moves import Move
from excomm_sim.saves import moves
from excomm_sim.saves.format import (
    KIND,
    MAX_HASH_LENGTH,
    SAVE_FORMAT,
    WRITTEN_BY,
    BranchPoint,
    SaveError,
    SaveGame,
)
from excomm_sim.scenario.characters import BIDI, character_name, first_control
from excomm_sim.scenario.limits import (
    MAX_ACTIONS,
    MAX_ID_LENGTH,
    MAX_PLAYER_NAME,
    MAX_ROLES,
    MAX_SAVE_TEXT,
    MAX_VERSION_LENGTH,
    SEED_MAX,
    SEED_MIN,
)

_KEYS = (
    "kind",
    "format",
    "scenario_id",
    "scenario_version",
    "scenario_hash",
    "scenario_path",
    "seed",
    "humans",
    "actions",
    "created",
    "updated",
    "note",
    "branched_from",
    WRITTEN_BY,
)
_OPTIONAL = frozenset({"note", "branched_from", WRITTEN_BY})
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


class _Problem(Exception):
    """One validation failure inside the JSON; becomes a SaveError naming the file."""


def _reject_constant(name: str) -> object:
    raise _Problem(f"not valid JSON: {name} is not a number JSON allows")


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Problem(f"key {key!r} appears twice in one object")
        result[key] = value
    return result


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _string(
    value: object,
    where: str,
    *,
    most: int = MAX_SAVE_TEXT,
    identifier: bool = False,
    empty: bool = True,
    lines: bool = False,
) -> str:
    """A string field: at most ``most`` characters, no control characters (``lines``
    allows newlines and tabs), never a lone surrogate; an id when ``identifier``."""
    if not isinstance(value, str):
        raise _Problem(f"{where} must be a string (found {_type_name(value)})")
    if identifier:
        most = MAX_ID_LENGTH
    if len(value) > most:
        raise _Problem(f"{where} is too long ({len(value):,} characters; at most {most:,})")
    bad = first_control(value) or (None if lines else _first_break(value))
    if bad is not None:
        raise _Problem(f"{where} contains the control character {character_name(bad)}")
    if not empty and not value:
        raise _Problem(f"{where} must not be empty")
    if identifier and not _ID.match(value):
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise _Problem(f"{where} must be an identifier like 'meeting19' (found {shown!r})")
    return value


def _move_text(
    value: object, where: str, *, identifier: bool = False, limit: int = MAX_SAVE_TEXT
) -> str:
    """A move's string field, checked as every string of a save is, within ``limit``.

    A seat's new player (``take_seat``) is a player's name, by the one rule for names; an
    argument or a teacher's note may hold line breaks and tabs.
    """
    if where.endswith(".player"):
        if isinstance(value, str) and (problem := player_name_problem(value)) is not None:
            raise _Problem(f"{where}: {problem}")
        return _string(value, where, most=MAX_PLAYER_NAME)
    return _string(value, where, most=limit, identifier=identifier, lines=not identifier)


def _first_break(value: str) -> str | None:
    return next((character for character in value if character in "\t\n"), None)


def player_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a player's name in a save, or None: the one rule for every
    shell that takes a name (command line, set-up screen) and for the save reader."""
    try:
        _string(name, "the player name", most=MAX_PLAYER_NAME, empty=False)
    except _Problem as problem:
        return str(problem)
    if not name.strip():
        return "the player name must not be blank"
    bidi = next((character for character in name if character in BIDI), None)
    if bidi is not None:
        return (
            f"the player name contains {character_name(bidi)}, which changes the "
            "direction of the text around it"
        )
    return None


def _integer(value: object, where: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Problem(f"{where} must be an integer (found {_type_name(value)})")
    if not minimum <= value <= maximum:
        raise _Problem(f"{where} must be between {minimum} and {maximum} (found {value})")
    return value


def _timestamp(value: object, where: str) -> str:
    text = _string(value, where, empty=False)
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _Problem(
            f"{where} must be an ISO 8601 time like 2026-01-31T14:05:00Z (found {text!r})"
        ) from None
    if parsed.tzinfo is None:
        raise _Problem(f"{where} must say its time zone, e.g. a trailing Z (found {text!r})")
    return text


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Problem(f"{where} must be an object (found {_type_name(value)})")
    return value


def _check_keys(data: Mapping[str, Any], where: str, known: Sequence[str]) -> None:
    import difflib

    for key in data:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _Problem(f"{where}unknown key {key!r}{hint}")


def _parse(text: str) -> Any:
    try:
        return json.loads(
            text,
            object_pairs_hook=_pairs_without_duplicates,
            parse_constant=_reject_constant,
        )
    except json.JSONDecodeError as error:
        if not text.strip():
            raise _Problem("empty file: not an excomm-sim save") from None
        raise _Problem(
            f"truncated or not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise _Problem("not an excomm-sim save (nested too deeply)") from None
    except ValueError:  # a number of more than 4,300 digits (Python's int parsing limit)
        raise _Problem("not an excomm-sim save (it holds a number far too long)") from None


def _check_identity(data: object) -> dict[str, Any]:
    """Foreign and newer files are told apart before any field is checked."""
    if not isinstance(data, dict):
        raise _Problem(f"not an excomm-sim save (the file holds {_type_name(data)}, not an object)")
    if "format" not in data:
        raise _Problem("not an excomm-sim save (no 'format' key)")
    if "kind" in data and data["kind"] != KIND:
        raise _Problem(f"not an excomm-sim save (kind is {data['kind']!r}, not {KIND!r})")
    version = data["format"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Problem(f"format must be an integer (found {_type_name(version)})")
    if version > SAVE_FORMAT:
        raise _Problem(
            f"made by a newer excomm-sim (save format {version}; "
            f"this version reads {SAVE_FORMAT}): update excomm-sim to open it"
        )
    if version < 1:
        raise _Problem(f"format must be 1 or more (found {version})")
    if "kind" not in data:
        raise _Problem("not an excomm-sim save (no 'kind' key)")
    return data


def from_data(data: object) -> SaveGame:
    """Validate parsed JSON into a SaveGame; raises _Problem naming the first bad field."""
    top = _check_identity(data)
    _check_keys(top, "", _KEYS)
    for key in _KEYS:
        if key not in top and key not in _OPTIONAL:
            raise _Problem(f"missing key {key!r}")
    humans_data = _object(top["humans"], "humans")
    if len(humans_data) > MAX_ROLES:
        raise _Problem(f"humans has {len(humans_data):,} players; at most {MAX_ROLES:,}")
    humans: dict[str, str] = {}
    for role, name in humans_data.items():
        _string(role, "humans: a role id", identifier=True)
        if not isinstance(name, str):
            _string(name, f"humans.{role}")
        problem = player_name_problem(name)
        if problem is not None:
            raise _Problem(f"humans.{role}: {problem}")
        humans[role] = name
    actions_data = top["actions"]
    if not isinstance(actions_data, list):
        raise _Problem(f"actions must be a list (found {_type_name(actions_data)})")
    if len(actions_data) > MAX_ACTIONS:
        raise _Problem(f"actions has {len(actions_data):,} entries; at most {MAX_ACTIONS:,}")
    actions: list[Move] = []
    version: int = top["format"]
    for index, item in enumerate(actions_data):
        where = f"actions[{index}]"
        try:
            actions.append(moves.from_data(_object(item, where), where, version, _move_text))
        except moves.MoveProblem as problem:
            raise _Problem(str(problem)) from None
    branched: BranchPoint | None = None
    if top.get("branched_from") is not None:
        point = _object(top["branched_from"], "branched_from")
        _check_keys(point, "branched_from: ", ("save", "turn"))
        for key in ("save", "turn"):
            if key not in point:
                raise _Problem(f"branched_from has no {key!r}")
        branched = BranchPoint(
            save=_string(point["save"], "branched_from.save", empty=False),
            turn=_integer(point["turn"], "branched_from.turn", 0, MAX_ACTIONS),
        )
    if WRITTEN_BY in top:
        _string(top[WRITTEN_BY], WRITTEN_BY)
    return SaveGame(
        format=top["format"],
        scenario_id=_string(top["scenario_id"], "scenario_id", identifier=True),
        scenario_version=_string(
            top["scenario_version"], "scenario_version", most=MAX_VERSION_LENGTH
        ),
        scenario_hash=_string(top["scenario_hash"], "scenario_hash", most=MAX_HASH_LENGTH),
        scenario_path=_string(top["scenario_path"], "scenario_path"),
        seed=_integer(top["seed"], "seed", SEED_MIN, SEED_MAX),
        humans=humans,
        actions=tuple(actions),
        created=_timestamp(top["created"], "created"),
        updated=_timestamp(top["updated"], "updated"),
        note=_string(top.get("note", ""), "note", lines=True),
        branched_from=branched,
    )


def from_json(text: str, path: Path | str | None = None) -> SaveGame:
    """Parse and validate save text; any problem raises SaveError naming ``path``."""
    try:
        return from_data(_parse(text))
    except _Problem as problem:
        raise SaveError(path, str(problem)) from None
