"""A computer decider's choice comes with its weighing: every option's score and voices.

The ``DecisionWeighed`` record is what lets a student adviser ask "why did the President
not take my advice?". These tests hold it to the rule the decider really follows, and the
council that reads observations (``policies.council``) to its twin over the kernel's slots
(``policies.fast.CouncilScores``, which ``simulate`` runs).
"""

from __future__ import annotations

import random

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from engine.games import NAMES, council_agrees, load, play_randomly, random_picker
from excomm_sim.engine.events import DecisionWeighed, OptionChosen, Record
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.why import ranked


def play(source: Scenario, humans: dict[str, str], seed: int) -> tuple[Record, ...]:
    """A whole game with random human acts; every record of it, in order."""
    rng = random.Random(seed)
    pilot = Autopilot(source)
    state, records = pilot.start(seed, humans)
    log = list(records)
    while (turn := pilot.rules.to_act(state)).kind != "ended":
        assert turn.role is not None
        offered = [option.id for option in pilot.rules.offered(state)]
        state, records = pilot.act(state, Action(turn.role, rng.choice(offered)))
        log.extend(records)
    return tuple(log)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(NAMES),
    seat=st.integers(min_value=0, max_value=8),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_every_computer_choice_is_explained_by_the_option_that_scored_highest(
    name: str, seat: int, seed: int
) -> None:
    source = load(name)
    role = source.roles[seat % len(source.roles)].id
    log = play(source, {role: "p"}, seed)
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
    log = play(source, {adviser.id: "p"}, 3)
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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(NAMES),
    seats=st.sets(st.integers(min_value=0, max_value=8), max_size=3),
    seed=st.integers(min_value=0, max_value=2**64 - 1),
)
def test_the_council_and_its_slot_twin_take_the_same_option(
    name: str, seats: set[int], seed: int
) -> None:
    source = load(name)
    roles = [role.id for role in source.roles]
    humans = {roles[i % len(roles)]: "p" for i in seats}
    rules = Rules(source)
    play_randomly(rules, seed, humans, random_picker(seed), lambda s: council_agrees(rules, s))
