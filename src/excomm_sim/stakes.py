"""What is at stake on each meter, in words: what it measures, which way is good, where it breaks.

The scenario holds all of this (a variable's ``description`` and ``good``, and the early
endings that stop the game when a meter crosses a line) but a player would otherwise have to
read the YAML to learn it. Pure: the TUI's briefing and stakes screens, the dashboard's
meter marks and the plain game all read it from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from attrs import frozen

from excomm_sim.scenario.model import Display, Scenario, Value, Variable

COMPARISON = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|>|<)\s*(-?\d+)\s*$")
"""``escalation_risk >= 85``: one meter against one number, the only shape read as a line."""


@frozen
class BreakingPoint:
    """A value at which the game ends at once: ``at`` and beyond, in ``direction``."""

    at: int
    """The first value that ends the game (``>= 85`` and ``> 84`` both give 85)."""
    rising: bool
    """True when the game ends as the meter rises to ``at`` or more."""
    ending: str
    """The title of the ending it brings."""

    def text(self) -> str:
        """'at 85 or more the game ends: The crisis breaks down'."""
        side = "or more" if self.rising else "or less"
        return f"at {self.at} {side} the game ends: {self.ending}"


@frozen
class Stake:
    """One meter as a player needs it explained."""

    variable: Variable
    meaning: str
    """The scenario's description, or '' when it gives none."""
    direction: str
    """'higher is better', 'lower is better' or 'neither way is simply better'."""
    breaking_points: tuple[BreakingPoint, ...]


def direction_text(variable: Variable) -> str:
    if variable.good == "high":
        return "higher is better"
    if variable.good == "low":
        return "lower is better"
    return "neither way is simply better"


def breaking_points(scenario: Scenario, variable_id: str) -> tuple[BreakingPoint, ...]:
    """The early endings that fire on this variable alone crossing a number.

    Only a plain comparison (or several joined by ``or``) is read: a condition that mixes
    variables has no single line to draw on one meter.
    """
    points: list[BreakingPoint] = []
    for ending in scenario.endings:
        if not ending.early or ending.when is None:
            continue
        for part in re.split(r"\bor\b", ending.when.source):
            match = COMPARISON.match(part.strip().strip("()"))
            if match is None or match.group(1) != variable_id:
                continue
            op, number = match.group(2), int(match.group(3))
            at = number + 1 if op == ">" else number - 1 if op == "<" else number
            points.append(BreakingPoint(at, op.startswith(">"), ending.title))
    return tuple(points)


def stakes(scenario: Scenario, visible: Iterable[str]) -> tuple[Stake, ...]:
    """Every meter among ``visible`` (the variable ids the seat may see), in file order."""
    shown = set(visible)
    return tuple(
        Stake(
            variable,
            variable.description,
            direction_text(variable),
            breaking_points(scenario, variable.id),
        )
        for variable in scenario.variables
        if variable.id in shown and variable.display is Display.METER
    )


def stake_lines(stake: Stake) -> list[str]:
    """'Re-escalation risk (0-100): lower is better; at 85 or more the game ends: …', then
    its meaning: the words every shell prints for one meter."""
    variable = stake.variable
    scale = ""
    if variable.minimum is not None and variable.maximum is not None:
        scale = f" ({variable.minimum}-{variable.maximum})"
    head = f"{variable.label}{scale}: {stake.direction}"
    for point in stake.breaking_points:
        head += f"; {point.text()}"
    return [head, stake.meaning] if stake.meaning else [head]


AT_RISK_SHARE = 10
"""An objective that holds is "at risk" when a meter it reads is within this percentage of
the meter's range from the line the objective draws (``escalation_risk < 60`` at 55)."""


def objective_status(
    scenario: Scenario,
    condition_source: str,
    holds: bool,
    values: Mapping[str, Value],
    ended: bool = False,
) -> str:
    """'holds now', 'at risk' (holds, but a meter it reads is close to its line),
    'not met now' (can still change) or, once the game has ended, 'met' / 'lost'.

    Only plain comparisons joined by ``and`` are read for the risk: other parts of a
    condition (an enum, a flag) have no distance to a line.
    """
    if ended:
        return "met" if holds else "lost"
    if not holds:
        return "not met now"
    for part in re.split(r"\band\b", condition_source):
        match = COMPARISON.match(part.strip().strip("()"))
        if match is None:
            continue
        variable = _variable(scenario, match.group(1))
        value = values.get(match.group(1))
        if variable is None or not isinstance(value, int) or isinstance(value, bool):
            continue
        if variable.minimum is None or variable.maximum is None:
            continue
        span = max(variable.maximum - variable.minimum, 1)
        if abs(value - int(match.group(3))) * 100 <= AT_RISK_SHARE * span:
            return "at risk"
    return "holds now"


def _variable(scenario: Scenario, variable_id: str) -> Variable | None:
    for variable in scenario.variables:
        if variable.id == variable_id:
            return variable
    return None
