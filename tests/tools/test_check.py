"""check: every planted defect is found at its line, and the bundled scenarios pass."""

from __future__ import annotations

import json

import pytest

from excomm_sim.paths import bundled_scenarios_dir
from excomm_sim.scenario.load import load_path, load_text
from excomm_sim.tools.check import check, format_text
from excomm_sim.tools.explore import choices_read

from .conftest import RunCli, fixture_path, line_of, load_fixture

PLANTED = [
    # fixture, finding kind, severity, line anchor, text the message must contain
    ("unreachable_decision", "unreached-decision", "error", "- id: escalate", "escalate"),
    ("unreachable_option", "unreached-option", "error", "- id: strike", "strike"),
    ("unreachable_ending", "unreached-ending", "error", "- id: war", "war"),
    ("unreachable_event", "unreached-event", "error", "- id: riot", "riot"),
    ("unreachable_outcome", "unreached-outcome", "error", "- id: miracle", "miracle"),
    ("dead_end", "dead-end", "error", "- id: respond", "respond"),
    ("runtime_enum_error", "eval-error", "error", "- id: report", "furious"),
    ("division_by_zero", "eval-error", "error", "- id: split", "division by zero"),
    ("unlanded_consequence", "unlanded-consequence", "warning", "- after: 1", "ends first"),
    ("pinned_variable", "pinned-variable", "warning", "- id: alarm", "alarm"),
    ("objective_never_winnable", "objective-never-won", "warning", "- id: crisis", "crisis"),
    ("objective_never_losable", "objective-never-lost", "warning", "- id: nonneg", "nonnegative"),
]


@pytest.mark.parametrize(("name", "kind", "severity", "anchor", "text"), PLANTED)
def test_check_finds_the_planted_defect_at_its_line(
    name: str, kind: str, severity: str, anchor: str, text: str
) -> None:
    report = check(load_fixture(name))
    assert [(f.kind, f.severity) for f in report.findings] == [(kind, severity)]
    finding = report.findings[0]
    assert text in finding.message
    assert finding.location.line == line_of(name, anchor)
    assert finding.location.file.endswith(f"{name}.yaml")


def test_clean_fixture_has_no_findings() -> None:
    report = check(load_fixture("clean"))
    assert report.complete
    assert report.findings == ()
    assert all(c.reached == c.total for c in report.coverage.values())


def test_runtime_error_comes_with_the_path_that_led_there() -> None:
    (finding,) = check(load_fixture("division_by_zero")).findings
    assert [str(step) for step in finding.path] == ["open=spend", "split=divide"]


def test_dead_end_comes_with_the_path_that_led_there() -> None:
    (finding,) = check(load_fixture("dead_end")).findings
    assert [str(step) for step in finding.path] == ["open=push"]


def test_every_chance_outcome_is_explored() -> None:
    report = check(load_fixture("clean"))
    assert report.coverage["outcomes"].reached == 2


def test_partial_exploration_keeps_the_severity_and_marks_the_finding_partial() -> None:
    report = check(load_fixture("unreachable_decision"), max_states=1, samples=0)
    assert not report.complete
    unreached = [f for f in report.findings if f.kind == "unreached-decision"]
    assert [(f.severity, f.partial) for f in unreached] == [("error", True)]
    assert "was not posed in the explored part" in unreached[0].message
    line = line_of("unreachable_decision", "- id: escalate")
    assert f"unreachable_decision.yaml:{line}:5: error (partial): decision escalate" in (
        format_text(report)
    )


def test_a_complete_search_marks_nothing_partial() -> None:
    report = check(load_fixture("unreachable_decision"))
    assert report.complete
    assert report.findings and not report.partial
    assert "(partial)" not in format_text(report)


@pytest.mark.parametrize(
    ("name", "kind"), [("division_by_zero", "eval-error"), ("dead_end", "dead-end")]
)
def test_a_fault_found_with_its_path_is_not_partial_even_in_a_partial_search(
    name: str, kind: str
) -> None:
    report = check(load_fixture(name), max_states=1, samples=50)
    assert not report.complete
    (finding,) = [f for f in report.findings if f.kind == kind]
    assert finding.path and not finding.partial


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("unlanded_consequence", "unlanded-consequence"),
        ("pinned_variable", "pinned-variable"),
        ("objective_never_winnable", "objective-never-won"),
    ],
)
def test_warnings_about_what_never_happens_are_partial_past_the_bound(name: str, kind: str) -> None:
    (finding,) = [f for f in check(load_fixture(name), max_states=2).findings if f.kind == kind]
    assert (finding.severity, finding.partial) == ("warning", True)


def test_partial_check_says_how_many_states_it_saw_of_about_how_many() -> None:
    report = check(load_path(bundled_scenarios_dir() / "school_budget.yaml"), max_states=100)
    text = format_text(report)
    assert f"explored 100 of about {report.estimate:,} states (partial: the search stopped" in text
    assert "--max-states 100, then 1,000 sampled games" in text
    assert report.estimate > 100


def test_sampled_games_cover_what_the_bounded_search_could_not_reach() -> None:
    report = check(load_fixture("clean"), max_states=1, samples=200)
    assert not report.complete
    assert report.coverage["endings"].reached == 3


