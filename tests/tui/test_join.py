"""The terminal interface at a classroom host: a real host on a loopback port, the join app
driven by Pilot, another student's seat played by a scripted client."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from excomm_sim.engine.moves import Action
from excomm_sim.tui.join_app import JoinApp, StatusChanged, TableLine
from server.hosting import client, running_host

BOUND = 30.0


async def until(pilot: Pilot[int], check: Callable[[], bool], what: str) -> None:
    """Let the app run until ``check()`` holds (the host answers over a real socket)."""
    async with asyncio.timeout(BOUND):
        while not check():
            await pilot.pause(0.05)


def screen_text(app: JoinApp) -> str:
    from textual.widgets import Static

    parts = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    return "\n".join(parts)


async def test_a_student_chooses_a_seat_reads_the_briefing_and_decides(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        app = JoinApp(host.address, host.code(), tokens=tmp_path / "seats.json")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Choose your seat" in screen_text(app), "the seat picker")
            await pilot.press("enter")  # the first free seat: the mayor
            await pilot.press(*"Ann", "enter")
            await until(pilot, lambda: "PRIVATE BRIEFING" in screen_text(app), "the briefing")
            assert "Mayor Ada Byrne" in screen_text(app)
            await pilot.press("enter")
            await until(pilot, lambda: "has not started" in screen_text(app), "waiting")
            await host.control(1, "start")
            await until(pilot, lambda: "— decide" in screen_text(app), "the decision room")
            await pilot.press("1", "enter")
            await until(pilot, lambda: "What happened" in screen_text(app), "what happened")
            text = screen_text(app)
            assert "decides: “Demand they depart”" in text, text


async def test_an_adviser_gives_a_case_and_sees_what_the_decider_did(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        mayor = client(host, host.code())
        await mayor.join()
        await mayor.sit("mayor", "Cy")
        app = JoinApp(
            host.address, host.code(), "Bo", "harbourmaster", tokens=tmp_path / "seats.json"
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "PRIVATE BRIEFING" in screen_text(app), "the briefing")
            await pilot.press("enter")
            await host.control(1, "start")
            await until(pilot, lambda: "— recommend" in screen_text(app), "the decision room")
            await pilot.press("1", "enter")
            await until(pilot, lambda: "Your case" in screen_text(app), "the argument field")
            await pilot.press(*"They go if asked", "enter")
            await until(pilot, lambda: "waiting for" in screen_text(app), "waiting")
            assert "Cy (Mayor Ada Byrne) to decide" in screen_text(app)
            table = host.classroom.tables[1]
            recommended = [m for m in table.moves if getattr(m, "role", "") == "harbourmaster"]
            assert recommended and recommended[-1].argument == "They go if asked"
            await until(pilot, lambda: bool(mayor.observation and mayor.observation.mine), "turn")
            item = mayor.observation.item
            await mayor.act(Action("mayor", item.offered[0].id))
            await until(pilot, lambda: "What happened" in screen_text(app), "what happened")
            assert "Mayor Ada Byrne decides" in screen_text(app)
        await mayor.close()


async def test_the_client_says_it_is_reconnecting_and_lands_back_in_its_seat(
    tmp_path: Path,
) -> None:
    seen: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, StatusChanged):
            seen.append(message.text)

    async with running_host(tmp_path) as host:
        app = JoinApp(host.address, host.code(), "Ann", "mayor", tokens=tmp_path / "seats.json")
        async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
            await until(pilot, lambda: "PRIVATE BRIEFING" in screen_text(app), "the briefing")
            await pilot.press("enter")
            await host.control(1, "start")
            await until(pilot, lambda: "— decide" in screen_text(app), "the decision room")
            for connection in list(host.classroom.connections[1]):
                connection.close(1012, "restarting")
            await until(pilot, lambda: any("reconnected" in text for text in seen), "back")
            assert any("reconnecting" in text for text in seen)
            assert app.remote is not None and app.remote.seat == "mayor"
            await pilot.press("1", "enter")
            await until(pilot, lambda: "What happened" in screen_text(app), "what happened")
            assert "Mayor Ada Byrne decides" in screen_text(app)


async def test_the_reconnecting_line_shows_on_the_screen_while_the_client_is_away(
    tmp_path: Path,
) -> None:
    async with running_host(tmp_path) as host:
        app = JoinApp(host.address, host.code(), "Ann", "mayor", tokens=tmp_path / "seats.json")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "PRIVATE BRIEFING" in screen_text(app), "the briefing")
            app.post_message(StatusChanged(f"reconnecting to {host.address}…"))
            await until(pilot, lambda: bool(app.screen.query(TableLine)), "the line")
            line = app.screen.query_one(TableLine)
            assert "Reconnecting" in str(line.render()) and "seat is kept" in str(line.render())
            app.post_message(StatusChanged(f"reconnected to {host.address}"))
            await until(pilot, lambda: not app.screen.query(TableLine), "the line gone")


async def test_the_decider_reads_the_advisers_own_case(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        adviser = client(host, host.code())
        await adviser.join()
        await adviser.sit("harbourmaster", "Bo")
        app = JoinApp(host.address, host.code(), "Ann", "mayor", tokens=tmp_path / "seats.json")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "PRIVATE BRIEFING" in screen_text(app), "the briefing")
            await pilot.press("enter")
            await host.control(1, "start")
            await until(pilot, lambda: bool(adviser.observation and adviser.observation.mine), "")
            item = adviser.observation.item
            await adviser.act(Action("harbourmaster", item.offered[0].id, "They leave if asked"))
            await until(pilot, lambda: "— decide" in screen_text(app), "the decision room")
            await until(pilot, lambda: "“They leave if asked”" in screen_text(app), "the case")
        await adviser.close()
