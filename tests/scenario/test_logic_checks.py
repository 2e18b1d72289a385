"""The logic checks: each finding, with its code, its reason and its place in the file."""

from __future__ import annotations

import textwrap

import pytest

from excomm_sim.scenario.lint import lint_text
from excomm_sim.scenario.problems import Problem

HEAD = """\
format: 1
id: small
title: Small
version: "1"
date: 1962-11-03
summary: A small test scenario.
roles:
  - id: chair
    name: Chair
    title: Chair
    president: true
    bio: Chairs.
    briefing: Decide.
{objectives}
  - id: aide
    name: Aide
    title: Aide
    bio: Advises.
    briefing: Advise.
variables:
  - id: credibility
    type: int
    label: Credibility
    initial: 50
    min: 0
    max: 100
  - id: alert
    type: bool
    label: Alert
    initial: false
  - id: status
    type: enum
    label: Status
    values: [closed, talking, agreed]
    initial: closed
decisions:
"""
ENDINGS = """\
endings:
  - id: done
    title: Done
    narrative: It is over.
    debrief: As it was.
"""


def scenario(decisions: str, endings: str = ENDINGS, objectives: str = "", events: str = "") -> str:
    """A small scenario: the decisions, events and endings given, two roles, three variables."""
    indented = textwrap.indent(textwrap.dedent(objectives), "    ") if objectives else ""
    return (
        HEAD.format(objectives=indented)
        + textwrap.indent(textwrap.dedent(decisions), "  ")
        + (textwrap.dedent(events) if events else "")
        + textwrap.dedent(endings)
    )


def lint(text: str) -> list[Problem]:
    return list(lint_text(text, "small.yaml").problems)


def only(text: str, code: str) -> Problem:
    found = [problem for problem in lint(text) if problem.code == code]
    assert len(found) == 1, [problem.coded() for problem in lint(text)]
    return found[0]


RAISE = """\
- id: warmup
  title: Warm up
  context: First.
  options:
    - id: up
      label: Up
      effects: [credibility += 10, "status = 'talking'"]
    - id: down
      label: Down
      effects: [credibility -= 10, alert = true]
"""


def test_a_contradiction_never_holds_and_says_why() -> None:
    text = scenario(
        RAISE
        + """\
- id: later
  title: Later
  context: Second.
  options:
    - id: odd
      label: Odd
      when: credibility >= 60 and credibility < 40
      effects: [credibility += 1]
    - id: plain
      label: Plain
      effects: [credibility -= 1]
"""
    )
    problem = only(text, "E401")
    assert problem.message == (
        "option 'odd' of decision 'later' is never offered: "
        "it needs credibility to be at least 60 and below 40 at once"
    )
    line = text.index("when: credibility >= 60")
    assert (problem.line, problem.column) == (text.count("\n", 0, line) + 1, 15)
    assert problem.severity == "error"
    assert problem.path == "decisions[1].options[0].when"


def test_the_first_decision_sees_only_the_initial_values() -> None:
    text = scenario(
        """\
- id: first
  title: First
  context: First.
  options:
    - id: bold
      label: Bold
      when: credibility > 80
      effects: [credibility += 1]
    - id: plain
      label: Plain
      effects: [credibility -= 1]
"""
    )
    assert only(text, "E401").message.endswith(
        "it needs credibility to be above 80, but credibility is always 50 here: "
        "no effect before this point changes it"
    )


def test_a_value_that_only_rises_is_never_below_its_start() -> None:
    text = scenario(
        """\
- id: first
  title: First
  context: First.
  options:
    - id: up
      label: Up
      effects: [credibility += 5]
- id: second
  title: Second
  context: Second.
  options:
    - id: low
      label: Low
      when: credibility < 20
      effects: [alert = true]
    - id: plain
      label: Plain
      effects: [credibility += 1]
"""
    )
    assert only(text, "E401").message.endswith(
        "credibility is never below its initial 50 here: no effect before this point lowers it"
    )


