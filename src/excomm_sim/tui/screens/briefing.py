"""Private briefings, and the hot-seat hand-over screen that hides them between players."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static

from excomm_sim.scenario.model import Role
from excomm_sim.stakes import Stake, stake_lines
from excomm_sim.story.text import prose
from excomm_sim.tui.gauges import LINE_MARK
from excomm_sim.tui.messages import BriefingRead, HandedOver, TakeBackRequested
from excomm_sim.tui.widgets.hanging import hung


def briefing_content(role: Role, player: str, stakes: Sequence[Stake] = ()) -> Content:
    """The seat's name, objectives with their points (first: at 80x24 they all show above
    the fold), bio, private briefing, and what each meter on the dashboard means."""
    objectives = (
        Content("\n").join(
            Content(f"  • {objective.text} ({objective.points} pt)")
            for objective in role.objectives
        )
        if role.objectives
        else Content("  (none: play as you judge best)")
    )
    parts = [
        Content.assemble((f"{role.name}", "bold"), f" — {role.title}"),
        Content.styled(f"Played by {player}", "italic"),
        Content(""),
        Content.styled("Your objectives (scored at the end)", "bold underline"),
        objectives,
        Content(""),
        Content(prose(role.bio)),
        Content(""),
        Content.styled("Your private briefing", "bold underline"),
        Content(prose(role.briefing)),
    ]
    if stakes:
        parts += [Content(""), stakes_content(stakes)]
    return Content("\n").join(parts)


def stakes_content(stakes: Sequence[Stake]) -> Content:
    """'What the meters mean': each meter's scale, good direction, breaking point, meaning."""
    lines = [Content.styled("What the meters mean", "bold underline")]
    for stake in stakes:
        head, *meaning = stake_lines(stake)
        lines.append(Content.assemble("  • ", (head, "bold")))
        lines.extend(Content("    " + prose(text)) for text in meaning)
    lines.append(
        Content.styled(f"  A {LINE_MARK} on a meter marks where the game breaks.", "italic")
    )
    return Content("\n").join(lines)


class BriefingScreen(Screen[None]):
    """One human's private briefing; Enter (or the button) moves on."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "done", "Continue", show=True)]

    def __init__(self, role: Role, player: str, last: bool, stakes: Sequence[Stake] = ()) -> None:
        super().__init__(classes="briefing-screen")
        self.role = role
        self.player = player
        self.last = last
        self.stakes = tuple(stakes)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="briefing-body"):
            yield Static("PRIVATE BRIEFING", classes="screen-title")
            yield Static(
                hung(briefing_content(self.role, self.player, self.stakes)), id="briefing-text"
            )
            with Center():
                yield Button("Continue", id="briefing-continue", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#briefing-body").focus()

    def action_done(self) -> None:
        self.post_message(BriefingRead(role=self.role.id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()


class HandoverScreen(Screen[None]):
    """A blank screen between hot-seat players: nothing private shows until Enter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "I am ready", show=True),
        Binding("u,ctrl+z", "take_back", "Take back my last move", key_display="u"),
    ]
    """Enter: the next player has the keyboard. u or ctrl+z: the player who just moved
    takes it back, while the screen is still theirs."""

    def __init__(self, role: Role, player: str) -> None:
        super().__init__(classes="handover-screen")
        self.role = role
        self.player = player

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="handover-body"):
            with Center():
                yield Static(
                    Content.assemble(
                        "Pass to ",
                        (self.player, "bold"),
                        f" ({self.role.name})",
                        " — press Enter when only they can see the screen",
                    ),
                    id="handover-text",
                )
            with Center():
                yield Button("I am ready", id="handover-ready", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#handover-body").focus()

    def action_done(self) -> None:
        self.post_message(HandedOver(role=self.role.id))

    def action_take_back(self) -> None:
        self.post_message(TakeBackRequested())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()


class BriefingReminder(ModalScreen[None]):
    """Your briefing again, over the decision room (b); Escape or b closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,b", "close", "Close")]

    def __init__(self, role: Role, player: str) -> None:
        super().__init__()
        self.role = role
        self.player = player

    def compose(self) -> ComposeResult:
        with Vertical(id="reminder-box"):
            with VerticalScroll(id="reminder-scroll"):
                yield Static(hung(briefing_content(self.role, self.player)), id="briefing-text")
            yield Button("Close", id="reminder-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#reminder-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
