"""Browser seats on one host: time to the first game frame, and memory per seat.

The host runs as its own process (``excomm-sim host --tables 5 --port 0``), as a teacher
starts it, on loopback. Measured:

- **landing page to first frame**: in headless Debian Chromium (a fresh browser per run,
  so each run is a new student), from opening ``/`` to the page's first frame of the game
  (textual-serve marks the body ``-first-byte`` when the terminal's first output arrives):
  typing the code and name, the seat list, joining, the game's page, its process starting
  and drawing. Median and spread over ``--runs``.
- **memory per browser seat on the host**: each seat is an ``excomm-sim join`` process.
  ``--seats`` of them are opened the way the page opens them (a ticket from ``/join``, then
  the game's WebSocket, read until the game has drawn its briefing), then the host's child
  processes are measured: PSS (shared pages split between the processes that share them:
  the fair cost of one more seat) and RSS, from /proc. The Chromium windows are the
  students' machines, not the host's, so they are not counted.

    python benchmarks/bench_browser.py [--runs 7] [--seats 30]

Target (docs/classroom.md): 30 seats under 3 GB on the host.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from browser.chromium import HostProcess, start_chromium, wait_until

ROLES = (
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


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        total = int(info.readline().split()[1]) // 1024
    return (
        f"{cpu}, {os.cpu_count()} cores, {total} MB RAM, load {os.getloadavg()[0]:.1f}, "
        f"Python {platform.python_version()}"
    )


def first_frame(url: str, code: str, seat: str) -> float:
    """Seconds from opening the landing page to the game's first frame, in a new browser."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = start_chromium((1024, 768))
    try:
        start = time.perf_counter()
        driver.get(url + "/")
        driver.find_element(By.ID, "code").send_keys(code)
        driver.find_element(By.ID, "name").send_keys("Bench")
        while not driver.find_elements(By.CSS_SELECTOR, f"#seat option[value={seat}]"):
            time.sleep(0.01)
        Select(driver.find_element(By.ID, "seat")).select_by_value(seat)
        driver.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()
        while "-first-byte" not in (
            driver.execute_script("return document.body && document.body.className") or ""
        ):
            if time.perf_counter() - start > 120:
                raise SystemExit("no first frame within 120 s")
            time.sleep(0.01)
        return time.perf_counter() - start
    finally:
        driver.quit()


async def open_seat(url: str, code: str, seat: str, number: int) -> aiohttp.ClientSession:
    """A seat opened as the page opens it; returns the session holding its WebSocket."""
    http = aiohttp.ClientSession(url, cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with http.get("/"):
        pass
    async with http.post(
        "/join", data={"code": code, "name": f"Seat {number}", "seat": seat}
    ) as joined:
        ticket = joined.url.path
        assert ticket.startswith("/play/"), await joined.text()
    socket = await http.ws_connect(f"{ticket}/ws?width=100&height=32", origin=url)
    received = 0
    deadline = time.monotonic() + 120
    while received < 20_000 and time.monotonic() < deadline:  # the briefing drawn
        message = await socket.receive(timeout=120)
        if message.type is aiohttp.WSMsgType.BINARY:
            received += len(message.data)
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            raise SystemExit(f"seat {number}'s game closed")
    http.socket = socket  # type: ignore[attr-defined]
    # Keep reading, as the page does: the socket's heartbeat is answered only while read.
    http.reader = asyncio.ensure_future(_drain(socket))  # type: ignore[attr-defined]
    return http


async def _drain(socket: aiohttp.ClientWebSocketResponse) -> None:
    async for _message in socket:
        pass


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of ``pid`` in kB."""
    pss = rss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
        elif line.startswith("Rss:"):
            rss = int(line.split()[1])
    return pss, rss


async def seats_memory(url: str, codes: list[str], host_pid: int, count: int) -> dict[str, Any]:
    host_before = memory_kb(host_pid)
    sessions: list[aiohttp.ClientSession] = []
    try:
        for number in range(count):
            code = codes[number // len(ROLES)]
            sessions.append(await open_seat(url, code, ROLES[number % len(ROLES)], number))
        await asyncio.sleep(3)
        games = children(host_pid)
        if len(games) != count:
            raise SystemExit(f"{len(games)} game processes for {count} seats")
        measured = [memory_kb(pid) for pid in games]
        host_after = memory_kb(host_pid)
    finally:
        for http in sessions:
            http.reader.cancel()  # type: ignore[attr-defined]
            await http.socket.close()  # type: ignore[attr-defined]
            await http.close()
    pss = [m[0] / 1024 for m in measured]
    rss = [m[1] / 1024 for m in measured]
    return {
        "seats": count,
        "processes": len(games),
        "pss_per_seat_mb": round(statistics.median(pss), 1),
        "rss_per_seat_mb": round(statistics.median(rss), 1),
        "total_pss_mb": round(sum(pss), 1),
        "total_rss_mb": round(sum(rss), 1),
        "host_growth_mb": round((host_after[1] - host_before[1]) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seats", type=int, default=30)
    args = parser.parse_args()
    host = HostProcess(Path(tempfile.mkdtemp()) / "home", "--tables", "5")
    wait_until(lambda: len(host.codes()) == 5, "the host's five tables")
    url, codes = host.url, host.codes()
    try:
        times = [first_frame(url, codes[0], ROLES[run % len(ROLES)]) for run in range(args.runs)]
        # The first-frame browsers sat at table 1; the seats measured sit at tables 2 to 5.
        memory = asyncio.run(seats_memory(url, codes[1:], host.process.pid, args.seats))
    finally:
        host.stop()
    result = {
        "machine": machine(),
        "first_frame_median_s": round(statistics.median(times), 2),
        "first_frame_min_s": round(min(times), 2),
        "first_frame_max_s": round(max(times), 2),
        "runs": args.runs,
        **memory,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
