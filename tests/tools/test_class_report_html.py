"""The class report's HTML page: fits a phone, prints its bars, stays readable in any theme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from excomm_sim.tools.class_report import build_report
from excomm_sim.tools.class_report_render import render_html

BUNDLED_SAVES = Path(__file__).resolve().parents[2] / "saves"


@pytest.fixture(scope="module")
def page() -> str:
    """The class report over the repository's three example games of meeting19."""
    return render_html(build_report([BUNDLED_SAVES]))


def style_of(page: str) -> str:
    return page[page.index("<style>") : page.index("</style>")]


def test_the_page_scales_to_a_phone(page: str) -> None:
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_the_page_keeps_clear_of_a_phones_edges(page: str) -> None:
    body_rules = re.findall(r"body\s*\{([^}]*)\}", style_of(page))
    assert any("padding: 0 1rem" in rule for rule in body_rules)


def test_the_page_sets_text_and_background_colours_together(page: str) -> None:
    """Dark text with no background would vanish under a dark browser theme."""
    assert '<meta name="color-scheme" content="light">' in page
    body_rules = re.findall(r"body\s*\{([^}]*)\}", style_of(page))
    assert any("color: #111" in rule and "background: #fff" in rule for rule in body_rules)


def test_the_page_has_a_print_stylesheet(page: str) -> None:
    assert "@media print" in style_of(page)


def test_bars_are_printed_even_where_browsers_drop_backgrounds(page: str) -> None:
    style = style_of(page)
    printed = style.split("@media print", 1)[1]
    assert "print-color-adjust: exact" in printed
    assert re.search(r"\.bar\s*\{[^}]*border: 1px solid", style)


def test_bars_are_a_share_of_their_track_not_fixed_pixels(page: str) -> None:
    widths = re.findall(r'class="bar" style="width:([^"]+)"', page)
    assert widths
    assert all(width.endswith("%") for width in widths)
    assert "px" not in "".join(widths)


def test_an_option_nobody_chose_draws_no_bar(page: str) -> None:
    row = next(row for row in page.split("<tr") if "<td class=num>0%</td>" in row)
    assert 'class="bar"' not in row


def test_every_table_scrolls_inside_its_own_box(page: str) -> None:
    assert page.count("<table") == page.count('<div class="wide"><table') > 0


def test_number_columns_are_headed_on_the_same_side_as_their_numbers(page: str) -> None:
    assert '<th scope="col" class="num">Games</th>' in page
    assert "th.num, td.num { text-align: right;" in style_of(page)


def test_the_history_mark_sits_with_the_option_so_a_narrow_screen_cannot_push_it_off(
    page: str,
) -> None:
    rows = [row for row in page.split("<tr")[1:] if "★ history" in row]
    assert rows
    for row in rows:
        first_cell = row[row.index("<td>") : row.index("</td>")]
        assert '<span class="mark">★ history</span>' in first_cell


def test_a_decision_and_its_table_are_printed_on_one_page(page: str) -> None:
    printed = style_of(page).split("@media print", 1)[1]
    assert re.search(r"\.decision\s*\{\s*break-inside:\s*avoid", printed)
    sections = page.split('<section class="decision">')[1:]
    assert sections
    assert all(section.index("</section>") > section.index("</table>") for section in sections)
