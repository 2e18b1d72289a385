"""Option effects: applied in order, ints clamped, real changes recorded with causes."""

from __future__ import annotations

import pytest

from engine.scenarios import Builder, bool_var, enum_var, int_var, scenario
from excomm_sim.engine.errors import ScenarioRuntimeError
from excomm_sim.engine.events import VariableChanged
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Citation, Scenario


def one_decision(*effects: str) -> Scenario:
    b = Builder(
        [int_var("tension", 90), bool_var("alert"), enum_var("bombers", ["in_cuba", "gone"])],
        {"only": ["act"]},
    )
    return scenario(b, [b.decision("only", [b.option("act", *effects)])])


def changes(game_scenario: Scenario) -> list[VariableChanged]:
    state, _ = Autopilot(game_scenario).start(1)
    return [r for r in state.log if isinstance(r, VariableChanged)]


def test_int_result_above_max_is_clamped_and_marked() -> None:
    [change] = changes(one_decision("tension += 30"))
    assert (change.old, change.new, change.clamped) == (90, 100, True)


def test_int_result_below_min_is_clamped_to_min() -> None:
    [change] = changes(one_decision("tension -= 500"))
    assert (change.new, change.clamped) == (0, True)


def test_change_within_bounds_is_not_marked_clamped() -> None:
    [change] = changes(one_decision("tension -= 5"))
    assert (change.new, change.clamped) == (85, False)


def test_assignment_to_the_same_value_records_nothing() -> None:
    assert changes(one_decision("tension = 90", "alert = false")) == []


def test_clamped_change_that_ends_where_it_started_records_nothing() -> None:
    b = Builder([int_var("tension", 100)], {"only": ["act"]})
    pilot = Autopilot(scenario(b, [b.decision("only", [b.option("act", "tension += 5")])]))
    state, _ = pilot.start(1)
    assert not any(isinstance(r, VariableChanged) for r in state.log)
    assert state.values["tension"] == 100


def test_effects_apply_in_order_each_seeing_the_last() -> None:
    first, second = changes(one_decision("tension -= 50", "tension = tension * 2"))
    assert (first.new, second.old, second.new) == (40, 40, 80)


def test_bool_and_enum_changes_are_recorded() -> None:
    alert, bombers = changes(one_decision("alert = true", 'bombers = "gone"'))
    assert (alert.old, alert.new) == (False, True)
    assert (bombers.old, bombers.new) == ("in_cuba", "gone")


def test_change_carries_the_option_cause_with_the_decision_citations() -> None:
    [change] = changes(one_decision("tension -= 5"))
    cause = change.cause
    assert (cause.kind, cause.decision, cause.option, cause.turn) == ("option", "only", "act", 1)
    assert cause.sources == (Citation("record", 1, 2),)
    assert cause.text == 'Chose "Label act"'
    assert change.effect == "tension -= 5"


def test_failing_effect_stops_the_game_naming_the_option_and_expression() -> None:
    b = Builder([int_var("tension", 0), int_var("trust", 5)], {"only": ["act"]})
    pilot = Autopilot(scenario(b, [b.decision("only", [b.option("act", "trust = 10 / tension")])]))
    with pytest.raises(ScenarioRuntimeError, match=r"option only\.act.*'trust = 10 / tension'"):
        pilot.start(1)


def test_runtime_error_is_an_eval_error_for_tools_that_catch_those() -> None:
    assert issubclass(ScenarioRuntimeError, EvalError)