def test_a_later_decision_is_not_taken_yet() -> None:
    text = scenario(
        """\
- id: first
  title: First
  context: First.
  options:
    - id: early
      label: Early
      when: chose("final", "yes")
      effects: [credibility += 10]
    - id: plain
      label: Plain
      effects: [credibility -= 10]
- id: final
  title: Final
  context: Last.
  options:
    - id: "yes"
      label: "Yes"
      effects: [alert = true]
"""
    )
    assert only(text, "E401").message.endswith(
        "it needs decision 'final' to have taken 'yes', but decision 'final' comes later, "
        "so it is not taken yet here"
    )


def test_an_always_true_condition_is_a_warning_with_its_reason() -> None:
    text = scenario(
        RAISE.replace("      label: Up\n", "      label: Up\n      when: credibility >= 0\n")
    )
    problem = only(text, "W402")
    assert problem.message == (
        "option 'up' of decision 'warmup' is always offered: it would fail only if "
        "credibility were below 0, but credibility is always 50 here: no effect before this "
        "point changes it"
    )


def test_a_decision_with_no_possible_option_is_reported() -> None:
    text = scenario(
        RAISE
        + """\
- id: stuck
  title: Stuck
  context: Nothing to do.
  options:
    - id: only
      label: Only
      when: status == "agreed"
      effects: [alert = true]
"""
    )
    assert only(text, "E405").path == "decisions[1].options"
    assert "status is only ever closed, talking here" in only(text, "E401").message


def test_a_decision_that_is_never_posed() -> None:
    text = scenario(
        RAISE
        + """\
- id: never
  title: Never
  context: Not reached.
  when: turn > 5
  options:
    - id: only
      label: Only
      effects: [alert = true]
"""
    )
    assert only(text, "E403").message == (
        "decision 'never' is never posed: it needs turn to be above 5, but turn is at most "
        "1 here (no more decisions are taken before this point)"
    )


def test_an_ending_pre_empted_by_an_earlier_one_names_it_and_its_line() -> None:
    endings = """\
endings:
  - id: crisis
    title: Crisis
    when: credibility < 70
    narrative: Bad.
    debrief: Bad.
  - id: collapse
    title: Collapse
    when: credibility < 30 and alert
    narrative: Worse.
    debrief: Worse.
  - id: done
    title: Done
    narrative: Over.
    debrief: Over.
"""
    text = scenario(RAISE, endings)
    line = text.splitlines().index("  - id: crisis") + 1
    assert only(text, "E409").message == (
        f"ending 'collapse' never happens: ending 'crisis' (line {line}) is judged first "
        "and holds whenever this one would"
    )


def test_an_early_ending_pre_empts_a_later_final_one() -> None:
    endings = """\
endings:
  - id: ordinary
    title: Ordinary
    when: alert
    narrative: Meh.
    debrief: Meh.
  - id: panic
    title: Panic
    when: alert
    early: true
    narrative: Panic.
    debrief: Panic.
  - id: done
    title: Done
    narrative: Over.
    debrief: Over.
"""
    assert "ending 'panic' (line" in only(scenario(RAISE, endings), "E409").message


def test_a_fallback_covered_by_the_others_names_them() -> None:
    endings = """\
endings:
  - id: high
    title: High
    when: credibility >= 50
    narrative: High.
    debrief: High.
  - id: low
    title: Low
    when: credibility < 50
    narrative: Low.
    debrief: Low.
  - id: done
    title: Done
    narrative: Over.
    debrief: Over.
"""
    problem = only(scenario(RAISE, endings), "E409")
    assert problem.message.startswith("the fallback ending never happens: the endings judged")
    assert "'high' (line" in problem.message and "'low' (line" in problem.message


def test_objectives_that_can_never_be_won_or_lost() -> None:
    objectives = """\
objectives:
  - id: impossible
    text: Agree and stay closed.
    when: status == "agreed" and status == "closed"
  - id: certain
    text: Anything.
    when: credibility <= 100
"""
    text = scenario(RAISE, objectives=objectives)
    assert only(text, "W411").message == (
        "objective 'impossible' of chair can never be won: "
        "it needs status to be agreed and closed at once"
    )
    assert only(text, "W412").message.startswith("objective 'certain' of chair can never be lost")


