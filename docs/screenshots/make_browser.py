"""Regenerate the browser screenshots: ``python docs/screenshots/make_browser.py``.

Runs a real ``excomm-sim host`` (two tables, user data in a temporary folder) and drives
Debian's headless Chromium (``apt-get install chromium chromium-driver``, selenium from the
test extras) through a lesson: the landing page with a code typed, a student's game in the
page, and the teacher's page once the table has started. Writes PNGs beside this script.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent / "tests"))

from browser.chromium import HostProcess, start_chromium, wait_until  # noqa: E402


def main() -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    host = HostProcess(Path(tempfile.mkdtemp()) / "home", "--tables", "2")
    drivers: list[Any] = []
    try:
        url, code = host.url, host.codes()[0]

        student = start_chromium((1024, 700))
        drivers.append(student)
        student.get(url + "/")
        student.find_element(By.ID, "code").send_keys(code)
        student.find_element(By.ID, "name").send_keys("Ana")
        wait_until(
            lambda: student.find_elements(By.CSS_SELECTOR, "#seat option[value=rusk]"), "seats"
        )
        Select(student.find_element(By.ID, "seat")).select_by_value("rusk")
        student.save_screenshot(str(HERE / "browser-landing.png"))
        student.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()

        president = start_chromium((1024, 700))
        drivers.append(president)
        president.get(url + "/")
        president.find_element(By.ID, "code").send_keys(code)
        president.find_element(By.ID, "name").send_keys("Ben")
        wait_until(
            lambda: president.find_elements(By.CSS_SELECTOR, "#seat option[value=president]"),
            "seats",
        )
        Select(president.find_element(By.ID, "seat")).select_by_value("president")
        president.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()

        teacher = start_chromium((1100, 1000))
        drivers.append(teacher)
        teacher.get(url + "/teacher")
        teacher.find_element(By.ID, "key").send_keys(host.key)
        teacher.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_until(
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
            wait_until(
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
        host.stop()


if __name__ == "__main__":
    main()
