"""The variables over the whole game as a text chart: one sparkline row per variable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.widgets import Static

from excomm_sim.scenario.model import Display, Scenario, Value
from excomm_sim.story.values import value_text
from excomm_sim.tui.gauges import spark


def chart_content(scenario: Scenario, timeline: Sequence[Mapping[str, Value]]) -> Content:
    """'Label  ▁▂▄▆  first → last' per variable; hidden ones marked '(hidden)'."""
    if not timeline:
        return Content("")
    width = min(max(len(v.label) for v in scenario.variables), 28)
    rows: list[Content] = []
    for variable in scenario.variables:
        history = [step.get(variable.id, variable.initial) for step in timeline]
        label = variable.label[:width].ljust(width)
        first = value_text(variable, history[0])
        last = value_text(variable, history[-1])
        note = " (hidden)" if variable.display is Display.HIDDEN else ""
        rows.append(
            Content.assemble(
                label,
                " ",
                (spark(history, variable), "$accent"),
                f"  {first} → {last}{note}",
            )
        )
    return Content("\n").join(rows)


class VariableChart(Static):
    """A chart of every variable from the start to now, for the debrief."""

    DEFAULT_CSS = """
    VariableChart {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, scenario: Scenario, timeline: Sequence[Mapping[str, Value]]) -> None:
        self.update(chart_content(scenario, timeline))
