"""The decision room: the item on the table, the options, the advisers, the dashboard, the log."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from excomm_sim.agenda import item_text
from excomm_sim.engine.observe import ItemView, Observation
from excomm_sim.scenario.glossary import Entry, entry_text, mentioned
from excomm_sim.scenario.model import Scenario
from excomm_sim.sourcetext import decision_citations
from excomm_sim.story.text import date_text, prose
from excomm_sim.tui.away import away_lines
from excomm_sim.tui.messages import BriefingRequested, OptionPicked, TakeBackRequested
from excomm_sim.tui.screens.source import SourceScreen
from excomm_sim.tui.widgets.dashboard import Dashboard
from excomm_sim.tui.widgets.hanging import hung
from excomm_sim.tui.widgets.log import GameLog
from excomm_sim.tui.widgets.objectives import ObjectivesTracker
from excomm_sim.tui.widgets.options import OptionsList, option_detail
from excomm_sim.tui.widgets.positions import Positions

MIN_WIDTH, MIN_HEIGHT = 80, 24
"""The smallest terminal the decision room is laid out for."""


def status_line(scenario: Scenario, observation: Observation) -> Content:
    """'Saturday 3 November 1962 · item 2 of 19 · You: John F. Kennedy — decide'."""
    turn = observation.to_act
    assert turn.role is not None
    role = scenario.role(turn.role)
    task = "decide" if turn.kind == "decide" else "recommend"
    return Content.assemble(
        (date_text(observation.date), "bold"),
        f" · {item_text(scenario, observation)} · You: ",
        (role.name, "bold"),
        f" — {task}",
    )


def agenda_content(item: ItemView, first_mentions: Sequence[Entry] = ()) -> Content:
    """The item's title, context and sources, then a line for each person or term the
    game names here for the first time (``first_mentions``)."""
    decision = item.decision
    parts = [
        Content.styled(decision.title, "bold"),
        Content(prose(decision.context)),
    ]
    if decision.sources:
        parts.append(
            Content.styled("Source: " + "; ".join(str(s) for s in decision.sources), "italic")
        )
    for entry in first_mentions:
        parts.append(Content.styled("• " + prose(entry_text(entry)), "italic"))
    return Content("\n").join(parts)


def first_mentions(scenario: Scenario, observation: Observation) -> tuple[Entry, ...]:
    """Who and what this item's text names that no earlier item's did (g lists them all)."""
    item = observation.item
    if item is None:
        return ()
    earlier = " ".join(scenario.decision(c.decision).context for c in observation.choices)
    before = set(map(id, mentioned(scenario, earlier)))
    return tuple(e for e in mentioned(scenario, item.decision.context) if id(e) not in before)


class DecisionRoomScreen(Screen[None]):
    """The main screen. Choosing an option posts ``OptionPicked`` for the app to act on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "select(1)", "Select", key_display="1-9"),
        *(Binding(str(n), f"select({n})", show=False) for n in range(2, 10)),
        Binding("enter", "confirm", "Confirm"),
        Binding("u,ctrl+z", "take_back", "Undo", key_display="u"),
        Binding("o", "focus_options", "Options", show=False),
        Binding("d", "focus_side", "Panel", show=False),
        Binding("b", "briefing", "Briefing", show=False),
        Binding("s", "source", "Source"),
        Binding("m", "stakes", "Stakes"),
        Binding("g", "glossary", "Glossary"),
        Binding("l", "log", "Log", show=False),
        Binding("t", "app.toggle_theme", "Theme", show=False),
    ]
    """1-9 select the numbered offered option (from anywhere on the screen) and Enter
    confirms it, so one stray key never commits; u or ctrl+z take back the last decision;
    o and d move the focus to the options or the situation panel; b shows your briefing;
    s opens the paragraphs of the record this item cites; m your objectives as they stand
    and what each meter means; g who's who and the glossary; l the whole log on a screen
    of its own (t, the theme, and ctrl+p, the palette, still work but leave the footer to
    the game's keys; help lists them all)."""

    def __init__(
        self, scenario: Scenario, observation: Observation, history_marks: bool = False
    ) -> None:
        """``observation`` is the acting seat's (its turn: to recommend or to decide);
        ``history_marks`` marks the option history took (author mode's debug panel)."""
        super().__init__()
        self.history_marks = history_marks
        assert observation.item is not None and observation.to_act.role is not None
        self.scenario = scenario
        self.observation = observation
        self.item = observation.item
        self.role = observation.to_act.role
        self.shown_first_highlight = False
        """The first highlight is set on mount: leave the agenda at its top for reading."""

    def compose(self) -> ComposeResult:
        item = self.item
        ask = (
            "Choose what to do (a number picks, Enter confirms):"
            if self.observation.to_act.kind == "decide"
            else f"What do you recommend to {self.decider_name()}? (a number picks, Enter confirms)"
        )
        yield Static(status_line(self.scenario, self.observation), id="status-line")
        with Horizontal(id="room"):
            with VerticalScroll(id="agenda"):
                mentions = first_mentions(self.scenario, self.observation)
                yield Static(hung(agenda_content(item, mentions)), id="agenda-text")
                yield Static(Content.styled(ask, "bold"), classes="section-title")
                yield OptionsList(item.options, id="options", mark_history=self.history_marks)
                yield Static("", id="option-detail")
                yield Static(Content.styled("The advisers", "bold"), classes="section-title")
                yield Positions(self.scenario, item.decision, item.positions, id="positions")
            with VerticalScroll(id="side"):
                yield Static(Content.styled("Your objectives", "bold"), classes="section-title")
                tracker = ObjectivesTracker(id="tracker")
                observation = self.observation
                tracker.show(self.scenario, observation.objectives, observation.values)
                yield tracker
                yield Static(Content.styled("Situation", "bold"), classes="section-title")
                dashboard = Dashboard(id="dashboard")
                dashboard.show(self.scenario, self.observation.timeline)
                yield dashboard
                yield Static(Content.styled("Log (newest first)", "bold"), classes="section-title")
                log = GameLog(id="log")
                log.show(self.scenario, self.observation.log)
                yield log
        yield Static("", id="size-note")
        yield Footer(compact=True, show_command_palette=False)

    def on_resize(self, event: events.Resize) -> None:
        """Below 80x24 the room cannot be laid out readably: say what size it needs."""
        width, height = event.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        if small:
            self.query_one("#size-note", Static).update(
                f"This window is {width}×{height}. The decision room needs at least "
                f"{MIN_WIDTH}×{MIN_HEIGHT}: make the window larger (or the font smaller)."
            )

    def decider_name(self) -> str:
        return self.scenario.role(self.item.decision.decider).name

    def on_mount(self) -> None:
        options = self.query_one("#options", OptionsList)
        # Focus without scrolling: the item opens at its title, the options below the fold.
        options.focus(scroll_visible=False)
        if options.offered_ids:
            options.highlighted = options.get_option_index(options.offered_ids[0])
        self.tell_what_happened_while_away()

    def tell_what_happened_while_away(self) -> None:
        """In hot-seat, what this player missed since their last move, over the room."""
        observation = self.observation
        if len(observation.humans) < 2:
            return
        lines = away_lines(self.scenario, observation)
        if lines:
            from excomm_sim.tui.screens.away import AwayScreen

            player = observation.humans.get(self.role, "")
            self.app.push_screen(AwayScreen(player, lines))

    def action_select(self, number: int) -> None:
        """Highlight the numbered option; nothing is decided until Enter."""
        options = self.query_one("#options", OptionsList)
        if 0 < number <= len(options.offered_ids):
            options.highlighted = options.get_option_index(options.offered_ids[number - 1])
            options.focus()

    def action_confirm(self) -> None:
        """Enter from anywhere on the screen: commit the highlighted option."""
        self.query_one("#options", OptionsList).action_select()

    def action_take_back(self) -> None:
        self.post_message(TakeBackRequested())

    def action_briefing(self) -> None:
        self.post_message(BriefingRequested(role=self.role))

    def action_stakes(self) -> None:
        from excomm_sim.tui.screens.stakes import StakesScreen

        self.app.push_screen(StakesScreen(self.scenario, self.observation))

    def action_log(self) -> None:
        from excomm_sim.tui.screens.log import LogScreen

        self.app.push_screen(LogScreen(self.scenario, self.observation))

    def action_glossary(self) -> None:
        from excomm_sim.tui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.scenario))

    def action_source(self) -> None:
        decision = self.item.decision
        cited = list(decision_citations(decision))
        self.app.push_screen(SourceScreen(self.scenario, decision.title, cited))

    def action_focus_options(self) -> None:
        self.query_one("#options", OptionsList).focus()

    def action_focus_side(self) -> None:
        self.query_one("#side", VerticalScroll).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        options = self.query_one("#options", OptionsList)
        view = options.views.get(event.option.id or "")
        if view is not None:
            self.query_one("#option-detail", Static).update(option_detail(view))
        if self.shown_first_highlight:
            # Keep the list in view as the player moves through it (the agenda scrolls).
            self.query_one("#agenda", VerticalScroll).scroll_to_widget(options, animate=False)
        self.shown_first_highlight = True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and not event.option.disabled:
            self.post_message(OptionPicked(role=self.role, option=event.option.id))
