"""Mutated scenario texts: structural, text and literal mutations of real scenarios.

Every mutant is a pure function of (seed scenario, case number): ``mutant(texts, n)`` is the
same text on every machine, so a failure is reproduced from its number alone.

- structural: the parsed data edited (a key deleted, renamed or misspelt, a value retyped,
  two subtrees swapped, an item duplicated, an expression broken) and dumped back;
- text: the file's text edited (lines dropped, repeated, indented, cut short; quotes,
  colons, brackets, anchors, aliases, tags, tabs, invisible characters inserted);
- literal: one value replaced by an edge case (huge hex and binary numbers, the last
  date, escapes that make control characters, 20,000-character text, foreign tags).
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from excomm_sim.scenario.limits import MAX_INTEGER

REPOSITORY = Path(__file__).resolve().parents[2]
SMALL_SEEDS = (
    "tests/scenario/fixtures/harbour.yaml",
    "tests/saves/fixtures/standoff.yaml",
    "tests/tui/data/tiny.yaml",
    "tests/tools/fixtures/clean.yaml",
    "tests/tools/fixtures/division_by_zero.yaml",
    "tests/engine/golden/harbour.yaml",
    "src/excomm_sim/scenarios/school_budget.yaml",
)
"""The seeds of the suite's fuzzer: small enough for thousands of cases in seconds."""
ALL_SEEDS = (*SMALL_SEEDS, "src/excomm_sim/scenarios/meeting19.yaml")
"""The benchmark's seeds: the bundled scenarios and the test fixtures."""

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
KINDS = ("structural", "text", "literal")

KEY_WORDS = [
    "id", "title", "when", "effects", "options", "trigger", "history", "role", "weight",
    "outcomes", "president", "min", "max", "initial", "values", "sources", "<<", "tittle",
    "efects", "", "1", "yes", "days", "start", "calendar", "points", "briefing", "breifing",
]  # fmt: skip
EXPRESSIONS = [
    "tension >= 40", "tension +=", "tension = 150", "cargo == 'nothing'", "chose('x', 'y')",
    "decided('first_contact')", "not", "((((", "tension / 0", "boarded and 3", "goodwill -= -1",
    'cargo = "seized"', "turn > 99999999999999999999", "min()", "abs(tension, 1)", "é", "\\",
    "tension if boarded else cargo", "x" * 300, "1 +" * 60, "day > 3", "turn % 0 == 1",
]  # fmt: skip
VALUES: list[Any] = [
    None, True, False, 0, -1, 1, 10**20, -(10**20), MAX_INTEGER, MAX_INTEGER + 1, 2**64,
    0.5, float("inf"), float("nan"), "", "yes", "no", "~", "1.0", "1962-11-03", "mayor",
    "\x1b[2J", "\u202e", "\u200b", "x" * 20_000, [], {}, ["a", "b"], {"id": "x"},
    *EXPRESSIONS[:6],
]  # fmt: skip
INSERTS = [
    "'", '"', ":", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "\t", "#", "!!", "?", ",",
    "|", ">", "%", "@", "`", "\u202e", "\u200b", "\ufeff", "\x85", "\u2028", " \t ",
    '"\\e[2J"', '"\\x9b"', '"\\0"', '"\\ud800"', "<<: *a\n", "---\n", "...\n", "\\",
]  # fmt: skip
LITERALS = [
    "0x" + "f" * 5000, "0b" + "1" * 20_000, "0" + "7" * 400, "9" * 5000, "-" + "9" * 5000,
    str(MAX_INTEGER + 1), str(-MAX_INTEGER - 1), str(MAX_INTEGER), "0", "-1", "1e400",
    ".nan", ".inf", "-.inf", "1_000", "0o17", "1:30", "9999-12-31", "0001-01-01",
    "1962-02-30", "2001-12-14t21:59:43.10-05:00", "3000000", "yes", "no", "~", "null",
    '""', "''", '"\\e]0;title\\a"', '"\\0"', '"\\ud800"', '"\\u202e"', '"\\x1b[2J"',
    "x" * 20_000, "!!python/object:os.system", "!!binary aGVsbG8=", "!custom x", "*undefined",
    "&anchor", "[", "{", "|", ">-", "[What went wrong?]", "[a:,b]", "{a?: b}", "'it''s'",
]  # fmt: skip
_VALUE_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+: )(.+)$")
_SENSITIVE = re.compile(
    r"^\s*(?:- )?(?:days|start|date|initial|min|max|points|weight|influence|strength|after|"
    r"days_per_decision|version|id|format)\b"
)


def seed_texts(seeds: Sequence[str] = SMALL_SEEDS) -> list[str]:
    """The seed scenarios' texts, in order."""
    return [(REPOSITORY / seed).read_text(encoding="utf-8") for seed in seeds]


