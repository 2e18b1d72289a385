"""Which screen comes next in a game, for any ``Session``: local (solo, hot-seat) or remote.

``GameFlow`` holds no Textual and does no I/O: the app sends the session the player's move
(in a worker, since a local session writes its save and a remote one waits on the host),
then tells the flow what came back, and shows the step the flow returns. The flow keeps
the one rule of hot-seat play (nothing private on screen until its player has the
keyboard) and, at a host, what others did while this player was busy, so it is shown
before the next decision rather than lost.
"""

from __future__ import annotations

from collections.abc import Callable

from excomm_sim.engine.events import DecisionPosed, OptionChosen, Record
from excomm_sim.engine.moves import IllegalAction
from excomm_sim.engine.observe import Observation
from excomm_sim.session.interface import Session
from excomm_sim.tui.flow.steps import (
    Briefing,
    Consequences,
    Debrief,
    Decision,
    Handover,
    Step,
    Stopped,
    Waiting,
)


class GameFlow:
    """The screens of one game, from the first briefing to the debrief."""

    def __init__(self, session: Session, briefed: bool = False) -> None:
        """``briefed``: skip the briefings (a game resumed from a save)."""
        self.session = session
        self.seat: str | None = session.seats[0] if len(session.seats) == 1 else None
        """The seat whose private information may be on screen."""
        self.briefings: list[str] = [] if briefed else list(session.seats)
        """Seats still to read their briefing, in seat order."""
        self.after_handover: Callable[[], Step] | None = None
        self.unshown: list[Record] = []
        """Records that came from the host while the player was on another screen."""
        self.shown: Step | None = None
        """The step on screen now (the app reports it through ``showing``)."""

    # -- what the app reports ------------------------------------------------------------

    def start(self) -> Step:
        """The first screen of the game."""
        return self._showing(self._next_briefing())

    def briefing_read(self, role: str) -> Step:
        if self.briefings and self.briefings[0] == role:
            self.briefings.pop(0)
        return self._showing(self._next_briefing())

    def handed_over(self, role: str) -> Step:
        self.seat = role
        then, self.after_handover = self.after_handover, None
        return self._showing(then() if then is not None else self._turn())

    def acted(self, role: str, records: tuple[Record, ...]) -> Step:
        """``role``'s move was taken and led to ``records`` (what that seat may see)."""
        seen = (*self.unshown, *self.session.seen(records, role))
        self.unshown = []
        if any(isinstance(record, OptionChosen) for record in seen):
            return self._showing(self._consequences(seen))
        return self.turn()

    def consequences_read(self) -> Step:
        return self.turn()

    def turn(self) -> Step:
        """The decision room for whoever must act here next, or what to show instead."""
        return self._showing(self._turn())

    def moved_on(self, records: tuple[Record, ...]) -> Step | None:
        """The game moved without this session (others at a host, a timer, the teacher):
        the step to show now, or None to leave the screen as it is."""
        self.unshown.extend(records)
        shown = self.shown
        if isinstance(shown, (Briefing, Handover, Consequences)):
            return None  # the player is reading; what came is shown when they go on
        if isinstance(shown, Decision):
            if self._still_deciding(shown):
                self.unshown = []  # others' advice on this item: the room is still up
                return None
            return self.turn()
        if isinstance(shown, (Debrief, Stopped)):
            return None
        return self.turn()

    # -- the rules of the flow -----------------------------------------------------------

    def hot_seat(self) -> bool:
        return len(self.session.seats) > 1

    def _showing(self, step: Step) -> Step:
        self.shown = step
        if isinstance(step, (Decision, Waiting)):
            self.unshown = []  # their log shows everything so far
        return step

    def _next_briefing(self) -> Step:
        if not self.briefings:
            return self._turn()
        role = self.briefings[0]
        handover = self._hand_over(role, self._next_briefing)
        if handover is not None:
            return handover
        player = self.session.humans.get(role, "")
        return Briefing(role, player, last=len(self.briefings) == 1)

    def _hand_over(self, role: str, then: Callable[[], Step]) -> Handover | None:
        """In hot-seat, the hand-over screen before ``role``'s private screens."""
        if not self.hot_seat() or self.seat == role:
            return None
        self.after_handover = then
        return Handover(role, self.session.humans[role])

    def _turn(self) -> Step:
        session = self.session
        if any(isinstance(record, OptionChosen) for record in self.unshown):
            seen, self.unshown = tuple(self.unshown), []
            return self._consequences(seen)
        try:
            turn = session.to_act
        except IllegalAction:  # a seat at a host whose game the teacher has not started
            return Waiting(None, "the teacher to start the game")
        if turn.role is None:
            if session.ended:
                return Debrief(session.observe(None))
            if turn.kind == "ended":
                return Stopped(self._view())
            return Waiting(self._view(), "the game to go on")
        if turn.role not in session.seats:
            return Waiting(self._view(), self._whom(turn.role, turn.kind))
        handover = self._hand_over(turn.role, self._turn)
        if handover is not None:
            return handover
        return Decision(session.observe(turn.role))

    def _still_deciding(self, shown: Decision) -> bool:
        """True while the item on the decision room's screen is still this seat's to act on."""
        try:
            turn = self.session.to_act
        except IllegalAction:
            return False
        item = shown.observation.item
        now = self.session.observe(turn.role).item if turn.role in self.session.seats else None
        if item is None or now is None or turn.role != shown.observation.to_act.role:
            return False
        return (now.number, now.decision.id) == (item.number, item.decision.id)

    def _consequences(self, records: tuple[Record, ...]) -> Consequences:
        """What happened; an item posed before it is left out (its room showed it)."""
        start = 0
        while start < len(records) and isinstance(records[start], DecisionPosed):
            start += 1
        session = self.session
        return Consequences(records[start:], session.ended, session.date)

    def _view(self) -> Observation | None:
        """What may be on screen while others act: the seat's own view (a remote session
        has one seat), else the public one."""
        try:
            return self.session.observe(self.seat)
        except IllegalAction:  # a seat at a host whose game has not started
            return None

    def _whom(self, role: str, kind: str) -> str:
        scenario = self.session.scenario
        name = scenario.role(role).name
        player = self.session.humans.get(role)
        verb = "decide" if kind == "decide" else "recommend"
        who = f"{player} ({name})" if player else f"the computer ({name})"
        return f"{who} to {verb}"
