"""Browser tests: skipped where Chromium is missing, but never under CI (a skip fails)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.chromium import HostProcess, host_process, need_chromium, start_chromium


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under ``CI=true`` a skipped browser test fails the run: CI installs Chromium, so a
    skip there means the tests silently stopped running."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") == "true" and report.when in ("setup", "call"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"browser test skipped under CI=true: {reason}"


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostProcess]:
    """One host per test module, four tables: each test takes tables of its own."""
    need_chromium()
    yield from host_process(tmp_path_factory.mktemp("host"), "--tables", "4")


@pytest.fixture
def browsers() -> Iterator[Any]:
    """Open headless Chromium windows (``browsers()``); all closed after the test."""
    need_chromium()
    opened: list[Any] = []

    def open_one(size: tuple[int, int] = (1024, 768)) -> Any:
        driver = start_chromium(size)
        opened.append(driver)
        return driver

    yield open_one
    for driver in opened:
        driver.quit()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path
