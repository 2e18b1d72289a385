"""class-report: a class's saves are replayed and summarised; bad files are listed, not fatal."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from excomm_sim.engine.moves import Action
from excomm_sim.paths import bundled_scenario
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.saves import branch, new_save, read_save, save_path, with_actions, write_save
from excomm_sim.scenario.load import load_path
from excomm_sim.tools.class_report import DecisionSummary, OptionShare, build_report, entropy
from excomm_sim.tools.class_report_render import render_csv, render_html, render_markdown

from .conftest import RunCli

NOW = dt.datetime(2024, 3, 4, 10, 0, tzinfo=dt.UTC)
GAMES = 6


def _play_and_save(folder: Path, seed: int, picks: int, finish: bool = True) -> Path:
    """A student's game of the school budget: the chair takes option ``picks`` mod n."""
    scenario = load_path(bundled_scenario("school_budget"))
    humans = {"chair": f"Student {seed}"}
    pilot = Autopilot(scenario)
    state, _ = pilot.start(seed, humans)
    actions: list[Action] = []
    while not state.ended and (finish or len(actions) < 2):
        legal = pilot.rules.legal_actions(state)
        action = legal[picks % len(legal)]
        assert isinstance(action, Action)
        actions.append(action)
        state, _ = pilot.act(state, action)
    save = with_actions(new_save(scenario, seed, humans, NOW), actions, NOW)
    path = save_path(folder, save)
    write_save(path, save)
    return path


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    for seed in range(GAMES):
        _play_and_save(folder, seed, picks=seed % 2)
    (folder / "truncated.json").write_text('{"format": 1, "scenario_id": "sch')
    return folder


def test_every_readable_save_is_counted(class_folder: Path) -> None:
    report = build_report([class_folder])
    (scenario,) = report.scenarios
    assert scenario.scenario_id == "school_budget"
    assert scenario.games == GAMES
    assert scenario.finished == GAMES


def test_a_bad_save_is_listed_with_its_reason_and_skipped(class_folder: Path) -> None:
    report = build_report([class_folder])
    (bad,) = report.bad
    assert bad.path.endswith("truncated.json")
    assert bad.problem


def test_choice_shares_add_up_per_decision(class_folder: Path) -> None:
    (scenario,) = build_report([class_folder]).scenarios
    first = scenario.decisions[0]
    assert first.reached == GAMES
    assert sum(option.count for option in first.options) == GAMES
    assert sum(option.share for option in first.options) == pytest.approx(1.0)
    assert first.history_option is not None and first.history_option.id == "freeze"


def test_the_class_split_shows_where_choices_differ(class_folder: Path) -> None:
    (scenario,) = build_report([class_folder]).scenarios
    first = scenario.decisions[0]
    assert first.entropy == pytest.approx(1.0)  # half took option 0, half option 1
    assert first in scenario.splits


def test_endings_and_roles_cover_the_finished_games(class_folder: Path) -> None:
    (scenario,) = build_report([class_folder]).scenarios
    assert sum(count for _, _, count, _ in scenario.endings) == GAMES
    assert {role.id for role in scenario.roles} == {"chair", "finance", "parents"}
    assert all(0.0 <= role.win_rate <= 1.0 for role in scenario.roles)


def test_unfinished_games_count_their_choices_but_no_ending(tmp_path: Path) -> None:
    _play_and_save(tmp_path, 1, picks=0, finish=False)
    (scenario,) = build_report([tmp_path]).scenarios
    assert scenario.finished == 0
    assert scenario.decisions[0].reached == 1


def test_a_save_with_no_move_is_ignored_and_counted_apart(class_folder: Path) -> None:
    """Issue 15 item 19: a game opened and left counted as an unfinished game of the class."""
    _play_and_save(class_folder, 99, picks=0, finish=False)
    empty = next(p for p in class_folder.glob("*.json") if "Student 99" in p.read_text())
    save = read_save(empty)
    write_save(empty, with_actions(save, (), NOW))
    report = build_report([class_folder])
    (scenario,) = report.scenarios
    assert (scenario.games, scenario.finished, report.unplayed) == (GAMES, GAMES, 1)
    assert "Ignored: 1 save with no move" in render_markdown(report)


def test_branches_are_counted_apart_and_kept_out_of_the_tables(class_folder: Path) -> None:
    """Issue 15 item 19: a branch replays its source's first moves, so they counted twice."""
    source = sorted(class_folder.glob("school_budget-*.json"))[0]
    forked = branch(read_save(source), source.name, 1, NOW)
    write_save(class_folder / "branch.json", forked)
    report = build_report([class_folder])
    (scenario,) = report.scenarios
    assert (scenario.games, scenario.finished) == (GAMES, GAMES)
    assert (scenario.branches, scenario.branches_finished) == (1, 0)
    assert scenario.decisions[0].reached == GAMES
    assert "6 games, 6 finished; 1 branch, 0 finished" in render_markdown(report)


