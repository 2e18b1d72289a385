"""A full classroom on one host: 30 tables x 9 seats = 270 clients play whole games.

The host runs as its own process (``excomm-sim host meeting19 --tables 30 --port 0``),
exactly as a teacher starts it; the 270 students are light scripted WebSocket clients in
this process, on loopback, each thinking a moment before it acts. Measured:

- latency from a move sent to the last of its table's nine seats receiving the update it
  caused (the move committed to disk, the kernel run, nine observations written and sent),
  p50 and p99 over every move of every game;
- the host's peak memory (VmHWM from /proc);
- lost or duplicated moves (every acknowledged move is in the store once, in order, and
  nothing else is) and error frames (there must be none).

    python benchmarks/bench_classroom.py [--tables 30] [--think 0.3]

Targets (docs/classroom.md): p99 < 100 ms, peak memory < 300 MB, 0 lost, 0 duplicated,
0 errors. A whole run takes about two minutes on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

SEATS = (
    "president",
    "rusk",
    "mcnamara",
    "mccone",
    "stevenson",
    "mccloy",
    "taylor",
    "thompson",
    "yost",
)


class Table:
    """The bench's view of one table: when each move was sent, who has seen what."""

    def __init__(self, number: int, code: str) -> None:
        self.number = number
        self.code = code
        self.sent: dict[int, float] = {}
        """Revision a move will make -> when it was sent."""
        self.seen: dict[int, int] = {}
        """Revision -> how many seats have received it."""
        self.latencies: list[float] = []
        self.acks: list[int] = []
        self.done = 0

    def received(self, revision: int, now: float) -> None:
        for r in range(max(self.seen, default=0) + 1, revision + 1):
            self.seen.setdefault(r, 0)
        for r in [r for r in self.seen if r <= revision]:
            self.seen[r] += 1
            if self.seen[r] == len(SEATS):
                del self.seen[r]
                if r in self.sent:
                    self.latencies.append(now - self.sent.pop(r))


class Student:
    def __init__(self, table: Table, seat: str, think: float, rng: random.Random) -> None:
        self.table, self.seat, self.think, self.rng = table, seat, think, rng
        self.errors: list[str] = []
        self.seq = 0
        self.revision = -1

    async def play(self, http: aiohttp.ClientSession, address: str, ready: asyncio.Event) -> None:
        async with http.ws_connect(f"ws://{address}/ws", max_msg_size=0) as ws:
            await ws.send_str(json.dumps({"v": 1, "type": "hello", "code": self.table.code}))
            await ws.receive()
            await ws.send_str(
                json.dumps({"v": 1, "type": "sit", "seat": self.seat, "name": self.seat.title()})
            )
            ready.set()
            acting: asyncio.Task[None] | None = None
            async for message in ws:
                data = json.loads(message.data)
                kind = data["type"]
                if kind == "error":
                    self.errors.append(f"{data['code']}: {data['message']}")
                elif kind == "ack":
                    self.table.acks.append(data["revision"])
                elif kind == "update" and data["observation"] is not None:
                    now = time.perf_counter()
                    self.revision = data["revision"]
                    self.table.received(self.revision, now)
                    observation = data["observation"]
                    if observation["ending"] is not None or data["status"] != "playing":
                        self.table.done += 1
                        return
                    turn = observation["to_act"]
                    if turn["role"] == self.seat and (acting is None or acting.done()):
                        acting = asyncio.ensure_future(self.act(ws, observation, data["revision"]))

    async def act(self, ws: Any, observation: dict[str, Any], revision: int) -> None:
        await asyncio.sleep(self.rng.uniform(0, 2 * self.think))
        item = observation["item"]
        offered = [view["option"] for view in item["options"] if view["offered"]]
        move: dict[str, str] = {"role": self.seat, "option": self.rng.choice(offered)}
        if observation["to_act"]["kind"] == "recommend" and self.rng.random() < 0.3:
            move["argument"] = "Because the record says so."
        self.seq += 1
        self.table.sent[revision + 1] = time.perf_counter()
        await ws.send_str(
            json.dumps(
                {
                    "v": 1,
                    "type": "act",
                    "seq": self.seq,
                    "turn": item["number"],
                    "decision": item["decision"],
                    "move": move,
                }
            )
        )


