"""The teacher console: the host's tables, live, and the teacher's controls.

``ConsoleApp`` runs the host (the coroutine the host command gives it) as an async worker
in the app's own event loop, so the classroom's network I/O never blocks the screen and
the console's controls are direct calls on the classroom, through the ``Desk``. It is
also the host's ``Frontend``: each event comes as a call on that loop, goes into the log
line and refreshes the tables. Leaving the console (q, asked first) stops the host;
``excomm-sim host --resume`` continues the lesson.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, ClassVar, Protocol

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, RichLog, Static

from excomm_sim.tui.console.dialogs import (
    CLEAR,
    ChoiceDialog,
    InjectDialog,
    ReportDialog,
    TimerDialog,
)
from excomm_sim.tui.console.view import (
    Overview,
    held_seats,
    seat_lines,
    table_row,
    timer_text,
)

REFRESH_SECONDS = 1.0
"""How often the tables are redrawn (the item timers count down)."""


class Desk(Protocol):
    """What the console needs of the classroom (``server.desk.Desk`` provides it)."""

    @property
    def lesson(self) -> str: ...

    @property
    def title(self) -> str: ...

    def tables(self) -> list[dict[str, Any]]: ...

    def events(self) -> list[tuple[str, str]]: ...

    def meters(self, number: int, values: dict[str, Any]) -> list[tuple[str, str]]: ...

    def saved_games(self) -> list[Path]: ...

    async def control(self, number: int, action: str, **fields: Any) -> str | None: ...


class Opened(Protocol):
    """What the host says when it opens (``server.serve.HostInfo``)."""

    @property
    def address(self) -> str: ...

    @property
    def lan(self) -> bool: ...

    @property
    def teacher_key(self) -> str: ...

    @property
    def key_file(self) -> Path: ...

    @property
    def resumed(self) -> bool: ...


class Happened(Protocol):
    """One of the host's events (``server.classroom.Event``)."""

    @property
    def table(self) -> int | None: ...

    @property
    def text(self) -> str: ...


RunHost = Callable[["ConsoleApp", asyncio.Event], Awaitable[None]]
"""Serve the classroom with the console as its frontend until the event is set."""


