"""Fixtures for the saves tests: the small standoff scenario and games played on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import ItemView, observe
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.saves import SaveGame, new_save, with_actions
from excomm_sim.scenario.load import load_path, load_text
from excomm_sim.scenario.model import Scenario

FIXTURES = Path(__file__).parent / "fixtures"
STANDOFF = FIXTURES / "standoff.yaml"
NOW = dt.datetime(2026, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
SEED = 7

Policy = Callable[[ItemView], str]
PlayFn = Callable[..., SaveGame]


def first_offered(item: ItemView) -> str:
    return item.offered[0].id


def last_offered(item: ItemView) -> str:
    return item.offered[-1].id


def play_actions(
    scenario: Scenario,
    humans: Mapping[str, str],
    policy: Policy,
    seed: int = SEED,
    limit: int | None = None,
) -> list[Action]:
    """The actions ``policy`` takes for the humans, to the end or ``limit`` actions."""
    pilot = Autopilot(scenario)
    state, _ = pilot.start(seed, dict(humans))
    actions: list[Action] = []
    while (role := pilot.rules.to_act(state).role) is not None and (
        limit is None or len(actions) < limit
    ):
        item = observe(pilot.rules, state, role).item
        assert item is not None
        action = Action(role, policy(item))
        actions.append(action)
        state, _ = pilot.act(state, action)
    return actions


@pytest.fixture(scope="session")
def standoff_text() -> str:
    return STANDOFF.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def standoff(standoff_text: str) -> Scenario:
    return load_path(STANDOFF)


@pytest.fixture
def edited_standoff(standoff_text: str) -> Callable[[str, str], Scenario]:
    """The standoff scenario with one piece of text replaced (an author's later edit)."""

    def edit(old: str, new: str) -> Scenario:
        assert old in standoff_text
        return load_text(standoff_text.replace(old, new, 1), "standoff.yaml")

    return edit


@pytest.fixture
def played(standoff: Scenario) -> PlayFn:
    """A save of a standoff game: humans, a policy, optionally stopped after ``limit``."""

    def play(
        humans: Mapping[str, str] | None = None,
        policy: Policy = first_offered,
        limit: int | None = None,
        seed: int = SEED,
    ) -> SaveGame:
        humans = dict(humans if humans is not None else {"governor": "Ann"})
        actions = play_actions(standoff, humans, policy, seed, limit)
        return with_actions(new_save(standoff, seed, humans, NOW), actions, NOW)

    return play
