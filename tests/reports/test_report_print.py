"""History's course, printed from a browser, is a report a student can hand in (≤ 6 pages).

Printed by Debian's headless Chromium (nothing downloads a browser); skipped where it is
not installed. The pages are counted in the PDF it writes.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from browser.chromium import CHROMIUM, FLAGS
from excomm_sim.reports.html import render_html
from excomm_sim.reports.loading import open_save
from excomm_sim.story.timeline import build_timeline

BUNDLED_SAVES = Path(__file__).resolve().parents[2] / "saves"
MOST_PAGES = 6

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium is not installed (apt-get install chromium)"
)


def printed_pages(html: str, folder: Path) -> int:
    """How many pages Chromium prints ``html`` on (its default paper, the page's margins)."""
    page = folder / "report.html"
    page.write_text(html, encoding="utf-8")
    pdf = folder / "report.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@needs_chromium
@pytest.mark.parametrize("game", ["history-president", "hawk-president", "adviser-mcnamara"])
def test_a_bundled_game_prints_in_at_most_six_pages(game: str, tmp_path: Path) -> None:
    """Issue 15 item 16: history's course printed on 24 pages."""
    save, scenario = open_save(BUNDLED_SAVES / f"{game}.json")
    html = render_html(build_timeline(save, scenario), f"{game}.json", "test")
    assert 1 < printed_pages(html, tmp_path) <= MOST_PAGES
