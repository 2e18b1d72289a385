"""Game setup: solo (pick a role) or hot-seat (a name per seat), and the seed for the dice."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from excomm_sim.saves.reading import player_name_problem
from excomm_sim.scenario.characters import visible
from excomm_sim.scenario.limits import MAX_PLAYER_NAME
from excomm_sim.scenario.model import Scenario
from excomm_sim.tui.messages import GameSetUp
from excomm_sim.tui.widgets.marked import MarkedOptionList


def name_problem(name: str) -> str | None:
    """Why a save could not hold ``name`` (too long, control characters), or None."""
    problem = player_name_problem(name)
    return visible(problem) if problem is not None else None


def seats_text(scenario: Scenario) -> str:
    """Who decides, by name (the list below gives titles): a school board has no President."""
    chair = scenario.president
    shared = any(decision.decider != chair.id for decision in scenario.decisions)
    decides = "decides most items" if shared else "decides"
    return (
        f"Pick your seat: {chair.name} {decides}; the others advise. "
        "The computer plays every other seat."
    )


def role_prompt(scenario: Scenario, role_id: str) -> Content:
    """'John F. Kennedy — President of the United States (decides)'; advisers unmarked."""
    role = scenario.role(role_id)
    duty = " (decides)" if role.is_president else ""
    return Content.assemble((role.name, "bold"), f" — {role.title}", (duty, "italic"))


class SetupScreen(Screen[None]):
    """Who plays which seat, and the seed. Posts ``GameSetUp`` when a game is ready."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("s", "show_tab('solo')", "Solo"),
        Binding("h", "show_tab('hotseat')", "Hot-seat"),
    ]

    def __init__(self, scenario: Scenario, path: Path, seed: int) -> None:
        super().__init__()
        self.scenario = scenario
        self.path = path
        self.seed = seed

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="setup-body"):
            yield Static(Content.styled(self.scenario.title, "bold"), classes="screen-title")
            with Horizontal(id="seed-row"):
                yield Label("Seed (same seed, same dice):", id="seed-label")
                yield Input(str(self.seed), type="integer", id="seed", max_length=18, compact=True)
            with TabbedContent(id="setup-tabs"):
                with TabPane("Solo", id="solo"):
                    yield Static(seats_text(self.scenario))
                    yield MarkedOptionList(
                        *(
                            Option(role_prompt(self.scenario, role.id), id=role.id)
                            for role in self.scenario.roles
                        ),
                        id="solo-roles",
                    )
                with TabPane("Hot-seat", id="hotseat"):
                    yield Static(
                        "Type a player's name beside each seat they take. "
                        "Seats left blank are played by the computer."
                    )
                    for role in self.scenario.roles:
                        with Horizontal(classes="seat-row"):
                            yield Label(f"{role.name}", classes="seat-label")
                            yield Input(
                                placeholder="(computer)",
                                id=f"seat-{role.id}",
                                classes="seat-name",
                                max_length=MAX_PLAYER_NAME,
                                compact=True,
                            )
                    yield Button("Start hot-seat game", id="start-hotseat", variant="primary")
                    yield Static("", id="setup-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#solo-roles", OptionList).focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#setup-tabs", TabbedContent).active = tab
        if tab == "solo":
            self.query_one("#solo-roles", OptionList).focus()
        else:
            self.query_one(f"#seat-{self.scenario.roles[0].id}", Input).focus()

    def chosen_seed(self) -> int:
        text = self.query_one("#seed", Input).value.strip()
        try:
            return int(text)
        except ValueError:
            return self.seed

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Ask the solo player's name (their report names them), then start the game."""
        from excomm_sim.tui.screens.ask import AskScreen

        event.stop()
        role = event.option.id or self.scenario.president.id
        seed = self.chosen_seed()

        def named(name: str | None) -> None:
            if name:
                self.post_message(GameSetUp(self.scenario, self.path, seed, {role: name}))

        seat = self.scenario.role(role).name
        self.app.push_screen(
            AskScreen(
                f"You take {seat}'s seat. Your name (it goes on your report):",
                hint="Enter: start · Esc: back",
                empty="Type your name first: your report names who played.",
                max_length=MAX_PLAYER_NAME,
                check=lambda name: (
                    visible(problem) if (problem := player_name_problem(name)) else None
                ),
            ),
            named,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "seed":
            event.stop()
            self.start_hotseat()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start-hotseat":
            event.stop()
            self.start_hotseat()

    def start_hotseat(self) -> None:
        humans = {
            role.id: name
            for role in self.scenario.roles
            if (name := self.query_one(f"#seat-{role.id}", Input).value.strip())
        }
        if not humans:
            self.query_one("#setup-error", Static).update("Give at least one seat a player's name.")
            return
        for role_id, name in humans.items():
            problem = player_name_problem(name)
            if problem is not None:
                seat = self.scenario.role(role_id).name
                self.query_one("#setup-error", Static).update(f"{seat}: {visible(problem)}")
                return
        self.post_message(GameSetUp(self.scenario, self.path, self.chosen_seed(), humans))
