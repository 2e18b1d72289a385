"""The save file format: the SaveGame record, its JSON text, and strict validation on read.

A save holds what is needed to replay a game through the engine (scenario identity, seed,
humans, actions) and never the game state itself, so a save cannot disagree with the rules.
Reading is strict on purpose: a save is machine-written, so anything unexpected means the
file was damaged, edited by hand, or written by another program, and the player is told
exactly which field is wrong rather than getting a game that silently differs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from excomm_sim.engine.game import Action
from excomm_sim.scenario.model import Scenario

SAVE_FORMAT = 1
"""The save format version this code writes and reads."""

KIND = "excomm-sim save"
"""The ``kind`` marker that tells a save from any other JSON file."""

MAX_ACTIONS = 10_000
"""More actions than any scenario can take: a guard against absurd files."""

MAX_TEXT = 10_000
"""Longest string field accepted (notes, names, paths)."""

_WRITTEN_BY = "written_by"


class SaveError(Exception):
    """A save that cannot be read, written or replayed; says which file and what is wrong."""

    def __init__(self, path: Path | str | None, problem: str) -> None:
        self.path = Path(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path is not None else problem)


@frozen
class BranchPoint:
    """Where a branched game left its source: the source save's file name and the turn."""

    save: str
    turn: int
    """How many of the source's actions the branch kept (see ``branch``)."""


def _frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@frozen
class SaveGame:
    """One saved game: everything needed to replay it, and nothing that replay recomputes."""

    format: int
    scenario_id: str
    scenario_version: str
    scenario_hash: str
    scenario_path: str
    """Where the scenario was loaded from; "" for a bundled scenario."""
    seed: int
    humans: Mapping[str, str] = field(converter=_frozen_mapping)
    """Role id -> player name for the roles people play; the computer plays the rest."""
    actions: tuple[Action, ...] = field(converter=tuple)
    created: str
    """ISO 8601 UTC, set by the shell (the engine never reads a clock)."""
    updated: str
    note: str = ""
    branched_from: BranchPoint | None = None


def timestamp(now: dt.datetime) -> str:
    """``now`` as the ISO 8601 UTC text saves store (second precision, ``Z`` suffix)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_save(
    scenario: Scenario,
    seed: int,
    humans: Mapping[str, str],
    now: dt.datetime,
    scenario_path: str = "",
) -> SaveGame:
    """A save for a game that has just started (no actions yet)."""
    stamp = timestamp(now)
    return SaveGame(
        format=SAVE_FORMAT,
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        scenario_hash=scenario.content_hash,
        scenario_path=scenario_path,
        seed=seed,
        humans=humans,
        actions=(),
        created=stamp,
        updated=stamp,
    )


def with_actions(save: SaveGame, actions: Sequence[Action], now: dt.datetime) -> SaveGame:
    """The same game with its action list replaced (after a move, or cut back on resume)."""
    return SaveGame(
        format=save.format,
        scenario_id=save.scenario_id,
        scenario_version=save.scenario_version,
        scenario_hash=save.scenario_hash,
        scenario_path=save.scenario_path,
        seed=save.seed,
        humans=save.humans,
        actions=tuple(actions),
        created=save.created,
        updated=timestamp(now),
        note=save.note,
        branched_from=save.branched_from,
    )


def branch(save: SaveGame, source_name: str, turn: int, now: dt.datetime) -> SaveGame:
    """A new game that replays the first ``turn`` actions of ``save`` and goes its own way.

    ``turn`` counts actions, not decisions: a save does not know how many actions each
    decision took (human advisers recommend before the decider acts), so the caller who
    replayed it (the replay screen) says how many to keep. In a game where the only human
    is the decider, the two are the same. The branch records where it came from.
    """
    if not 0 <= turn <= len(save.actions):
        raise SaveError(
            source_name, f"cannot branch at action {turn}: the save has {len(save.actions)}"
        )
    stamp = timestamp(now)
    return SaveGame(
        format=SAVE_FORMAT,
        scenario_id=save.scenario_id,
        scenario_version=save.scenario_version,
        scenario_hash=save.scenario_hash,
        scenario_path=save.scenario_path,
        seed=save.seed,
        humans=save.humans,
        actions=save.actions[:turn],
        created=stamp,
        updated=stamp,
        note=save.note,
        branched_from=BranchPoint(save=source_name, turn=turn),
    )


# --- writing ---------------------------------------------------------------------------


def to_json(save: SaveGame, written_by: str = "") -> str:
    """The save as readable JSON text: one key per line, one action per line."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    branched = (
        None
        if save.branched_from is None
        else {"save": save.branched_from.save, "turn": save.branched_from.turn}
    )
    fields: list[tuple[str, str]] = [
        ("kind", dump(KIND)),
        ("format", dump(save.format)),
        ("scenario_id", dump(save.scenario_id)),
        ("scenario_version", dump(save.scenario_version)),
        ("scenario_hash", dump(save.scenario_hash)),
        ("scenario_path", dump(save.scenario_path)),
        ("seed", dump(save.seed)),
        ("humans", dump(dict(save.humans))),
        ("created", dump(save.created)),
        ("updated", dump(save.updated)),
        ("note", dump(save.note)),
        ("branched_from", dump(branched)),
    ]
    if written_by:
        fields.append((_WRITTEN_BY, dump(written_by)))
    lines = [f"  {dump(key)}: {value}," for key, value in fields]
    actions = [
        "    " + dump({"role": action.role, "option": action.option}) for action in save.actions
    ]
    if actions:
        lines.append('  "actions": [\n' + ",\n".join(actions) + "\n  ]")
    else:
        lines.append('  "actions": []')
    return "{\n" + "\n".join(lines) + "\n}\n"


