"""The stand-in: the computer's move for a person whose time ran out."""

from __future__ import annotations

from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import observe
from excomm_sim.paths import bundled_scenario
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.council import Council
from excomm_sim.policies.standin import StandIn
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Position


def test_a_decider_stand_in_takes_the_councils_option_without_a_weighing() -> None:
    scenario = load_path(bundled_scenario())
    autopilot = Autopilot(scenario)
    state, _ = autopilot.start(5, {"president": "Ann"})
    seen = observe(autopilot.rules, state, "president")
    move = StandIn(scenario).act(seen)
    assert move == Action("president", Council(scenario).act(seen).option)
    assert move.weighed is None
    autopilot.act(state, move)  # the kernel takes it as the person's own


def test_an_adviser_stand_in_recommends_what_its_roles_stances_favour_most() -> None:
    scenario = load_path(bundled_scenario())
    autopilot = Autopilot(scenario)
    state, _ = autopilot.start(5, {"mccone": "Bo"})
    seen = observe(autopilot.rules, state, "mccone")
    assert seen.to_act.kind == "recommend" and seen.item is not None
    move = StandIn(scenario).act(seen)
    score = {option.id: 0 for option in seen.item.offered}
    for stance in seen.item.own_stances:
        score[stance.option] += stance.strength * (1 if stance.position is Position.FAVOUR else -1)
    assert score[move.option] == max(score.values())
    first_best = next(o.id for o in seen.item.offered if score[o.id] == max(score.values()))
    assert move.option == first_best
