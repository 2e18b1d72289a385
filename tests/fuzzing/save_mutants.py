"""Damaged save files: truncated, bit-flipped, edited, deep, huge, and files that are not files.

``mutant_bytes(base, n)`` is a pure function of the case number, like the scenario
mutants. ``special_files(folder)`` makes the things a saves folder may hold that are not
save files at all (a named pipe, a folder, link loops, a device link, an empty file).
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from excomm_sim.saves.store import MAX_SAVE_BYTES

Edit = Callable[[dict[str, Any], random.Random], None]


def _set(key: str, *values: object) -> Edit:
    def edit(data: dict[str, Any], rng: random.Random) -> None:
        data[key] = rng.choice(values)

    return edit


def _drop(data: dict[str, Any], rng: random.Random) -> None:
    if data:
        del data[rng.choice(sorted(data))]


def _actions(data: dict[str, Any], rng: random.Random) -> None:
    actions = data.get("actions")
    if not isinstance(actions, list):
        return
    choice = rng.randrange(9)
    some = actions[rng.randrange(len(actions))] if actions else {"role": "governor"}
    if choice == 0:
        actions.append({"role": "governor", "option": "no_such_option"})
    elif choice == 1 and actions:
        actions[0] = {"role": "envoy", "option": actions[0].get("option")}
    elif choice == 2:
        actions.extend(actions * 3)  # past the end of the game
    elif choice == 3:
        rng.shuffle(actions)
    elif choice == 4:
        data["actions"] = [some] * 10_001
    elif choice == 5:
        actions.append(rng.choice([[], 7, "wait", None, {"role": "governor"}, {"x": 1}]))
    elif choice == 6:
        actions.insert(0, {"role": "governor", "option": "x" * 70})
    elif choice == 7:
        actions.append({"role": "GOVERNOR", "option": "wait", "extra": True})
    else:
        del actions[: rng.randint(0, len(actions))]


EDITS: list[Edit] = [
    _set("format", 2, 0, -1, "1", 1.5, True, None, 10**30, [1]),
    _set("kind", "other", "", None, 1),
    _set("scenario_hash", "", "deadbeef", "z" * 200, None, "sha256:" + "0" * 64),
    _set("scenario_id", "other_game", "", "UPPER", "s" * 100, "nosuch", 5),
    _set("scenario_version", "\x00", "9" * 200, None, "2.0"),
    _set("scenario_path", "/etc/passwd", "/dev/zero", "/", "missing.yaml", "x" * 20_000, 3),
    _set("seed", -1, 2**64, -(2**63) - 1, "7", 1.0, None, True),
    _set(
        "humans",
        {},
        {"nobody": "Ann"},
        {"governor": "Ann\x1b]0;pwned\x07"},
        {"governor": "A" * 101},
        {"governor": ""},
        {"governor": "\u202eevil"},
        {f"r{n}": "x" for n in range(600)},
        [],
        {"governor": 1},
    ),
    _set("created", "yesterday", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "", 0),
    _set("updated", "9999-12-31T23:59:59Z", "not a time", None),
    _set("note", "\x1b[2J", "a\nb\tc", "\ud800", "x" * 20_000, {"deep": [[[]]]}, None),
    _set(
        "branched_from",
        {"save": "a.json", "turn": 999},
        {"save": "", "turn": 0},
        {"turn": 1},
        "a.json",
        {"save": "a.json", "turn": -1, "x": 1},
    ),
    _set("written_by", "\x07", None, "x" * 20_000),
    _set("unknown_key", 1),
    _drop,
    _actions,
    _actions,
    _actions,
]

RAW_DAMAGE = [
    "truncate",
    "flip",
    "insert",
    "deep",
    "huge",
    "big_number",
    "not_utf8",
    "bom",
    "utf16",
    "duplicate_key",
    "nan",
    "garbage_after",
    "empty",
]


def mutant_bytes(base: bytes, number: int) -> bytes:
    """Case ``number``: the base save edited as JSON (even cases) or damaged as bytes."""
    rng = random.Random(f"save-{number}")
    if number % 2 == 0:
        data = json.loads(base)
        for _ in range(rng.randint(1, 3)):
            rng.choice(EDITS)(data, rng)
        return json.dumps(
            data, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2])
        ).encode("utf-8", "surrogatepass")
    damage = RAW_DAMAGE[(number // 2) % len(RAW_DAMAGE)]
    return _damaged(base, damage, rng)


def _damaged(base: bytes, damage: str, rng: random.Random) -> bytes:
    if damage == "truncate":
        return base[: rng.randrange(len(base))]
    if damage == "flip":
        data = bytearray(base)
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)
    if damage == "insert":
        at = rng.randrange(len(base))
        piece = rng.choice([b'"', b"{", b"}", b"[", b"]", b",", b":", b"\\", b"\x00", b"\xff"])
        return base[:at] + piece + base[at:]
    if damage == "deep":
        depth = rng.choice([1_000, 100_000, 1_000_000])
        return b"[" * depth + b"]" * depth
    if damage == "huge":
        size = rng.choice([MAX_SAVE_BYTES - 100, MAX_SAVE_BYTES + 1])
        return base.replace(b'"note": ""', b'"note": "' + b"x" * size + b'"', 1)
    if damage == "big_number":
        return re.sub(rb'"seed": -?\d+', b'"seed": ' + b"9" * 5000, base, count=1)
    if damage == "not_utf8":
        at = rng.randrange(len(base))
        return base[:at] + b"\xc3\x28" + base[at:]
    if damage == "bom":
        return b"\xef\xbb\xbf" + base
    if damage == "utf16":
        return base.decode("utf-8").encode("utf-16")
    if damage == "duplicate_key":
        return base.replace(b'"seed":', b'"seed": 1, "seed":', 1)
    if damage == "nan":
        return base.replace(b'"seed": ', b'"seed": NaN, "x": ', 1)
    if damage == "garbage_after":
        return base + rng.choice([b"{}", b"\x00", b"junk", b"\n\n]"])
    return b""


def special_files(folder: Path) -> list[Path]:
    """Things named ``*.json`` in a saves folder that are not regular save files."""
    made: list[Path] = []
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
        made.append(folder / "pipe.json")
    (folder / "folder.json").mkdir()
    (folder / "loop-a.json").symlink_to(folder / "loop-b.json")
    (folder / "loop-b.json").symlink_to(folder / "loop-a.json")
    (folder / "dangling.json").symlink_to(folder / "gone.json")
    if Path("/dev/zero").exists():
        (folder / "zeros.json").symlink_to("/dev/zero")
        made.append(folder / "zeros.json")
    (folder / "empty.json").write_bytes(b"")
    made += [folder / name for name in ("folder.json", "loop-a.json", "dangling.json")]
    made.append(folder / "empty.json")
    return made
