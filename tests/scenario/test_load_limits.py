"""The loader's limits: every integer, id, version, calendar and game length is bounded.

Each case is a file that used to pass ``validate`` and then crash play, the debrief or
``simulate`` (or write a save the reader refuses); now the loader refuses it with a
located error, and the message never prints the whole offending value.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from excomm_sim.scenario.limits import (
    MAX_ACTIONS,
    MAX_ID_LENGTH,
    MAX_INTEGER,
    MAX_ROLES,
    MAX_VERSION_LENGTH,
)
from excomm_sim.scenario.load import check_text

Edit = Callable[[str, str], str]
Findings = Callable[[str], list[str]]


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("initial: 50", "initial: 0x" + "f" * 5000, "variables[0].initial"),
        ("points: 2", "points: 0b" + "1" * 20000, "roles[0].objectives[0].points"),
        ("initial: 50", f"initial: {MAX_INTEGER + 1}", "variables[0].initial"),
        ("min: 0", f"min: -{MAX_INTEGER + 1}", "variables[0].min"),
        ("influence: 2", "influence: 0" + "7" * 400, "roles[0].influence"),
        ("days: 2", f"days: {10**12}", "decisions[1].days"),
    ],
)
def test_every_integer_field_is_bounded_like_expression_literals(
    edit: Edit, findings: Findings, old: str, new: str, path: str
) -> None:
    found = findings(edit(old, new))
    assert len(found) == 1, found
    assert f"is too large (the limit is {MAX_INTEGER:,} either way) [{path}]" in found[0]
    assert len(found[0]) < 300  # the value is shortened, never printed whole


def test_the_largest_integer_allowed_is_accepted(edit: Edit) -> None:
    text = edit("max: 100", f"max: {MAX_INTEGER}")
    scenario, _problems = check_text(text, "harbour.yaml")
    assert scenario is not None and scenario.variable("tension").maximum == MAX_INTEGER


def test_a_calendar_that_runs_past_year_9999_is_refused_where_it_goes_past(
    edit: Edit, findings: Findings
) -> None:
    assert findings(edit("days: 2", "days: 3000000")) == [
        "harbour.yaml:131:5: error: the calendar runs past 9999-12-31, the last date there "
        "is: starting 1962-10-02, decision 'cargo_question' would come 3,000,000 days "
        "later; use fewer 'days' or an earlier start [decisions[1]]"
    ]


def test_a_calendar_starting_on_the_last_day_is_refused(edit: Edit, findings: Findings) -> None:
    found = findings(edit('start: "1962-10-02"', "start: 9999-12-31"))
    assert len(found) == 1 and "runs past 9999-12-31" in found[0], found


def test_a_calendar_ending_on_the_last_day_is_accepted(edit: Edit) -> None:
    # Two decisions: days 0 then 2, so a start two days before the end just fits.
    text = edit('start: "1962-10-02"', "start: 9999-12-29")
    scenario, problems = check_text(text, "harbour.yaml")
    assert scenario is not None, problems


def test_a_version_with_a_nul_character_is_refused(edit: Edit, findings: Findings) -> None:
    assert findings(edit('version: "0.3"', 'version: "0.3\\0"')) == [
        "harbour.yaml:6:10: error: the text holds U+0000 (NUL), written as an escape: a "
        "control character would reach the players' terminals; remove it [version]"
    ]


def test_an_overlong_version_is_refused(edit: Edit, findings: Findings) -> None:
    found = findings(edit('version: "0.3"', 'version: "' + "9" * 10_001 + '"'))
    assert found == [
        f"harbour.yaml:6:10: error: the version is too long (10,001 characters; at most "
        f"{MAX_VERSION_LENGTH}): saves record it [version]"
    ]


@pytest.mark.parametrize(
    ("old", "path"),
    [("id: harbour", "id"), ("id: mayor", "roles[0].id"), ("id: radio", "options[0].id")],
)
def test_an_overlong_id_is_refused(edit: Edit, findings: Findings, old: str, path: str) -> None:
    found = findings(edit(old, "id: " + "h" * 10_001))
    assert any(
        f"is too long (10,001 characters; at most {MAX_ID_LENGTH})" in line and path in line
        for line in found
    ), found


def test_an_id_of_the_longest_length_is_accepted(edit: Edit) -> None:
    longest = "h" * MAX_ID_LENGTH
    scenario, problems = check_text(edit("id: harbour", f"id: {longest}"), "harbour.yaml")
    assert scenario is not None and scenario.id == longest, problems


def _agenda(decisions: int, roles: int) -> str:
    lines = ["format: 1", "id: long", "title: Long", 'version: "1"', "date: 2000-01-01"]
    lines += ["summary: A long agenda.", "roles:"]
    for index in range(roles):
        lines += [f"  - id: r{index}", f"    name: R{index}", "    title: T", "    bio: B"]
        lines += ["    briefing: Go.", *(["    president: true"] if index == 0 else [])]
    lines += ["variables:", "  - {id: v, type: bool, label: V, initial: false}", "decisions:"]
    for index in range(decisions):
        lines += [f"  - id: d{index}", f"    title: D{index}", "    context: C", "    options:"]
        lines += ["      - {id: a, label: A}"]
    lines += ["endings:", "  - {id: e, title: E, narrative: N, debrief: D}"]
    return "\n".join(lines) + "\n"


def test_a_scenario_whose_longest_game_would_not_fit_in_a_save_is_refused() -> None:
    decisions = MAX_ACTIONS // 4 + 1
    _scenario, problems = check_text(_agenda(decisions, 4), "long.yaml")
    assert [str(problem) for problem in problems] == [
        f"long.yaml:32:3: error: a game of this scenario could take {decisions * 4:,} actions "
        f"({decisions:,} decisions for each of 4 roles), more than a save holds "
        f"({MAX_ACTIONS:,}); split it into shorter scenarios [decisions]"
    ]


def test_a_scenario_whose_longest_game_just_fits_is_accepted() -> None:
    scenario, problems = check_text(_agenda(MAX_ACTIONS // 4, 4), "long.yaml")
    assert scenario is not None, problems[:3]


def test_a_scenario_with_more_roles_than_a_game_seats_is_refused() -> None:
    _scenario, problems = check_text(_agenda(1, MAX_ROLES + 1), "many.yaml")
    assert [problem.message for problem in problems] == [
        f"the scenario has {MAX_ROLES + 1:,} roles, more than a game seats ({MAX_ROLES:,})"
    ]
