"""Chance nodes in play: weights after the option's effects, visible odds, seeded draws.

Chance is a seat of its own in the kernel: once an option with a chance node is decided,
the game waits at a CHANCE stage until a ``Draw`` is applied. ``Rules.chance_outcomes``
says what may be drawn there and how likely each outcome is; the odds shown before
choosing (``OptionView.odds``) must say the same.
"""

from __future__ import annotations

import pytest

from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine.events import ChanceResolved, OptionChosen, VariableChanged
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.layout import CHANCE
from excomm_sim.engine.moves import Action, Draw, IllegalAction, Turn
from excomm_sim.engine.observe import observe
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.sampler import draw_index, sample
from excomm_sim.scenario.model import Scenario

ANN = {"president": "Ann"}


def gamble(visible: bool = True, win: str = "nerve") -> Scenario:
    b = Builder([int_var("nerve", 10), int_var("score", 0)], {"d": ["bet", "fold"]})
    bet = b.option(
        "bet",
        "nerve += 20",
        chance=[b.outcome("win", win, "score += 1"), b.outcome("lose", 10, "score -= 1")],
        visible=visible,
    )
    return scenario(b, [b.decision("d", [bet, b.option("fold")])])


def odds_shown(rules: Rules, state: GameState) -> list[tuple[str, float]]:
    item = observe(rules, state, "president").item
    assert item is not None
    return [(outcome.id, p) for outcome, p in item.options[0].odds]


def at_the_draw(game: Scenario) -> tuple[Rules, GameState]:
    """The president has bet; chance has not drawn yet."""
    rules = Rules(game)
    state, _ = rules.apply(rules.new_game(1, ANN), Action("president", "bet"))
    return rules, state


def test_visible_odds_are_computed_after_the_options_own_effects() -> None:
    pilot = Autopilot(gamble())
    state, _ = pilot.start(1, ANN)
    # nerve 30 after +20, against 10
    assert odds_shown(pilot.rules, state) == [("win", 0.75), ("lose", 0.25)]


def test_drawn_probability_matches_the_odds_shown() -> None:
    pilot = Autopilot(gamble())
    state, _ = pilot.start(1, ANN)
    state, records = pilot.act(state, Action("president", "bet"))
    [resolved] = [r for r in records if isinstance(r, ChanceResolved)]
    assert resolved.probability == {"win": 0.75, "lose": 0.25}[resolved.outcome]


def test_hidden_chance_shows_no_odds() -> None:
    pilot = Autopilot(gamble(visible=False))
    state, _ = pilot.start(1, ANN)
    assert odds_shown(pilot.rules, state) == []


def test_outcome_effects_carry_a_chance_cause() -> None:
    state, _ = Autopilot(gamble()).start(3)
    [change] = [r for r in state.log if isinstance(r, VariableChanged) and r.variable == "score"]
    assert change.cause.kind == "chance"
    assert change.cause.outcome in ("win", "lose")


def test_same_seed_same_outcome_and_seeds_reach_both() -> None:
    pilot = Autopilot(gamble())
    outcomes = {seed: pilot.start(seed)[0].choices[0].outcome for seed in range(40)}
    assert outcomes == {seed: pilot.start(seed)[0].choices[0].outcome for seed in range(40)}
    assert set(outcomes.values()) == {"win", "lose"}


def test_draws_advance_by_one_per_chance_node() -> None:
    state, _ = Autopilot(gamble()).start(5)
    assert state.draws == 1


def test_the_outcome_is_the_samplers_first_draw_from_the_seed() -> None:
    state, _ = Autopilot(gamble()).start(5)
    outcome = ("win", "lose")[draw_index(5, 0, [30, 10])]
    assert state.choices[0].outcome == outcome


# -- the chance node as a turn of its own ---------------------------------------------------


def test_deciding_an_option_with_chance_waits_for_the_draw() -> None:
    rules, state = at_the_draw(gamble())
    assert state.stage == CHANCE
    assert rules.to_act(state) == Turn("chance", None, "d")
    assert state.chance_option == "bet"
    assert state.choices == ()  # the decision is not settled until chance has drawn
    assert any(isinstance(r, OptionChosen) for r in state.log)
    assert not any(isinstance(r, ChanceResolved) for r in state.log)
    assert state.values["nerve"] == 30  # the option's own effects came first


