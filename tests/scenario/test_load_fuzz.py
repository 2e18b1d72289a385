"""Thousands of mutated scenarios: the loader returns a model or located problems, nothing else.

Two mutators: one edits the parsed data (delete, rename, retype, swap, duplicate, break an
expression) and dumps it back to YAML; the other edits the text itself (lines dropped or
repeated, characters inserted), which reaches syntax errors, duplicate keys and aliases.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from excomm_sim.scenario.load import ScenarioError, load_text
from excomm_sim.scenario.model import Scenario

FIXTURE = Path(__file__).parent / "fixtures" / "harbour.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")
DATA = yaml.safe_load(TEXT)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Path_ = tuple[str | int, ...]

KEY_WORDS = [
    "id", "title", "when", "effects", "options", "trigger", "history", "role", "weight",
    "outcomes", "president", "min", "max", "initial", "values", "sources", "<<", "tittle",
    "efects", "", "1", "yes",
]  # fmt: skip
EXPRESSIONS = [
    "tension >= 40", "tension +=", "tension = 150", "cargo == 'nothing'", "chose('x', 'y')",
    "decided('first_contact')", "not", "((((", "tension / 0", "boarded and 3", "goodwill -= -1",
    "cargo = \"seized\"", "turn > 99999999999999999999", "min()", "abs(tension, 1)", "é", "\\",
    "tension if boarded else cargo", "x" * 300, "1 +" * 60,
]  # fmt: skip
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(EXPRESSIONS),
    st.sampled_from(["yes", "no", "on", "off", "~", "1.0", "1962-11-03", "mayor", "protest"]),
    st.lists(st.sampled_from(EXPRESSIONS), max_size=3),
    st.dictionaries(st.sampled_from(KEY_WORDS), st.sampled_from(EXPRESSIONS), max_size=3),
)


def _paths(node: Any, prefix: Path_ = ()) -> list[Path_]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _get(root: Any, path: Path_) -> Any:
    for step in path:
        root = root[step]
    return root


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(DATA)
    for _ in range(draw(st.integers(1, 5))):
        paths = [path for path in _paths(data) if path]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _get(data, path[:-1]), path[-1]
        operation = draw(
            st.sampled_from(["delete", "rename", "retype", "swap", "duplicate", "break"])
        )
        if operation == "delete":
            del parent[last]
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEY_WORDS))] = parent.pop(last)
        elif operation == "retype":
            parent[last] = draw(VALUES)
        elif operation == "swap":
            other = draw(st.sampled_from(paths))
            try:
                other_parent = _get(data, other[:-1])
                parent[last], other_parent[other[-1]] = other_parent[other[-1]], parent[last]
            except (KeyError, IndexError, TypeError):
                pass
        elif operation == "duplicate" and isinstance(parent, list):
            parent.insert(int(last), copy.deepcopy(parent[last]))
        elif operation == "break" and isinstance(parent[last], str):
            text = parent[last]
            cut = draw(st.integers(0, len(text)))
            parent[last] = (
                text[:cut]
                + draw(st.sampled_from(["", "(", "'", "==", "+", " x"]))
                + (text[cut + draw(st.integers(0, 2)) :])
            )
        if not isinstance(data, dict):
            break
    return data


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    lines = TEXT.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "repeat", "insert", "indent", "alias"]))
        if operation == "drop":
            del lines[index]
        elif operation == "repeat":
            lines.insert(index, lines[index])
        elif operation == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            piece = draw(
                st.sampled_from(["'", '"', ":", "- ", "[", "{", "&a ", "*a", "\t", "#", "!!"])
            )
            lines[index] = line[:at] + piece + line[at:]
        elif operation == "indent":
            lines[index] = "  " + lines[index]
        else:
            lines[index] = lines[index].replace(": ", ": &a ", 1)
            lines.insert(draw(st.integers(0, len(lines))), "x: *a\n")
    return "".join(lines)


def _assert_model_or_located_problems(text: str) -> None:
    try:
        scenario = load_text(text, "fuzz.yaml")
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.file == "fuzz.yaml"
            assert problem.message
    else:
        assert isinstance(scenario, Scenario)


@FUZZ
@given(mutated_data())
def test_mutated_data_gives_a_model_or_located_problems(data: Any) -> None:
    try:
        text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError):  # pragma: no cover - unrepresentable mutation
        return
    _assert_model_or_located_problems(text)


@FUZZ
@given(mutated_text())
def test_mutated_text_gives_a_model_or_located_problems(text: str) -> None:
    _assert_model_or_located_problems(text)


ANY_CHARACTER = st.characters(categories=["L", "N", "P", "S", "Z", "Cc", "Cs"])
"""Letters to separators, control characters and lone surrogates (a str may hold them)."""


@settings(max_examples=300, deadline=None)
@given(st.text(ANY_CHARACTER, max_size=300))
def test_arbitrary_text_gives_located_problems(text: str) -> None:
    _assert_model_or_located_problems(text)
