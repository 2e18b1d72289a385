"""The debrief: the ending, each seat's score, choices beside history's, the chart, questions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from excomm_sim.chance_road import off_road
from excomm_sim.engine.kernel import RoleScore
from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Ending, Scenario
from excomm_sim.story.advice import advice_lines
from excomm_sim.story.history import THE_GAMES_OWN, beside_history, history_note
from excomm_sim.story.retelling import score_text
from excomm_sim.story.text import prose
from excomm_sim.tui.messages import BackToTitle
from excomm_sim.tui.widgets.chart import VariableChart
from excomm_sim.tui.widgets.hanging import hung


def scores_content(
    scenario: Scenario, scores: Mapping[str, RoleScore], humans: Mapping[str, str]
) -> Content:
    """Each seat (players first): points, won or not, every objective met (✓) or not (✗).

    A seat wins with more than half its possible points (the engine's ``RoleScore.won``).
    """
    order = [r.id for r in scenario.roles if r.id in humans] + [
        r.id for r in scenario.roles if r.id not in humans
    ]
    lines: list[Content] = []
    for role_id in order:
        score = scores.get(role_id)
        if score is None:
            continue
        role = scenario.role(role_id)
        who = humans.get(role_id, "computer")
        lines.append(Content.assemble((role.name, "bold"), f" ({who}): {score_text(score)}"))
        for objective, met in score.met:
            mark = "✓ met    " if met else "✗ not met"
            lines.append(Content(f"   {mark} {objective.text} ({objective.points} pt)"))
    return Content("\n").join(lines)


def choices_content(
    scenario: Scenario, observation: Observation, humans: Mapping[str, str]
) -> Content:
    """Decision by decision: what was chosen (and by whom) beside what history did."""
    lines: list[Content] = [Content.styled(THE_GAMES_OWN, "italic")]
    roads = {
        (road.turn, road.decision): road
        for road in off_road(scenario, observation.choices, observation.log)
    }
    for choice in observation.choices:
        decision = scenario.decision(choice.decision)
        chosen = decision.option(choice.option)
        who = humans.get(choice.role) if choice.human else "the computer"
        lines.append(Content.styled(decision.title, "bold underline"))
        lines.append(
            Content(f"   Chosen ({scenario.role(choice.role).name}, {who}): {chosen.label}")
        )
        lines.extend(
            Content("   " + line) for line in advice_lines(scenario, observation.log, choice)
        )
        lines.append(Content("   " + beside_history(decision, chosen.id)))
        road = roads.get((choice.turn, choice.decision))
        if road is not None:
            lines.append(Content.styled("   " + road.text(), "bold"))
        note = history_note(decision)
        if note:
            lines.append(Content.styled("   " + prose(note), "italic"))
    if not observation.choices:
        return Content("No decision was taken.")
    return Content("\n").join(lines)


def chance_content(scenario: Scenario, observation: Observation) -> Content:
    """Each item where history's own choice met another outcome than history's, or a line
    saying chance kept to history's road wherever the game did."""
    roads = off_road(scenario, observation.choices, observation.log)
    if not roads:
        return Content(
            "Nowhere: wherever you made history's choice, chance came out as it did in history."
        )
    return Content("\n").join(
        Content(f"• {scenario.decision(road.decision).title}: {road.text()}") for road in roads
    )


class DebriefScreen(Screen[None]):
    """Shown at an ending. Everything is on one scrolling page so a class can read it aloud."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("b", "back", "Back to title")]

    def __init__(self, scenario: Scenario, observation: Observation) -> None:
        """``observation`` is the end-of-game view (what the debrief reveals to all)."""
        super().__init__()
        assert observation.ending is not None, "the game has ended"
        self.scenario = scenario
        self.observation = observation
        self.ending: Ending = observation.ending
        self.scores = dict(observation.scores)
        self.humans = dict(observation.humans)

    def compose(self) -> ComposeResult:
        ending = self.ending
        with VerticalScroll(id="debrief-body"):
            yield Static(Content.styled(f"■ {ending.title}", "bold"), id="ending-title")
            yield Static(Content(prose(ending.narrative)), id="ending-narrative")
            yield Static(
                Content.styled(
                    f"Seed {self.observation.seed}: the same seed and choices replay this game.",
                    "italic",
                ),
                id="ending-seed",
            )
            yield Static(Content.styled("What history did", "bold"), classes="section-title")
            yield Static(Content(prose(ending.debrief)), id="ending-debrief")
            yield Static(Content.styled("Scores", "bold"), classes="section-title")
            yield Static(hung(scores_content(self.scenario, self.scores, self.humans)), id="scores")
            yield Static(
                Content.styled("Your choices beside history's", "bold"), classes="section-title"
            )
            yield Static(
                hung(choices_content(self.scenario, self.observation, self.humans)), id="choices"
            )
            yield Static(
                Content.styled("Where chance took the game off history's road", "bold"),
                classes="section-title",
            )
            yield Static(hung(chance_content(self.scenario, self.observation)), id="off-road")
            yield Static(
                Content.styled("The situation over time (start → end)", "bold"),
                classes="section-title",
            )
            chart = VariableChart(id="chart")
            chart.show(self.scenario, self.observation.timeline)
            yield chart
            if ending.questions:
                yield Static(Content.styled("For discussion", "bold"), classes="section-title")
                yield Static(
                    hung(
                        Content("\n").join(
                            Content(f"{n}. {prose(q)}") for n, q in enumerate(ending.questions, 1)
                        )
                    ),
                    id="questions",
                )
            with Horizontal(id="debrief-buttons"):
                yield Button("Back to title", id="debrief-back", variant="primary")
                yield Button("Quit", id="debrief-quit")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()

    def action_back(self) -> None:
        self.post_message(BackToTitle())

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "debrief-back":
            self.action_back()
        else:
            await self.run_action("app.request_quit")
