"""The fast path: a whole game in one ``turns.play`` call is the game move by move would be.

``simulate`` and ``check`` play thousands of games through ``turns.play`` over the kernel's
slots, with ``policies.fast.Seats`` answering every act. These tests pin that it is the
same game as the public path (``Autopilot`` with the strategy holding its seat like a
person, acting on that seat's observation), for every strategy and seat, and that a
program without records changes nothing but the log.
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from engine.games import NAMES, fast_game, load, stepped_game
from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine import turns
from excomm_sim.engine.errors import ScenarioRuntimeError
from excomm_sim.engine.events import Recommended, Record
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.layout import Slots
from excomm_sim.engine.program import Program
from excomm_sim.engine.state import GameState
from excomm_sim.policies.fast import CouncilScores, Seats
from excomm_sim.policies.strategies import names, strategy

CASES = [(name, player) for name in NAMES for player in names(load(name))]
"""Every scenario with every strategy it can be simulated with."""


@pytest.mark.parametrize(("name", "player"), CASES)
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**64 - 1))
def test_fast_play_is_the_game_move_by_move_would_play(name: str, player: str, seed: int) -> None:
    source = load(name)
    for seat in range(len(source.roles)):
        stepped = stepped_game(source, seat, player, seed)
        assert stepped.ended
        assert fast_game(source, seat, player, seed) == stepped.slots, source.roles[seat].id


def test_stances_of_a_decider_played_from_another_seat_agree() -> None:
    source = load("generated")
    seat = source.roles.index(source.role("r0"))
    assert fast_game(source, seat, "president-stances", 0) == (
        stepped_game(source, seat, "president-stances", 0).slots
    )


def seats(compiled: Program, seat: int, player: str, seed: int) -> Seats:
    """The fast path's agent for one game from ``seed``."""
    agent = Seats(CouncilScores(compiled), seat, strategy(player, compiled))
    agent.reseed(seed)
    return agent


@pytest.mark.parametrize("name", NAMES)
def test_without_records_only_the_log_is_left_out(name: str) -> None:
    source = load(name)
    rules = Rules(source)
    lean_program = turns.program(source, records=False)
    seat = rules.layout.role_index[source.president.id]
    for seed in range(40):
        full: Slots = list(rules.layout.initial(1 << seat))
        log: list[Record] = []
        turns.run(rules.program, full, log, seats(rules.program, seat, "random", seed))
        lean: Slots = list(rules.layout.initial(1 << seat))
        turns.play(lean_program, lean, seats(lean_program, seat, "random", seed))
        assert lean == full
        assert log
        kept = GameState(seed, tuple(full), rules.layout, log=tuple(log))
        bare = GameState(seed, tuple(lean), rules.layout)
        assert (bare.log, bare.timeline) == ((), (rules.layout.values(rules.layout.initial(0)),))
        assert len(kept.timeline) == kept.turn + 1
        assert rules.scores(bare) == rules.scores(kept)


@pytest.mark.parametrize("name", NAMES)
def test_a_started_game_plays_on_as_the_fresh_one_does(name: str) -> None:
    source = load(name)
    rules = Rules(source)
    lean_program = turns.program(source, records=False)
    president = source.president.id
    seat = rules.layout.role_index[president]
    for seed in range(10):
        fresh: Slots = list(rules.layout.initial(1 << seat))
        turns.play(lean_program, fresh, seats(lean_program, seat, "random", seed))
        started: Slots = list(rules.new_game(seed, {president: "sim"}).slots)
        turns.play(lean_program, started, seats(lean_program, seat, "random", seed))
        assert started == fresh


class Asking(Seats):
    """``Seats`` that notes who it was asked to recommend (role and the decision's decider)."""

    def __init__(self, council: CouncilScores, seat: int, player: str) -> None:
        super().__init__(council, seat, strategy(player, council.program))
        self.asked: list[tuple[int, int]] = []

    def recommend(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        self.asked.append((role, self.council.program.deciders[k]))
        return super().recommend(s, k, role, offered)


def test_an_adviser_seat_is_asked_for_its_recommendation() -> None:
    source = load("meeting19")
    rules = Rules(source)
    adviser = next(i for i, role in enumerate(source.roles) if not role.is_president)
    agent = Asking(CouncilScores(rules.program), adviser, "history")
    agent.reseed(5)
    s: Slots = list(rules.layout.initial(1 << adviser))
    log: list[Record] = []
    turns.run(rules.program, s, log, agent)
    assert agent.asked and all(role == adviser for role, _ in agent.asked)
    assert any(decider != adviser for _, decider in agent.asked)  # it advised, not only decided
    recommended = [r for r in log if isinstance(r, Recommended) and r.human]
    assert {r.role for r in recommended} == {source.roles[adviser].id}
    assert len(recommended) == len(agent.asked)


@pytest.mark.parametrize("records", [True, False])
def test_a_failing_effect_names_its_option_with_or_without_records(records: bool) -> None:
    b = Builder([int_var("tension", 0), int_var("trust", 5)], {"only": ["act"]})
    source = scenario(b, [b.decision("only", [b.option("act", "trust = 10 / tension")])])
    compiled = turns.program(source, records=records)
    s: Slots = list(compiled.layout.initial(1))
    agent = seats(compiled, 0, "history", 1)
    with pytest.raises(ScenarioRuntimeError, match=r"option only\.act \(turn 1\).*10 / tension"):
        if records:
            turns.run(compiled, s, [], agent)
        else:
            turns.play(compiled, s, agent)
