"""Hot-seat play: each player's private briefing, and the screen hidden between players.

A mixin of ``ExcommApp``. ``seat`` is the role whose private information may be on
screen; before another human's briefing or turn the app shows the hand-over screen, and
only once that player says they have the keyboard (``HandedOver``) does it go on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from excomm_sim.tui import messages as msg

if TYPE_CHECKING:
    from excomm_sim.session import GameSession


class HotSeat(App[int]):
    """Briefings in seat order and the hand-over between human players."""

    session: GameSession | None
    seat: str | None
    """The role whose private information may be on screen (hot-seat hand-over)."""
    briefing_queue: list[str]
    """Roles still to read their briefing, in seat order."""
    after_handover: Callable[[], None] | None
    """What to show once the hand-over screen has been answered."""

    if TYPE_CHECKING:  # provided by ExcommApp

        def show(self, screen: Screen[None]) -> None: ...
        def show_turn(self) -> None: ...

    def hot_seat(self) -> bool:
        return self.session is not None and len(self.session.humans) > 1

    def hand_over_then(self, role: str, then: Callable[[], None]) -> bool:
        """In hot-seat, hide the screen until ``role``'s player has it; True if it did."""
        if self.session is None or not self.hot_seat() or self.seat == role:
            return False
        from excomm_sim.tui.screens.briefing import HandoverScreen

        self.after_handover = then
        scenario = self.session.scenario
        self.show(HandoverScreen(scenario.role(role), self.session.humans[role]))
        return True

    def on_handed_over(self, message: msg.HandedOver) -> None:
        self.seat = message.role
        then, self.after_handover = self.after_handover, None
        if then is not None:
            then()

    def next_briefing(self) -> None:
        assert self.session is not None
        if not self.briefing_queue:
            self.show_turn()
            return
        role_id = self.briefing_queue[0]
        if self.hand_over_then(role_id, self.next_briefing):
            return
        from excomm_sim.stakes import stakes
        from excomm_sim.tui.screens.briefing import BriefingScreen

        role = self.session.scenario.role(role_id)
        name = self.session.humans[role_id]
        meters = stakes(self.session.scenario, self.session.observe(role_id).values)
        self.show(BriefingScreen(role, name, last=len(self.briefing_queue) == 1, stakes=meters))

    def on_briefing_read(self, message: msg.BriefingRead) -> None:
        if self.briefing_queue and self.briefing_queue[0] == message.role:
            self.briefing_queue.pop(0)
        self.next_briefing()

    def on_briefing_requested(self, message: msg.BriefingRequested) -> None:
        from excomm_sim.tui.screens.briefing import BriefingReminder

        session = self.session
        if session is None or message.role not in session.humans:
            return
        role = session.scenario.role(message.role)
        self.push_screen(BriefingReminder(role, session.humans[message.role]))