def test_chance_outcomes_give_each_outcome_its_probability() -> None:
    rules, state = at_the_draw(gamble())
    assert rules.chance_outcomes(state) == (("win", 0.75), ("lose", 0.25))
    assert rules.legal_actions(state) == (Draw("win"), Draw("lose"))
    assert rules.chance_weights(state) == (30, 10)


def test_chance_outcomes_are_read_with_the_turn_advanced() -> None:
    # The weight is 30 only at the first decision: the draw reads turn 1, not turn 0.
    rules, state = at_the_draw(gamble(win="30 if turn == 1 else 0"))
    assert rules.chance_outcomes(state) == (("win", 0.75), ("lose", 0.25))


def test_odds_shown_before_choosing_are_read_with_the_turn_advanced() -> None:
    # The old engine showed 0% / 100% here: it read the weights before ``turn`` went up.
    pilot = Autopilot(gamble(win="30 if turn == 1 else 0"))
    state, _ = pilot.start(1, ANN)
    assert odds_shown(pilot.rules, state) == [("win", 0.75), ("lose", 0.25)]


def test_chance_outcomes_are_read_with_the_choice_recorded() -> None:
    rules, state = at_the_draw(gamble(win='30 if chose("d", "bet") else 0'))
    assert rules.chance_outcomes(state) == (("win", 0.75), ("lose", 0.25))
    pilot = Autopilot(gamble(win='30 if chose("d", "bet") else 0'))
    start, _ = pilot.start(1, ANN)
    assert odds_shown(pilot.rules, start) == [("win", 0.75), ("lose", 0.25)]


def test_an_outcome_that_cannot_happen_is_left_out() -> None:
    rules, state = at_the_draw(gamble(win="0"))
    assert rules.chance_outcomes(state) == (("lose", 1.0),)
    assert rules.legal_actions(state) == (Draw("lose"),)


def test_outcomes_with_no_weight_at_all_are_equally_likely() -> None:
    b = Builder([int_var("nerve", 0)], {"d": ["bet"]})
    bet = b.option("bet", chance=[b.outcome("win", "nerve"), b.outcome("lose", "nerve")])
    rules = Rules(scenario(b, [b.decision("d", [bet])]))
    state, _ = rules.apply(rules.new_game(1, ANN), Action("president", "bet"))
    assert rules.chance_outcomes(state) == (("win", 0.5), ("lose", 0.5))


def test_drawing_an_outcome_settles_the_decision() -> None:
    rules, state = at_the_draw(gamble())
    state, records = rules.apply(state, Draw("lose"))
    assert ChanceResolved(1, "d", "bet", "lose", 0.25) in records
    assert (state.choices[0].outcome, state.values["score"], state.draws) == ("lose", 0, 1)
    assert state.ended


def test_drawing_an_impossible_outcome_is_an_illegal_action() -> None:
    rules, state = at_the_draw(gamble(win="0"))
    with pytest.raises(IllegalAction, match="'win' cannot happen here; outcomes: lose"):
        rules.apply(state, Draw("win"))


def test_drawing_an_unknown_outcome_is_an_illegal_action() -> None:
    rules, state = at_the_draw(gamble())
    with pytest.raises(IllegalAction, match="'jackpot' cannot happen here; outcomes: win, lose"):
        rules.apply(state, Draw("jackpot"))


def test_drawing_when_a_seat_must_act_is_an_illegal_action() -> None:
    rules = Rules(gamble())
    with pytest.raises(IllegalAction, match="No chance node is waiting"):
        rules.apply(rules.new_game(1, ANN), Draw("win"))


def test_a_seat_cannot_act_while_chance_must_draw() -> None:
    rules, state = at_the_draw(gamble())
    with pytest.raises(IllegalAction, match="Chance decides what d led to"):
        rules.apply(state, Action("president", "fold"))


def test_chance_outcomes_are_empty_where_no_chance_node_waits() -> None:
    rules = Rules(gamble())
    state = rules.new_game(1, ANN)
    assert (rules.chance_outcomes(state), rules.chance_weights(state)) == ((), ())


def test_the_sampler_draws_what_the_autopilot_draws() -> None:
    rules, state = at_the_draw(gamble())
    drawn, _ = rules.apply(state, sample(rules, state))
    played, _ = Autopilot(gamble()).act(rules.new_game(1, ANN), Action("president", "bet"))
    assert drawn == played
