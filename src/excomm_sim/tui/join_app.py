"""A seat at a classroom host in the terminal: ``excomm-sim join HOST:PORT --code CODE``.

``JoinApp`` is the local game's screens (``tui.game_app``) over a ``RemoteSession``: join
the table, choose a free seat (unless ``--seat`` named one, or this machine already holds
one there), read the private briefing, then the decision room when it is this seat's turn
and a waiting screen when it is someone else's. All the network talk runs in one thread
worker (``table_worker``): it sends the player's moves and otherwise waits for the host,
posting what changed as messages, so the screen never waits on the network. A line at the
top says when the client is reconnecting, when the teacher paused the game and how long
is left on the item.
"""

from __future__ import annotations

import queue
import time
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from excomm_sim.engine.events import Record
from excomm_sim.engine.moves import Action, IllegalAction
from excomm_sim.session.remote import JoinError, RemoteSession
from excomm_sim.tui import messages as msg
from excomm_sim.tui.flow.game import GameFlow
from excomm_sim.tui.game_app import GameApp

WAIT_SECONDS = 0.5
"""How long the table worker waits for the host before it looks for a move to send."""


@dataclass
class StatusChanged(Message):
    """The client's connection changed ("reconnecting to …", "reconnected to …")."""

    text: str


@dataclass
class NoticeReceived(Message):
    """A line from the host for this seat (the teacher paused, time ran out…)."""

    text: str


@dataclass
class TableChanged(Message):
    """The table moved on, or its status changed; ``records`` are the seat's new records."""

    records: tuple[Record, ...]


@dataclass
class MoveAnswered(Message):
    """The host took the seat's move (``records``) or refused it (``refusal``)."""

    role: str
    records: tuple[Record, ...] = ()
    refusal: str | None = None


class TableLine(Static):
    """One line docked at the top of every screen while there is something to say about
    the connection or the table; hidden otherwise."""

    DEFAULT_CSS = """
    TableLine {
        dock: top;
        height: 1;
        padding: 0 1;
        background: $warning-muted;
        color: $text;
    }
    """


