"""Your seat's objectives as they stand now: holds now, at risk, not met now; met or lost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import events
from textual.content import Content
from textual.widgets import Static

from excomm_sim.engine.observe import ObjectiveView
from excomm_sim.scenario.model import Scenario, Value
from excomm_sim.stakes import objective_status
from excomm_sim.tui.widgets.hanging import hung

MARKS = {"holds now": "✓", "met": "✓", "at risk": "!", "not met now": "✗", "lost": "✗"}
"""A mark per status, so the tracker never depends on colour."""


def objectives_content(
    scenario: Scenario,
    objectives: Sequence[ObjectiveView],
    values: Mapping[str, Value],
    ended: bool = False,
) -> Content:
    """One line per objective: mark, status, points, then the objective's text."""
    if not objectives:
        return Content.styled("No objectives: play as you judge best.", "italic")
    lines: list[Content] = []
    for view in objectives:
        objective = view.objective
        status = objective_status(
            scenario, objective.condition.source, view.holds, values, ended=ended
        )
        lines.append(
            Content.assemble(
                f"{MARKS[status]} ",
                (f"{status}, {objective.points} pt: ", "bold"),
                objective.text,
            )
        )
    return Content("\n").join(lines)


def objectives_summary(
    scenario: Scenario, objectives: Sequence[ObjectiveView], values: Mapping[str, Value]
) -> Content:
    """'✗ ✓ ! ✓  3 of 8 pt now (m)': the tracker in one line (m shows it in full)."""
    if not objectives:
        return Content.styled("None: play as you judge best.", "italic")
    marks = []
    held = 0
    for view in objectives:
        objective = view.objective
        status = objective_status(scenario, objective.condition.source, view.holds, values)
        marks.append(MARKS[status])
        held += objective.points if view.holds else 0
    total = sum(view.objective.points for view in objectives)
    return Content.assemble((" ".join(marks), "bold"), f"  {held} of {total} pt now (m)")


WIDE = 36
"""From this text width the tracker lists every objective; below it, one summary line."""


class ObjectivesTracker(Static):
    """The seat's objectives, refreshed by its screen with ``show``: in full where the
    panel is wide, as one line of marks (✓ holds now, ! at risk, ✗ not met) where not."""

    DEFAULT_CSS = """
    ObjectivesTracker {
        height: auto;
        padding: 0 1;
    }
    """

    def show(
        self,
        scenario: Scenario,
        objectives: Sequence[ObjectiveView],
        values: Mapping[str, Value],
    ) -> None:
        self.scenario = scenario
        self.objectives = tuple(objectives)
        self.values = dict(values)
        self.draw()

    def draw(self) -> None:
        if self.content_size.width >= WIDE:
            text = objectives_content(self.scenario, self.objectives, self.values)
        else:
            text = objectives_summary(self.scenario, self.objectives, self.values)
        self.update(hung(text))

    def on_resize(self, _event: events.Resize) -> None:
        if hasattr(self, "scenario"):
            self.draw()
