"""Hypothesis builds random small scenarios and plays them: the rules hold for any file.

Bounds are tight (0..10) so clamping happens often; conditions, chance, delays, triggers,
events and early endings are mixed at random. Every game must end within the decision
count, keep variables in range, give every change a cause, replay identically, and
play the same move by move and on the fast path, with and without the remembered game
tree; the computer decider reading observations takes what its slot twin takes.
"""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from engine.games import (
    council_agrees,
    fast_game,
    play_randomly,
    random_picker,
    stepped_game,
)
from engine.scenarios import Builder, bool_var, enum_var, int_var, role, scenario
from excomm_sim.engine import turns
from excomm_sim.engine.events import GameEnded, VariableChanged
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action
from excomm_sim.policies import strategies
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.fast import CouncilScores, GameTree, Seats
from excomm_sim.scenario.model import Scenario, VariableKind

CONDITIONS = [
    "a > 3",
    "b <= 5",
    "flag",
    "not flag",
    'mood == "calm"',
    'mood != "angry"',
    "turn >= 2",
    "day < 3",
    "a + b > 8",
    'chose("d0", "o0")',
    'decided("d1")',
]
EFFECTS = [
    "a += 3",
    "a -= 4",
    "b += 7",
    "b -= 2",
    "a = b * 2",
    "b = a - 20",
    "flag = not flag",
    "flag = a > b",
    'mood = "angry"',
    'mood = "calm"',
    'mood = "wary" if flag else "calm"',
]
WEIGHTS = ["1", "3", "a", "b - 5", "0", "10 - a"]
ROLES = ["president", "hawk", "dove"]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    decisions = draw(st.integers(min_value=2, max_value=5))
    options = [draw(st.integers(min_value=1, max_value=3)) for _ in range(decisions)]
    options[0] = max(options[0], 1)
    choices = {f"d{d}": [f"o{o}" for o in range(n)] for d, n in enumerate(options)}
    b = Builder(
        [
            int_var("a", 5, 0, 10),
            int_var("b", 5, 0, 10),
            bool_var("flag"),
            enum_var("mood", ["calm", "wary", "angry"]),
        ],
        choices,
    )
    n_events = draw(st.integers(min_value=0, max_value=3))
    event_ids = [f"e{i}" for i in range(n_events)]
    maybe = st.none() | st.sampled_from(CONDITIONS)
    effects = st.lists(st.sampled_from(EFFECTS), max_size=3)
    trigger = st.none() | st.sampled_from(event_ids) if event_ids else st.none()
    items = []
    for d, n in enumerate(options):
        option_list = []
        for o in range(n):
            chance = []
            if draw(st.booleans()):
                chance = [
                    b.outcome(
                        f"x{k}",
                        draw(st.sampled_from(WEIGHTS)),
                        *draw(effects),
                        trigger=draw(trigger),
                    )
                    for k in range(draw(st.integers(min_value=1, max_value=3)))
                ]
            delayed = [
                b.delayed(
                    draw(st.integers(min_value=1, max_value=3)),
                    *draw(effects),
                    when=draw(maybe),
                    trigger=draw(trigger),
                )
                for _ in range(draw(st.integers(min_value=0, max_value=2)))
            ]
            stances = [
                b.stance(
                    r,
                    favour=draw(st.booleans()),
                    strength=draw(st.integers(1, 3)),
                    when=draw(maybe),
                )
                for r in draw(st.lists(st.sampled_from(ROLES), max_size=3))
            ]
            option_list.append(
                b.option(
                    f"o{o}",
                    *draw(effects),
                    when=draw(maybe),
                    unavailable=draw(st.sampled_from(["", "Not now."])),
                    stances=stances,
                    chance=chance,
                    visible=draw(st.booleans()),
                    delayed=delayed,
                    trigger=draw(trigger),
                )
            )
        items.append(
            b.decision(
                f"d{d}",
                option_list,
                when=draw(maybe),
                days=draw(st.integers(min_value=0, max_value=2)),
            )
        )
    events = [
        b.event(e, *draw(effects), when=draw(maybe), once=draw(st.booleans())) for e in event_ids
    ]
    endings = [
        b.ending(f"early{i}", draw(st.sampled_from(CONDITIONS)), early=True)
        for i in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    endings += [
        b.ending(f"final{i}", draw(st.sampled_from(CONDITIONS)))
        for i in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    endings.insert(draw(st.integers(min_value=0, max_value=len(endings))), b.ending("fallback"))
    roles = [role("president", True), role("hawk", influence=2), role("dove")]
    return scenario(b, items, roles, events, endings)


RANDOM = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RANDOM
@given(scenarios(), st.integers(min_value=0, max_value=2**32), st.data())
def test_any_scenario_plays_within_the_rules(
    built: Scenario, seed: int, data: st.DataObject
) -> None:
    humans = data.draw(st.lists(st.sampled_from(ROLES), unique=True, max_size=2))
    pilot = Autopilot(built)
    state, _ = pilot.start(seed, {r: r for r in humans})
    actions: list[Action] = []
    while legal := pilot.rules.legal_actions(state):
        action = data.draw(st.sampled_from(legal))
        assert isinstance(action, Action)
        actions.append(action)
        state, _ = pilot.act(state, action)
        assert len(actions) <= len(built.decisions) * 3
    assert isinstance(state.log[-1], GameEnded)
    assert state.turn <= len(built.decisions)
    variables = {v.id: v for v in built.variables}
    for values in state.timeline:
        for name, value in values.items():
            variable = variables[name]
            if variable.kind is VariableKind.INT:
                assert 0 <= value <= 10  # type: ignore[operator]
            elif variable.kind is VariableKind.ENUM:
                assert value in variable.values
    for record in state.log:
        if isinstance(record, VariableChanged):
            assert record.cause.turn == record.turn and record.old != record.new
    assert Autopilot(built).replay(seed, {r: r for r in humans}, actions) == state


@RANDOM
@given(scenarios(), st.integers(min_value=0, max_value=2**32), st.data())
def test_any_game_is_the_same_move_by_move_and_on_the_fast_path(
    built: Scenario, seed: int, data: st.DataObject
) -> None:
    seat = data.draw(st.integers(min_value=0, max_value=len(built.roles) - 1))
    name = data.draw(st.sampled_from(strategies.names(built)))
    assert fast_game(built, seat, name, seed) == stepped_game(built, seat, name, seed).slots


@RANDOM
@given(scenarios(), st.integers(min_value=0, max_value=2**32), st.data())
def test_any_game_is_the_same_with_and_without_the_tree(
    built: Scenario, seed: int, data: st.DataObject
) -> None:
    seat = data.draw(st.integers(min_value=0, max_value=len(built.roles) - 1))
    names = [name for name in strategies.names(built) if name != "random"]
    name = data.draw(st.sampled_from(names))
    lean = turns.program(built, records=False)
    seats = Seats(CouncilScores(lean), seat, strategies.strategy(name, lean))
    remembered = GameTree(lean, seats, lean.layout.initial(1 << seat))
    for game_seed in (seed, seed + 1, seed):
        seats.reseed(game_seed)
        assert remembered.play(game_seed) == fast_game(built, seat, name, game_seed)


@RANDOM
@given(scenarios(), st.integers(min_value=0, max_value=2**32), st.data())
def test_any_computer_decider_takes_what_its_slot_twin_takes(
    built: Scenario, seed: int, data: st.DataObject
) -> None:
    humans = data.draw(st.lists(st.sampled_from(ROLES), unique=True, max_size=2))
    rules = Rules(built)
    play_randomly(
        rules, seed, {r: r for r in humans}, random_picker(seed), lambda s: council_agrees(rules, s)
    )
