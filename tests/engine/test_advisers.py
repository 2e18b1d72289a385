"""Computer advisers and the computer decider; human advisers; hot-seat prompt order."""

from __future__ import annotations

import pytest

from engine.scenarios import Builder, int_var, role, scenario
from excomm_sim.engine.events import OptionChosen, Recommended
from excomm_sim.engine.game import Action, Game, IllegalAction
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.model import Option, Position, Scenario, Stance

ROLES = [role("president", True), role("hawk", influence=2), role("dove"), role("aide")]


def b() -> Builder:
    return Builder([int_var("heat", 50)], {"d": ["talk", "strike", "wait"]})


def one(builder: Builder, *stances: tuple[str, Stance]) -> Scenario:
    by_option: dict[str, list[Stance]] = {"talk": [], "strike": [], "wait": []}
    for option_id, stance in stances:
        by_option[option_id].append(stance)
    options: list[Option] = [builder.option(o, stances=s) for o, s in by_option.items()]
    return scenario(builder, [builder.decision("d", options)], ROLES)


def chosen(state: GameState) -> str:
    return next(r.option for r in state.log if isinstance(r, OptionChosen))


def recommendations(state: GameState) -> dict[str, str]:
    return {r.role: r.option for r in state.log if isinstance(r, Recommended)}


def test_computer_adviser_recommends_its_strongest_favoured_option() -> None:
    x = b()
    game = Game(
        one(x, ("talk", x.stance("hawk", strength=1)), ("strike", x.stance("hawk", strength=3)))
    )
    state, _ = game.start(1)
    assert recommendations(state) == {"hawk": "strike"}


def test_adviser_tie_goes_to_the_option_listed_first() -> None:
    x = b()
    game = Game(
        one(x, ("wait", x.stance("dove", strength=2)), ("talk", x.stance("dove", strength=2)))
    )
    state, _ = game.start(1)
    assert recommendations(state) == {"dove": "talk"}


def test_stance_whose_condition_fails_does_not_count() -> None:
    x = b()
    game = Game(
        one(
            x,
            ("strike", x.stance("hawk", strength=3, when="heat > 80")),
            ("wait", x.stance("hawk")),
        )
    )
    state, _ = game.start(1)
    assert recommendations(state) == {"hawk": "wait"}


def test_adviser_who_only_opposes_makes_no_recommendation() -> None:
    x = b()
    state, _ = Game(one(x, ("strike", x.stance("dove", favour=False)))).start(1)
    assert recommendations(state) == {}


def test_computer_president_follows_influence_times_strength() -> None:
    x = b()
    # hawk: influence 2 x strength 1 = 2 for strike; dove: 1 x 1 = 1 for talk.
    game = Game(one(x, ("strike", x.stance("hawk")), ("talk", x.stance("dove"))))
    assert chosen(game.start(1)[0]) == "strike"


def test_opposition_subtracts_from_an_option() -> None:
    x = b()
    game = Game(
        one(
            x,
            ("strike", x.stance("hawk")),
            ("strike", x.stance("dove", favour=False, strength=3)),
            ("talk", x.stance("aide")),
        )
    )
    assert chosen(game.start(1)[0]) == "talk"


def test_presidents_own_stance_counts_double() -> None:
    x = b()
    # president 2 x 1 x 1 = 2 for wait beats dove's 1 for talk; ties go first, so wait must win.
    game = Game(one(x, ("talk", x.stance("dove")), ("wait", x.stance("president"))))
    assert chosen(game.start(1)[0]) == "wait"


def test_decider_tie_goes_to_the_option_listed_first() -> None:
    x = b()
    game = Game(one(x, ("wait", x.stance("dove")), ("talk", x.stance("aide"))))
    assert chosen(game.start(1)[0]) == "talk"


def test_human_adviser_recommendation_sways_the_computer_president() -> None:
    x = b()
    # Stances alone: strike 2 (hawk, influence 2) beats wait 1 (aide). The human dove's
    # recommendation adds 2 x influence 1 to wait: wait 3 beats strike 2.
    game = Game(one(x, ("strike", x.stance("hawk")), ("wait", x.stance("aide"))), {"dove": "Ann"})
    state, _ = game.start(1)
    prompt = game.prompt(state)
    assert prompt is not None and (prompt.kind, prompt.role) == ("recommend", "dove")
    state, records = game.step(state, Action("dove", "wait"))
    assert Recommended(1, "d", "dove", "wait", True, "") in records
    assert chosen(state) == "wait"


def test_without_the_human_recommendation_the_president_goes_elsewhere() -> None:
    x = b()
    game = Game(one(x, ("strike", x.stance("hawk")), ("wait", x.stance("aide"))))
    assert chosen(game.start(1)[0]) == "strike"


def test_human_roles_scenario_stances_are_ignored_by_the_decider() -> None:
    x = b()
    game = Game(one(x, ("strike", x.stance("hawk", strength=3))), {"hawk": "Ann"})
    state, _ = game.start(1)
    state, _ = game.step(state, Action("hawk", "talk"))
    assert chosen(state) == "talk"


def test_hot_seat_prompts_human_advisers_in_role_order_then_the_decider() -> None:
    x = b()
    game = Game(one(x), {"president": "P", "aide": "A", "hawk": "H"})
    state, _ = game.start(1)
    order = []
    while (prompt := game.prompt(state)) is not None:
        order.append((prompt.kind, prompt.role))
        state, _ = game.step(state, Action(prompt.role, "talk"))
    assert order == [("recommend", "hawk"), ("recommend", "aide"), ("decide", "president")]


def test_second_human_adviser_cannot_act_before_the_first() -> None:
    x = b()
    game = Game(one(x), {"aide": "A", "hawk": "H"})
    state, _ = game.start(1)
    with pytest.raises(IllegalAction):
        game.step(state, Action("aide", "talk"))


def test_prompt_positions_show_computer_stances_and_human_recommendations() -> None:
    x = b()
    game = Game(
        one(x, ("strike", x.stance("hawk", strength=2, reason="Hit them."))),
        {"president": "P", "dove": "D"},
    )
    state, _ = game.start(1)
    state, _ = game.step(state, Action("dove", "talk"))
    prompt = game.prompt(state)
    assert prompt is not None
    seen = [(p.role, p.option, p.position, p.strength, p.human) for p in prompt.positions]
    assert seen == [
        ("hawk", "strike", Position.FAVOUR, 2, False),
        ("dove", "talk", Position.FAVOUR, 2, True),
    ]
    assert prompt.positions[0].reason == "Hit them."


def test_decider_scores_explain_the_computer_choice() -> None:
    x = b()
    game = Game(one(x, ("strike", x.stance("hawk")), ("talk", x.stance("dove"))), {"aide": "A"})
    state, _ = game.start(1)
    assert game.decider_scores(state) == {"talk": 1, "strike": 2, "wait": 0}
