"""The running log: every record of the game so far, one line each, newest last."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from excomm_sim.engine.events import Record
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.records import record_text
from excomm_sim.tui.widgets.hanging import hung


def log_lines(scenario: Scenario, records: Sequence[Record], limit: int | None = 60) -> list[str]:
    """The last ``limit`` records (None: all), as the log shows them (give it the records
    a seat may see: its observation's log)."""
    lines = [line for line in (record_text(scenario, r, symbols=True) for r in records) if line]
    return lines if limit is None else lines[-limit:]


class GameLog(Static):
    """The game's log as plain lines (the enclosing container scrolls)."""

    DEFAULT_CSS = """
    GameLog {
        height: auto;
        padding: 0 1;
    }
    """

    def show(
        self,
        scenario: Scenario,
        records: Sequence[Record],
        newest_first: bool = True,
        limit: int | None = 60,
    ) -> None:
        lines = log_lines(scenario, records, limit)
        if newest_first:
            lines.reverse()
        self.update(hung(Content("\n").join(Content("• " + line) for line in lines)))
