"""A save as decision steps, and branching a new game from any decision of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from excomm_sim.engine.moves import Action
from excomm_sim.saves import BranchPoint, branch, read_save, resume, write_save
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.timeline import build_timeline
from saves.conftest import NOW, PlayFn, last_offered


def test_steps_are_the_decisions_posed_in_order_with_their_choices(
    standoff: Scenario, played: PlayFn
) -> None:
    timeline = build_timeline(played(), standoff)
    assert [step.decision.id for step in timeline.steps] == ["opening", "inspection", "departure"]
    assert [step.choice.option for step in timeline.steps if step.choice] == [
        "talk",
        "demand",
        "order_out",
    ]
    assert [step.number for step in timeline.steps] == [1, 2, 3]


def test_step_values_before_and_after_follow_the_timeline(
    standoff: Scenario, played: PlayFn
) -> None:
    timeline = build_timeline(played(), standoff)
    first = timeline.steps[0]
    assert (first.before["tension"], first.after and first.after["tension"]) == (40, 35)
    assert timeline.steps[1].before == first.after


def test_step_dates_advance_a_day_per_decision(standoff: Scenario, played: PlayFn) -> None:
    timeline = build_timeline(played(), standoff)
    assert [step.date.day for step in timeline.steps] == [3, 4, 5]


def test_positions_show_computer_recommendations_and_stances(
    standoff: Scenario, played: PlayFn
) -> None:
    opening = build_timeline(played(), standoff).steps[0]
    stands = {(stand.role, stand.option): stand for stand in opening.positions}
    assert stands[("admiral", "blockade")].recommended
    assert stands[("admiral", "blockade")].strength == 3
    assert not stands[("admiral", "talk")].favour
    assert stands[("envoy", "talk")].recommended


def test_human_recommendation_is_a_position(standoff: Scenario, played: PlayFn) -> None:
    save = played({"governor": "Ann", "envoy": "Bo"}, last_offered)
    opening = build_timeline(save, standoff).steps[0]
    envoy = [stand for stand in opening.positions if stand.role == "envoy"]
    assert [(stand.option, stand.human, stand.recommended) for stand in envoy] == [
        ("blockade", True, True)
    ]


def test_unfinished_save_ends_on_the_pending_decision(standoff: Scenario, played: PlayFn) -> None:
    timeline = build_timeline(played(limit=1), standoff)
    pending = timeline.steps[-1]
    assert (pending.decision.id, pending.choice, pending.after) == ("inspection", None, None)
    assert timeline.ending is None


def test_branch_from_a_decision_replays_up_to_it_and_plays_on_differently(
    tmp_path: Path, standoff: Scenario, played: PlayFn
) -> None:
    source = played()
    write_save(tmp_path / "source.json", source)
    inspection = build_timeline(source, standoff).steps[1]
    assert inspection.actions_before == 1

    branched = branch(source, "source.json", inspection.actions_before, NOW)
    write_save(tmp_path / "branch.json", branched)
    reloaded = read_save(tmp_path / "branch.json")
    resumed = resume(reloaded, standoff)

    assert reloaded.branched_from == BranchPoint("source.json", 1)
    assert resumed.state.current == "inspection"
    assert [choice.option for choice in resumed.state.choices] == ["talk"]
    state, _ = resumed.autopilot.act(resumed.state, Action("governor", "trust_them"))
    assert [choice.option for choice in state.choices] == ["talk", "trust_them"]


def test_branch_point_counts_every_action_in_a_game_with_a_human_adviser(
    standoff: Scenario, played: PlayFn
) -> None:
    source = played({"governor": "Ann", "envoy": "Bo"}, last_offered)
    steps = build_timeline(source, standoff).steps
    assert [step.actions_before for step in steps] == [0, 2, 4]
    resumed = resume(branch(source, "x.json", steps[1].actions_before or 0, NOW), standoff)
    turn = resumed.autopilot.rules.to_act(resumed.state)
    assert (turn.kind, turn.role, turn.decision) == ("recommend", "envoy", "inspection")


def test_decisions_no_human_acted_on_cannot_be_branched_from(
    standoff: Scenario, played: PlayFn
) -> None:
    timeline = build_timeline(played(humans={}), standoff)
    assert timeline.steps
    assert all(step.actions_before is None for step in timeline.steps)


def test_timeline_of_an_outgrown_save_stops_at_the_misfit(
    played: PlayFn, edited_standoff: Callable[[str, str], Scenario]
) -> None:
    edited = edited_standoff("      - id: demand\n", "      - id: insist\n")
    timeline = build_timeline(played(), edited)
    assert timeline.applied == 1
    assert timeline.problem is not None
    assert timeline.steps[-1].choice is None
