"""The HTML after-action report as a page: fits a phone, prints, stays readable in any theme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from excomm_sim.reports.after_action import meter_series, time_labels
from excomm_sim.reports.html import MAX_TIME_COLUMNS, column_groups, render_html
from excomm_sim.reports.loading import open_save
from excomm_sim.story.timeline import Timeline, build_timeline

BUNDLED_SAVES = Path(__file__).resolve().parents[2] / "saves"
EXTERNAL = re.compile(r"""src\s*=|href\s*=\s*"(?!#)|@import|url\(""", re.IGNORECASE)
"""Anything that would fetch: only links within the page (``href="#..."``) are allowed."""


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    """The bundled game where the President follows history (19 decisions)."""
    save, scenario = open_save(BUNDLED_SAVES / "history-president.json")
    return build_timeline(save, scenario)


@pytest.fixture(scope="module")
def page(timeline: Timeline) -> str:
    return render_html(timeline, "history-president.json", "test")


def style_of(page: str) -> str:
    return page[page.index("<style>") : page.index("</style>")]


def test_the_page_has_a_print_stylesheet(page: str) -> None:
    style = style_of(page)
    assert "@media print" in style
    assert "@page" in style


def test_printing_lets_wide_tables_run_out_instead_of_clipping_them(page: str) -> None:
    printed = style_of(page).split("@media print", 1)[1]
    assert re.search(r"\.wide\s*\{\s*overflow:\s*visible", printed)


def test_the_page_scales_to_a_phone(page: str) -> None:
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_the_page_declares_light_colours_and_sets_text_and_background_together(
    page: str,
) -> None:
    """A dark browser theme cannot leave the page's dark text on a dark background."""
    assert '<meta name="color-scheme" content="light">' in page
    body_rules = re.findall(r"body\s*\{([^}]*)\}", style_of(page))
    assert any("color: #111" in rule and "background: #fff" in rule for rule in body_rules)


def test_every_table_scrolls_inside_its_own_box(page: str) -> None:
    assert page.count("<table") == page.count('<div class="wide"><table')
    assert page.count("<table") > 0


def test_the_variables_table_comes_in_parts_that_fit_a_page(page: str, timeline: Timeline) -> None:
    variables = [
        part
        for part in page.split("<table")[1:]
        if '<th scope="col">Variable</th>' in part and '<th scope="col">End</th>' not in part
    ]
    headers = [re.findall(r'<th scope="col">([^<]*)</th>', part)[1:] for part in variables]
    assert len(time_labels(timeline)) > 2 * MAX_TIME_COLUMNS  # so it must be cut in 3 or more
    assert len(variables) == len(column_groups(len(time_labels(timeline)))) >= 3
    assert all(len(columns) <= MAX_TIME_COLUMNS for columns in headers)
    assert [column for part in headers for column in part] == time_labels(timeline)


def test_the_chart_comes_with_a_phone_version_and_a_legend(page: str, timeline: Timeline) -> None:
    figure = page[page.index('<figure class="chart-box">') : page.index("</figure>")]
    assert '<svg class="chart full"' in figure
    assert '<svg class="chart compact"' in figure
    meters = meter_series(timeline)
    assert figure.count("<li>") == len(meters) > 1
    first = meters[0]
    top = first.variable.maximum
    assert f"{first.variable.label}: {first.values[0]}/{top} → {first.values[-1]}/{top}" in figure


def test_the_two_charts_have_their_own_title_ids(page: str) -> None:
    ids = re.findall(r'id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_the_phone_chart_replaces_the_labelled_one_only_on_narrow_screens(page: str) -> None:
    style = style_of(page)
    assert ".chart-box svg.compact { display: none; }" in style
    narrow = style.split("@media screen and (max-width: 40rem)", 1)[1]
    assert ".chart-box svg.full { display: none; }" in narrow


def test_the_page_fetches_nothing(page: str) -> None:
    assert EXTERNAL.search(page) is None
    assert "<script" not in page.lower()


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, []),
        (1, [range(0, 1)]),
        (8, [range(0, 8)]),
        (9, [range(0, 5), range(5, 9)]),
        (20, [range(0, 7), range(7, 14), range(14, 20)]),
    ],
)
def test_column_groups_are_as_few_and_as_even_as_fit(count: int, expected: list[range]) -> None:
    assert column_groups(count, 8) == expected


def test_the_result_and_the_choices_come_before_the_timeline(page: str) -> None:
    """Issue 15 item 16: a teacher read 24 pages before the ending and the scores."""
    order = ["<h2>Result: ", "<h2>Your choices beside history's</h2>", "<h2>Timeline</h2>"]
    positions = [page.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert '<th scope="col">Score</th>' in page[positions[0] : positions[1]]


def test_every_citation_links_into_the_sources_list(page: str, timeline: Timeline) -> None:
    sources = page[page.index("<h2>Sources</h2>") :]
    for source in timeline.scenario.sources:
        assert f'<li id="source-{source.id}"><strong>{source.id}</strong>: ' in sources
    assert "Summary Record of NSC Executive Committee Meeting No. 19" in sources
    assert "Bromley Smith" in sources
    links = re.findall(r'<a class="cite" href="#source-([^"]+)">', page)
    assert links and set(links) <= {source.id for source in timeline.scenario.sources}
    body = page[: page.index("<h2>Sources</h2>")]
    cited = re.findall(r"(<a class=\"cite\"[^>]*>)?record p\.\d+ ¶\d+", body)
    assert cited and all(cited), "a citation of the record is not linked"


def test_each_discussion_question_has_room_for_its_answer(page: str, timeline: Timeline) -> None:
    assert timeline.ending is not None and timeline.ending.questions
    assert page.count('<div class="answer"') == len(timeline.ending.questions)


def test_hidden_variables_are_not_drawn_but_their_end_is_told(
    page: str, timeline: Timeline
) -> None:
    from excomm_sim.scenario.model import Display

    hidden = [v for v in timeline.scenario.variables if v.display is Display.HIDDEN]
    assert hidden
    figure = page[page.index('<figure class="chart-box">') : page.index("</figure>")]
    for variable in hidden:
        assert variable.label not in figure
        assert f"{variable.label} (hidden during play)" in page


def test_the_legend_shows_only_where_the_chart_has_no_end_labels(page: str) -> None:
    style = style_of(page)
    assert ".legend { display: none; }" in style
    narrow = style.split("@media screen and (max-width: 40rem) { .legend", 1)
    assert len(narrow) == 2 and narrow[1].startswith(" { display: block; }")
