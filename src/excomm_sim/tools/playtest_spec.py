"""Playtests: scripted games kept beside a scenario, and what must hold in them.

A playtest file (``storm.tests.yaml`` beside ``storm.yaml``, or in a ``tests`` folder
beside it) holds games to play through the kernel: a seed, the seats people hold with
their choices, and what must be true along the way and at the end. ``playtest_read``
reads one into these specs; ``playtest`` plays them. The format is docs/scenario-format.md's
"Playtest files"; why it is a file of its own is in docs/authoring.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from attrs import field, frozen

from excomm_sim.scenario.expr import Expression
from excomm_sim.scenario.model import Location, Value
from excomm_sim.scenario.problems import Problem

PLAYTESTS_VERSION = 1
"""The playtest format this excomm-sim reads (the ``playtests:`` key)."""
SUFFIX = ".tests.yaml"
"""A playtest file's name ends so: ``storm.tests.yaml`` tests ``storm.yaml``."""


@frozen
class Choice:
    """A seat's planned move on one decision: the option it takes (or recommends)."""

    decision: str
    option: str
    location: Location


@frozen
class SeatPlan:
    """How the person in ``role``'s seat plays: ``choices`` by decision, and the strategy
    for any other decision that comes to the seat (none: the test fails there)."""

    role: str
    choices: Mapping[str, Choice]
    otherwise: str | None
    location: Location


@frozen
class Holds:
    """A condition that must hold, where the test file states it."""

    condition: Expression
    location: Location


@frozen
class Along:
    """A condition that must hold right after ``after`` is decided (and has landed)."""

    after: str
    holds: Holds
    location: Location


@frozen
class Expected:
    """One fact expected at the end: what it is about, the value, where it is stated."""

    subject: str
    """An ending id, ``role.objective``, a role id (won), or a variable id."""
    value: Value
    location: Location


@frozen
class Expect:
    ending: Expected | None = None
    objectives: tuple[Expected, ...] = ()
    won: tuple[Expected, ...] = ()
    values: tuple[Expected, ...] = ()
    holds: tuple[Holds, ...] = ()


@frozen
class PlayTest:
    name: str
    seed: int
    seats: tuple[SeatPlan, ...]
    along: tuple[Along, ...]
    expect: Expect
    location: Location


@frozen
class PlayTests:
    """A playtest file read against its scenario: its tests (none if it has errors)."""

    file: str
    tests: tuple[PlayTest, ...]
    problems: tuple[Problem, ...] = field(factory=tuple)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "error")


SCENARIO_SUFFIXES = (".yaml", ".yml")
TESTS_FOLDER = "tests"
"""A playtest file may also sit in a folder of this name beside its scenario."""


def is_playtest_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX) or path.name.endswith(".tests.yml")


def playtests_for(scenario: Path) -> Path | None:
    """The playtest file of a scenario file: ``NAME.tests.yaml`` beside it, or in a
    ``tests`` folder beside it; None when it has none."""
    stem = scenario.name
    for suffix in SCENARIO_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    for folder in (scenario.parent, scenario.parent / TESTS_FOLDER):
        for suffix in (SUFFIX, ".tests.yml"):
            candidate = folder / (stem + suffix)
            if candidate.is_file():
                return candidate
    return None


def scenario_for(playtests: Path) -> Path | None:
    """The scenario file a playtest file tests: ``NAME.yaml`` beside it, or, for a file in
    a ``tests`` folder, in the folder above; None when there is none."""
    name = playtests.name
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name[: -len(".tests.yml")]
    folders = [playtests.parent]
    if playtests.parent.name == TESTS_FOLDER:
        folders.append(playtests.parent.parent)
    for folder in folders:
        for suffix in SCENARIO_SUFFIXES:
            candidate = folder / (stem + suffix)
            if candidate.is_file():
                return candidate
    return None
