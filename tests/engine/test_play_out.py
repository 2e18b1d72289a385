"""``Game.play_out``: a whole game in one call reaches exactly what ``step`` by step reaches.

Tools play thousands of games through ``play_out``; these tests pin that it is the same
game as the public step-by-step path, for any set of human seats and any acts, and that
``history=False`` changes nothing but the log and the timeline.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Mapping, Sequence

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from engine.scenarios import Builder, generated, int_var, scenario
from excomm_sim.engine.events import Recommended
from excomm_sim.engine.game import Action, Game, IllegalAction, ScenarioRuntimeError
from excomm_sim.engine.state import GameState
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Decision, Option, Scenario, Value


@functools.cache
def load(name: str) -> Scenario:
    if name == "generated":
        return generated()
    return load_path(bundled_scenario(name))


def picker(seed: int) -> tuple[list[Action], object]:
    """A chooser taking random offered options, and the actions it took (for ``step``)."""
    rng = random.Random(seed)
    acts: list[Action] = []

    def choose(role: str, decision: Decision, env: Mapping[str, Value], offered: Sequence[Option]):  # type: ignore[no-untyped-def]
        option = offered[rng.randrange(len(offered))].id
        acts.append(Action(role, option))
        return option

    return acts, choose


def stepwise(game: Game, seed: int, acts: list[Action]) -> GameState:
    state, _ = game.start(seed)
    for action in acts:
        state, _ = game.step(state, action)
    return state


def everything(state: GameState) -> tuple[object, ...]:
    return (
        dict(state.values),
        state.choices,
        state.ending,
        state.fired,
        state.turn,
        state.day,
        state.cursor,
        state.pending,
        state.rng,
        state.log,
        tuple(dict(snapshot) for snapshot in state.timeline),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(["meeting19", "school_budget", "generated"]),
    seats=st.sets(st.integers(min_value=0, max_value=8), max_size=3),
    seed=st.integers(min_value=0, max_value=2**64 - 1),
)
def test_play_out_is_the_game_step_by_step_would_play(
    name: str, seats: set[int], seed: int
) -> None:
    source = load(name)
    roles = [role.id for role in source.roles]
    game = Game(source, {roles[i % len(roles)]: "p" for i in seats})
    acts, choose = picker(seed)
    fast = game.play_out(game.start(seed)[0], choose)  # type: ignore[arg-type]
    assert fast.ending is not None
    assert everything(fast) == everything(stepwise(game, seed, acts))


@pytest.mark.parametrize("name", ["meeting19", "school_budget"])
def test_without_history_only_the_log_and_timeline_are_left_out(name: str) -> None:
    source = load(name)
    game = Game(source, {source.president.id: "sim"})
    for seed in range(40):
        _, with_log = picker(seed)
        _, without = picker(seed)
        full = game.play_out(game.fresh(seed), with_log)  # type: ignore[arg-type]
        lean = game.play_out(game.fresh(seed), without, history=False)  # type: ignore[arg-type]
        assert everything(lean)[:-2] == everything(full)[:-2]
        assert (lean.log, lean.timeline) == ((), game.fresh(seed).timeline)
        assert game.scores(lean) == game.scores(full)


def test_a_fresh_state_plays_out_as_the_started_game_does() -> None:
    source = load("meeting19")
    game = Game(source, {source.president.id: "sim"})
    _, first = picker(3)
    _, second = picker(3)
    from_fresh = game.play_out(game.fresh(11), first)  # type: ignore[arg-type]
    from_start = game.play_out(game.start(11)[0], second)  # type: ignore[arg-type]
    assert everything(from_fresh) == everything(from_start)


def test_an_adviser_seat_is_asked_for_its_recommendation() -> None:
    source = load("meeting19")
    adviser = next(role.id for role in source.roles if not role.is_president)
    game = Game(source, {adviser: "sim"})
    asked: list[tuple[str, str]] = []

    def choose(
        role: str, decision: Decision, env: Mapping[str, Value], offered: Sequence[Option]
    ) -> str:
        asked.append((role, decision.decider))
        return offered[0].id

    state = game.play_out(game.fresh(5), choose)
    assert asked and all(role == adviser for role, _ in asked)
    assert any(decider != adviser for _, decider in asked)  # it advised, not only decided
    recommended = [r for r in state.log if isinstance(r, Recommended) and r.human]
    assert {r.role for r in recommended} == {adviser}


def test_an_option_not_on_offer_is_refused_naming_the_choices() -> None:
    source = load("school_budget")
    game = Game(source, {source.president.id: "sim"})
    with pytest.raises(IllegalAction, match="has no option 'nonsense' on offer; options: "):
        game.play_out(game.fresh(1), lambda role, decision, env, offered: "nonsense")


def test_the_chooser_cannot_change_what_expressions_see() -> None:
    source = load("school_budget")
    game = Game(source, {source.president.id: "sim"})

    def meddle(
        role: str, decision: Decision, env: Mapping[str, Value], offered: Sequence[Option]
    ) -> str:
        env["turn"] = 99  # type: ignore[index]
        return offered[0].id

    with pytest.raises(TypeError):
        game.play_out(game.fresh(1), meddle)


@pytest.mark.parametrize("history", [True, False])
def test_a_failing_effect_names_its_option_with_or_without_history(history: bool) -> None:
    b = Builder([int_var("tension", 0), int_var("trust", 5)], {"only": ["act"]})
    source = scenario(b, [b.decision("only", [b.option("act", "trust = 10 / tension")])])
    game = Game(source, {"president": "sim"})
    with pytest.raises(ScenarioRuntimeError, match=r"option only\.act \(turn 1\).*10 / tension"):
        game.play_out(game.fresh(1), lambda *_: "act", history=history)
