"""A computer decider's choice comes with its weighing: every option's score and voices.

The ``DecisionWeighed`` record is what lets a student adviser ask "why did the President
not take my advice?". These tests hold it to the rule the decider really follows.
"""

from __future__ import annotations

import functools
import random

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from engine.scenarios import generated
from excomm_sim.engine.events import DecisionWeighed, OptionChosen, Record
from excomm_sim.engine.game import Action, Game
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario
from excomm_sim.weighed import ranked


@functools.cache
def load(name: str) -> Scenario:
    return generated() if name == "generated" else load_path(bundled_scenario(name))


def play(game: Game, seed: int) -> tuple[Record, ...]:
    """A whole game with random human acts; every record of it, in order."""
    rng = random.Random(seed)
    state, records = game.start(seed)
    log = list(records)
    while (prompt := game.prompt(state)) is not None:
        offered = [view.option.id for view in prompt.options if view.offered]
        state, records = game.step(state, Action(prompt.role, rng.choice(offered)))
        log.extend(records)
    return tuple(log)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(["meeting19", "school_budget", "generated"]),
    seat=st.integers(min_value=0, max_value=8),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_every_computer_choice_is_explained_by_the_option_that_scored_highest(
    name: str, seat: int, seed: int
) -> None:
    source = load(name)
    role = source.roles[seat % len(source.roles)].id
    log = play(Game(source, {role: "p"}), seed)
    for index, record in enumerate(log):
        if not isinstance(record, OptionChosen):
            continue
        after = log[index + 1] if index + 1 < len(log) else None
        if record.human:
            assert not isinstance(after, DecisionWeighed)
            continue
        assert isinstance(after, DecisionWeighed), "a computer choice is explained at once"
        assert (after.turn, after.decision, after.role) == (
            record.turn,
            record.decision,
            record.role,
        )
        assert ranked(after)[0].option == record.option
        for option in after.options:
            assert option.score == sum(weight.amount for weight in option.weights)


def test_a_players_advice_is_counted_at_twice_their_influence() -> None:
    source = load("school_budget")
    adviser = next(role for role in source.roles if not role.is_president)
    log = play(Game(source, {adviser.id: "p"}), 3)
    advised = [
        weight
        for record in log
        if isinstance(record, DecisionWeighed)
        for option in record.options
        for weight in option.weights
        if weight.kind == "advised"
    ]
    assert advised
    assert {(w.role, w.amount) for w in advised} == {(adviser.id, 2 * adviser.influence)}
