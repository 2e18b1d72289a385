"""The plain game over a remote session, when the host moves on while the player types."""

from __future__ import annotations

import asyncio
import io
import time
from pathlib import Path

from excomm_sim.plain import PlainGame
from excomm_sim.session.remote import RemoteSession
from server.hosting import running_host


class SlowReader(io.StringIO):
    """A player who answers the first question only after ``delay`` seconds, then leaves."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay
        self.lines = ["1\n"]

    def readline(self, size: int = -1) -> str:
        if not self.lines:
            return ""
        time.sleep(self.delay)
        return self.lines.pop(0)


async def test_an_answer_typed_after_the_time_ran_out_is_not_applied_to_the_next_item(
    tmp_path: Path,
) -> None:
    async with running_host(tmp_path, timer=0.3) as host:
        out = io.StringIO()
        session = await asyncio.to_thread(
            RemoteSession.connect,
            host.address,
            host.code(),
            tokens=tmp_path / "seats.json",
            on_notice=lambda text: out.write(f"* {text}\n"),
        )
        await asyncio.to_thread(session.sit, "mayor", "Ann")
        await host.control(1, "start")
        await asyncio.to_thread(session.wait_until_started)
        code = await asyncio.to_thread(PlainGame(session, SlowReader(1.0), out).run)
        await asyncio.to_thread(session.close)
        table = host.classroom.tables[1]
    text = out.getvalue()
    assert code == 0
    assert "* Time ran out: the computer chose" in text
    assert "The game moved on while you were choosing:" in text
    assert table.sources and set(table.sources) == {"timer"}  # the late "1" never counted
