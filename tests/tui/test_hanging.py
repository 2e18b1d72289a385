"""Long option labels wrap under their own first letter, clear of the marker and number."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets.option_list import Option

from excomm_sim.tui.widgets.hanging import Hanging, HungLines, hung
from excomm_sim.tui.widgets.marked import MarkedOptionList, gutter_prompt

LABEL = "Lay the evidence before Kuznetsov and Mikoyan"


def render(visual: Hanging | HungLines, width: int) -> list[str]:
    options = RenderOptions(lambda style: Style(), {})
    return [strip.text.rstrip() for strip in visual.render_strips(width, None, Style(), options)]


def test_wrapped_lines_start_under_the_text_not_under_the_number() -> None:
    lines = render(gutter_prompt(Hanging(Content("1. "), Content(LABEL))), 24)
    assert lines == ["  1. Lay the evidence", "     before Kuznetsov", "     and Mikoyan"]


def test_height_counts_the_lines_the_indent_makes() -> None:
    prompt = gutter_prompt(Hanging(Content("1. "), Content(LABEL)))
    assert prompt.get_height({}, 24) == 3
    assert prompt.get_height({}, 80) == 1


def test_a_plain_prompt_hangs_from_the_markers_gutter() -> None:
    assert render(gutter_prompt("Ambassador at Large, former Ambassador in Moscow"), 30) == [
        "  Ambassador at Large, former",
        "  Ambassador in Moscow",
    ]
    assert str(gutter_prompt(Content("Quit"))) == "  Quit"


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkedOptionList(Option(Hanging(Content("1. "), Content(LABEL)), id="a"))


async def test_the_option_list_shows_the_marker_and_the_hung_lines() -> None:
    app = ListApp()
    async with app.run_test(size=(26, 6)) as pilot:
        await pilot.pause()
        widget = app.query_one(MarkedOptionList)
        widget.highlighted = 0
        await pilot.pause()
        lines = [widget.render_line(y).text.rstrip() for y in range(3)]
    assert lines[0].startswith("▶ 1. Lay the")
    assert all(line.startswith("     ") for line in lines[1:])
    assert " ".join(line.strip() for line in lines).endswith("Kuznetsov and Mikoyan")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "• Leo Hart recommends “Demand they depart”",
            ["• Leo Hart recommends", "  “Demand they depart”"],
        ),
        (
            "   ✓ met The budget balances in the end.",
            ["   ✓ met The budget", "     balances in the", "     end."],
        ),
        ("  [x] The ship has left the harbour.", ["  [x] The ship has left", "      the harbour."]),
        ("12. Who should have decided the case?", ["12. Who should have", "    decided the case?"]),
        (" █████░░░ 1000/2000 ▼ better", [" █████░░░ 1000/2000 ▼", "          better"]),
        ("A paragraph wraps back to its own edge.", ["A paragraph wraps back", "to its own edge."]),
    ],
)
def test_each_line_hangs_from_its_indent_and_bullet(line: str, expected: list[str]) -> None:
    assert render(hung(line), 24) == expected


def test_a_block_keeps_its_lines_and_blank_lines_in_order() -> None:
    block = hung(Content("Scores\n\n   ✗ not met Keep the reserve."))
    assert render(block, 40) == ["Scores", "", "   ✗ not met Keep the reserve."]
    assert block.get_height({}, 40) == 3
    assert str(block) == "Scores\n\n   ✗ not met Keep the reserve."