def test_choices_read_through_chose_are_found_for_the_state_key() -> None:
    scenario = load_path(bundled_scenarios_dir() / "school_budget.yaml")
    assert choices_read(scenario) == {"first_move", "grant_bid", "strike_response"}


def test_no_choices_are_kept_when_no_expression_reads_them() -> None:
    assert choices_read(load_fixture("clean")) == frozenset()


def test_check_is_repeatable() -> None:
    first = check(load_fixture("pinned_variable")).to_json()
    assert check(load_fixture("pinned_variable")).to_json() == first


BUNDLED = sorted(bundled_scenarios_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_scenario_passes_check(path) -> None:  # type: ignore[no-untyped-def]
    report = check(load_path(path))
    assert report.errors == (), format_text(report)
    assert all(c.reached == c.total for c in report.coverage.values()), format_text(report)


def test_cli_exits_1_on_errors_with_file_line_column(run_cli: RunCli) -> None:
    code, out, _ = run_cli("check", fixture_path("unreachable_event"))
    assert code == 1
    line = line_of("unreachable_event", "- id: riot")
    assert f"unreachable_event.yaml:{line}:5: error: event riot is never fired" in out


def test_cli_exits_1_on_partial_errors_too(run_cli: RunCli) -> None:
    """A branch no explored state and no sampled game reached still fails the check."""
    code, out, _ = run_cli(
        "check", fixture_path("unreachable_event"), "--max-states", "1", "--samples", "0"
    )
    assert code == 1
    assert "error (partial): event riot was not fired in the explored part" in out
    assert "2 errors (2 partial), 0 warnings" in out


def test_cli_prints_the_counts_and_the_time_on_one_line_of_stdout(run_cli: RunCli) -> None:
    code, out, err = run_cli("check", fixture_path("unreachable_event"))
    assert (code, err) == (1, "")
    last = out.splitlines()[-1]
    assert last.startswith("1 error, 0 warnings; checked in ") and last.endswith(" s")
    assert out.endswith(" s\n")


def test_cli_json_says_how_far_the_search_went(run_cli: RunCli) -> None:
    _, out, _ = run_cli("check", fixture_path("unreachable_event"), "--json", "--max-states", "2")
    data = json.loads(out)
    assert data["complete"] is False
    assert (data["states"], data["max_states"]) == (2, 2)
    assert data["estimated_states"] >= 3
    assert data["partial"] == len([f for f in data["findings"] if f["partial"]]) >= 1
    assert {f["partial"] for f in data["findings"] if f["kind"] == "unreached-event"} == {True}
    _, out, _ = run_cli("check", fixture_path("unreachable_event"), "--json")
    complete = json.loads(out)
    assert complete["estimated_states"] is None
    assert complete["partial"] == 0


def test_cli_exits_0_when_there_are_only_warnings(run_cli: RunCli) -> None:
    code, out, _ = run_cli("check", fixture_path("pinned_variable"))
    assert code == 0
    assert "warning: variable alarm ends at its maximum" in out


def test_cli_json_lists_findings_with_locations(run_cli: RunCli) -> None:
    code, out, _ = run_cli("check", fixture_path("division_by_zero"), "--json")
    data = json.loads(out)
    assert code == 1
    assert data["complete"] is True
    (finding,) = data["findings"]
    assert finding["kind"] == "eval-error"
    assert finding["line"] == line_of("division_by_zero", "- id: split")
    assert finding["path"] == ["open=spend", "split=divide"]


def test_cli_reports_an_unloadable_scenario_with_exit_2(run_cli: RunCli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: [\n")
    code, _, err = run_cli("check", broken)
    assert code == 2
    assert "broken.yaml:" in err


def test_cli_reports_a_missing_file_with_exit_2(run_cli: RunCli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli("check", tmp_path / "nope.yaml")
    assert code == 2
    assert "nope.yaml" in err


@pytest.mark.parametrize(
    ("name", "kind"), [("division_by_zero", "eval-error"), ("dead_end", "dead-end")]
)
def test_sampled_games_find_run_time_faults_too(name: str, kind: str) -> None:
    report = check(load_fixture(name), max_states=1, samples=50)
    assert not report.complete
    assert [f.kind for f in report.errors] == [kind]
    assert report.errors[0].path


def test_decisions_taken_by_other_roles_are_explored_and_sampled_too() -> None:
    text = (
        fixture_path("clean")
        .read_text()
        .replace("    when: tension > 5\n", "    when: tension > 5\n    decider: hawk\n", 1)
    )
    scenario = load_text(text, "two_deciders.yaml")
    assert scenario.decision("gamble").decider == "hawk"
    assert check(scenario).findings == ()
    sampled = check(scenario, max_states=1, samples=100)
    assert all(c.reached == c.total for c in sampled.coverage.values())


def test_cli_exits_0_on_the_second_bundled_scenario(run_cli: RunCli) -> None:
    code, out, _ = run_cli("check", "school_budget")
    assert code == 0
    assert "explored all 361 states (complete)" in out and "0 errors, 0 warnings" in out
