"""Scoring: each role's objectives judged on the final state."""

from __future__ import annotations

from engine.scenarios import Builder, int_var, role, scenario
from excomm_sim.engine.kernel import RoleScore
from excomm_sim.policies.autopilot import Autopilot


def scores() -> dict[str, RoleScore]:
    b = Builder([int_var("heat", 0)], {"d": ["up"]})
    roles = [
        role(
            "president",
            True,
            objectives=[b.objective("warm", "heat >= 10", 3), b.objective("cool", "heat < 5", 1)],
        ),
        role("hawk", objectives=[b.objective("hot", "heat >= 50", 2)]),
        role("dove"),
    ]
    pilot = Autopilot(scenario(b, [b.decision("d", [b.option("up", "heat += 10")])], roles))
    state, _ = pilot.start(1)
    return pilot.rules.scores(state)


def test_points_count_the_objectives_met() -> None:
    president = scores()["president"]
    assert (president.points, president.possible) == (3, 4)
    assert [(o.id, met) for o, met in president.met] == [("warm", True), ("cool", False)]


def test_role_wins_with_more_than_half_its_points() -> None:
    assert scores()["president"].won


def test_role_with_no_objective_met_loses() -> None:
    hawk = scores()["hawk"]
    assert (hawk.points, hawk.won) == (0, False)


def test_role_without_objectives_scores_zero_of_zero_and_does_not_win() -> None:
    dove = scores()["dove"]
    assert (dove.points, dove.possible, dove.won) == (0, 0, False)
