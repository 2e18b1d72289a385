"""The kernel's moves beyond a seat's act: seats changing hands, and illegal moves.

A person may take a computer's seat or leave theirs at any moment (``TakeSeat``,
``LeaveSeat``): the kernel logs it and asks whoever must act now. A move the state does
not allow raises ``IllegalAction`` saying why, and changes nothing.
"""

from __future__ import annotations

import pytest

from engine.games import NAMES, load, play_randomly, random_picker
from engine.scenarios import Builder, int_var, scenario
from excomm_sim.engine.events import (
    DecisionWeighed,
    GameEnded,
    OptionChosen,
    SeatLeft,
    SeatTaken,
    VariableChanged,
)
from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.moves import Action, Draw, IllegalAction, LeaveSeat, Move, TakeSeat, Turn
from excomm_sim.engine.observe import observe
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.council import Council
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


# -- seats changing hands -----------------------------------------------------------------


def test_a_seat_taken_mid_item_is_asked_to_recommend() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    state, records = pilot.act(state, TakeSeat("hawk", "Bo"))
    assert records == (SeatTaken(1, "hawk", "Bo"),)
    assert state.log[-1] == SeatTaken(1, "hawk", "Bo")
    assert dict(state.humans) == {"president": "Ann", "hawk": "Bo"}
    assert pilot.rules.to_act(state) == Turn("recommend", "hawk", "first", True)


def test_the_deciders_seat_taken_from_the_computer_is_asked_to_decide() -> None:
    rules = Rules(two_decisions())
    state = rules.new_game(1)
    assert rules.to_act(state) == Turn("decide", "president", "first", False)
    state, _ = rules.apply(state, TakeSeat("president", "Ann"))
    assert rules.to_act(state) == Turn("decide", "president", "first", True)
    state, records = rules.apply(state, Action("president", "push"))
    assert OptionChosen(1, "first", "president", "push", True) in records


def test_a_seat_left_is_played_by_the_computer() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    state, records = pilot.act(state, LeaveSeat("president"))
    assert records[0] == SeatLeft(1, "president")
    assert dict(state.humans) == {}
    assert state.ended and isinstance(records[-1], GameEnded)
    chosen = [r for r in records if isinstance(r, OptionChosen)]
    assert [(r.decision, r.human) for r in chosen] == [("first", False), ("second", False)]
    assert sum(isinstance(r, DecisionWeighed) for r in records) == 2


def test_an_adviser_who_leaves_before_recommending_is_not_waited_for() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann", "hawk": "Bo"})
    assert pilot.rules.to_act(state).kind == "recommend"
    state, _ = pilot.act(state, LeaveSeat("hawk"))
    assert pilot.rules.to_act(state) == Turn("decide", "president", "first", True)


def test_seat_moves_replay_like_any_other_move() -> None:
    pilot = Autopilot(two_decisions())
    moves: list[Move] = [TakeSeat("dove", "Cy"), Action("dove", "push"), LeaveSeat("president")]
    state, _ = pilot.start(4, {"president": "Ann"})
    for move in moves:
        state, _ = pilot.act(state, move)
    assert Autopilot(two_decisions()).replay(4, {"president": "Ann"}, moves) == state


def test_taking_a_seat_already_taken_is_refused() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    with pytest.raises(IllegalAction, match="president's seat is already taken by Ann"):
        pilot.act(state, TakeSeat("president", "Bo"))


def test_leaving_a_seat_nobody_holds_is_refused() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    with pytest.raises(IllegalAction, match="Nobody holds hawk's seat: the computer plays it"):
        pilot.act(state, LeaveSeat("hawk"))


def test_a_seat_of_an_unknown_role_is_refused_naming_the_roles() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    with pytest.raises(IllegalAction, match="unknown role 'nobody'; roles are: president, hawk"):
        pilot.act(state, TakeSeat("nobody", "Bo"))


def test_a_seat_is_taken_by_someone_with_a_name() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    with pytest.raises(IllegalAction, match="someone with a name"):
        pilot.act(state, TakeSeat("hawk", "  "))


# -- illegal moves ------------------------------------------------------------------------


def test_an_option_not_on_offer_is_refused_naming_the_choices() -> None:
    source = load("school_budget")
    pilot = Autopilot(source)
    state, _ = pilot.start(1, {source.president.id: "sim"})
    with pytest.raises(IllegalAction, match="has no option 'nonsense' on offer; options: "):
        pilot.act(state, Action(source.president.id, "nonsense"))


def test_a_persons_decision_carries_no_computer_weighing() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    weighed = Council(pilot.scenario).act(observe(pilot.rules, state, "president")).weighed
    with pytest.raises(IllegalAction, match="no computer weighing"):
        pilot.act(state, Action("president", "calm", weighed=weighed))


def test_something_that_is_not_a_move_is_refused() -> None:
    rules = Rules(two_decisions())
    with pytest.raises(IllegalAction, match="not a move"):
        rules.apply(rules.new_game(1), "calm")  # type: ignore[arg-type]


def snapshot(state: GameState) -> GameState:
    """An equal state built from copies of every part (nothing shared with ``state``)."""
    return GameState(state.seed, tuple(state.slots), state.layout, dict(state.humans), state.log)


def illegal_moves(rules: Rules, state: GameState) -> list[Move]:
    """Moves this state does not allow: every other seat's act and every option off the
    table, an unknown chance outcome, taking a held seat and leaving a free one."""
    legal = set(rules.legal_actions(state))
    k: int = state.slots[rules.layout.CURRENT]
    options = rules.layout.option_ids[max(k, 0)] + ("nonsense",)
    moves: list[Move] = [
        Action(role, option)
        for role in rules.layout.role_ids
        for option in options
        if Action(role, option) not in legal
    ]
    moves.append(Draw("nonsense"))
    moves += [TakeSeat(role, "Zed") for role in state.humans]
    moves += [LeaveSeat(role) for role in rules.layout.role_ids if role not in state.humans]
    return moves


@pytest.mark.parametrize("name", NAMES)
def test_illegal_moves_change_nothing(name: str) -> None:
    source = load(name)
    rules = Rules(source)
    humans = {role.id: role.id for role in source.roles[::2]}
    refused = 0

    def refuse_all(state: GameState) -> None:
        nonlocal refused
        before = snapshot(state)
        for move in illegal_moves(rules, state):
            with pytest.raises(IllegalAction):
                rules.apply(state, move)
            refused += 1
        assert state == before
        assert rules.legal_actions(state) == rules.legal_actions(before)

    final = play_randomly(rules, 3, humans, random_picker(3), refuse_all)
    assert refused > 0
    assert final == play_randomly(rules, 3, humans, random_picker(3))


def test_what_expressions_see_cannot_be_changed_by_a_caller() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    with pytest.raises(TypeError):
        pilot.rules.env(state)["turn"] = 99  # type: ignore[index]
    with pytest.raises(TypeError):
        state.values["tension"] = 0  # type: ignore[index]


def test_a_seat_editing_its_observation_changes_nothing_in_the_game() -> None:
    pilot = Autopilot(two_decisions())
    state, _ = pilot.start(1, {"president": "Ann"})
    seen = observe(pilot.rules, state, "president")
    seen.values["tension"] = 0  # type: ignore[index]
    _, records = pilot.act(state, Action("president", "push"))
    assert state.values["tension"] == 50
    assert observe(pilot.rules, state, "president").values["tension"] == 50
    [change] = [r for r in records if isinstance(r, VariableChanged)]
    assert (change.old, change.new) == (50, 60)
