"""Bad input at the command line: one clear sentence and a non-zero exit, never a traceback."""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import re
import socket
import struct
import sys
import termios
from pathlib import Path

import pytest
from aiohttp import web

from excomm_sim.session.client import TableClient
from server.hosting import Host, client, running_host


async def cli(home: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "excomm_sim",
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "EXCOMM_SIM_HOME": str(home), "PYTHONIOENCODING": "utf-8"},
    )
    async with asyncio.timeout(60):
        out, err = await process.communicate(stdin.encode())
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
"""A terminal control sequence (CSI, OSC, DCS, or a two-character escape)."""
LEAVE_ALTERNATE_SCREEN = "\x1b[?1049l"


async def tty_cli(home: Path, *args: str) -> tuple[int, str]:
    """Run the command in a pseudo-terminal (80x24), as a student's terminal would: the
    exit code and what it wrote once its screen was closed, control sequences taken out
    (a Textual app draws on stderr, and the command's own sentence follows it there)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "excomm_sim",
        *args,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "EXCOMM_SIM_HOME": str(home), "TERM": "xterm-256color"},
    )
    os.close(slave)
    loop = asyncio.get_running_loop()
    shown = bytearray()
    closed = loop.create_future()

    def drain() -> None:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            chunk = b""
        if chunk:
            shown.extend(chunk)
        else:
            loop.remove_reader(master)
            if not closed.done():
                closed.set_result(None)

    loop.add_reader(master, drain)
    try:
        async with asyncio.timeout(60):
            await process.wait()
            await closed
    finally:
        loop.remove_reader(master)
        os.close(master)
    assert process.returncode is not None
    # What the app drew is on the alternate screen; what the command said after it closed
    # follows the switch back to the normal screen.
    after = shown.decode("utf-8", "replace").rpartition(LEAVE_ALTERNATE_SCREEN)[2]
    return process.returncode, ESCAPE.sub("", after).replace("\r", "")


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


async def fill_table(host: Host) -> list[TableClient]:
    """Every seat of the tiny scenario's table 1 taken by a client (closed by the caller)."""
    seats = []
    for role in ("mayor", "harbourmaster", "treasurer"):
        seat_client = client(host, host.code())
        await seat_client.join()
        await seat_client.sit(role, role)
        seats.append(seat_client)
    return seats


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_a_port_in_use_is_one_sentence(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = await cli(tmp_path, "host", "--port", str(port))
    assert code == 1
    assert one_sentence(err) == (
        f"excomm-sim host: port {port} is already in use (is another host running?); "
        "choose another with --port"
    )


async def test_joining_where_nothing_listens_is_one_sentence(tmp_path: Path) -> None:
    port = free_port()
    code, _, err = await cli(tmp_path, "join", f"127.0.0.1:{port}", "--code", "KMR-472", "--plain")
    assert code == 1
    assert one_sentence(err).startswith(
        f"excomm-sim join: nothing is listening at 127.0.0.1:{port}"
    )


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"127.0.0.1:{port}"


def future_host() -> web.Application:
    """A host of protocol version 2: it answers every hello in its own version."""

    async def play(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.receive()
        await ws.send_str(
            json.dumps(
                {"v": 2, "type": "error", "code": "version", "message": "speak 2", "version": 2}
            )
        )
        await ws.close()
        return ws

    app = web.Application()
    app.router.add_get("/ws", play)
    return app


async def test_a_host_of_another_protocol_version_is_one_sentence(tmp_path: Path) -> None:
    runner, address = await _serve(future_host())
    try:
        code, _, err = await cli(tmp_path, "join", address, "--code", "KMR-472", "--plain")
    finally:
        await runner.cleanup()
    assert code == 1
    assert "speaks protocol version 2; this excomm-sim speaks version 1" in one_sentence(err)


async def test_a_server_that_is_not_a_host_is_one_sentence(tmp_path: Path) -> None:
    runner, address = await _serve(web.Application())
    try:
        code, _, err = await cli(tmp_path, "join", address, "--code", "KMR-472", "--plain")
    finally:
        await runner.cleanup()
    assert code == 1
    assert one_sentence(err) == (
        f"excomm-sim join: {address} answered, but not as an excomm-sim host (HTTP 404)"
    )


async def test_a_full_table_and_a_wrong_code_are_one_sentence_each(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        seats = await fill_table(host)
        code, _, err = await cli(
            tmp_path / "late", "join", host.address, "--code", host.code(), "--plain"
        )
        assert code == 1
        assert one_sentence(err) == "excomm-sim join: Every seat at table 1 is taken"
        code, _, err = await cli(
            tmp_path / "late", "join", host.address, "--code", "AAA-222", "--plain"
        )
        assert code == 1
        assert one_sentence(err) == (
            f"excomm-sim join: {host.address} has no table with that code; "
            "check it with your teacher"
        )
        for seat_client in seats:
            await seat_client.close()


async def test_a_student_joins_and_plays_through_the_command_line(tmp_path: Path) -> None:
    """``join --plain``: choose a seat, wait for the start, play, argue, see the end."""
    async with running_host(tmp_path) as host:

        async def start_when_seated() -> None:
            async with asyncio.timeout(30):
                while not host.classroom.tables[1].holders:
                    await asyncio.sleep(0.05)
            # the seat is held when the host answers the sit; the client prints its
            # "Waiting…" line just after reading that answer: give it that moment
            await asyncio.sleep(1.0)
            await host.control(1, "start")

        starting = asyncio.ensure_future(start_when_seated())
        answers = "2\nAnn\n" + "1\nWe should wait.\n" * 5
        code, out, err = await cli(
            tmp_path / "ann", "join", host.address, "--code", host.code(), "--plain", stdin=answers
        )
        await starting
    assert code == 0, err
    assert "Free seats:" in out and "Waiting for the teacher to start the game" in out
    assert "Your case for it, in your own words (Enter to skip): We should wait." in out
    assert "THE END:" in out
    kept = tmp_path / "ann" / "seats.json"  # the seat token, for joining again
    assert kept.stat().st_mode & 0o777 == 0o600
    assert "harbourmaster" in kept.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("join", "nonsense", "--code", "X", "--plain"), "is not HOST:PORT"),
        (("join", "127.0.0.1:1", "--code", "X"), "needs a terminal; add --plain"),
        (("host", "--tables", "0"), "--tables must be from 1 to 100"),
        (("host", "--resume", "--tables", "2"), "--resume continues the last lesson"),
        (("host", "no-such-scenario"), "no scenario 'no-such-scenario' found"),
    ],
)
async def test_usage_mistakes_are_one_sentence(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    code, _, err = await cli(tmp_path, *args)
    assert code == 2
    assert message in one_sentence(err)


async def test_resuming_with_no_lesson_is_one_sentence(tmp_path: Path) -> None:
    code, _, err = await cli(tmp_path, "host", "--resume", "--port", str(free_port()))
    assert code == 1
    assert one_sentence(err) == (
        "excomm-sim host: there is no lesson to resume: this host has not run one yet"
    )


# -- the same mistakes in the terminal interface (a pseudo-terminal) ----------------------


async def test_the_terminal_interface_where_nothing_listens_is_one_sentence(
    tmp_path: Path,
) -> None:
    port = free_port()
    code, err = await tty_cli(tmp_path, "join", f"127.0.0.1:{port}", "--code", "KMR-472")
    assert code == 1
    assert one_sentence(err).startswith(
        f"excomm-sim join: nothing is listening at 127.0.0.1:{port}"
    )


async def test_the_terminal_interface_at_a_host_of_another_version_is_one_sentence(
    tmp_path: Path,
) -> None:
    runner, address = await _serve(future_host())
    try:
        code, err = await tty_cli(tmp_path, "join", address, "--code", "KMR-472")
    finally:
        await runner.cleanup()
    assert code == 1
    assert "speaks protocol version 2; this excomm-sim speaks version 1" in one_sentence(err)


async def test_the_terminal_interface_at_a_full_table_is_one_sentence(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host:
        seats = await fill_table(host)
        code, err = await tty_cli(tmp_path / "late", "join", host.address, "--code", host.code())
        for seat_client in seats:
            await seat_client.close()
    assert code == 1
    assert one_sentence(err) == "excomm-sim join: Every seat at table 1 is taken"


async def test_the_teacher_console_on_a_port_in_use_is_one_sentence(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, err = await tty_cli(tmp_path, "host", "--port", str(port))
    assert code == 1
    assert one_sentence(err) == (
        f"excomm-sim host: port {port} is already in use (is another host running?); "
        "choose another with --port"
    )
