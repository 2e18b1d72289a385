"""The host's web pages over real HTTP on loopback: nothing external, values escaped,
tickets and the teacher's cookie bound to their browser, refusals in sentences."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import aiohttp
import pytest

from excomm_sim.server.web.tickets import clean_name
from server.hosting import Host, client, play_seat, running_host

EXTERNAL = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:)?//|url\(\s*["']?(?:[a-z]+:)?//|@import""",
    re.I,
)
"""A reference a browser would fetch from another host (a CDN, a font service)."""


async def _session(host: Host) -> aiohttp.ClientSession:
    """A browser-like client: it keeps cookies (for an IP address too)."""
    return aiohttp.ClientSession(
        base_url=f"http://{host.address}", cookie_jar=aiohttp.CookieJar(unsafe=True)
    )


async def _served(http: aiohttp.ClientSession, path: str) -> str:
    async with http.get(path) as response:
        assert response.status < 500, path
        return await response.text()


async def test_no_served_page_or_stylesheet_refers_to_another_host(tmp_path: Path) -> None:
    async with running_host(tmp_path, tables=2) as host, await _session(host) as http:
        assert not EXTERNAL.search(await _served(http, "/"))
        async with http.post("/join", data={"code": host.code(), "name": "Ana"}) as joined:
            game = await joined.text()
            assert "/play/" in str(joined.url)
        async with http.post("/teacher/login", data={"key": host.key}) as signed:
            teacher = await signed.text()
            assert 'id="tables"' in teacher
        pages = {"/": await _served(http, "/"), "game": game, "teacher": teacher}
        for name, text in pages.items():
            assert not EXTERNAL.search(text), name
            for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', text):
                body = await _served(http, asset)
                if asset.endswith(".css"):
                    assert not EXTERNAL.search(body), asset
                    for font in re.findall(r'url\("([^"]+)"\)', body):
                        async with http.get(font) as response:
                            assert response.status == 200, font


async def test_a_students_name_is_escaped_on_the_teacher_page(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host, await _session(host) as http:
        student = client(host, host.code())
        await student.join(None)
        await student.sit("mayor", "<script>alert(1)</script>&")
        async with http.post("/teacher/login", data={"key": host.key}) as signed:
            page = await signed.text()
        assert "<script>alert(1)" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in page
        await student.close()


async def test_a_game_link_opens_only_in_the_browser_that_joined(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host, await _session(host) as http:
        await _served(http, "/")
        async with http.post("/join", data={"code": host.code(), "name": "Ana"}) as joined:
            link = joined.url.path
        async with await _session(host) as other, other.get(link) as response:
            assert response.status == 404
            assert "belongs to another browser" in await response.text()
        async with http.get(link) as response:
            assert response.status == 200


async def test_a_join_from_another_site_is_refused(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host, await _session(host) as http:
        await _served(http, "/")
        async with http.post(
            "/join",
            data={"code": host.code(), "name": "Ana"},
            headers={"Origin": "http://elsewhere.example"},
            allow_redirects=False,
        ) as response:
            assert response.status == 400
            assert "this host&#x27;s own page" in await response.text()


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"code": "ZZZ-999", "name": "Ana"}, "No table here has the code ZZZ-999"),
        ({"code": "", "name": "Ana"}, "No table here has the code nothing"),
        ({"seat": "nobody", "name": "Ana"}, "Choose a seat from the list"),
        ({"name": " \x00\t "}, "Type your name"),
    ],
)
async def test_a_bad_join_says_what_to_fix(
    tmp_path: Path, form: dict[str, str], message: str
) -> None:
    async with running_host(tmp_path) as host, await _session(host) as http:
        await _served(http, "/")
        data = {"code": host.code(), **form}
        async with http.post("/join", data=data, allow_redirects=False) as response:
            assert response.status == 400
            assert message in await response.text()


async def test_the_teacher_controls_need_the_cookie_and_the_form_token(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host, await _session(host) as http:
        async with http.post("/teacher/tables/1/start", allow_redirects=False) as response:
            assert response.status == 401
        async with http.post("/teacher/login", data={"key": "wrong"}) as response:
            assert response.status == 403
        async with http.post("/teacher/login", data={"key": host.key}) as signed:
            page = await signed.text()
            assert host.key not in str(signed.url) and host.key not in page
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf is not None
        async with http.post(
            "/teacher/tables/1/start", data={"csrf": "stale"}, allow_redirects=False
        ) as response:
            assert response.status == 403
        async with http.post(
            "/teacher/tables/1/start",
            data={"csrf": csrf.group(1)},
            headers={"Accept": "application/json"},
        ) as response:
            answer = await response.json()
        # Nobody sits at the tiny table: the computer plays it through at once.
        assert answer["ok"] and 'data-status="seating"' not in answer["html"]
        assert host.classroom.tables[1].status in ("playing", "ended")


async def test_the_class_report_opens_once_every_game_is_over(tmp_path: Path) -> None:
    async with running_host(tmp_path) as host, await _session(host) as http:
        async with http.post("/teacher/login", data={"key": host.key}):
            pass
        async with http.get("/teacher/report") as response:
            assert response.status == 404
            assert "No game has finished yet" in await response.text()
        student = client(host, host.code())
        await student.join(None)
        await student.sit("mayor", "Ana")
        await host.control(1, "start")
        await asyncio.wait_for(play_seat(student, "mayor"), 60)
        await student.close()
        for _ in range(100):
            if host.classroom.tables[1].saved_as:
                break
            await asyncio.sleep(0.05)
        async with http.get("/teacher") as response:
            assert 'href="/teacher/report"' in await response.text()
        async with http.get("/teacher/report") as response:
            assert response.status == 200
            report = await response.text()
        # The harness opens its lesson without a scenario path, so the report names the save
        # it could not replay; a real host's report replays it (excomm-sim class-report).
        assert "<html" in report and Path(host.classroom.tables[1].saved_as).name in report


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("  Ana   Lee ", "Ana Lee"), ("A\x00na\u200b", "Ana"), ("x" * 60, "x" * 40), ("\n\t", "")],
)
def test_a_typed_name_becomes_one_clean_line(typed: str, kept: str) -> None:
    assert clean_name(typed) == kept