def peak_memory_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(found.group(1)) / 1024 if found else float("nan")


async def bench(tables: int, think: float, seed: int) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="bench-classroom-"))
    host = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "excomm_sim",
        "host",
        "--tables",
        str(tables),
        "--port",
        "0",
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "EXCOMM_SIM_HOME": str(home)},
    )
    assert host.stdout is not None
    address = ""
    codes: dict[int, str] = {}
    while len(codes) < tables:
        line = (await host.stdout.readline()).decode()
        if not line:
            raise SystemExit("the host stopped before it opened")
        if found := re.search(r"listening on (\S+),", line):
            address = found.group(1)
        if found := re.match(r"table (\d+): .* --code (\S+)", line):
            codes[int(found.group(1))] = found.group(2)
    drain = asyncio.ensure_future(host.stdout.read())
    key = json.loads((home / "host" / "host.json").read_text())["key"]
    rng = random.Random(seed)
    boards = [Table(n, codes[n]) for n in sorted(codes)]
    students = [
        Student(board, seat, think, random.Random(rng.random()))
        for board in boards
        for seat in SEATS
    ]
    connector = aiohttp.TCPConnector(limit=0)
    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector) as http:
        ready = [asyncio.Event() for _ in students]
        games = [
            asyncio.ensure_future(student.play(http, address, event))
            for student, event in zip(students, ready, strict=True)
        ]
        await asyncio.gather(*(event.wait() for event in ready))
        await asyncio.sleep(0.5)
        headers = {"Authorization": f"Bearer {key}"}
        for board in boards:
            async with http.post(
                f"http://{address}/api/tables/{board.number}/start", json={"v": 1}, headers=headers
            ) as response:
                assert response.status == 200, await response.text()
        playing = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*games), timeout=1800)
        finished = time.perf_counter()
    memory = peak_memory_mb(host.pid)
    host.send_signal(signal.SIGTERM)
    await host.wait()
    drain.cancel()
    store = sqlite3.connect(home / "host" / "classroom.sqlite3")
    lost = duplicated = 0
    moves = 0
    for board in boards:
        stored = store.execute(
            "select idx from moves where number=? order by idx", (board.number,)
        ).fetchall()
        indexes = [idx for (idx,) in stored]
        moves += len(indexes)
        acked = sorted(board.acks)
        duplicated += len(acked) - len(set(acked))
        lost += len(set(acked) - {i + 1 for i in indexes})
        lost += len(indexes) != len(set(indexes))
    latencies = sorted(latency for board in boards for latency in board.latencies)
    errors = [error for student in students for error in student.errors]
    return {
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}",
        "tables": tables,
        "clients": len(students),
        "think_s": think,
        "moves": moves,
        "moves_per_s": round(moves / (finished - playing), 1),
        "latency_p50_ms": round(1000 * statistics.median(latencies), 1),
        "latency_p99_ms": round(1000 * latencies[int(0.99 * (len(latencies) - 1))], 1),
        "latency_max_ms": round(1000 * latencies[-1], 1),
        "latencies_measured": len(latencies),
        "host_peak_memory_mb": round(memory, 1),
        "lost_moves": lost,
        "duplicated_moves": duplicated,
        "errors": len(errors),
        "first_errors": errors[:3],
        "seconds": round(finished - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tables", type=int, default=30)
    parser.add_argument("--think", type=float, default=0.3, help="mean think time per move (s)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    result = asyncio.run(bench(args.tables, args.think, args.seed))
    print(json.dumps(result, indent=2))
    ok = (
        result["latency_p99_ms"] < 100
        and result["host_peak_memory_mb"] < 300
        and not result["lost_moves"]
        and not result["duplicated_moves"]
        and not result["errors"]
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
