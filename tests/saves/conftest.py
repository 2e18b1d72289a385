"""Fixtures for the saves tests: the small standoff scenario and games played on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from excomm_sim.engine.game import Action, Game, Prompt
from excomm_sim.saves import SaveGame, new_save, with_actions
from excomm_sim.scenario.load import load_path, load_text
from excomm_sim.scenario.model import Scenario

FIXTURES = Path(__file__).parent / "fixtures"
STANDOFF = FIXTURES / "standoff.yaml"
NOW = dt.datetime(2026, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
SEED = 7

Policy = Callable[[Prompt], str]
PlayFn = Callable[..., SaveGame]


def first_offered(prompt: Prompt) -> str:
    return next(view.option.id for view in prompt.options if view.offered)


def last_offered(prompt: Prompt) -> str:
    return [view.option.id for view in prompt.options if view.offered][-1]


def play_actions(
    scenario: Scenario,
    humans: Mapping[str, str],
    policy: Policy,
    seed: int = SEED,
    limit: int | None = None,
) -> list[Action]:
    """The actions ``policy`` takes for the humans, to the end or ``limit`` actions."""
    game = Game(scenario, dict(humans))
    state, _ = game.start(seed)
    actions: list[Action] = []
    while (prompt := game.prompt(state)) is not None and (limit is None or len(actions) < limit):
        action = Action(prompt.role, policy(prompt))
        actions.append(action)
        state, _ = game.step(state, action)
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
