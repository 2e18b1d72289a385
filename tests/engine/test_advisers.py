"""Computer advisers and the computer decider; human advisers; hot-seat turn order."""

from __future__ import annotations

import pytest

from engine.scenarios import Builder, int_var, role, scenario
from excomm_sim.engine.events import OptionChosen, Recommended
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action, IllegalAction, Turn
from excomm_sim.engine.observe import observe
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.council import Council
from excomm_sim.policies.fast import CouncilScores
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


def started(game: Scenario, humans: dict[str, str] | None = None) -> GameState:
    return Autopilot(game).start(1, humans)[0]


def test_computer_adviser_recommends_its_strongest_favoured_option() -> None:
    x = b()
    state = started(
        one(x, ("talk", x.stance("hawk", strength=1)), ("strike", x.stance("hawk", strength=3)))
    )
    assert recommendations(state) == {"hawk": "strike"}


def test_adviser_tie_goes_to_the_option_listed_first() -> None:
    x = b()
    state = started(
        one(x, ("wait", x.stance("dove", strength=2)), ("talk", x.stance("dove", strength=2)))
    )
    assert recommendations(state) == {"dove": "talk"}


def test_stance_whose_condition_fails_does_not_count() -> None:
    x = b()
    state = started(
        one(
            x,
            ("strike", x.stance("hawk", strength=3, when="heat > 80")),
            ("wait", x.stance("hawk")),
        )
    )
    assert recommendations(state) == {"hawk": "wait"}


def test_adviser_who_only_opposes_makes_no_recommendation() -> None:
    x = b()
    state = started(one(x, ("strike", x.stance("dove", favour=False))))
    assert recommendations(state) == {}


def test_computer_president_follows_influence_times_strength() -> None:
    x = b()
    # hawk: influence 2 x strength 1 = 2 for strike; dove: 1 x 1 = 1 for talk.
    state = started(one(x, ("strike", x.stance("hawk")), ("talk", x.stance("dove"))))
    assert chosen(state) == "strike"


def test_opposition_subtracts_from_an_option() -> None:
    x = b()
    state = started(
        one(
            x,
            ("strike", x.stance("hawk")),
            ("strike", x.stance("dove", favour=False, strength=3)),
            ("talk", x.stance("aide")),
        )
    )
    assert chosen(state) == "talk"


def test_presidents_own_stance_counts_double() -> None:
    x = b()
    # president 2 x 1 x 1 = 2 for wait beats dove's 1 for talk; ties go first, so wait must win.
    state = started(one(x, ("talk", x.stance("dove")), ("wait", x.stance("president"))))
    assert chosen(state) == "wait"


def test_decider_tie_goes_to_the_option_listed_first() -> None:
    x = b()
    state = started(one(x, ("wait", x.stance("dove")), ("talk", x.stance("aide"))))
    assert chosen(state) == "talk"


def test_human_adviser_recommendation_sways_the_computer_president() -> None:
    x = b()
    # Stances alone: strike 2 (hawk, influence 2) beats wait 1 (aide). The human dove's
    # recommendation adds 2 x influence 1 to wait: wait 3 beats strike 2.
    pilot = Autopilot(one(x, ("strike", x.stance("hawk")), ("wait", x.stance("aide"))))
    state, _ = pilot.start(1, {"dove": "Ann"})
    assert pilot.rules.to_act(state) == Turn("recommend", "dove", "d", True)
    state, records = pilot.act(state, Action("dove", "wait"))
    assert Recommended(1, "d", "dove", "wait", True, "") in records
    assert chosen(state) == "wait"


def test_a_recommendation_carries_the_advisers_argument() -> None:
    x = b()
    pilot = Autopilot(one(x))
    state, _ = pilot.start(1, {"dove": "Ann"})
    state, records = pilot.act(state, Action("dove", "wait", argument="Time is on our side."))
    assert Recommended(1, "d", "dove", "wait", True, "", "Time is on our side.") in records