def mutant(texts: Sequence[str], number: int, kind: str | None = None) -> tuple[str, str]:
    """Case ``number``: (its kind, its text), from one of ``texts``.

    Without ``kind``, the cases cycle through the kinds (and, within each, the seeds).
    """
    rng = random.Random(f"{kind}-{number}")
    text = texts[number % len(texts)]
    if kind is None:
        kind = KINDS[(number // len(texts)) % len(KINDS)]
    if kind == "structural":
        return kind, structural(text, rng)
    if kind == "text":
        return kind, textual(text, rng)
    return kind, literal(text, rng)


def structural(text: str, rng: random.Random) -> str:
    """Edit the parsed data 1-5 times and dump it back to YAML."""
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 5)):
        paths = [path for path in _paths(data) if path]
        if not paths or not isinstance(data, dict):
            break
        path = rng.choice(paths)
        parent, last = _get(data, path[:-1]), path[-1]
        operation = rng.choice(["delete", "rename", "misspell", "retype", "swap", "dup", "break"])
        if operation == "delete":
            del parent[last]
        elif operation == "rename" and isinstance(parent, dict):
            parent[rng.choice(KEY_WORDS)] = parent.pop(last)
        elif operation == "misspell" and isinstance(parent, dict) and len(str(last)) > 2:
            word = str(last)
            at = rng.randrange(len(word) - 1)
            parent[word[:at] + word[at + 1] + word[at] + word[at + 2 :]] = parent.pop(last)
        elif operation == "retype":
            parent[last] = copy.deepcopy(rng.choice(VALUES))
        elif operation == "swap":
            other = rng.choice(paths)
            try:
                other_parent = _get(data, other[:-1])
                parent[last], other_parent[other[-1]] = other_parent[other[-1]], parent[last]
            except (KeyError, IndexError, TypeError):
                pass
        elif operation == "dup" and isinstance(parent, list):
            parent.insert(int(last), copy.deepcopy(parent[last]))
        elif operation == "break" and isinstance(parent[last], str):
            value = parent[last]
            cut = rng.randint(0, len(value))
            piece = rng.choice(["", "(", "'", "==", "+", " x", "/ 0", rng.choice(EXPRESSIONS)])
            parent[last] = value[:cut] + piece + value[cut + rng.randint(0, 2) :]
    try:
        return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    except (yaml.YAMLError, ValueError, RecursionError):  # an unrepresentable edit
        return text


def textual(text: str, rng: random.Random) -> str:
    """Edit the text's lines 1-4 times."""
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        index = rng.randrange(len(lines))
        operation = rng.choice(
            ["drop", "repeat", "insert", "insert", "insert", "indent", "dedent", "alias", "cut"] * 2
            + ["tabs"]
        )
        if operation == "drop":
            del lines[index]
        elif operation == "repeat":
            lines.insert(index, lines[index])
        elif operation == "insert":
            line = lines[index]
            at = rng.randint(0, len(line))
            lines[index] = line[:at] + rng.choice(INSERTS) + line[at:]
        elif operation == "indent":
            lines[index] = rng.choice(["  ", " ", "    ", "\t"]) + lines[index]
        elif operation == "dedent":
            lines[index] = lines[index][rng.randint(1, 4) :]
        elif operation == "alias":
            lines[index] = lines[index].replace(": ", ": &a ", 1)
            lines.insert(rng.randint(0, len(lines)), rng.choice(["x: *a\n", "  <<: *a\n"]))
        elif operation == "cut":
            joined = "".join(lines)
            lines = [joined[: rng.randint(0, len(joined))]]
        else:
            for number in rng.sample(range(len(lines)), min(len(lines), rng.randint(1, 20))):
                lines[number] = lines[number].replace("  ", "\t", 1)
    return "".join(lines)


def literal(text: str, rng: random.Random) -> str:
    """Replace 1-3 values (``key: value`` lines) with edge-case literals.

    Half the time only the values whose limits matter most (numbers, dates, ids) are
    candidates, so those fields are hit often.
    """
    lines = text.splitlines(keepends=True)
    candidates = [number for number, line in enumerate(lines) if _VALUE_LINE.match(line)]
    sensitive = [number for number in candidates if _SENSITIVE.match(lines[number])]
    if sensitive and rng.random() < 0.5:
        candidates = sensitive
    for number in rng.sample(candidates, min(len(candidates), rng.randint(1, 3))):
        match = _VALUE_LINE.match(lines[number])
        assert match is not None
        lines[number] = match.group(1) + rng.choice(LITERALS) + "\n"
    return "".join(lines)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _get(root: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        root = root[step]
    return root