class JoiningScreen(Screen[None]):
    """Shown while the client connects; nothing to do but wait (or quit)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, id="joining-text")


class JoinApp(GameApp):
    """One seat at a host's table (see the module docstring)."""

    def __init__(
        self,
        address: str,
        code: str,
        name: str | None = None,
        seat: str | None = None,
        tokens: Path | None = None,
    ) -> None:
        super().__init__()
        self.address = address
        self.code = code
        self.player_name = name
        self.wanted_seat = seat
        self.tokens = tokens
        self.remote: RemoteSession | None = None
        self.outbox: queue.Queue[Action] = queue.Queue()
        self.connection = ""
        """The client's connection trouble, if any ("reconnecting to …")."""
        self.timer_left: float | None = None
        self.timer_read = 0.0
        self.leaving = False
        self.exit_code = 0

    def on_mount(self) -> None:
        self.push_screen(JoiningScreen(f"Joining table {self.code} at {self.address}…"))
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self.set_interval(1.0, self.refresh_line)
        self.connect()

    # -- joining -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="join", exit_on_error=False)
    def connect(self) -> None:
        """Connect (off the UI thread); then sit, or choose a seat."""
        try:
            remote = RemoteSession.connect(
                self.address,
                self.code,
                seat=self.wanted_seat,
                tokens=self.tokens,
                on_status=self.status_from_client,
                on_notice=self.notice_from_client,
            )
        except JoinError as error:
            self.call_from_thread(self.fail, str(error))
            return
        except Exception as error:  # one sentence, never a traceback
            self.call_from_thread(self.fail, f"cannot join {self.address}: {error}")
            return
        self.call_from_thread(self.joined, remote)

    def status_from_client(self, text: str) -> None:
        """Called in the client's thread: hand the news to the UI thread as a message."""
        self.post_message(StatusChanged(text))

    def notice_from_client(self, text: str) -> None:
        self.post_message(NoticeReceived(text))

    def joined(self, remote: RemoteSession) -> None:
        self.remote = remote
        if remote.seated:
            self.seated()
        elif self.wanted_seat is not None and self.player_name:
            self.sit(self.wanted_seat, self.player_name)
        else:
            self.choose_seat()

    def choose_seat(self, problem: str = "") -> None:
        from excomm_sim.tui.screens.seat_picker import SeatPickerScreen

        remote = self.remote
        assert remote is not None
        if remote.status in ("ended", "stopped"):
            self.fail(f"the game at table {remote.table} is over")
            return
        free = remote.free_seats
        if self.wanted_seat is not None:
            free = [seat for seat in free if seat["role"] == self.wanted_seat]
            if not free:
                self.fail(f"the seat {self.wanted_seat!r} is not free at table {remote.table}")
                return
        if not free:
            self.fail(f"every seat at table {remote.table} is taken; ask your teacher")
            return

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is None:
                self.exit(0)
            else:
                self.sit(*answer)

        picker = SeatPickerScreen(remote.table, remote.title, free, self.player_name, problem)
        self.push_screen(picker, chosen)

    @work(thread=True, exclusive=True, group="join", exit_on_error=False)
    def sit(self, seat: str, name: str) -> None:
        remote = self.remote
        assert remote is not None
        try:
            remote.sit(seat, name)
        except JoinError as error:
            if error.code == "seat_taken" and self.wanted_seat is None:
                self.player_name = name  # asked once is enough
                self.call_from_thread(self.choose_seat, f"{error} meanwhile; choose again.")
            else:
                self.call_from_thread(self.fail, str(error))
            return
        except TimeoutError:
            self.call_from_thread(self.fail, f"{self.address} did not answer in time")
            return
        self.call_from_thread(self.seated)

    def seated(self) -> None:
        """In the seat: the briefing first, then the game; the table worker starts."""
        remote = self.remote
        assert remote is not None
        self.session = remote
        self.flow = GameFlow(remote, briefed=remote.status != "seating" and self._returning())
        self.title = f"ExComm — table {remote.table}"
        self.table_worker()
        self.show_step(self.flow.start())
        self.refresh_line()

    def _returning(self) -> bool:
        """True when the student comes back to a game already under way (reconnect)."""
        observation = self.remote.client.observation if self.remote else None
        return observation is not None and observation.turn > 0

    # -- the table worker ----------------------------------------------------------------

    def send(self, action: Action) -> None:
        """Queue the move for the table worker, and wake it."""
        self.acting = True
        self.outbox.put(action)
        if self.remote is not None:
            self.remote.wake()

    @work(thread=True, exclusive=True, group="table", exit_on_error=False)
    def table_worker(self) -> None:
        """The only thread that talks to the session: send moves, else wait for the host."""
        try:
            self._serve_table()
        except Exception as error:  # whatever broke, the student reads one sentence
            self.call_from_thread(self.lost, f"the connection to the host failed ({error})")

    def _serve_table(self) -> None:
        remote = self.remote
        assert remote is not None
        shown = self._table_state()
        while not self.leaving:
            try:
                action = self.outbox.get_nowait()
            except queue.Empty:
                action = None
            if action is not None:
                try:
                    records = remote.act(action)
                except IllegalAction as error:
                    self.post_message(MoveAnswered(action.role, refusal=error.message))
                else:
                    self.post_message(MoveAnswered(action.role, records))
                continue
            records = remote.wait(WAIT_SECONDS)
            now = self._table_state()
            if records or now != shown:
                shown = now
                self.post_message(TableChanged(records))
            if remote.failure is not None:
                return

    def _table_state(self) -> tuple[object, ...]:
        remote = self.remote
        assert remote is not None
        return (remote.client.revision, remote.status, remote.paused, remote.timer, remote.failure)

    def on_move_answered(self, message: MoveAnswered) -> None:
        if message.refusal is not None:
            self.refused(message.refusal)
        else:
            self.acted(message.role, message.records)

    def on_table_changed(self, message: TableChanged) -> None:
        remote = self.remote
        if remote is None:
            return
        self.timer_left, self.timer_read = remote.timer, time.monotonic()
        self.refresh_line()
        if remote.failure is not None:
            self.lost(remote.failure)
            return
        self.moved_on(message.records)

    def on_status_changed(self, message: StatusChanged) -> None:
        self.connection = message.text if "reconnecting" in message.text else ""
        if not self.connection:
            self.notify(message.text)
        self.refresh_line()

    def on_notice_received(self, message: NoticeReceived) -> None:
        self.notify(message.text, timeout=8)

    # -- the line at the top -------------------------------------------------------------

    def line_text(self) -> str:
        """What the table line says now ("" hides it)."""
        remote = self.remote
        if self.failure is not None:
            return ""
        if self.connection:
            return f"{self.connection[:1].upper()}{self.connection[1:]} (your seat is kept)"
        if remote is None or self.session is None:
            return ""
        if remote.paused:
            return "The teacher has paused the game."
        if self.timer_left is not None and remote.status == "playing":
            left = max(0, round(self.timer_left - (time.monotonic() - self.timer_read)))
            return f"Time left on this item: {left // 60}:{left % 60:02d}"
        return ""

    def refresh_line(self) -> None:
        self._place_line(self.screen)

    def _screen_changed(self, screen: Screen[object]) -> None:
        self.call_after_refresh(self._place_line, screen)

    def _place_line(self, screen: Screen[object]) -> None:
        if not screen.is_mounted or screen is not self.screen:
            return
        text = self.line_text()
        lines = screen.query(TableLine)
        if not text:
            lines.remove()
            return
        if lines:
            lines.first().update(text)
        else:
            screen.mount(TableLine(text, id="table-line"))

    # -- leaving -------------------------------------------------------------------------

    def fail(self, reason: str) -> None:
        """Joining failed: leave with the reason printed (exit 1)."""
        self.failure = reason
        self.exit(return_code=1)

    def lost(self, reason: str) -> None:
        """The seat was lost for good (freed by the teacher, the host gone)."""
        from excomm_sim.tui.screens.waiting import NoticeScreen

        self.exit_code = 1
        self.failure = reason
        self.flow = None
        self.show(NoticeScreen("You have left the table", reason[:1].upper() + reason[1:] + "."))

    def on_back_to_title(self, _message: msg.BackToTitle) -> None:
        self.exit(return_code=self.exit_code)

    def quit_question(self) -> str:
        return "Leave the table? Your seat is kept for you: join again to come back."

    def on_unmount(self) -> None:
        self.leaving = True
