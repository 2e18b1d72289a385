"""Snapshot tests: the main screens at 80x24 (a laptop terminal) and 120x40 (full screen).

Every app here uses the tiny test scenario, a fixed seed and a fixed clock, so the pictures
change only when the screens do. Update with ``pytest --snapshot-update`` after looking.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from excomm_sim.tui.app import ExcommApp

MakeApp = Callable[..., ExcommApp]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def settle(pilot: Pilot[int]) -> None:
    """The title learns about saves just after it first shows: let that land."""
    await pilot.pause()
    await pilot.pause()


async def to_decision_room(pilot: Pilot[int]) -> None:
    await pilot.press(
        "enter", "enter", *"Ana", "enter", "enter"
    )  # new game, solo mayor, briefing read
    await pilot.pause()


async def to_consequences(pilot: Pilot[int]) -> None:
    await to_decision_room(pilot)
    await pilot.press("2", "enter")  # the inspection: a chance roll, an event, several changes
    await pilot.pause()


async def to_debrief(pilot: Pilot[int]) -> None:
    await to_decision_room(pilot)
    for _ in range(3):
        await pilot.press("1", "enter", "enter")
        await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_title_screen(
    snap_compare: Callable[..., bool], make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Guards the title menu: all five entries, Continue greyed with no save, the key hint."""
    assert snap_compare(make_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_decision_room(
    snap_compare: Callable[..., bool], make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Guards the main screen's layout: agenda with citation, numbered options with the ▶
    marker, odds and a withheld option, the option detail, and the situation panel."""
    assert snap_compare(make_app(), terminal_size=size, run_before=to_decision_room)


@pytest.mark.parametrize("size", SIZES)
def test_consequences(
    snap_compare: Callable[..., bool], make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Guards the consequences list: the decision, the chance roll with its odds, each change
    with old → new, ▲/▼ and its cause, the event, and the date moving on."""
    assert snap_compare(make_app(), terminal_size=size, run_before=to_consequences)


@pytest.mark.parametrize("size", SIZES)
def test_debrief(
    snap_compare: Callable[..., bool], make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Guards the debrief's top: the ending's title and narrative, history's comparison and
    the start of the scores (the rest scrolls)."""
    assert snap_compare(make_app(), terminal_size=size, run_before=to_debrief)
