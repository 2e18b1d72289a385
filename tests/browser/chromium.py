"""Headless Debian Chromium driven by selenium, and a real host in a process of its own.

Nothing downloads a browser: the tests use /usr/bin/chromium and /usr/bin/chromedriver
(``apt-get install chromium chromium-driver``) and skip, naming those packages, where they
are missing (``conftest.py`` turns such a skip into a failure when ``CI=true``).

A game in the page is drawn by xterm.js on a canvas, so its text is not in the DOM. A
script added before any page script records what the game's WebSocket carries (the
terminal's output); ``screen_text`` strips the escape sequences, leaving the words the
terminal shows, in the order they were drawn.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get install chromium chromium-driver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
BOUND = 60.0
"""Seconds any one wait may take before the test fails (never reached when well)."""

RECORDER = """
(function () {
  window.__screen = [];
  var Native = window.WebSocket;
  window.WebSocket = function (url, protocols) {
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", function (event) {
      if (typeof event.data !== "string") {
        window.__screen.push(new TextDecoder().decode(event.data));
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""
"""Kept as text in the page: the bytes the game process sent, decoded."""

_CURSOR = re.compile(r"\x1b\[[0-9;?]*[ABCDEFGHJKSTfhlr]")
_OTHER = re.compile(r"\x1b(\[[0-9;?:<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9]|.)")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return f"selenium is not installed (pip install -e '.[test]'); and {INSTALL}"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return f"{path} is missing: {INSTALL}"
    return None


def need_chromium() -> None:
    reason = missing()
    if reason is not None:
        pytest.skip(reason)


def strip_terminal(text: str) -> str:
    """Terminal output as words: cursor moves become spaces, other escapes vanish."""
    return " ".join(_OTHER.sub("", _CURSOR.sub(" ", text)).split())


def start_chromium(size: tuple[int, int] = (1024, 768)) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='excomm-chromium-')}")
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    return driver


def screen_text(driver: Any) -> str:
    return strip_terminal("".join(driver.execute_script("return window.__screen || []")))


def clear_screen_record(driver: Any) -> None:
    driver.execute_script("window.__screen = []")


def wait_until(check: Callable[[], Any], what: str, bound: float = BOUND) -> Any:
    deadline = time.monotonic() + bound
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.2)


def wait_for_text(driver: Any, *phrases: str, bound: float = BOUND) -> str:
    def seen() -> str | None:
        text = screen_text(driver)
        return text if all(phrase in text for phrase in phrases) else None

    return str(wait_until(seen, f"the game to show {phrases!r}", bound))


class HostProcess:
    """``excomm-sim host`` in a process of its own, as a teacher runs it (headless)."""

    def __init__(self, home: Path, *arguments: str) -> None:
        self.home = home
        environment = {**os.environ, "EXCOMM_SIM_HOME": str(home)}
        self.log = (home.parent / "host.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "excomm_sim", "host", "--port", "0", *arguments],
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        key_file = home / "host" / "host.json"
        wait_until(lambda: self._ready(key_file), "the host to start")
        facts = json.loads(key_file.read_text())
        self.address: str = facts["address"]
        self.key: str = facts["key"]
        self.url = f"http://{self.address}"

    def _ready(self, key_file: Path) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"the host exited: {(self.home.parent / 'host.log').read_text()}")
        return key_file.exists() and "table 1:" in (self.home.parent / "host.log").read_text()

    def codes(self) -> list[str]:
        log = (self.home.parent / "host.log").read_text()
        return re.findall(r"--code ([A-Z]{3}-\d{3})", log)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def host_process(folder: Path, *arguments: str) -> Iterator[HostProcess]:
    host = HostProcess(folder / "home", *arguments)
    try:
        yield host
    finally:
        host.stop()
        shutil.rmtree(folder / "home" / "host" / "browser", ignore_errors=True)
