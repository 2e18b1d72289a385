"""Regenerate the browser screenshots: ``python docs/screenshots/make_browser.py``.

Runs a real ``excomm-sim host`` (two tables, user data in a temporary folder) and drives
Debian's headless Chromium (``apt-get install chromium chromium-driver``, selenium from the
test extras) through a lesson: the landing page with a code typed, a student's game in the
page, and the teacher's page once the table has started. Writes PNGs beside this script.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def chromium(size: tuple[int, int]) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp()}")
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def wait(check: Any, what: str, bound: float = 60.0) -> Any:
    deadline = time.monotonic() + bound
    while not (result := check()):
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        time.sleep(0.2)
    return result


def main() -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    home = Path(tempfile.mkdtemp()) / "home"
    log = home.parent / "host.log"
    with log.open("w") as out:
        host = subprocess.Popen(
            [sys.executable, "-m", "excomm_sim", "host", "--port", "0", "--tables", "2"],
            env={**os.environ, "EXCOMM_SIM_HOME": str(home)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    drivers: list[Any] = []
    try:
        wait(lambda: "table 2:" in log.read_text(), "the host")
        facts = json.loads((home / "host" / "host.json").read_text())
        url = f"http://{facts['address']}"
        code = re.findall(r"--code ([A-Z]{3}-\d{3})", log.read_text())[0]

        student = chromium((1024, 700))
        drivers.append(student)
        student.get(url + "/")
        student.find_element(By.ID, "code").send_keys(code)
        student.find_element(By.ID, "name").send_keys("Ana")
        wait(lambda: student.find_elements(By.CSS_SELECTOR, "#seat option[value=rusk]"), "seats")
        Select(student.find_element(By.ID, "seat")).select_by_value("rusk")
        student.save_screenshot(str(HERE / "browser-landing.png"))
        student.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()

        president = chromium((1024, 700))
        drivers.append(president)
        president.get(url + "/")
        president.find_element(By.ID, "code").send_keys(code)
        president.find_element(By.ID, "name").send_keys("Ben")
        wait(
            lambda: president.find_elements(By.CSS_SELECTOR, "#seat option[value=president]"),
            "seats",
        )
        Select(president.find_element(By.ID, "seat")).select_by_value("president")
        president.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()

        teacher = chromium((1100, 1000))
        drivers.append(teacher)
        teacher.get(url + "/teacher")
        teacher.find_element(By.ID, "key").send_keys(facts["key"])
        teacher.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait(
            lambda: (
                teacher.execute_script(
                    "return document.querySelectorAll('#table-1 .seat-connected').length"
                )
                == 2
            ),
            "both students connected",
        )
        teacher.execute_script("document.querySelector('#table-1 button[value=start]').click()")
        time.sleep(1)
        # Nobody sits at table 2: the computer plays it through, so its meters show a game.
        teacher.execute_script("document.querySelector('#table-2 button[value=start]').click()")
        time.sleep(2)
        for player in (student, president):
            wait(
                lambda p=player: (
                    "-first-byte" in p.execute_script("return document.body.className")
                ),
                "a frame",
            )
            p_area = player.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
            p_area.send_keys(Keys.ENTER)
        time.sleep(4)
        student.save_screenshot(str(HERE / "browser-game.png"))
        time.sleep(2)
        teacher.save_screenshot(str(HERE / "browser-teacher.png"))
        for name in ("browser-landing.png", "browser-game.png", "browser-teacher.png"):
            print(f"wrote {HERE / name}")
    finally:
        for driver in drivers:
            driver.quit()
        host.terminate()
        host.wait(10)


if __name__ == "__main__":
    main()
