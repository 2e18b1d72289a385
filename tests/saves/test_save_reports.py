"""The plain replay and the after-action report (Markdown and self-contained HTML)."""

from __future__ import annotations

import itertools
import re

import pytest

from excomm_sim.reports.after_action import render_markdown
from excomm_sim.reports.html import render_html
from excomm_sim.reports.plain import render_plain
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.timeline import Timeline, build_timeline
from saves.conftest import PlayFn

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture
def timeline(standoff: Scenario, played: PlayFn) -> Timeline:
    return build_timeline(played(), standoff)


@pytest.fixture
def markdown(timeline: Timeline) -> str:
    return render_markdown(timeline, "game.json", "Made by a test.")


@pytest.fixture
def html(timeline: Timeline) -> str:
    return render_html(timeline, "game.json", "Made by a test.")


def test_plain_replay_tells_each_decision_then_the_ending(timeline: Timeline) -> None:
    text = render_plain(timeline, "game.json")
    for expected in (
        "Item 1: The opening move",
        "Date: Saturday 3 November 1962",
        "Admiral Stone leans to “Blockade the harbour”",
        "Choice: Governor Vale (a player) chose “Open talks”.",
        "History made the same choice. They talked first | then watched.",
        'Tension: 40/100 → 35/100 (down, better) — because: Chose "Open talks"',
        "Item 3: The departure",
        "Ending: The ship sails",
        "Governor Vale (Ann): 2 of 3 points — won",
        "[x] The ship has left the harbour.",
    ):
        assert expected in text, expected


def test_report_names_scenario_players_and_date_of_play(markdown: str) -> None:
    assert markdown.startswith("# After-action report: Harbour Standoff (test)\n")
    assert "Played Tuesday 3 February 2026, 04:05 UTC" in markdown
    assert "| Governor Vale | Governor of the Harbour | Ann |" in markdown
    assert "| Admiral Stone | Harbour Admiral | computer |" in markdown


def test_report_sets_each_choice_beside_history(markdown: str) -> None:
    assert (
        "| 1 | Saturday 3 November 1962 | The opening move | Open talks | Open talks | yes |"
        in markdown
    )
    assert "**History's choice:** Open talks (the same choice)" in markdown
    assert "> They talked first | then watched." in markdown


def test_report_explains_consequences_with_their_causes(markdown: str) -> None:
    """Seed 7 makes the captain refuse, which fires the riot event."""
    assert "- Chance: “The captain refuses” (it had a 40% chance)" in markdown
    assert (
        "- Tension: 35/100 → 50/100 (up, worse) — because: The captain refuses (chance 40%)"
        in markdown
    )
    assert "- Event: Dock riot. Dockworkers riot at the news." in markdown


def test_report_tables_the_variables_over_time(markdown: str) -> None:
    assert "| Variable | Start | 1 | 2 | 3 |" in markdown
    assert "| Tension | 40/100 | 35/100 | 60/100 | 50/100 |" in markdown
    assert "| The ship | Docked | Docked | Docked | Gone from the harbour |" in markdown


def test_report_ends_with_scores_objectives_and_questions(markdown: str) -> None:
    assert "## Ending: The ship sails" in markdown
    assert "**Governor Vale** (Ann): 2 of 3 points — won" in markdown
    assert "- [x] The ship has left the harbour. (2 pt)" in markdown
    assert "1. Was the inspection worth the risk?" in markdown


def test_markdown_report_never_passes_scenario_html_through(markdown: str) -> None:
    assert "<script>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


def test_html_report_escapes_all_scenario_text(html: str) -> None:
    assert "<script" not in html.lower()
    assert "<b>governor</b>" not in html
    assert "&lt;b&gt;governor&lt;/b&gt; decides &amp; the advisers argue" in html


def test_html_report_loads_nothing_from_the_network(html: str) -> None:
    assert EXTERNAL.search(html) is None
    assert "<link" not in html
    assert "@import" not in html


def test_html_report_draws_the_meters_as_an_inline_svg_chart(html: str) -> None:
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count("<polyline") == 2  # Tension and Trust, the two int variables
    assert "Tension at the start: 40 (range 0 to 100)" in svg
    assert "Trust after decision 2: 60 (range 0 to 100)" in svg


def test_html_report_is_one_whole_document(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>\n")
    assert html.rstrip().endswith("</body></html>")
    assert html.count("<section") == html.count("</section>") == 3


def test_unfinished_game_report_says_so(standoff: Scenario, played: PlayFn) -> None:
    timeline = build_timeline(played(limit=1), standoff)
    markdown = render_markdown(timeline, "game.json", "test")
    assert "The game was not finished when it was saved." in markdown
    assert "| 2 | Sunday 4 November 1962 | Inspection | (not decided) |" in markdown


def test_chart_labels_never_overlap_and_keep_their_order() -> None:
    from excomm_sim.reports.svg import LABEL_GAP, spread_labels

    wanted = [100.0, 100.0, 104.0, 30.0, 260.0, 259.0]
    placed = spread_labels(wanted)
    ordered = sorted(placed)
    assert all(b - a >= LABEL_GAP for a, b in itertools.pairwise(ordered))
    assert sorted(range(6), key=lambda i: (wanted[i], i)) == sorted(
        range(6), key=lambda i: placed[i]
    )
    assert placed[3] == 30.0  # an uncrowded label stays level with its line's end


def test_reports_say_why_a_computer_decider_chose_as_it_did(
    standoff: Scenario, played: PlayFn
) -> None:
    """An adviser's game: each report shows the governor's weighing, the player's advice in it."""
    adviser = next(role for role in standoff.roles if not role.is_president)
    timeline = build_timeline(played({adviser.id: "Bo"}), standoff)
    heading = "Why: Governor Vale adds up every voice at the table, and the highest score wins"
    voice = f"{adviser.name} advised it +{2 * adviser.influence}"
    plain = render_plain(timeline, "game.json")
    markdown = render_markdown(timeline, "game.json", "a test")
    html = render_html(timeline, "game.json", "a test")
    for text in (plain, markdown, html):
        assert heading in " ".join(text.split()), text[:200]
        assert voice in " ".join(text.split())


def test_markdown_report_opens_with_the_result_and_closes_with_sources(markdown: str) -> None:
    """Issue 15 item 16: the ending and scores came after every decision's detail."""
    order = ["## Ending: ", "## Scores", "## Your choices beside history's", "## Timeline"]
    positions = [markdown.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "   *Your answer:*" in markdown
    sources = markdown[markdown.index("## Sources") :]
    assert "- **notes**: Test notes" in sources
