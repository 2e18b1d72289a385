"""Starting a game, asking the person who must act, and stepping through to an ending."""

from __future__ import annotations

import pytest

from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine.events import DecisionPosed, GameEnded, OptionChosen
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action, IllegalAction, Turn
from excomm_sim.engine.observe import observe
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.scenario.model import Scenario

ANN = {"president": "Ann"}


def two_decisions() -> Scenario:
    b = Builder([int_var("tension", 50)], {"first": ["calm", "push"], "second": ["wait", "act"]})
    return scenario(
        b,
        [
            b.decision(
                "first", [b.option("calm", "tension -= 10"), b.option("push", "tension += 10")]
            ),
            b.decision("second", [b.option("wait"), b.option("act", "tension += 5")]),
        ],
    )


def test_start_poses_the_first_decision_to_the_human_president() -> None:
    pilot = Autopilot(two_decisions())
    state, records = pilot.start(1, ANN)
    assert pilot.rules.to_act(state) == Turn("decide", "president", "first", True)
    item = observe(pilot.rules, state, "president").item
    assert item is not None and item.decision.id == "first"
    assert [view.option.id for view in item.options] == ["calm", "push"]
    assert DecisionPosed(1, "first") in records


def test_step_applies_the_choice_and_poses_the_next_decision() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, ANN)
    state, records = pilot.act(state, Action("president", "push"))
    assert state.values["tension"] == 60
    assert state.turn == 1
    assert state.current == "second"
    assert OptionChosen(1, "first", "president", "push", True) in records


def test_last_decision_ends_the_game_with_the_fallback() -> None:
    pilot = Autopilot(two_decisions())
    state = pilot.replay(1, ANN, [Action("president", "calm"), Action("president", "act")])
    assert state.ending == "fallback"
    assert pilot.rules.to_act(state).kind == "ended"
    assert observe(pilot.rules, state, "president").item is None
    assert state.log[-1] == GameEnded(2, "fallback")


def test_all_computer_game_runs_to_the_end_inside_start() -> None:
    state, _ = Autopilot(two_decisions()).start(1)
    assert state.ending == "fallback"
    assert len(state.choices) == 2


def test_start_returns_every_record_of_the_game_so_far() -> None:
    state, records = Autopilot(two_decisions()).start(1)
    assert records == state.log
    assert isinstance(records[-1], GameEnded)


def test_unknown_option_is_an_illegal_action() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, ANN)
    with pytest.raises(IllegalAction, match="no option 'nuke'"):
        pilot.act(state, Action("president", "nuke"))


def test_acting_out_of_turn_is_an_illegal_action() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, ANN)
    with pytest.raises(IllegalAction, match="president's turn"):
        pilot.act(state, Action("hawk", "calm"))


def test_acting_after_the_end_is_an_illegal_action() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1)
    with pytest.raises(IllegalAction, match="ended"):
        pilot.act(state, Action("president", "calm"))


def test_unknown_human_role_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        Autopilot(two_decisions()).start(1, {"nobody": "Ann"})


def test_unknown_human_role_is_refused_by_the_kernel_naming_the_roles() -> None:
    roles = "roles are: president, hawk, dove"
    with pytest.raises(ValueError, match=rf"unknown role\(s\) nobody; {roles}"):
        Rules(two_decisions()).new_game(1, {"nobody": "Ann"})


def test_legal_actions_are_the_offered_options_for_the_prompted_role() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, ANN)
    assert pilot.rules.legal_actions(state) == (
        Action("president", "calm"),
        Action("president", "push"),
    )


def test_no_action_is_legal_once_the_game_has_ended() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1)
    assert pilot.rules.legal_actions(state) == ()


def test_withheld_option_with_a_reason_is_refused_with_that_reason() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["calm", "push"]})
    options = [b.option("calm"), b.option("push", when="tension > 90", unavailable="Too soon.")]
    pilot = Autopilot(scenario(b, [b.decision("first", options)]))
    state, _ = pilot.start(1, ANN)
    with pytest.raises(IllegalAction, match=r"not available now: Too soon\."):
        pilot.act(state, Action("president", "push"))


def test_hidden_withheld_option_is_refused_as_not_on_offer() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["calm", "push"]})
    options = [b.option("calm"), b.option("push", when="tension > 90")]
    pilot = Autopilot(scenario(b, [b.decision("first", options)]))
    state, _ = pilot.start(1, ANN)
    with pytest.raises(IllegalAction, match="no option 'push' on offer; options: calm"):
        pilot.act(state, Action("president", "push"))
