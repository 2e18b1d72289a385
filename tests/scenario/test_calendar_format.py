"""Phases and dates (format 2): how decisions and events are dated, and every mistake in
them reported at its place; a format-1 file reads as before."""

from __future__ import annotations

import datetime as dt

import pytest

from excomm_sim.scenario.load import check_text, load_path
from scenario.conftest import FIXTURES

CALENDAR = FIXTURES / "calendar.yaml"
NAME = "calendar.yaml"


def text() -> str:
    return CALENDAR.read_text(encoding="utf-8")


def problems_of(source: str) -> list[str]:
    _, problems = check_text(source, NAME)
    return [f"{p.line}:{p.column}: {p.severity}[{p.code}]: {p.message}" for p in problems]


def edited(old: str, new: str) -> str:
    source = text()
    assert old in source, old
    return source.replace(old, new, 1)


def test_decisions_take_their_phase_and_date() -> None:
    scenario = load_path(CALENDAR)
    dated = [(d.id, d.phase, d.date) for d in scenario.decisions]
    assert dated == [
        ("agenda", "meeting", dt.date(1962, 10, 1)),
        ("cargo", "meeting", dt.date(1962, 10, 1)),
        ("pilots", "week", dt.date(1962, 10, 4)),
        ("storm_item", "week", dt.date(1962, 10, 6)),
        ("last", "week", dt.date(1962, 10, 8)),
    ]
    assert scenario.calendar.days_per_decision == 0
    assert [d.days for d in scenario.decisions] == [0] * 5
    assert [(e.id, e.date) for e in scenario.events] == [
        ("forecast", dt.date(1962, 10, 5)),
        ("quay_protest", dt.date(1962, 10, 3)),
    ]
    assert scenario.phase("week").dates == "1962-10-02 to 1962-10-08"
    assert scenario.phase("meeting").note.startswith("Every item")


def test_the_calendar_fixture_is_clean() -> None:
    assert problems_of(text()) == []


def test_a_format_1_file_with_phases_is_told_to_say_format_2() -> None:
    found = problems_of(edited("format: 2", "format: 1"))
    assert (
        "22:1: error[E124]: 'phases' is new in format 2: write format: 2 at the top of the "
        "file (it says format: 1)"
    ) in found
    assert any("'offset' is new in format 2" in line for line in found)
    assert any("'date' is new in format 2" in line for line in found)


def test_an_unsupported_format_names_both_that_are() -> None:
    found = problems_of(edited("format: 2", "format: 3"))
    assert found == [
        "4:9: error[E112]: format 3 is not supported: this excomm-sim reads formats 1, 2"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    phase: week\n    offset: 2",
            "    phase: wek\n    offset: 2",
            "78:12: error[E201]: unknown phase 'wek' (did you mean 'week'?)",
        ),
        (
            "    date: 1962-10-06\n    when: storm",
            "    date: 1962-09-06\n    when: storm",
            "90:11: error[E313]: decision 'storm_item' is dated 1962-09-06, before the "
            "calendar's start (1962-10-01)",
        ),
        (
            "    date: 1962-10-06\n    when: storm",
            "    date: 1962-10-16\n    when: storm",
            "90:11: error[E313]: decision 'storm_item' is dated 1962-10-16, outside its phase "
            "'week' (1962-10-02 to 1962-10-08)",
        ),
        (
            "    offset: 2",
            "    offset: 2\n    date: 1962-10-04",
            "79:13: error[E313]: decision 'pilots' has both 'date' and 'offset': give one",
        ),
        (
            "    date: 1962-10-08\n    context: The week ends.",
            "    phase: meeting\n    context: The week ends.",
            "98:12: error[E313]: decision 'last' goes back to phase 'meeting' after phase "
            "'week': the agenda runs through the phases in order",
        ),
        (
            "    until: 1962-10-08",
            "    until: 1962-09-30",
            "30:12: error[E313]: phase 'week' ends on 1962-09-30, before it starts (1962-10-02)",
        ),
        (
            "    date: 1962-10-02\n    until",
            "    date: 1962-09-28\n    until",
            "29:11: error[E313]: phase 'week' starts on 1962-09-28, before the calendar's start "
            "(1962-10-01)",
        ),
        (
            "    date: 1962-10-08\n    context: The week ends.",
            "    date: 1962-10-05\n    context: The week ends.",
            "98:11: warning[W314]: decision 'last' is dated 1962-10-05, before decision "
            "'storm_item' above it (1962-10-06); the clock never goes back, so it would come "
            "up on 1962-10-06",
        ),
    ],
)
def test_a_dating_mistake_is_reported_at_its_place(old: str, new: str, expected: str) -> None:
    assert expected in problems_of(edited(old, new))


def test_an_offset_needs_a_phase_to_count_from() -> None:
    source = edited("    phase: week\n    offset: 1\n", "    offset: 1\n")
    found = problems_of(source)
    assert any(
        "error[E313]: event 'quay_protest' has an 'offset' but no phase to count it from" in line
        for line in found
    ), found


def test_a_dated_event_without_a_condition_or_trigger_is_not_called_unfired() -> None:
    assert not any("never fires" in line for line in problems_of(text()))


def test_a_conditional_effect_needs_a_condition_and_holds_plain_effects() -> None:
    found = problems_of(
        edited(
            "          - when: tension >= 45\n            effects: [tension -= 20, storm = false]",
            "          - when: x\n            effects: [{when: storm, effects: [storm = false]}]",
        )
    )
    assert any("a conditional effect cannot hold another" in line for line in found), found
    assert any("unknown variable 'x'" in line for line in found), found


def test_a_conditional_effect_in_a_format_1_file_keeps_the_format_1_message() -> None:
    """Format 1 reads as it always did: a mapping among effects is the old E105 error."""
    found = problems_of(edited("format: 2", "format: 1"))
    assert any(
        "error[E105]: expected an effect as text (like 'tension -= 10'), got a mapping" in line
        for line in found
    ), found
