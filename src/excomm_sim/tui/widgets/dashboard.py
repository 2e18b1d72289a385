"""The dashboard: every shown variable as a meter, flag or status, with its trend line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.widgets import Static

from excomm_sim.scenario.model import Display, Scenario, Value, Variable
from excomm_sim.story.values import trend, value_text
from excomm_sim.tui.gauges import meter, spark
from excomm_sim.tui.widgets.hanging import hung


def dashboard_content(scenario: Scenario, timeline: Sequence[Mapping[str, Value]]) -> Content:
    """The dashboard's text: two lines per variable (label and trend line; value and change).

    Only the variables in ``timeline`` are shown: a seat's observation leaves out what the
    seat may not see.
    """
    if not timeline:
        return Content("")
    current = timeline[-1]
    previous = timeline[-2] if len(timeline) > 1 else current
    parts: list[Content] = []
    for variable in scenario.variables:
        if variable.id not in current:
            continue
        parts.append(_variable_lines(variable, timeline, current, previous))
    return Content("\n").join(parts)


def _variable_lines(
    variable: Variable,
    timeline: Sequence[Mapping[str, Value]],
    current: Mapping[str, Value],
    previous: Mapping[str, Value],
) -> Content:
    value = current.get(variable.id, variable.initial)
    old = previous.get(variable.id, value)
    history = [step.get(variable.id, variable.initial) for step in timeline]
    change = trend(variable, old, value, symbols=True)
    if variable.display is Display.METER and isinstance(value, int):
        low = variable.minimum if variable.minimum is not None else 0
        high = variable.maximum if variable.maximum is not None else max(value, 1)
        shown = Content.assemble(
            (meter(value, low, high, 8), "$accent"), " ", (value_text(variable, value), "bold")
        )
    else:
        shown = Content.styled(value_text(variable, value), "bold")
    if change and change != "changed":
        shown = Content.assemble(shown, " ", change)
    elif change:
        shown = Content.assemble(shown, " (new)")
    label = Content.assemble(
        (variable.label, "underline"), " ", (spark(history, variable), "$text-secondary")
    )
    return Content.assemble(label, "\n ", shown)


class Dashboard(Static):
    """The variables the players can see, refreshed by its screen with ``show``."""

    DEFAULT_CSS = """
    Dashboard {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, scenario: Scenario, timeline: Sequence[Mapping[str, Value]]) -> None:
        self.update(hung(dashboard_content(scenario, timeline)))
