"""Delayed consequences: scheduled on the choice, landing `after` decisions later."""

from __future__ import annotations

from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine.events import (
    ConsequenceLanded,
    ConsequenceLapsed,
    ConsequenceScheduled,
    EventFired,
    VariableChanged,
)
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Delayed, Scenario

DECISIONS = ["d0", "d1", "d2", "d3"]


def delayed_game(delayed: Delayed, decisions: int = 4) -> Scenario:
    b = Builder([int_var("trust", 50), int_var("gate", 0)], {d: ["go"] for d in DECISIONS})
    items = [b.decision("d0", [b.option("go", delayed=[delayed])])]
    items += [b.decision(d, [b.option("go")]) for d in DECISIONS[1:decisions]]
    return scenario(b, items, events=[b.event("news", "gate += 1")])


def landing_turns(game_scenario: Scenario) -> list[int]:
    state, _ = Autopilot(game_scenario).start(1)
    return [r.turn for r in state.log if isinstance(r, ConsequenceLanded)]


def builder() -> Builder:
    return Builder([int_var("trust", 50), int_var("gate", 0)], {d: ["go"] for d in DECISIONS})


def test_scheduling_is_recorded_with_the_due_turn() -> None:
    state, _ = Autopilot(delayed_game(builder().delayed(2, "trust += 5"))).start(1)
    [scheduled] = [r for r in state.log if isinstance(r, ConsequenceScheduled)]
    assert (scheduled.turn, scheduled.due_turn) == (1, 3)


def test_after_one_lands_after_the_next_decision() -> None:
    assert landing_turns(delayed_game(builder().delayed(1, "trust += 5"))) == [2]


def test_after_two_lands_after_the_second_decision_following() -> None:
    assert landing_turns(delayed_game(builder().delayed(2, "trust += 5"))) == [3]


def test_landing_applies_effects_with_a_delayed_cause() -> None:
    state, _ = Autopilot(delayed_game(builder().delayed(1, "trust += 5"))).start(1)
    [change] = [r for r in state.log if isinstance(r, VariableChanged)]
    assert (change.turn, change.new, change.cause.kind) == (2, 55, "delayed")
    assert (change.cause.decision, change.cause.option) == ("d0", "go")


def test_consequence_whose_condition_fails_lapses() -> None:
    state, _ = Autopilot(delayed_game(builder().delayed(1, "trust += 5", when="gate > 0"))).start(1)
    assert [type(r) for r in state.log if isinstance(r, ConsequenceLanded | ConsequenceLapsed)] == [
        ConsequenceLapsed
    ]
    assert state.values["trust"] == 50


def test_consequence_due_after_the_game_ends_never_lands() -> None:
    state, _ = Autopilot(delayed_game(builder().delayed(3, "trust += 5"), decisions=2)).start(1)
    assert not any(isinstance(r, ConsequenceLanded) for r in state.log)
    assert len(state.pending) == 1


def test_landing_consequence_can_trigger_an_event() -> None:
    state, _ = Autopilot(delayed_game(builder().delayed(1, trigger="news"))).start(1)
    [fired] = [r for r in state.log if isinstance(r, EventFired)]
    assert (fired.turn, fired.cause.kind) == (2, "delayed")
    assert state.values["gate"] == 1
