"""simulate's balance findings: each planted imbalance is found, with its evidence and line."""

from __future__ import annotations

import json

import pytest

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.tools.balance import MIN_SAMPLES, Balance, Finding, assess, wilson

from .conftest import RunCli, fixture_path, line_of, load_fixture


def _found(balance: Balance, kind: str) -> list[Finding]:
    return [finding for finding in balance.findings if finding.kind == kind]


def _line(finding: Finding) -> int:
    return finding.location.line


def test_a_fair_scenario_has_nothing_out_of_balance() -> None:
    assert assess(load_fixture("balance_fair")).findings == ()


def test_a_seat_that_wins_nearly_every_random_game_is_too_easy() -> None:
    (finding,) = _found(assess(load_fixture("balance_lopsided")), "seat-too-easy")
    assert _line(finding) == line_of("balance_lopsided", "- id: chair")
    assert finding.evidence["seat"] == "chair"
    assert finding.evidence["games"] == 1000
    low, _ = finding.evidence["interval"]
    assert low > 0.8
    assert "seat chair wins 9" in finding.message and "more than 80%" in finding.message


def test_a_seat_that_loses_nearly_every_random_game_is_too_hard() -> None:
    (finding,) = _found(assess(load_fixture("balance_lopsided")), "seat-too-hard")
    assert _line(finding) == line_of("balance_lopsided", "- id: rival")
    _, high = finding.evidence["interval"]
    assert high < 0.1
    assert "fewer than 10%" in finding.message


def test_an_option_that_costs_every_seat_is_dominated_by_the_one_beside_it() -> None:
    findings = _found(assess(load_fixture("balance_dominated")), "dominated-option")
    blunder = next(f for f in findings if f.evidence["option"] == "blunder")
    assert _line(blunder) == line_of("balance_dominated", "- id: blunder")
    assert blunder.evidence["by"] == ["mend"]
    assert min(blunder.evidence["games"]) >= MIN_SAMPLES
    for role, (taken, alternative) in blunder.evidence["mean_points"].items():
        assert taken < alternative, role
    assert "option blunder of decision plan is dominated by mend" in blunder.message


def test_an_option_some_seat_gains_by_is_not_dominated() -> None:
    """In the recipe scenario, slipping costs the chair but is what the rival wants."""
    assert _found(assess(load_fixture("balance_recipe")), "dominated-option") == []


def test_a_strategy_that_always_wins_is_a_recipe() -> None:
    findings = _found(assess(load_fixture("balance_recipe")), "dominant-strategy")
    chair = next(f for f in findings if f.evidence["seat"] == "chair")
    assert _line(chair) == line_of("balance_recipe", "- id: chair")
    assert chair.evidence["strategies"]["history"]["wins"] == 1000
    assert chair.evidence["random"]["wins"] < 300  # random play wins about 1 game in 8
    assert "seat chair wins 1,000 of 1,000 games playing history" in chair.message


def test_few_games_report_nothing_that_only_noise_could_show() -> None:
    assert assess(load_fixture("balance_lopsided"), runs=15).findings == ()
    assert _found(assess(load_fixture("balance_dominated"), runs=40), "dominated-option") == []


def test_the_same_seed_gives_the_same_findings() -> None:
    scenario = load_fixture("balance_dominated")
    assert assess(scenario, 300, seed=5).to_json() == assess(scenario, 300, seed=5).to_json()


@pytest.mark.parametrize(
    ("wins", "games", "low", "high"),
    [(0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0), (50, 100, 0.4038, 0.5962)],
)
def test_the_wilson_interval_matches_its_textbook_values(
    wins: int, games: int, low: float, high: float
) -> None:
    assert wilson(wins, games) == pytest.approx((low, high), abs=1e-4)


def test_simulate_prints_the_balance_after_the_report(run_cli: RunCli) -> None:
    code, out, _ = run_cli("simulate", fixture_path("balance_lopsided"), "--runs", "50")
    assert code == 0
    report, balance = out.split("\nBalance (", 1)
    assert "Roles (win rate" in report
    assert balance.startswith("2 seats with objectives, each played 6 ways, 1,000 games each")
    line = line_of("balance_lopsided", "- id: rival")
    assert f"balance_lopsided.yaml:{line}:5: warning: seat rival wins" in balance


def test_simulate_json_carries_the_findings_with_their_evidence(run_cli: RunCli) -> None:
    _, out, _ = run_cli(
        "simulate", fixture_path("balance_dominated"), "--json", "--balance-runs", "400"
    )
    balance = json.loads(out)["balance"]
    assert balance["runs"] == 400
    assert balance["win_rates"]["chair"]["random"]["games"] == 400
    kinds = {finding["kind"] for finding in balance["findings"]}
    assert "dominated-option" in kinds
    finding = next(f for f in balance["findings"] if f["kind"] == "dominated-option")
    assert finding["line"] == line_of("balance_dominated", "- id: blunder")
    assert finding["evidence"]["by"] == ["mend"]


def test_balance_runs_zero_leaves_the_findings_out(run_cli: RunCli) -> None:
    _, out, _ = run_cli("simulate", fixture_path("balance_fair"), "--balance-runs", "0")
    assert "Balance" not in out
    _, out, _ = run_cli("simulate", fixture_path("balance_fair"), "--json", "--balance-runs", "0")
    assert "balance" not in json.loads(out)


def test_negative_balance_runs_are_refused(run_cli: RunCli) -> None:
    code, _, err = run_cli("simulate", fixture_path("balance_fair"), "--balance-runs", "-1")
    assert code == 2
    assert "--balance-runs must be at least 0" in err


def _summary(balance: Balance) -> set[tuple[str, str]]:
    return {
        (f.kind, f.evidence.get("seat") or f"{f.evidence['decision']}={f.evidence['option']}")
        for f in balance.findings
    }


def test_school_budget_gives_the_findings_we_checked() -> None:
    """Checked by hand: finance and the parents are hard to lose from their own chairs
    (the computer chair never cuts the programmes and always bids for the grant); the
    chair wins every game by history's course, finance every one by hawk or dove."""
    balance = assess(load_path(bundled_scenario("school_budget")))
    assert _summary(balance) == {
        ("seat-too-easy", "finance"),
        ("seat-too-easy", "parents"),
        ("dominant-strategy", "chair"),
        ("dominant-strategy", "finance"),
    }


def test_meeting19_gives_the_findings_we_checked() -> None:
    """Checked by replaying them move by move through the kernel: every seat but Thompson
    has a way of playing that wins it 97-100% of games (history's course for six of them);
    since the record's items joined the game (issue 16) Thompson's best, playing as
    Stevenson would, wins about 93% (simulate --role thompson --strategy stevenson-stances),
    under the line. No seat is too easy or too hard at random, and no option is dominated."""
    balance = assess(load_path(bundled_scenario("meeting19")))
    seats = [role.id for role in load_path(bundled_scenario("meeting19")).roles]
    expected = {("dominant-strategy", seat) for seat in seats if seat != "thompson"}
    assert _summary(balance) == expected
