"""Endings: early ones after every decision, then final ones, then the fallback."""

from __future__ import annotations

from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine.events import GameEnded
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Ending

DECISIONS = {f"d{i}": ["up"] for i in range(3)}


def builder() -> Builder:
    return Builder([int_var("heat", 0)], DECISIONS)


def ended(b: Builder, endings: list[Ending]) -> tuple[str | None, int]:
    items = [b.decision(d, [b.option("up", "heat += 10")]) for d in DECISIONS]
    state, _ = Autopilot(scenario(b, items, endings=endings)).start(1)
    assert state.log[-1] == GameEnded(state.turn, state.ending or "")
    return state.ending, state.turn


def test_early_ending_ends_the_game_right_after_the_decision() -> None:
    b = builder()
    assert ended(b, [b.ending("boom", "heat >= 20", early=True), b.ending("fallback")]) == (
        "boom",
        2,
    )


def test_first_early_ending_in_file_order_wins() -> None:
    b = builder()
    endings = [
        b.ending("second", "heat >= 10", early=True),
        b.ending("first", "heat >= 10", early=True),
        b.ending("fallback"),
    ]
    assert ended(b, endings) == ("second", 1)


def test_final_ending_is_judged_only_when_no_decision_is_left() -> None:
    b = builder()
    endings = [b.ending("warm", "heat >= 10"), b.ending("fallback")]
    assert ended(b, endings) == ("warm", 3)


def test_first_final_ending_that_holds_wins() -> None:
    b = builder()
    endings = [
        b.ending("hot", "heat >= 99"),
        b.ending("warm", "heat >= 10"),
        b.ending("lukewarm", "heat >= 5"),
        b.ending("fallback"),
    ]
    assert ended(b, endings) == ("warm", 3)


def test_fallback_ends_the_game_when_nothing_else_holds() -> None:
    b = builder()
    assert ended(b, [b.ending("hot", "heat >= 99"), b.ending("fallback")]) == ("fallback", 3)


def test_fallback_may_stand_anywhere_in_the_list() -> None:
    b = builder()
    assert ended(b, [b.ending("fallback"), b.ending("warm", "heat >= 10")]) == ("warm", 3)


def test_early_ending_beats_a_final_ending_listed_before_it() -> None:
    b = builder()
    endings = [
        b.ending("warm", "heat >= 30"),
        b.ending("boom", "heat >= 30", early=True),
        b.ending("fallback"),
    ]
    assert ended(b, endings) == ("boom", 3)


def test_ending_of_an_ended_game_is_its_scenario_ending() -> None:
    b = builder()
    items = [b.decision(d, [b.option("up")]) for d in DECISIONS]
    pilot = Autopilot(scenario(b, items))
    state, _ = pilot.start(1)
    ending = pilot.rules.ending(state)
    assert ending is not None and ending.id == "fallback"
