"""Starting a game, prompting the human, and stepping through to an ending."""

from __future__ import annotations

import pytest

from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine.events import DecisionPosed, GameEnded, OptionChosen
from excomm_sim.engine.game import Action, Game, IllegalAction
from excomm_sim.scenario.model import Scenario


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
    game = Game(two_decisions(), {"president": "Ann"})
    state, records = game.start(1)
    prompt = game.prompt(state)
    assert prompt is not None
    assert (prompt.kind, prompt.role, prompt.decision.id) == ("decide", "president", "first")
    assert [view.option.id for view in prompt.options] == ["calm", "push"]
    assert DecisionPosed(1, "first") in records


def test_step_applies_the_choice_and_poses_the_next_decision() -> None:
    game = Game(two_decisions(), {"president": "Ann"})
    state, _ = game.start(1)
    state, records = game.step(state, Action("president", "push"))
    assert state.values["tension"] == 60
    assert state.turn == 1
    assert state.current == "second"
    assert OptionChosen(1, "first", "president", "push", True) in records


def test_last_decision_ends_the_game_with_the_fallback() -> None:
    game = Game(two_decisions(), {"president": "Ann"})
    state = game.play(1, [Action("president", "calm"), Action("president", "act")])
    assert state.ending == "fallback"
    assert game.prompt(state) is None
    assert state.log[-1] == GameEnded(2, "fallback")


def test_all_computer_game_runs_to_the_end_inside_start() -> None:
    game = Game(two_decisions())
    state, _ = game.start(1)
    assert state.ending == "fallback"
    assert len(state.choices) == 2


def test_unknown_option_is_an_illegal_action() -> None:
    game = Game(two_decisions(), {"president": "Ann"})
    state, _ = game.start(1)
    with pytest.raises(IllegalAction, match="no option 'nuke'"):
        game.step(state, Action("president", "nuke"))


def test_acting_out_of_turn_is_an_illegal_action() -> None:
    game = Game(two_decisions(), {"president": "Ann"})
    state, _ = game.start(1)
    with pytest.raises(IllegalAction, match="president's turn"):
        game.step(state, Action("hawk", "calm"))


def test_acting_after_the_end_is_an_illegal_action() -> None:
    game = Game(two_decisions())
    state, _ = game.start(1)
    with pytest.raises(IllegalAction, match="ended"):
        game.step(state, Action("president", "calm"))


def test_unknown_human_role_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        Game(two_decisions(), {"nobody": "Ann"})


def test_legal_actions_are_the_offered_options_for_the_prompted_role() -> None:
    game = Game(two_decisions(), {"president": "Ann"})
    state, _ = game.start(1)
    assert game.legal_actions(state) == [Action("president", "calm"), Action("president", "push")]


def test_withheld_option_with_a_reason_is_refused_with_that_reason() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["calm", "push"]})
    options = [b.option("calm"), b.option("push", when="tension > 90", unavailable="Too soon.")]
    game = Game(scenario(b, [b.decision("first", options)]), {"president": "Ann"})
    state, _ = game.start(1)
    with pytest.raises(IllegalAction, match=r"not available now: Too soon\."):
        game.step(state, Action("president", "push"))


def test_hidden_withheld_option_is_refused_as_not_on_offer() -> None:
    b = Builder([int_var("tension", 50)], {"first": ["calm", "push"]})
    options = [b.option("calm"), b.option("push", when="tension > 90")]
    game = Game(scenario(b, [b.decision("first", options)]), {"president": "Ann"})
    state, _ = game.start(1)
    with pytest.raises(IllegalAction, match="no option 'push' on offer; options: calm"):
        game.step(state, Action("president", "push"))
