"""Mutation check: each logic slip planted in a bundled scenario gives a located finding.

The slips are the ones issue 17 found the tools silent on: a condition that can never
hold, an ending always pre-empted by an earlier one, an option that changes nothing, and
with them objectives that can never be won or lost and an effect at its bound. Each is
planted as new lines in the bundled file, and the finding must stand on the planted line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.lint import lint_text
from excomm_sim.scenario.load import load_path
from excomm_sim.scenario.model import Scenario, VariableKind

BUNDLED = ("meeting19", "school_budget")

Plant = Callable[[Scenario, list[str]], tuple[int, str, str]]
"""Edits the file's lines in place; returns (line of the finding, its code, words it has)."""


def _insert(lines: list[str], after: int, column: int, new: list[str]) -> int:
    """Insert ``new`` after 1-based line ``after`` at ``column``; the first new line's number."""
    lines[after:after] = [" " * (column - 1) + text + "\n" for text in new]
    return after + 1


def _number(scenario: Scenario) -> tuple[str, int, int]:
    variable = next(v for v in scenario.variables if v.kind is VariableKind.INT)
    assert variable.minimum is not None and variable.maximum is not None
    return variable.id, variable.minimum, variable.maximum


def contradiction_on_an_option(scenario: Scenario, lines: list[str]) -> tuple[int, str, str]:
    name, low, high = _number(scenario)
    option = scenario.decisions[1].options[0]
    top, bottom = low + (high - low) * 3 // 5, low + (high - low) * 2 // 5
    line = _insert(
        lines,
        option.location.line,
        option.location.column,
        [f"when: {name} >= {top} and {name} < {bottom}"],
    )
    if option.when is not None:  # keep one 'when': the planted one replaces the old
        lines[:] = _without_key(lines, line, option.location.column, "when")
    return line, "E401", f"{name} to be at least {top} and below {bottom} at once"


def _without_key(lines: list[str], planted: int, column: int, key: str) -> list[str]:
    """The lines without the option's original ``key:`` entry (the one after ``planted``)."""
    prefix = " " * (column - 1) + key + ":"
    for index in range(planted, len(lines)):
        if lines[index].startswith(prefix):
            end = index + 1
            while end < len(lines) and lines[end].startswith(" " * column + " "):
                end += 1
            return lines[:index] + lines[end:]
    return lines


def ending_pre_empted(scenario: Scenario, lines: list[str]) -> tuple[int, str, str]:
    ending = next(e for e in scenario.endings if e.when is not None and not e.early)
    assert ending.when is not None
    column = ending.location.column
    before = ending.location.line - 1
    start = _insert(
        lines,
        before,
        column - 2,
        [
            "- id: planted_first",
            "  title: Planted",
            f"  when: '{ending.when.source}'",
            "  narrative: Planted.",
            "  debrief: Planted.",
        ],
    )
    moved = start + 5  # the pre-empted ending now starts here; the finding is at its 'when'
    when = next(
        index + 1
        for index in range(moved - 1, len(lines))
        if lines[index].strip().startswith("when:")
    )
    return when, "E409", f"ending 'planted_first' (line {start})"


def option_changing_nothing(scenario: Scenario, lines: list[str]) -> tuple[int, str, str]:
    option = scenario.decisions[0].options[0]
    line = _insert(
        lines,
        option.location.line - 1,
        option.location.column - 2,
        ["- id: planted_idle", "  label: Wait and see"],
    )
    return line, "W502", "changes nothing"


def _first_objective(scenario: Scenario) -> tuple[int, int]:
    role = next(role for role in scenario.roles if role.objectives)
    objective = role.objectives[0]
    return objective.location.line - 1, objective.location.column - 2


def objective_never_won(scenario: Scenario, lines: list[str]) -> tuple[int, str, str]:
    name, low, high = _number(scenario)
    after, column = _first_objective(scenario)
    line = _insert(
        lines,
        after,
        column,
        [
            "- id: planted_aim",
            "  text: Planted.",
            f"  when: {name} > {high} - 1 and {name} < {low} + 1",
        ],
    )
    return line + 2, "W411", "can never be won"


def objective_never_lost(scenario: Scenario, lines: list[str]) -> tuple[int, str, str]:
    name, _, high = _number(scenario)
    after, column = _first_objective(scenario)
    line = _insert(
        lines, after, column, ["- id: planted_aim", "  text: Planted.", f"  when: {name} <= {high}"]
    )
    return line + 2, "W412", "can never be lost"


def effect_at_its_bound(scenario: Scenario, lines: list[str]) -> tuple[int, str, str]:
    name, _, high = _number(scenario)
    option = scenario.decisions[0].options[0]
    variable = scenario.variable(name)
    line = _insert(
        lines,
        option.location.line - 1,
        option.location.column - 2,
        ["- id: planted_push", "  label: Push it up", f"  effects: [{name} += 5]"],
    )
    initial = variable.location.line  # the variable's mapping: set its initial to the max
    for index in range(initial - 1, len(lines)):
        if lines[index].strip().startswith("initial:"):
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
            lines[index] = f"{indent}initial: {high}\n"
            break
    return line + 2, "W501", f"already at its maximum {high} here"


SLIPS: dict[str, Plant] = {
    "contradiction_on_an_option": contradiction_on_an_option,
    "ending_pre_empted": ending_pre_empted,
    "option_changing_nothing": option_changing_nothing,
    "objective_never_won": objective_never_won,
    "objective_never_lost": objective_never_lost,
    "effect_at_its_bound": effect_at_its_bound,
}


@pytest.mark.parametrize("slip", SLIPS)
@pytest.mark.parametrize("name", BUNDLED)
def test_a_planted_slip_is_found_on_its_line(name: str, slip: str) -> None:
    path = bundled_scenario(name)
    scenario = load_path(path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line, code, words = SLIPS[slip](scenario, lines)
    problems = lint_text("".join(lines), f"{name}.yaml").problems
    errors = [problem.coded() for problem in problems if problem.code[1] in "0123"]
    assert not errors, errors
    found = [problem for problem in problems if problem.code == code]
    assert any(problem.line == line and words in problem.message for problem in found), [
        problem.coded() for problem in problems
    ]
