"""``excomm-sim serve``: the solo game in a browser tab, in real headless Chromium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.chromium import need_chromium, wait_for_text, wait_until


@pytest.fixture
def solo(tmp_path: Path) -> Iterator[str]:
    need_chromium()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "excomm_sim", "serve", "--port", "0"],
            env={**os.environ, "EXCOMM_SIM_HOME": str(tmp_path / "home")},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        found = wait_until(
            lambda: re.search(r"http://127\.0\.0\.1:\d+/", log.read_text()), "serve to listen"
        )
        yield found.group(0)
    finally:
        process.terminate()
        process.wait(10)


def test_serve_opens_the_solo_game_in_the_page(solo: str, browsers: Any) -> None:
    page = browsers()
    page.get(solo)
    wait_for_text(page, "New game")
    fetched = page.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert all(url.startswith(solo.rstrip("/")) for url in fetched), fetched
