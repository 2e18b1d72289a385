"""Where the advisers stand on the options, each with the reason they give."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from excomm_sim.engine.game import PositionView
from excomm_sim.scenario.model import Decision, Position, Scenario
from excomm_sim.tui.describe import role_name

STRENGTH_WORDS = {1: "leans", 2: "firmly", 3: "insists"}


def positions_content(
    scenario: Scenario, decision: Decision, positions: Sequence[PositionView]
) -> Content:
    """Positions grouped by adviser: favour/oppose (in words and ✓/✗), which option, why."""
    if not positions:
        return Content.styled("No adviser has taken a position.", "italic")
    lines: list[Content] = []
    order = {role.id: index for index, role in enumerate(scenario.roles)}
    previous_role = ""
    for view in sorted(positions, key=lambda view: order.get(view.role, len(order))):
        if view.role != previous_role:
            lines.append(Content.styled(role_name(scenario, view.role), "bold underline"))
            previous_role = view.role
        try:
            label = decision.option(view.option).label
        except KeyError:
            label = view.option
        if view.human:
            stance = Content.assemble(("  → recommends", "bold"), f" “{label}”")
        else:
            word = "  ✓ favours" if view.position is Position.FAVOUR else "  ✗ opposes"
            strength = STRENGTH_WORDS.get(view.strength, "")
            stance = Content.assemble((word, "bold"), f" “{label}” ({strength})")
        lines.append(stance)
        if view.reason:
            lines.append(Content.assemble("    ", (view.reason, "italic")))
    return Content("\n").join(lines)


class Positions(Static):
    """The advisers' positions on the item on the table (set by the decision room)."""

    DEFAULT_CSS = """
    Positions {
        height: auto;
        padding: 0 1;
    }
    """

    def show(
        self, scenario: Scenario, decision: Decision, positions: Sequence[PositionView]
    ) -> None:
        self.update(positions_content(scenario, decision, positions))