# --- reading ---------------------------------------------------------------------------

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
    _WRITTEN_BY,
)
_OPTIONAL = frozenset({"note", "branched_from", _WRITTEN_BY})
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


def _string(value: object, where: str, *, identifier: bool = False, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise _Problem(f"{where} must be a string (found {_type_name(value)})")
    if len(value) > MAX_TEXT:
        raise _Problem(f"{where} is too long ({len(value)} characters; at most {MAX_TEXT})")
    if "\x00" in value:
        raise _Problem(f"{where} contains a NUL character")
    if not empty and not value:
        raise _Problem(f"{where} must not be empty")
    if identifier and not _ID.match(value):
        raise _Problem(f"{where} must be an identifier like 'meeting19' (found {value!r})")
    return value


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
    humans: dict[str, str] = {}
    for role, name in humans_data.items():
        _string(role, "humans: a role id", identifier=True)
        humans[role] = _string(name, f"humans.{role}")
    actions_data = top["actions"]
    if not isinstance(actions_data, list):
        raise _Problem(f"actions must be a list (found {_type_name(actions_data)})")
    if len(actions_data) > MAX_ACTIONS:
        raise _Problem(f"actions has {len(actions_data)} entries; at most {MAX_ACTIONS}")
    actions: list[Action] = []
    for index, item in enumerate(actions_data):
        where = f"actions[{index}]"
        entry = _object(item, where)
        _check_keys(entry, f"{where}: ", ("role", "option"))
        for key in ("role", "option"):
            if key not in entry:
                raise _Problem(f"{where} has no {key!r}")
        role = _string(entry["role"], f"{where}.role", identifier=True)
        option = _string(entry["option"], f"{where}.option", identifier=True)
        actions.append(Action(role, option))
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
    if _WRITTEN_BY in top:
        _string(top[_WRITTEN_BY], _WRITTEN_BY)
    return SaveGame(
        format=top["format"],
        scenario_id=_string(top["scenario_id"], "scenario_id", identifier=True),
        scenario_version=_string(top["scenario_version"], "scenario_version"),
        scenario_hash=_string(top["scenario_hash"], "scenario_hash"),
        scenario_path=_string(top["scenario_path"], "scenario_path"),
        seed=_integer(top["seed"], "seed", -(2**63), 2**64 - 1),
        humans=humans,
        actions=tuple(actions),
        created=_timestamp(top["created"], "created"),
        updated=_timestamp(top["updated"], "updated"),
        note=_string(top.get("note", ""), "note"),
        branched_from=branched,
    )


def from_json(text: str, path: Path | str | None = None) -> SaveGame:
    """Parse and validate save text; any problem raises SaveError naming ``path``."""
    try:
        return from_data(_parse(text))
    except _Problem as problem:
        raise SaveError(path, str(problem)) from None
