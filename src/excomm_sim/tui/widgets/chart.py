"""The variables over the whole game as a text chart: one sparkline row per variable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import events
from textual.content import Content
from textual.widgets import Static

from excomm_sim.scenario.model import Display, Scenario, Value
from excomm_sim.story.values import value_text
from excomm_sim.tui.gauges import spark
from excomm_sim.tui.widgets.hanging import hung


def chart_content(
    scenario: Scenario, timeline: Sequence[Mapping[str, Value]], width: int = 76
) -> Content:
    """'Label ▁▂▄▆ first → last' per variable, on one line where it fits in ``width``
    columns and with the values hung under the label where not (no word ever wraps alone).

    A hidden variable is told one way: its values, revealed now, as plain numbers, marked
    "hidden during play", with what it stands for (the scenario's description), so the
    debrief's text about it and the chart cannot seem to disagree.
    """
    if not timeline:
        return Content("")
    rows: list[Content] = []
    for variable in scenario.variables:
        history = [step.get(variable.id, variable.initial) for step in timeline]
        hidden = variable.display is Display.HIDDEN
        if hidden:
            values = f"{variable.label_of(history[0])} → {variable.label_of(history[-1])}"
            values += " (hidden during play, revealed now)"
        else:
            values = f"{value_text(variable, history[0])} → {value_text(variable, history[-1])}"
        line = spark(history, variable)
        one_line = len(variable.label) + 1 + len(line) + 2 + len(values)
        gap = "  " if one_line <= width else "\n  "
        rows.append(Content.assemble((variable.label, "bold"), " ", (line, "$accent"), gap, values))
        if hidden and variable.description:
            rows.append(Content.styled("  " + variable.description, "italic"))
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
        self.scenario = scenario
        self.timeline = tuple(timeline)
        self.draw()

    def draw(self) -> None:
        width = self.content_size.width or 76
        self.update(hung(chart_content(self.scenario, self.timeline, width)))

    def on_resize(self, _event: events.Resize) -> None:
        if hasattr(self, "scenario"):
            self.draw()