class ConsoleApp(App[int]):
    """The teacher console (see the module docstring)."""

    CSS_PATH = Path(__file__).parent.parent / "excomm.tcss"
    TITLE = "excomm-sim host"
    DEFAULT_CSS = """
    #console-head {
        height: 1; padding: 0 1; background: $primary-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    #tables { height: auto; max-height: 9; }
    #detail { height: 1fr; min-height: 4; }
    #seats-scroll { width: 1fr; padding: 0 1; }
    #meters-scroll { width: 1fr; padding: 0 1; border-left: vkey $foreground 30%; }
    #console-log { height: 6; border-top: hkey $foreground 30%; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start"),
        Binding("p", "pause", "Pause"),
        Binding("t", "timer", "Timer"),
        Binding("f", "free", "Free"),
        Binding("i", "inject", "Inject"),
        Binding("e", "end", "End"),
        Binding("r", "report", "Report"),
        Binding("q", "request_quit", "Quit"),
        Binding("ctrl+q", "request_quit", "Quit", show=False, priority=True),
    ]
    """s start the chosen table's game · p pause or resume it · t set or clear its item
    timer · f free a seat · i inject an event · e end the game · r the class report · q
    stop the host (asks first). The arrow keys choose the table."""

    def __init__(self, desk: Desk, run_host: RunHost, show_key: bool = True) -> None:
        super().__init__()
        self.desk = desk
        self.run_host = run_host
        self.show_key = show_key
        self.stop = asyncio.Event()
        self.info: Opened | None = None
        self.failure: str | None = None
        self.overviews: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Static(f"{self.desk.title} · opening the host…", id="console-head")
        yield DataTable(id="tables", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="detail"):
            with VerticalScroll(id="seats-scroll"):
                yield Static("", id="seats")
            with VerticalScroll(id="meters-scroll"):
                yield Static("", id="meters")
        yield RichLog(id="console-log", wrap=True, max_lines=500)
        yield Footer()

    def on_mount(self) -> None:
        tables = self.query_one("#tables", DataTable)
        tables.add_columns("#", "Code", "Status", "Item", "Waiting for")
        self.serve_host()
        self.set_interval(REFRESH_SECONDS, self.refresh_tables)

    @work(exclusive=True, group="host", exit_on_error=False)
    async def serve_host(self) -> None:
        """The host itself, in this app's loop, until ``stop`` is set."""
        try:
            await self.run_host(self, self.stop)
        except Exception as error:  # one sentence once the terminal is back, not a trace
            self.failure = f"the host stopped: {error}"
            self.exit(return_code=1)
            return
        self.exit(0)

    # -- the Frontend the host reports to ------------------------------------------------

    def opened(self, info: Opened) -> None:
        self.info = info
        where = "the local network" if info.lan else "this machine only"
        verb = "resumed" if info.resumed else "opened"
        self.query_one("#console-head", Static).update(
            f"Join at {info.address} ({where}) · {self.desk.title}"
        )
        self.log_line(None, f"lesson {self.desk.lesson} {verb}")
        if not info.lan:
            self.log_line(None, "this machine only: host --lan lets the class's machines join")
        self.log_line(None, f"teacher key in {info.key_file} (excomm-sim teacher reads it)")
        if self.show_key:
            self.log_line(None, f"teacher key: {info.teacher_key}")
        self.refresh_tables()
        for table in self.overviews:
            self.log_line(table["number"], f"excomm-sim join {info.address} --code {table['code']}")

    def event(self, event: Happened) -> None:
        self.log_line(event.table, event.text)
        self.refresh_tables()

    def closed(self) -> None:
        self.log_line(None, "host stopped; continue the lesson with: excomm-sim host --resume")

    def log_line(self, table: int | None, text: str) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        where = f"table {table}" if table is not None else "host"
        self.query_one("#console-log", RichLog).write(f"{stamp} {where}: {text}")

    # -- the tables ----------------------------------------------------------------------

    def refresh_tables(self) -> None:
        self.overviews = self.desk.tables()
        widget = self.query_one("#tables", DataTable)
        keep = widget.cursor_row
        widget.clear()
        for table in self.overviews:
            widget.add_row(*table_row(table), key=str(table["number"]))
        if self.overviews:
            widget.move_cursor(row=min(max(keep, 0), len(self.overviews) - 1))
        self.show_detail()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def chosen(self) -> Overview | None:
        """The table under the cursor."""
        if not self.overviews:
            return None
        row = self.query_one("#tables", DataTable).cursor_row
        return self.overviews[min(max(row, 0), len(self.overviews) - 1)]

    def show_detail(self) -> None:
        table = self.chosen()
        if table is None:
            return
        seats = [f"Table {table['number']} ({timer_text(table)})", *seat_lines(table)]
        self.query_one("#seats", Static).update("\n".join(seats))
        meters = self.desk.meters(table["number"], dict(table["values"]))
        lines = [f"{label}: {value}" for label, value in meters] or ["(the game has not started)"]
        self.query_one("#meters", Static).update("\n".join(lines))

    # -- the controls --------------------------------------------------------------------

    async def control(self, action: str, **fields: Any) -> None:
        table = self.chosen()
        if table is None:
            return
        refusal = await self.desk.control(table["number"], action, **fields)
        if refusal is not None:
            self.notify(refusal, severity="error")
        self.refresh_tables()

    async def action_start(self) -> None:
        await self.control("start")

    async def action_pause(self) -> None:
        table = self.chosen()
        if table is not None:
            await self.control("resume" if table["paused"] else "pause")

    def action_timer(self) -> None:
        table = self.chosen()
        if table is None:
            return

        async def answered(answer: float | str | None) -> None:
            if answer == CLEAR:
                await self.control("timer", seconds=None)
            elif isinstance(answer, float):
                await self.control("timer", seconds=answer)

        self.push_screen(TimerDialog(table["number"], timer_text(table)), answered)

    def action_free(self) -> None:
        table = self.chosen()
        if table is None:
            return
        held = held_seats(table)
        if not held:
            self.notify(f"Nobody holds a seat at table {table['number']}.")
            return

        async def answered(role: str | None) -> None:
            if role is not None:
                await self.control("free", seat=role)

        self.push_screen(
            ChoiceDialog(
                f"Free a seat at table {table['number']}:",
                held,
                "The computer plays the seat from now on; its student may join again.",
            ),
            answered,
        )

    def action_inject(self) -> None:
        table = self.chosen()
        events = self.desk.events()
        if table is None:
            return
        if not events:
            self.notify("This scenario has no events to inject.")
            return

        async def answered(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                event, note = answer
                await self.control("inject", event=event, note=note)

        self.push_screen(InjectDialog(table["number"], events), answered)

    def action_end(self) -> None:
        from excomm_sim.tui.screens.confirm import ConfirmScreen

        table = self.chosen()
        if table is None:
            return

        async def answered(yes: bool | None) -> None:
            if yes:
                await self.control("end")

        question = f"End the game at table {table['number']}? It is saved as it stands."
        self.push_screen(ConfirmScreen(question, yes="End it", no="Go on"), answered)

    def action_report(self) -> None:
        saves = self.desk.saved_games()
        if not saves:
            self.notify("No game has finished yet: the class report needs a finished game.")
            return
        self.build_report(saves)

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def build_report(self, saves: list[Path]) -> None:
        """Read the class's saves off the UI thread, then show the report."""
        from excomm_sim.tools.class_report import build_report
        from excomm_sim.tools.class_report_render import render

        try:
            text = render(build_report(saves), "md")
        except Exception as error:  # a save that cannot be read is said, not raised
            self.call_from_thread(self.notify, f"No report: {error}", severity="error")
            return
        self.call_from_thread(self.push_screen, ReportDialog(text))

    def action_request_quit(self) -> None:
        from excomm_sim.tui.screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.stop.set()

        question = "Stop the host? Every game is kept; excomm-sim host --resume goes on."
        self.push_screen(ConfirmScreen(question, yes="Stop", no="Stay"), answered)
