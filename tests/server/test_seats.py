"""Seats changing hands, the timer, the teacher's controls, and who may do what."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from excomm_sim.engine.moves import Action, IllegalAction, Inject, LeaveSeat, TakeSeat
from excomm_sim.saves import read_save, resume
from excomm_sim.scenario.load import load_path
from excomm_sim.session.client import JoinError
from excomm_sim.session.tokens import SeatTokens
from server.hosting import TINY, client, play_seat, running_host

pytestmark = pytest.mark.asyncio


async def seated(host, role: str, name: str = "", **kwargs):  # type: ignore[no-untyped-def]
    seat_client = client(host, host.code(), **kwargs)
    await seat_client.join(role)
    if seat_client.seat is None:
        await seat_client.sit(role, name or role.title())
    return seat_client


async def until(condition, limit: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(limit):
        while not condition():
            await asyncio.sleep(0.02)


async def test_a_student_away_past_the_grace_period_is_played_by_the_computer_and_comes_back(
    tmp_path: Path,
) -> None:
    tokens = SeatTokens(tmp_path / "seats.json")
    async with running_host(tmp_path, grace=0.2) as host:
        mayor = await seated(host, "mayor", "Ann", tokens=tokens)
        adviser = await seated(host, "treasurer", "Bo")
        await host.control(1, "start")
        table = host.classroom.tables[1]
        await until(lambda: adviser.observation is not None and adviser.observation.mine)
        await mayor.close()
        await until(lambda: LeaveSeat("mayor") in table.moves)
        assert "mayor" not in table.state.humans
        assert table.sources[table.moves.index(LeaveSeat("mayor"))] == "grace"
        again = client(host, host.code(), tokens=tokens)
        await again.join()  # no seat named: the token on this machine says which
        assert again.seat == "mayor" and again.name == "Ann"
        await until(lambda: TakeSeat("mayor", "Ann") in table.moves)
        assert table.state.humans["mayor"] == "Ann"
        await again.close()
        await adviser.close()


async def test_a_second_connection_with_the_token_takes_the_seat_over(tmp_path: Path) -> None:
    tokens = SeatTokens(tmp_path / "seats.json")
    async with running_host(tmp_path) as host:
        first = await seated(host, "mayor", "Ann", tokens=tokens)
        second = client(host, host.code(), tokens=tokens)
        await second.join()
        assert second.seat == "mayor"
        await until(lambda: first.failure is not None)
        assert "another connection" in first.failure
        await first.close()
        await second.close()


async def test_the_teacher_frees_a_seat_and_its_token_stops_working(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        mayor = await seated(host, "mayor", "Ann")
        token = mayor.token
        await host.control(1, "start")
        status, _ = await host.control(1, "free", seat="mayor")
        assert status == 200
        await until(lambda: mayor.failure is not None)
        assert "freed" in mayor.failure
        assert LeaveSeat("mayor") in host.classroom.tables[1].moves
        thief = client(host, host.code())
        thief.token = token
        with pytest.raises(JoinError, match="token"):
            await thief._open()
            thief._joined(await thief._hello())
        await thief.close()
        await mayor.close()


async def test_a_full_table_refuses_another_student(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        seats = [await seated(host, role) for role in ("mayor", "harbourmaster", "treasurer")]
        late = client(host, host.code())
        with pytest.raises(JoinError, match="Every seat at table 1 is taken"):
            await late.join()
        taken = client(host, host.code())
        await late.close()
        for seat_client in seats:
            await seat_client.close()
        await taken.close()


async def test_when_the_item_times_out_the_computer_acts_for_whoever_has_not(
    tmp_path: Path,
) -> None:
    async with running_host(tmp_path, timer=0.3) as host:
        notices: list[str] = []
        mayor = await seated(host, "mayor", on_notice=notices.append)
        adviser = await seated(host, "harbourmaster")
        await host.control(1, "start")
        table = host.classroom.tables[1]
        await until(lambda: len(table.moves) >= 2)  # adviser, then the decider
        assert table.sources[:2] == ["timer", "timer"]
        assert all(isinstance(move, Action) for move in table.moves[:2])
        await until(lambda: bool(notices))
        assert notices[0].startswith("Time ran out: the computer chose")
        assert adviser.timer is not None
        await mayor.close()
        await adviser.close()


async def test_a_paused_table_refuses_moves_until_resumed(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        mayor = await seated(host, "mayor")
        await host.control(1, "start")
        await until(lambda: mayor.observation is not None and mayor.observation.mine)
        await host.control(1, "pause")
        offered = mayor.observation.item.offered[0].id
        with pytest.raises(IllegalAction, match="paused"):
            await mayor.act(Action("mayor", offered))
        await host.control(1, "resume")
        await mayor.act(Action("mayor", offered))
        assert host.classroom.tables[1].revision == 1
        await mayor.close()


async def test_the_teacher_injects_an_event_and_ends_the_game_into_the_class_folder(
    tmp_path: Path,
) -> None:
    scenario = load_path(TINY)
    event = scenario.events[0].id
    async with running_host(tmp_path) as host:
        mayor = await seated(host, "mayor")
        await host.control(1, "start")
        status, _ = await host.control(1, "inject", event=event, note="A storm is coming.")
        assert status == 200
        table = host.classroom.tables[1]
        assert table.moves[-1] == Inject(event, "A storm is coming.")
        status, answer = await host.control(1, "inject", event="no_such_event")
        assert status == 409 and "no event" in answer["message"]
        await host.control(1, "end")
        await until(lambda: bool(table.saved_as))
        await until(lambda: mayor.status == "stopped")
        await mayor.close()
    save = read_save(Path(table.saved_as))
    assert Path(table.saved_as).parent == tmp_path / "class"
    assert save.actions[-1] == Inject(event, "A storm is coming.")
    assert resume(save, scenario).problem is None


async def test_a_student_cannot_act_for_another_seat_nor_out_of_turn(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        mayor = await seated(host, "mayor")
        adviser = await seated(host, "treasurer")
        await host.control(1, "start")
        await until(lambda: adviser.observation is not None and adviser.observation.mine)
        offered = adviser.observation.item.offered[0].id
        with pytest.raises(IllegalAction, match="You hold mayor's seat"):
            await mayor.act(Action("treasurer", offered))
        with pytest.raises(IllegalAction, match="treasurer's turn"):
            await mayor.act(Action("mayor", offered))
        assert host.classroom.tables[1].revision == 0
        await mayor.close()
        await adviser.close()


async def test_the_teacher_api_refuses_a_wrong_key(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        async with host.http.post(
            f"http://{host.address}/api/tables/1/start",
            json={"v": 1},
            headers={"Authorization": "Bearer not-the-key"},
        ) as response:
            assert response.status == 403
            assert (await response.json())["code"] == "forbidden"
        assert host.classroom.tables[1].status == "seating"


async def test_wrong_codes_from_one_address_are_rate_limited(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        for _ in range(30):
            guess = client(host, "AAA-222")
            with pytest.raises(JoinError, match="no table with that code"):
                await guess.join()
            await guess.close()
        right = client(host, host.code())
        with pytest.raises(JoinError, match="Too many wrong codes"):
            await right.join()
        await right.close()


async def test_scripted_students_finish_a_game_with_arguments_kept_in_the_save(
    tmp_path: Path,
) -> None:
    async with running_host(tmp_path) as host:
        roles = ("mayor", "harbourmaster", "treasurer")
        clients = [await seated(host, role) for role in roles]
        await host.control(1, "start")
        async with asyncio.timeout(60):
            await asyncio.gather(*(play_seat(c, r) for c, r in zip(clients, roles, strict=True)))
        table = host.classroom.tables[1]
        await until(lambda: bool(table.saved_as))
        for seat_client in clients:
            await seat_client.close()
    save = read_save(Path(table.saved_as))
    assert any(isinstance(m, Action) and m.argument for m in save.actions)
