"""Chance nodes in play: weights after the option's effects, visible odds, seeded draws."""

from __future__ import annotations

from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine import chance
from excomm_sim.engine.events import ChanceResolved, VariableChanged
from excomm_sim.engine.game import Action, Game
from excomm_sim.scenario.model import Scenario


def gamble(visible: bool = True) -> Scenario:
    b = Builder([int_var("nerve", 10), int_var("score", 0)], {"d": ["bet", "fold"]})
    bet = b.option(
        "bet",
        "nerve += 20",
        chance=[b.outcome("win", "nerve", "score += 1"), b.outcome("lose", 10, "score -= 1")],
        visible=visible,
    )
    return scenario(b, [b.decision("d", [bet, b.option("fold")])])


def test_visible_odds_are_computed_after_the_options_own_effects() -> None:
    game = Game(gamble(), {"president": "Ann"})
    state, _ = game.start(1)
    prompt = game.prompt(state)
    assert prompt is not None
    odds = [(outcome.id, p) for outcome, p in prompt.options[0].odds]
    assert odds == [("win", 0.75), ("lose", 0.25)]  # nerve 30 after +20, against 10


def test_drawn_probability_matches_the_odds_shown() -> None:
    game = Game(gamble(), {"president": "Ann"})
    state, _ = game.start(1)
    state, records = game.step(state, Action("president", "bet"))
    [resolved] = [r for r in records if isinstance(r, ChanceResolved)]
    assert resolved.probability == {"win": 0.75, "lose": 0.25}[resolved.outcome]


def test_hidden_chance_shows_no_odds() -> None:
    game = Game(gamble(visible=False), {"president": "Ann"})
    state, _ = game.start(1)
    prompt = game.prompt(state)
    assert prompt is not None and prompt.options[0].odds == ()


def test_outcome_effects_carry_a_chance_cause() -> None:
    game = Game(gamble())
    state, _ = game.start(3)
    [change] = [r for r in state.log if isinstance(r, VariableChanged) and r.variable == "score"]
    assert change.cause.kind == "chance"
    assert change.cause.outcome in ("win", "lose")


def test_same_seed_same_outcome_and_seeds_reach_both() -> None:
    game = Game(gamble())
    outcomes = {seed: game.start(seed)[0].choices[0].outcome for seed in range(40)}
    assert outcomes == {seed: game.start(seed)[0].choices[0].outcome for seed in range(40)}
    assert set(outcomes.values()) == {"win", "lose"}


def test_rng_advances_by_one_draw_per_chance_node() -> None:
    game = Game(gamble())
    state, _ = game.start(5)
    assert state.rng == chance.next(chance.seed_state(5))[1]
