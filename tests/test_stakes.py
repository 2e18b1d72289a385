"""What is at stake on the meters and in a seat's objectives, as every shell words it."""

from __future__ import annotations

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.stakes import BreakingPoint, breaking_points, objective_status, stake_lines, stakes
from excomm_sim.tui.gauges import marked_meter

MEETING = load_path(bundled_scenario("meeting19"))


def test_an_early_ending_on_one_meter_is_its_breaking_point() -> None:
    assert breaking_points(MEETING, "escalation_risk") == (
        BreakingPoint(85, True, "The crisis returns"),
    )
    assert breaking_points(MEETING, "verification") == ()


def test_a_meter_is_explained_with_its_scale_direction_line_and_meaning() -> None:
    (risk,) = [s for s in stakes(MEETING, ["escalation_risk"])]
    assert stake_lines(risk) == [
        "Re-escalation risk (0-100): lower is better; "
        "at 85 or more the game ends: The crisis returns",
        "The chance the crisis flares up again; at 85 it does.",
    ]


def test_only_meters_the_seat_may_see_are_explained() -> None:
    assert stakes(MEETING, ["undisclosed_warheads", "il28_status"]) == ()


def test_the_breaking_point_is_drawn_on_the_meter() -> None:
    assert marked_meter(35, 0, 100, 8, [85]) == "███░░░┃░"


def test_an_objective_close_to_its_line_is_at_risk() -> None:
    values = {"escalation_risk": 55}
    assert objective_status(MEETING, "escalation_risk < 60", True, values) == "at risk"
    assert objective_status(MEETING, "escalation_risk < 60", True, {"escalation_risk": 30}) == (
        "holds now"
    )
    assert objective_status(MEETING, "escalation_risk < 60", False, values) == "not met now"


def test_at_the_end_an_objective_is_met_or_lost() -> None:
    values = {"escalation_risk": 70}
    assert objective_status(MEETING, "escalation_risk < 60", False, values, ended=True) == "lost"
    assert objective_status(MEETING, "escalation_risk < 60", True, values, ended=True) == "met"


def test_a_hidden_meter_never_tells_a_risk() -> None:
    """The seat's values leave hidden variables out: no distance can be read from them."""
    assert objective_status(MEETING, "undisclosed_warheads < 5", True, {}) == "holds now"
