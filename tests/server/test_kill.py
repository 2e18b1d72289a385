"""``kill -9`` of a real host in the middle of a game, then ``host --resume``: no move the
host acknowledged is lost, the clients reconnect by themselves, and the game finishes."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
from collections import Counter
from pathlib import Path

from excomm_sim.saves import read_save
from server.hosting import TINY, client, play_seat


async def start_host(home: Path, *args: str) -> tuple[asyncio.subprocess.Process, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "excomm_sim",
        "host",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "EXCOMM_SIM_HOME": str(home), "PYTHONIOENCODING": "utf-8"},
    )
    assert process.stdout is not None
    async with asyncio.timeout(60):
        while True:
            line = (await process.stdout.readline()).decode()
            assert line, (await process.stderr.read()).decode() if process.stderr else ""
            found = re.search(r"listening on (127\.0\.0\.1:\d+)", line)
            if found:
                return process, found.group(1)


async def test_a_killed_host_resumes_every_acknowledged_move_and_the_game_finishes(
    tmp_path: Path,
) -> None:
    home = tmp_path / "teacher"
    host, address = await start_host(
        home, str(TINY), "--port", "0", "--class", str(tmp_path / "class")
    )
    key = json.loads((home / "host" / "host.json").read_text())["key"]
    code = None
    try:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            headers = {"Authorization": f"Bearer {key}"}
            async with http.get(f"http://{address}/api/tables", headers=headers) as response:
                code = (await response.json())["tables"][0]["code"]
            roles = ("mayor", "harbourmaster", "treasurer")
            clients = {}
            statuses: list[str] = []
            for role in roles:
                clients[role] = client(address, code, on_status=statuses.append)
                await clients[role].join()
                await clients[role].sit(role, role.title())
            async with http.post(
                f"http://{address}/api/tables/1/start", json={"v": 1}, headers=headers
            ) as response:
                assert response.status == 200
            players = [
                asyncio.ensure_future(play_seat(clients[role], role, think=0.15)) for role in roles
            ]
            async with asyncio.timeout(30):
                while clients["mayor"].revision < 3:
                    await asyncio.sleep(0.01)
            host.send_signal(signal.SIGKILL)
            await host.wait()
            await asyncio.sleep(0.5)
            host, again = await start_host(home, "--resume")
            assert again == address
            async with asyncio.timeout(60):
                made = await asyncio.gather(*players)
            for seat_client in clients.values():
                await seat_client.close()
            async with http.get(f"http://{address}/api/tables", headers=headers) as response:
                table = (await response.json())["tables"][0]
            async with asyncio.timeout(10):
                while not table["saved_as"]:
                    await asyncio.sleep(0.05)
                    async with http.get(f"http://{address}/api/tables", headers=headers) as r:
                        table = (await r.json())["tables"][0]
    finally:
        if host.returncode is None:
            host.send_signal(signal.SIGTERM)
            await host.wait()
    assert any("reconnecting" in line for line in statuses)
    assert any("reconnected" in line for line in statuses)
    assert not any("cannot read" in line for line in statuses), statuses
    assert table["status"] == "ended"
    save = read_save(Path(table["saved_as"]))
    taken = Counter(save.actions)
    for moves in made:
        for move in moves:  # every move a client made is in the game, once
            assert taken[move] >= 1
    assert sum(len(moves) for moves in made) == len(save.actions)
