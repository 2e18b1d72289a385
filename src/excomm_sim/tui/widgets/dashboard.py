"""The dashboard: every shown variable as a meter, flag or status, with its trend line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import events
from textual.content import Content
from textual.widgets import Static

from excomm_sim.scenario.model import Display, Scenario, Value, Variable
from excomm_sim.stakes import breaking_points
from excomm_sim.story.values import trend, value_text
from excomm_sim.tui.gauges import marked_meter, spark
from excomm_sim.tui.widgets.hanging import hung

NARROW = 27
"""The dashboard's text width in the 80-column decision room (before it is laid out)."""


def dashboard_content(
    scenario: Scenario, timeline: Sequence[Mapping[str, Value]], width: int = NARROW
) -> Content:
    """The dashboard's text: two lines per variable (label and trend line; value and change).

    Only the variables in ``timeline`` are shown: a seat's observation leaves out what the
    seat may not see. The trend line keeps to the label's line: at ``width`` columns it
    shows only its latest marks rather than wrap.
    """
    if not timeline:
        return Content("")
    current = timeline[-1]
    previous = timeline[-2] if len(timeline) > 1 else current
    parts: list[Content] = []
    for variable in scenario.variables:
        if variable.id not in current:
            continue
        lines = tuple(point.at for point in breaking_points(scenario, variable.id))
        parts.append(_variable_lines(variable, timeline, current, previous, width, lines))
    return Content("\n").join(parts)


def _variable_lines(
    variable: Variable,
    timeline: Sequence[Mapping[str, Value]],
    current: Mapping[str, Value],
    previous: Mapping[str, Value],
    width: int,
    lines: Sequence[int],
) -> Content:
    value = current.get(variable.id, variable.initial)
    old = previous.get(variable.id, value)
    history = [step.get(variable.id, variable.initial) for step in timeline]
    change = trend(variable, old, value, symbols=True)
    if variable.display is Display.METER and isinstance(value, int):
        low = variable.minimum if variable.minimum is not None else 0
        high = variable.maximum if variable.maximum is not None else max(value, 1)
        bar = marked_meter(value, low, high, 8, lines)
        shown = Content.assemble((bar, "$accent"), " ", (value_text(variable, value), "bold"))
    else:
        shown = Content.styled(value_text(variable, value), "bold")
    if change and change != "changed":
        shown = Content.assemble(shown, " ", change)
    elif change:
        shown = Content.assemble(shown, " (new)")
    room = width - len(variable.label) - 1
    trend_line = spark(history, variable)[-room:] if room > 0 else ""
    label = Content.assemble((variable.label, "underline"), " ", (trend_line, "$text-secondary"))
    return Content.assemble(label, "\n ", shown)


class Dashboard(Static):
    """The variables the players can see, refreshed by its screen with ``show``; drawn
    again at its own width when resized, so trend lines never wrap."""

    DEFAULT_CSS = """
    Dashboard {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, scenario: Scenario, timeline: Sequence[Mapping[str, Value]]) -> None:
        self.scenario = scenario
        self.timeline = tuple(timeline)
        self.draw()

    def draw(self) -> None:
        width = self.content_size.width or NARROW
        self.update(hung(dashboard_content(self.scenario, self.timeline, width)))

    def on_resize(self, _event: events.Resize) -> None:
        if hasattr(self, "scenario"):
            self.draw()
