"""Events: fired by their condition after each decision, or by a trigger; once or repeating."""

from __future__ import annotations

from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine.events import EventFired, VariableChanged
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Event

DECISIONS = {f"d{i}": ["up", "flat"] for i in range(4)}


def play(*events: Event, builder: Builder, trigger: str | None = None) -> GameState:
    items = [
        builder.decision(
            d,
            [
                builder.option("up", "heat += 10", trigger=trigger if d == "d0" else None),
                builder.option("flat"),
            ],
        )
        for d in DECISIONS
    ]
    state, _ = Autopilot(scenario(builder, items, events=list(events))).start(1)
    return state


def fired(state: GameState) -> list[tuple[int, str]]:
    return [(r.turn, r.event) for r in state.log if isinstance(r, EventFired)]


def b() -> Builder:
    return Builder([int_var("heat", 0), int_var("count", 0)], DECISIONS)


def test_once_event_fires_the_first_time_its_condition_holds_only() -> None:
    builder = b()
    state = play(builder.event("hot", "count += 1", when="heat >= 20"), builder=builder)
    assert fired(state) == [(2, "hot")]
    assert state.values["count"] == 1
    assert state.fired == frozenset({"hot"})


def test_repeating_event_fires_after_every_decision_its_condition_holds() -> None:
    builder = b()
    event = builder.event("hot", "count += 1", when="heat >= 20", once=False)
    assert fired(play(event, builder=builder)) == [(2, "hot"), (3, "hot"), (4, "hot")]


def test_conditions_are_checked_in_file_order_each_seeing_earlier_effects() -> None:
    builder = b()
    first = builder.event("first", "count += 5", when="heat >= 10")
    second = builder.event("second", when="count >= 5")
    assert fired(play(first, second, builder=builder)) == [(1, "first"), (1, "second")]


def test_trigger_fires_an_event_without_a_condition() -> None:
    builder = b()
    state = play(builder.event("news", "count += 2"), builder=builder, trigger="news")
    assert fired(state) == [(1, "news")]
    [change] = [r for r in state.log if isinstance(r, VariableChanged) and r.variable == "count"]
    assert (change.cause.kind, change.cause.event, change.cause.option) == ("event", "news", "up")


def test_once_event_already_fired_ignores_a_later_trigger() -> None:
    builder = b()
    event = builder.event("news", "count += 2", when="heat >= 10")
    state = play(event, builder=builder, trigger="news")
    assert fired(state) == [(1, "news")]
    assert state.values["count"] == 2


def test_event_fired_by_its_condition_records_why() -> None:
    builder = b()
    state = play(builder.event("hot", when="heat >= 20"), builder=builder)
    [record] = [r for r in state.log if isinstance(r, EventFired)]
    assert (record.cause.kind, record.cause.event) == ("event", "hot")


def test_chance_outcome_can_trigger_an_event() -> None:
    builder = b()
    option = builder.option("up", chance=[builder.outcome("leak", 1, trigger="news")])
    decision = builder.decision("d0", [option, builder.option("flat")])
    pilot = Autopilot(scenario(builder, [decision], events=[builder.event("news", "count += 1")]))
    state, _ = pilot.start(1)
    [record] = [r for r in state.log if isinstance(r, EventFired)]
    assert (record.cause.kind, record.cause.outcome) == ("chance", "leak")