def _decision(*counts: int) -> DecisionSummary:
    games = sum(counts)
    options = tuple(
        OptionShare(f"o{i}", f"Option {i}", i == 0, count, count / games)
        for i, count in enumerate(counts)
    )
    return DecisionSummary("d", "A decision", games, options, entropy(counts))


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((1, 1, 1), "3 games split 1–1–1, no majority"),
        ((0, 3, 2), "5 games split 3–2; most took “Option 1” (60%)"),
        ((2, 2, 0), "4 games split 2–2, no majority"),
        ((0, 4), "4 games, all chose “Option 1”"),
    ],
)
def test_a_split_is_told_as_counts_and_any_majority(counts: tuple[int, ...], expected: str) -> None:
    assert _decision(*counts).split_text == expected


def test_entropy_is_zero_when_everyone_agrees() -> None:
    assert entropy([5, 0, 0]) == 0.0
    assert entropy([1, 1, 1, 1]) == pytest.approx(2.0)


def test_markdown_marks_history_and_lists_skipped_files(class_folder: Path) -> None:
    text = render_markdown(build_report([class_folder]))
    assert "★ history" in text
    assert "Skipped save files" in text and "truncated.json" in text
    assert "Where the class split most" in text
    assert "no majority" in text or "most took" in text
    assert "entropy" not in text


def test_html_is_self_contained(class_folder: Path) -> None:
    text = render_html(build_report([class_folder]))
    assert text.startswith("<!DOCTYPE html>")
    assert "<style>" in text
    for external in ("<script", "src=", "href=", "http://", "https://", "@import"):
        assert external not in text


def test_html_escapes_text_from_the_files(tmp_path: Path) -> None:
    (tmp_path / "x<b>.json").write_text("not json")
    text = render_html(build_report([tmp_path]))
    assert "x&lt;b&gt;.json" in text


def test_csv_has_one_row_per_decision_and_option(class_folder: Path) -> None:
    report = build_report([class_folder])
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    scenario = load_path(bundled_scenario("school_budget"))
    assert len(rows) == sum(len(d.options) for d in scenario.decisions)
    first = [r for r in rows if r["decision"] == "first_move"]
    assert sum(int(r["count"]) for r in first) == GAMES
    assert {r["history"] for r in first} == {"yes", "no"}


def test_cli_writes_html_and_warns_about_skipped_files(
    run_cli: RunCli, class_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    code, _, err = run_cli("class-report", class_folder, "--format", "html", "-o", out)
    assert code == 0
    assert "skipped" in err and "truncated.json" in err
    assert "<h1>Class report</h1>" in out.read_text()


def test_cli_accepts_individual_save_files(run_cli: RunCli, class_folder: Path) -> None:
    saves = sorted(class_folder.glob("school_budget-*.json"))[:2]
    code, out, _ = run_cli("class-report", *saves, "--format", "csv")
    assert code == 0
    assert out.startswith("scenario,decision,")


def test_cli_exits_2_when_no_save_can_be_read(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{")
    code, _, err = run_cli("class-report", tmp_path)
    assert code == 2
    assert "bad.json" in err


def test_roles_count_students_and_how_often_their_advice_was_taken(tmp_path: Path) -> None:
    """Three finance officers advise the computer chair; the report tallies their sway."""
    scenario = load_path(bundled_scenario("school_budget"))
    advised = taken = 0
    for seed in range(3):
        humans = {"finance": f"Student {seed}"}
        pilot = Autopilot(scenario)
        state, _ = pilot.start(seed, humans)
        actions: list[Action] = []
        while not state.ended:
            turn = pilot.rules.to_act(state)
            offered = [option.id for option in pilot.rules.offered(state)]
            assert turn.role is not None
            action = Action(turn.role, offered[seed % len(offered)])
            before = len(state.choices)
            state, _ = pilot.act(state, action)
            actions.append(action)
            if turn.kind == "recommend":
                advised += 1
                taken += state.choices[before].option == action.option
        save = with_actions(new_save(scenario, seed, humans, NOW), actions, NOW)
        write_save(save_path(tmp_path, save), save)
    (report,) = build_report([tmp_path]).scenarios
    roles = {role.id: role for role in report.roles}
    assert (roles["finance"].students, roles["chair"].students) == (3, 0)
    assert advised > 0
    assert (roles["finance"].advised, roles["finance"].advice_taken) == (advised, taken)
    assert roles["chair"].advice_text == "—"
    share = f"{taken} of {advised} ({taken / advised:.0%})"
    assert roles["finance"].advice_text == share
    assert share in render_markdown(build_report([tmp_path]))
