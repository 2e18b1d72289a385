"""The save file format: the SaveGame record, how games become saves, and its JSON text.

A save holds what is needed to replay a game through the engine (scenario identity, seed,
humans, actions) and never the game state itself, so a save cannot disagree with the rules.
Reading it back, strictly, is ``excomm_sim.saves.reading``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from attrs import field, frozen

from excomm_sim.engine.moves import Move
from excomm_sim.saves.moves import needs_format, to_data
from excomm_sim.scenario.model import Scenario

SAVE_FORMAT = 2
"""The newest save format this code reads (and writes, when a game's moves need it: a
game of plain acts is still written as format 1; see ``saves.moves``)."""

KIND = "excomm-sim save"
"""The ``kind`` marker that tells a save from any other JSON file."""

MAX_HASH_LENGTH = 100
"""Longest ``scenario_hash`` (a sha256 is 64 hex digits, or 71 with ``sha256:``)."""

WRITTEN_BY = "written_by"
"""The optional key naming the program that wrote the file (informative only)."""


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


def _action_tuple(actions: Iterable[Move]) -> tuple[Move, ...]:
    """The actions as a tuple (a typed converter: ``tuple`` itself is generic to mypy)."""
    return tuple(actions)


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
    actions: tuple[Move, ...] = field(converter=_action_tuple)
    """The people's moves (and seat changes, and the teacher's), in order."""
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
        format=needs_format(()),
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


def with_actions(save: SaveGame, actions: Sequence[Move], now: dt.datetime) -> SaveGame:
    """The same game with its action list replaced (after a move, or cut back on resume)."""
    return SaveGame(
        format=needs_format(actions),
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
        format=needs_format(save.actions[:turn]),
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
        ("format", dump(max(save.format, needs_format(save.actions)))),
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
        fields.append((WRITTEN_BY, dump(written_by)))
    lines = [f"  {dump(key)}: {value}," for key, value in fields]
    actions = ["    " + dump(to_data(move)) for move in save.actions]
    if actions:
        lines.append('  "actions": [\n' + ",\n".join(actions) + "\n  ]")
    else:
        lines.append('  "actions": []')
    return "{\n" + "\n".join(lines) + "\n}\n"
