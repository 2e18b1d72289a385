"""Where the advisers stand on the options, each with the reason they give."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from excomm_sim.engine.observe import PositionView
from excomm_sim.scenario.model import Decision, Position, Scenario
from excomm_sim.story.names import option_label, role_name, stance_verb


def position_entries(
    scenario: Scenario, decision: Decision, positions: Sequence[PositionView]
) -> list[tuple[int, Content]]:
    """(indent level, text) lines: each adviser (in seat order), then per option their
    position in words and ✓/✗ (or → for a human's recommendation), then the reason."""
    order = {role.id: index for index, role in enumerate(scenario.roles)}
    entries: list[tuple[int, Content]] = []
    previous_role = ""
    for view in sorted(positions, key=lambda view: order.get(view.role, len(order))):
        if view.role != previous_role:
            entries.append((0, Content.styled(role_name(scenario, view.role), "bold underline")))
            previous_role = view.role
        label = option_label(scenario, decision.id, view.option)
        if view.human:
            stance = Content.assemble(("→ recommends", "bold"), f" “{label}”")
        else:
            favour = view.position is Position.FAVOUR
            verb = f"{'✓' if favour else '✗'} {stance_verb(favour, view.strength)}"
            stance = Content.assemble((verb, "bold"), f" “{label}”")
        entries.append((1, stance))
        if view.argument:  # a person's own case, for the decider to read
            entries.append((2, Content.styled(f"“{view.argument}”", "italic")))
        if view.reason:
            entries.append((2, Content.styled(view.reason, "italic")))
        if view.argument:
            entries.append((2, Content.styled(f"“{view.argument}”", "italic")))
    return entries


class Positions(Vertical):
    """The advisers' positions on the item on the table, with hanging indents."""

    DEFAULT_CSS = """
    Positions {
        height: auto;
        padding: 0 1;
        & > .indent-1 { padding-left: 2; }
        & > .indent-2 { padding-left: 4; }
    }
    """

    def __init__(
        self,
        scenario: Scenario,
        decision: Decision,
        positions: Sequence[PositionView],
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.entries = position_entries(scenario, decision, positions)

    def compose(self) -> ComposeResult:
        if not self.entries:
            yield Static(Content.styled("No adviser has taken a position.", "italic"))
        for level, text in self.entries:
            yield Static(text, classes=f"indent-{level}")
