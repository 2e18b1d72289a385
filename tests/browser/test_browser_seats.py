"""Students and the teacher in real headless Chromium against a real host process."""

from __future__ import annotations

from typing import Any

import pytest

from browser.chromium import INSTALL, HostProcess, screen_text, wait_for_text, wait_until

pytest.importorskip(
    "selenium", reason=f"selenium is not installed (pip install -e '.[test]'); {INSTALL}"
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path

SCENARIO = load_path(bundled_scenario())


def join(driver: Any, host: HostProcess, code: str, name: str, seat: str) -> None:
    """Fill in the landing page as a student does, and press Join."""
    driver.get(host.url + "/")
    driver.find_element(By.ID, "code").send_keys(code.lower().replace("-", " "))
    driver.find_element(By.ID, "name").send_keys(name)
    wait_until(
        lambda: driver.find_elements(By.CSS_SELECTOR, f"#seat option[value={seat}]"),
        "the landing page to list the table's free seats",
    )
    Select(driver.find_element(By.ID, "seat")).select_by_value(seat)
    driver.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()


def sign_in(driver: Any, host: HostProcess) -> None:
    driver.get(host.url + "/teacher")
    driver.find_element(By.ID, "key").send_keys(host.key)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_until(lambda: driver.find_elements(By.ID, "tables"), "the teacher page")


def table_text(driver: Any, number: int, selector: str = "") -> str:
    """Text of table ``number`` on the teacher page (read in one go: the live page swaps
    its markup in whenever the host sends it)."""
    return str(
        driver.execute_script(
            "const s = document.getElementById(arguments[0]);"
            "const e = s && (arguments[1] ? s.querySelector(arguments[1]) : s);"
            "return e ? e.innerText : '';",
            f"table-{number}",
            selector,
        )
    )


def click_control(driver: Any, number: int, action: str) -> None:
    driver.execute_script(
        "document.querySelector(arguments[0]).click()",
        f"#table-{number} button[value={action}]",
    )


def press(driver: Any, *keys: str) -> None:
    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*keys)


def briefing_phrase(role: str) -> str:
    """A stretch of ``role``'s private briefing short enough to fit one terminal line."""
    return " ".join(SCENARIO.role(role).briefing.split()[:5])


def test_a_student_joins_decides_and_the_teacher_sees_the_seat_and_the_item_move_on(
    host: HostProcess, browsers: Any
) -> None:
    code = host.codes()[0]
    student, teacher = browsers(), browsers()
    join(student, host, code, "Ana", "president")
    wait_for_text(student, "PRIVATE BRIEFING", "Played by Ana")
    sign_in(teacher, host)
    wait_until(
        lambda: table_text(teacher, 1, "tr[data-role=president] .presence") == "connected",
        "the teacher page to show the President's seat connected",
    )
    assert "Ana" in table_text(teacher, 1, "tr[data-role=president]")
    click_control(teacher, 1, "start")
    wait_until(lambda: "playing" in table_text(teacher, 1, ".status"), "the table to start")
    first_item = table_text(teacher, 1, ".item")
    assert first_item.startswith("1.")

    press(student, Keys.ENTER)  # past the briefing
    wait_until(
        lambda: "Ana (president) to decide" in table_text(teacher, 1, ".waiting"),
        "the advisers to recommend and the table to wait for the President",
    )
    wait_for_text(student, SCENARIO.decisions[0].title)
    press(student, "1")
    wait_until(
        lambda: table_text(teacher, 1, ".item") not in ("", first_item),
        "the teacher page to show the next item",
    )
    assert table_text(teacher, 1, "tr[data-role=president] .presence") == "connected"
    origin = host.url
    for page in (student, teacher):
        fetched = page.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
        )
        assert fetched and all(url.startswith(origin) for url in fetched), fetched


def test_a_wrong_code_is_refused_on_the_landing_page_with_a_message(
    host: HostProcess, browsers: Any
) -> None:
    student = browsers((390, 844))  # a phone
    student.get(host.url + "/")
    student.find_element(By.ID, "code").send_keys("ZZZ-999")
    wait_until(
        lambda: "No table here has the code ZZZ-999" in student.find_element(By.ID, "table").text,
        "the landing page to say the code is wrong as it is typed",
    )
    student.find_element(By.ID, "name").send_keys("Ben")
    student.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()
    message = wait_until(lambda: student.find_elements(By.ID, "message"), "a refusal")
    assert "No table here has the code ZZZ-999" in message[0].text
    assert "/play/" not in student.current_url
    assert student.find_element(By.ID, "name").get_attribute("value") == "Ben"


def test_the_teacher_page_refuses_without_the_key(host: HostProcess, browsers: Any) -> None:
    page = browsers()
    page.get(host.url + "/teacher")
    assert page.find_elements(By.ID, "key") and not page.find_elements(By.ID, "tables")
    assert host.codes()[0] not in page.page_source
    status = page.execute_script(
        "return fetch('/teacher/tables/1/end', {method: 'POST', headers: "
        "{'Accept': 'application/json'}}).then(r => r.status)"
    )
    assert status == 401
    page.find_element(By.ID, "key").send_keys("not-the-key")
    page.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    message = wait_until(lambda: page.find_elements(By.ID, "message"), "a refusal")
    assert "not this host's teacher key" in message[0].text
    assert not page.find_elements(By.ID, "tables")
    sign_in(page, host)
    assert host.key not in page.current_url and page.current_url.endswith("/teacher")


def test_two_browsers_at_one_table_each_see_only_their_own_briefing(
    host: HostProcess, browsers: Any
) -> None:
    code = host.codes()[1]
    rusk, mcnamara = browsers(), browsers()
    join(rusk, host, code, "Chloe", "rusk")
    join(mcnamara, host, code, "Dev", "mcnamara")
    wait_for_text(rusk, "Dean Rusk", "Played by Chloe", briefing_phrase("rusk"))
    wait_for_text(mcnamara, "McNamara", "Played by Dev", briefing_phrase("mcnamara"))
    assert briefing_phrase("mcnamara") not in screen_text(rusk)
    assert briefing_phrase("rusk") not in screen_text(mcnamara)


def test_reloading_the_tab_lands_the_student_back_in_their_seat(
    host: HostProcess, browsers: Any
) -> None:
    code = host.codes()[2]
    student = browsers()
    join(student, host, code, "Eve", "stevenson")
    wait_for_text(student, "Played by Eve", briefing_phrase("stevenson"))
    link = student.current_url
    student.refresh()
    wait_for_text(student, "Played by Eve", briefing_phrase("stevenson"))
    assert student.current_url == link
    assert "seat picker" not in screen_text(student).lower()
    student.get(host.url + "/")  # back through the landing page, in the same browser
    student.find_element(By.ID, "code").send_keys(code)
    student.find_element(By.ID, "name").send_keys("Eve")
    student.find_element(By.CSS_SELECTOR, "#join button[type=submit]").click()
    wait_until(lambda: student.current_url == link, "the same game's page")
    wait_for_text(student, "Played by Eve", briefing_phrase("stevenson"))
