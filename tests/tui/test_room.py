"""The decision room as a student meets it: where each item opens, what it says about the stakes."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Static

from excomm_sim.engine.moves import Action
from excomm_sim.paths import bundled_scenario
from excomm_sim.scenario.load import load_path
from excomm_sim.session import GameSession
from excomm_sim.tui.app import ExcommApp
from excomm_sim.tui.screens.decision import DecisionRoomScreen

MakeApp = Callable[..., ExcommApp]
ScreenText = Callable[[ExcommApp], str]


class RoomApp(App[None]):
    """Just the stylesheet, to show one screen at a time as the game would."""

    CSS_PATH = ExcommApp.CSS_PATH


def meeting_19(seed: int = 420876) -> GameSession:
    scenario = load_path(bundled_scenario("meeting19"))
    return GameSession.new(scenario, seed, {"president": "Ann"}, None, scenario_path="")


async def test_every_item_of_meeting_19_opens_at_its_title() -> None:
    """Seed 420876 once opened items 5 and 10 scrolled to the options, mid-citation: focusing
    the options scrolled them into view. The first ten items, first option chosen each time."""
    session = meeting_19()
    scrolled: list[str] = []
    app = RoomApp()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(10):
            role = session.to_act.role
            assert role is not None
            screen = DecisionRoomScreen(session.scenario, session.observe(role))
            await app.push_screen(screen)
            await pilot.pause()
            if screen.query_one("#agenda", VerticalScroll).scroll_y != 0:
                scrolled.append(screen.item.decision.title)
            app.pop_screen()
            session.act(Action(role, screen.item.offered[0].id))
    assert scrolled == []


async def test_the_status_line_says_which_item_of_how_many_and_the_date(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    app = make_app(roles={"mayor": "Ann"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Saturday 3 November 1962 · item 1 of 3 · You: Mayor Ada Byrne" in screen_text(app)


async def test_the_briefing_lists_every_objective_before_the_story(
    make_app: MakeApp, screen_text: ScreenText
) -> None:
    from excomm_sim.tui.screens.briefing import briefing_content

    scenario = load_path(bundled_scenario("meeting19"))
    president = scenario.role("president")
    lines = briefing_content(president, "Ann").plain.splitlines()
    assert [line for line in lines[:10] if "pt)" in line] == [
        f"  • {o.text} ({o.points} pt)" for o in president.objectives
    ]


async def test_m_in_the_room_shows_the_objectives_and_what_each_meter_means() -> None:
    from excomm_sim.tui.screens.stakes import StakesScreen

    session = meeting_19()
    app = RoomApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DecisionRoomScreen(session.scenario, session.observe("president")))
        await pilot.pause()
        room = "\n".join(str(w.content) for w in app.screen.query("#tracker"))
        assert "✗ ✓ ✗ ✓  3 of 8 pt now (m)" in room
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, StakesScreen)
        shown = "\n".join(str(w.content) for w in app.screen.query("Static"))
        assert "✗ not met now, 3 pt: The IL-28 bombers have left Cuba." in shown
        assert "at 85 or more the game ends: The crisis returns" in shown


def test_changes_a_choice_made_are_told_as_what_it_changed_not_a_repeat_of_it() -> None:
    from excomm_sim.tui.screens.consequences import consequence_lines

    session = meeting_19()
    option = session.observe("president").item
    assert option is not None
    records = session.act(Action("president", option.offered[0].id))
    text = "\n".join(line.plain for _, line in consequence_lines(session.scenario, records))
    assert "what it changed [record p.1 ¶1" in text
    assert "because: Chose" not in text


async def test_g_shows_who_is_who_and_the_terms_and_the_first_mention_is_explained() -> None:
    from excomm_sim.tui.screens.glossary import GlossaryScreen

    session = meeting_19()
    app = RoomApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DecisionRoomScreen(session.scenario, session.observe("president")))
        await pilot.pause()
        agenda = str(app.screen.query_one("#agenda-text", Static).content)
        assert "• Vasily V. Kuznetsov, First Deputy Foreign Minister of the USSR." in agenda
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        shown = str(app.screen.query_one("#glossary-text", Static).content)
        assert "Dean Rusk, Secretary of State" in shown  # another seat's public bio
        assert "U Thant, Acting Secretary-General of the United Nations" in shown
        assert "IL-28: A Soviet twin-jet light bomber" in shown
        assert "Your private briefing" not in shown


def test_a_name_is_explained_only_where_the_game_first_mentions_it() -> None:
    from excomm_sim.tui.screens.decision import first_mentions

    session = meeting_19()
    names = []
    for _ in range(6):
        observation = session.observe("president")
        assert observation.item is not None
        names += [
            getattr(e, "name", getattr(e, "term", ""))
            for e in first_mentions(session.scenario, observation)
        ]
        session.act(Action("president", observation.item.offered[0].id))
    assert names.count("Vasily V. Kuznetsov") == 1


async def test_l_shows_the_whole_log_on_a_screen_of_its_own() -> None:
    from excomm_sim.tui.screens.log import LogScreen

    session = meeting_19()
    for _ in range(3):
        item = session.observe("president").item
        assert item is not None
        session.act(Action("president", item.offered[0].id))
    app = RoomApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DecisionRoomScreen(session.scenario, session.observe("president")))
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        shown = str(app.screen.query_one("#full-log", Static).content)
        assert shown.index("On the table: The intelligence estimate") < shown.index(
            "On the table: The IL-28 bombers"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DecisionRoomScreen)


async def test_below_80x24_the_room_says_the_size_it_needs() -> None:
    session = meeting_19()
    app = RoomApp()
    async with app.run_test(size=(70, 20)) as pilot:
        await app.push_screen(DecisionRoomScreen(session.scenario, session.observe("president")))
        await pilot.pause()
        note = app.screen.query_one("#size-note", Static)
        assert note.display and "This window is 70×20" in str(note.content)
        assert "needs at least 80×24" in str(note.content)
        assert not app.screen.query_one("#room").display


def test_the_dashboards_trend_lines_never_push_a_label_onto_its_own_line() -> None:
    from excomm_sim.tui.widgets.dashboard import NARROW, dashboard_content

    session = meeting_19()
    for _ in range(12):
        item = session.observe("president").item
        assert item is not None
        session.act(Action("president", item.offered[0].id))
    timeline = session.observe("president").timeline
    for line in dashboard_content(session.scenario, timeline, NARROW).plain.splitlines():
        label = line.rstrip("▁▂▃▄▅▆▇█ ")
        if label and not line.startswith(" ") and len(label) < NARROW:
            assert len(line) <= NARROW, line


def test_every_help_line_fits_the_help_box_at_80_columns() -> None:
    from excomm_sim.tui.screens.help import HELP_TEXT

    assert max(len(line) for line in HELP_TEXT.splitlines()) <= 74  # box 76, scrollbar 2
