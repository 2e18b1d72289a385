"""The decision room: the item on the table, the options, the advisers, the dashboard, the log."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from excomm_sim.engine.observe import ItemView, Observation
from excomm_sim.scenario.model import Scenario
from excomm_sim.sourcetext import decision_citations
from excomm_sim.story.text import date_text, prose
from excomm_sim.tui.messages import BriefingRequested, OptionPicked
from excomm_sim.tui.screens.source import SourceScreen
from excomm_sim.tui.widgets.dashboard import Dashboard
from excomm_sim.tui.widgets.log import GameLog
from excomm_sim.tui.widgets.options import OptionsList, option_detail
from excomm_sim.tui.widgets.positions import Positions


def status_line(scenario: Scenario, observation: Observation) -> Content:
    """'Sat 3 November 1962 · item 2 · You: John F. Kennedy — decide'."""
    turn = observation.to_act
    assert turn.role is not None
    role = scenario.role(turn.role)
    task = "decide" if turn.kind == "decide" else "recommend"
    return Content.assemble(
        (date_text(observation.date), "bold"),
        f" · item {observation.turn + 1} · You: ",
        (role.name, "bold"),
        f" — {task}",
    )


def agenda_content(item: ItemView) -> Content:
    decision = item.decision
    parts = [
        Content.styled(decision.title, "bold"),
        Content(prose(decision.context)),
    ]
    if decision.sources:
        parts.append(
            Content.styled("Source: " + "; ".join(str(s) for s in decision.sources), "italic")
        )
    return Content("\n").join(parts)


class DecisionRoomScreen(Screen[None]):
    """The main screen. Choosing an option posts ``OptionPicked`` for the app to act on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "Choose", key_display="1-9"),
        *(Binding(str(n), f"choose({n})", show=False) for n in range(2, 10)),
        Binding("o", "focus_options", "Options"),
        Binding("d", "focus_side", "Panel"),
        Binding("b", "briefing", "Briefing"),
        Binding("s", "source", "Source"),
    ]
    """1-9 choose the numbered offered option at once (from anywhere on the screen);
    o and d move the focus to the options or the situation panel; b shows your briefing;
    s opens the paragraphs of the record this item cites."""

    def __init__(self, scenario: Scenario, observation: Observation) -> None:
        """``observation`` is the acting seat's (its turn: to recommend or to decide)."""
        super().__init__()
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
            "Choose what to do:"
            if self.observation.to_act.kind == "decide"
            else f"What do you recommend to {self.decider_name()}?"
        )
        yield Static(status_line(self.scenario, self.observation), id="status-line")
        with Horizontal(id="room"):
            with VerticalScroll(id="agenda"):
                yield Static(agenda_content(item), id="agenda-text")
                yield Static(Content.styled(ask, "bold"), classes="section-title")
                yield OptionsList(item.options, id="options")
                yield Static("", id="option-detail")
                yield Static(Content.styled("The advisers", "bold"), classes="section-title")
                yield Positions(self.scenario, item.decision, item.positions, id="positions")
            with VerticalScroll(id="side"):
                yield Static(Content.styled("Situation", "bold"), classes="section-title")
                dashboard = Dashboard(id="dashboard")
                dashboard.show(self.scenario, self.observation.timeline)
                yield dashboard
                yield Static(Content.styled("Log (newest first)", "bold"), classes="section-title")
                log = GameLog(id="log")
                log.show(self.scenario, self.observation.log)
                yield log
        yield Footer()

    def decider_name(self) -> str:
        return self.scenario.role(self.item.decision.decider).name

    def on_mount(self) -> None:
        options = self.query_one("#options", OptionsList)
        options.focus()
        if options.offered_ids:
            options.highlighted = options.get_option_index(options.offered_ids[0])

    def action_choose(self, number: int) -> None:
        options = self.query_one("#options", OptionsList)
        if 0 < number <= len(options.offered_ids):
            option = options.offered_ids[number - 1]
            self.post_message(OptionPicked(role=self.role, option=option))

    def action_briefing(self) -> None:
        self.post_message(BriefingRequested(role=self.role))

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