def test_without_the_human_recommendation_the_president_goes_elsewhere() -> None:
    x = b()
    state = started(one(x, ("strike", x.stance("hawk")), ("wait", x.stance("aide"))))
    assert chosen(state) == "strike"


def test_human_roles_scenario_stances_are_ignored_by_the_decider() -> None:
    x = b()
    pilot = Autopilot(one(x, ("strike", x.stance("hawk", strength=3))))
    state, _ = pilot.start(1, {"hawk": "Ann"})
    state, _ = pilot.act(state, Action("hawk", "talk"))
    assert chosen(state) == "talk"


def test_hot_seat_prompts_human_advisers_in_role_order_then_the_decider() -> None:
    x = b()
    pilot = Autopilot(one(x))
    state, _ = pilot.start(1, {"president": "P", "aide": "A", "hawk": "H"})
    order = []
    while (turn := pilot.rules.to_act(state)).kind != "ended":
        assert turn.role is not None
        order.append((turn.kind, turn.role))
        state, _ = pilot.act(state, Action(turn.role, "talk"))
    assert order == [("recommend", "hawk"), ("recommend", "aide"), ("decide", "president")]


def test_second_human_adviser_cannot_act_before_the_first() -> None:
    x = b()
    pilot = Autopilot(one(x))
    state, _ = pilot.start(1, {"aide": "A", "hawk": "H"})
    with pytest.raises(IllegalAction, match="hawk's turn to recommend on d, not aide's"):
        pilot.act(state, Action("aide", "talk"))


def test_prompt_positions_show_computer_stances_and_human_recommendations() -> None:
    x = b()
    pilot = Autopilot(one(x, ("strike", x.stance("hawk", strength=2, reason="Hit them."))))
    state, _ = pilot.start(1, {"president": "P", "dove": "D"})
    state, _ = pilot.act(state, Action("dove", "talk"))
    item = observe(pilot.rules, state, "president").item
    assert item is not None
    seen = [(p.role, p.option, p.position, p.strength, p.human) for p in item.positions]
    assert seen == [
        ("hawk", "strike", Position.FAVOUR, 2, False),
        ("dove", "talk", Position.FAVOUR, 2, True),
    ]
    assert item.positions[0].reason == "Hit them."


def test_decider_scores_explain_the_computer_choice() -> None:
    x = b()
    pilot = Autopilot(one(x, ("strike", x.stance("hawk")), ("talk", x.stance("dove"))))
    state, _ = pilot.start(1, {"aide": "A"})
    weighed = Council(pilot.scenario).weighing(observe(pilot.rules, state, "president"))
    assert {option.option: option.score for option in weighed} == {
        "talk": 1,
        "strike": 2,
        "wait": 0,
    }


def test_a_stance_whose_condition_fails_does_not_count_beside_an_identical_one() -> None:
    x = b()
    # hawk favours strike twice alike, the second only when heat > 80 (heat is 50): strike
    # scores 2 (hawk, influence 2 x 1); dove's two stances on talk both hold: talk 2, and
    # a tie goes to the option listed first.
    game = one(
        x,
        ("strike", x.stance("hawk")),
        ("strike", x.stance("hawk", when="heat > 80")),
        ("talk", x.stance("dove")),
        ("talk", x.stance("dove", when="heat > 10")),
    )
    rules = Rules(game)
    state = rules.new_game(1, {"aide": "A"})
    weighed = Council(game).weighing(observe(rules, state, "president"))
    slots = CouncilScores(rules.program).decide(list(state.slots), 0, (0, 1, 2))
    assert rules.layout.option_ids[0][slots] == "talk"
    assert {option.option: option.score for option in weighed} == {
        "talk": 2,
        "strike": 2,
        "wait": 0,
    }
    assert chosen(Autopilot(game).start(1)[0]) == "talk"