def test_an_effect_at_its_bound_cannot_change_its_value() -> None:
    text = scenario(RAISE.replace("initial: 50", "initial: 50")).replace(
        "    initial: 50\n    min: 0\n    max: 100", "    initial: 100\n    min: 0\n    max: 100"
    )
    problem = only(text, "W501")
    assert problem.message == (
        "'credibility += 10' cannot change credibility: credibility is already at its "
        "maximum 100 here"
    )
    assert problem.path == "decisions[0].options[0].effects[0]"


def test_a_setting_that_repeats_the_only_value_cannot_change_it() -> None:
    text = scenario(RAISE.replace("alert = true", "alert = false"))
    assert "alert is always false here" in only(text, "W501").message


def test_an_option_that_changes_nothing() -> None:
    text = scenario(RAISE.replace("      effects: [credibility -= 10, alert = true]\n", ""))
    problem = only(text, "W502")
    assert problem.message == (
        "option 'down' of decision 'warmup' changes nothing: it has no effects, chance, "
        'delayed consequence or trigger, and no condition reads chose("warmup", "down")'
    )
    assert problem.path == "decisions[0].options[1]"


def test_an_option_read_by_chose_is_not_nothing() -> None:
    text = scenario(RAISE.replace("      effects: [credibility -= 10, alert = true]\n", ""))
    text = text.replace(
        "  - id: done\n    title: Done\n",
        '  - id: quiet\n    title: Quiet\n    when: chose("warmup", "down")\n'
        "    narrative: Quiet.\n    debrief: Quiet.\n  - id: done\n    title: Done\n",
    )
    assert not [problem for problem in lint(text) if problem.code == "W502"]


def test_an_event_condition_that_never_holds() -> None:
    events = """\
events:
  - id: riot
    title: Riot
    text: A riot.
    when: credibility > 100
"""
    assert only(scenario(RAISE, events=events), "W406").message == (
        "event 'riot' never fires by its 'when': it needs credibility to be above 100, but "
        "credibility's range is 0..100, and no trigger names it"
    )


def test_a_stance_that_never_holds() -> None:
    text = scenario(
        RAISE.replace(
            "      label: Up\n",
            "      label: Up\n      stances:\n        - role: aide\n          position: favour\n"
            "          reason: Yes.\n          when: alert\n",
        )
    )
    assert only(text, "W413").path == "decisions[0].options[0].stances[0].when"


def test_a_delayed_consequence_that_never_lands() -> None:
    text = scenario(
        RAISE.replace(
            "      label: Up\n",
            "      label: Up\n      delayed:\n        - after: 1\n          text: Later.\n"
            "          when: credibility > 100\n          effects: [alert = true]\n",
        )
    )
    assert only(text, "W415").path == "decisions[0].options[0].delayed[0].when"


def test_an_outcome_that_never_weighs_anything() -> None:
    text = scenario(
        RAISE.replace(
            "      label: Up\n",
            "      label: Up\n      chance:\n        outcomes:\n          - id: yes\n"
            "            label: Yes\n            weight: 10\n          - id: no_way\n"
            "            label: No\n            weight: credibility - 200\n",
        )
    )
    assert only(text, "W418").message == (
        "outcome 'no_way' never happens: its weight 'credibility - 200' is at most -140 here "
        "(after the option's own effects), while 'yes' always weighs more than 0"
    )


def test_an_or_part_that_never_holds_points_into_the_expression() -> None:
    text = scenario(
        RAISE
        + """\
- id: later
  title: Later
  context: Second.
  options:
    - id: maybe
      label: Maybe
      when: alert or credibility > 500
      effects: [credibility += 1]
"""
    )
    problem = only(text, "W417")
    assert problem.message.startswith("'credibility > 500' can never hold here, so this 'or'")
    line = text.count("\n", 0, text.index("when: alert or")) + 1
    assert (problem.line, problem.column) == (line, 24)


def test_the_logic_checks_do_not_run_on_a_file_with_errors() -> None:
    text = scenario(RAISE).replace("credibility += 10", "credibilty += 10")
    assert {problem.code for problem in lint(text)} == {"E202"}


@pytest.mark.parametrize("name", ["meeting19", "school_budget"])
def test_the_bundled_scenarios_have_no_findings(name: str) -> None:
    from excomm_sim.paths import bundled_scenario
    from excomm_sim.scenario.lint import lint_path

    assert [problem.coded() for problem in lint_path(bundled_scenario(name)).problems] == []
