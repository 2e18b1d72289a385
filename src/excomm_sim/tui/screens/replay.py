"""The replay screen: step through a saved game decision by decision, and branch from any one.

For the step on show it gives the item and its context, where the advisers stood, the
choice beside history's, what followed (each change with its cause) and every variable
before and after. After the last decision comes the ending with the scores. "Branch here"
cuts the save before the decision on show and posts ``BranchRequested``: the app starts a
live game from it, saved as its own file that records where it branched from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from excomm_sim.saves import SaveError, SaveGame, branch, read_save
from excomm_sim.scenario.model import Display, Scenario, Value
from excomm_sim.story.history import history_text
from excomm_sim.story.names import role_name, short_title
from excomm_sim.story.retelling import choice_text, consequence_lines, score_text, stand_text
from excomm_sim.story.text import date_text
from excomm_sim.story.timeline import Step, Timeline, build_timeline
from excomm_sim.story.values import trend, value_text
from excomm_sim.story.why import why_lines
from excomm_sim.tui.messages import BranchRequested
from excomm_sim.tui.widgets.hanging import hung


def _source_name(save: SaveGame) -> str:
    """The name ``save_path`` gave the save when it was first written (the app's default)."""
    try:
        created = dt.datetime.fromisoformat(save.created).astimezone(dt.UTC)
    except ValueError:
        return f"{save.scenario_id}.json"
    return f"{save.scenario_id}-{created:%Y%m%d-%H%M%S}.json"


def state_content(
    scenario: Scenario, before: Mapping[str, Value], after: Mapping[str, Value] | None
) -> Content:
    """Every variable: before -> after with the direction in words; hidden ones marked."""
    lines: list[Content] = [Content.styled("The state", "bold underline")]
    for variable in scenario.variables:
        old = before.get(variable.id, variable.initial)
        new = after.get(variable.id, old) if after is not None else old
        label = variable.label + (" (hidden)" if variable.display is Display.HIDDEN else "")
        if new != old:
            shown = f"{value_text(variable, old)} → {value_text(variable, new)}"
            direction = trend(variable, old, new)
            lines.append(Content.assemble((label, "bold"), "\n  ", (shown, "bold")))
            if direction:
                lines.append(Content(f"  ({direction})"))
        else:
            lines.append(Content.assemble((label, "bold"), f"\n  {value_text(variable, new)}"))
    return Content("\n").join(lines)


def why_content(scenario: Scenario, step: Step) -> list[Content]:
    """The computer decider's weighing under the choice; [] when a person decided."""
    lines = why_lines(scenario, step.records)
    if not lines:
        return []
    heading, *options = lines
    return [Content.styled(heading, "italic"), *(Content(f"  • {line}") for line in options)]


def step_content(timeline: Timeline, step: Step) -> Content:
    """The decision on show: item, context, positions, choice, history, consequences."""
    scenario = timeline.scenario
    lines: list[Content] = [
        Content.styled(f"Item {step.number}: {step.decision.title}", "bold"),
        Content.styled(date_text(step.date), "italic"),
        Content(""),
        Content(" ".join(step.decision.context.split())),
        Content(""),
        Content.styled("Where the advisers stood", "bold underline"),
    ]
    if step.positions:
        lines.extend(
            Content(f"• {stand_text(scenario, step.decision, stand)}") for stand in step.positions
        )
    else:
        lines.append(Content.styled("No adviser took a position.", "italic"))
    lines.extend(
        [
            Content(""),
            Content.assemble(("Choice: ", "bold"), choice_text(scenario, step)),
            *why_content(scenario, step),
            Content(history_text(step)),
            Content(""),
            Content.styled("What followed", "bold underline"),
        ]
    )
    consequences = consequence_lines(scenario, step)
    lines.extend(Content(f"• {line}") for line in consequences)
    if not consequences:
        lines.append(Content.styled("Nothing yet: the game was saved here.", "italic"))
    return Content("\n").join(lines)


def ending_content(timeline: Timeline) -> Content:
    """The page after the last decision: the ending, the debrief and every role's score."""
    ending = timeline.ending
    if ending is None:
        return Content.styled(
            "The game was not finished when it was saved. Branch at a decision to play on.",
            "italic",
        )
    lines: list[Content] = [
        Content.styled(f"Ending: {ending.title}", "bold"),
        Content(""),
        Content(" ".join(ending.narrative.split())),
        Content(""),
        Content.styled("What happened in history", "bold underline"),
        Content(" ".join(ending.debrief.split())),
        Content(""),
        Content.styled("Scores", "bold underline"),
    ]
    for role in timeline.scenario.roles:
        score = timeline.scores.get(role.id)
        if score is None:
            continue
        player = timeline.save.humans.get(role.id, "computer")
        lines.append(
            Content.assemble(
                (f"{role_name(timeline.scenario, role.id)} ({player})", "bold"),
                f": {score_text(score)}",
            )
        )
        lines.extend(
            Content(f"  {'[x]' if met else '[ ]'} {objective.text}") for objective, met in score.met
        )
    return Content("\n").join(lines)


class ReplayScreen(Screen[None]):
    """A saved game, one decision at a time, with branching.

    ``save`` is a SaveGame or the path of a save file. A save that cannot be replayed
    (unreadable, or for another scenario) is reported in a notification and the screen
    closes at once, so a caller never has to catch anything.
    ``source_name`` is the save's file name, recorded in a branch; it defaults to the path's
    name, or for a SaveGame to the name the game's first autosave got.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,p", "previous", "Back"),
        Binding("right,n", "next", "Forward"),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("b", "branch", "Branch"),  # short: the footer must fit 80 columns
        Binding("escape", "close", "Close"),
    ]
    """left/p back · right/n forward · home/end first/last · b branch here · escape close.

    The footer's words are short so that, with the app's own keys, it fits 80 columns.
    """

    DEFAULT_CSS = """
    ReplayScreen #replay-heading { height: auto; padding: 0 1; background: $panel; }
    ReplayScreen #replay-body { height: 1fr; }
    ReplayScreen #replay-story { width: 2fr; padding: 0 1; }
    ReplayScreen #replay-state-pane { width: 1fr; min-width: 28; padding: 0 1; }
    ReplayScreen #replay-buttons { height: auto; align-horizontal: center; }
    ReplayScreen #replay-buttons Button { margin: 0 1; }
    """

    index: reactive[int] = reactive(0, init=False)
    """Which page is on show: 0..len(steps)-1 a decision, len(steps) the ending."""

    def __init__(
        self,
        save: SaveGame | Path,
        scenario: Scenario,
        saves_dir: Path,
        source_name: str | None = None,
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.saves_dir = saves_dir
        self.error: str | None = None
        """Why the save cannot be replayed; the screen then says so and closes."""
        try:
            if isinstance(save, Path):
                source_name = source_name or save.name
                save = read_save(save)
            self.source_name = source_name or _source_name(save)
            self.timeline = build_timeline(save, scenario)
        except SaveError as error:
            self.error = str(error)
            return
        self.save = save

    @property
    def pages(self) -> int:
        return len(self.timeline.steps) + 1

    @property
    def step(self) -> Step | None:
        """The decision on show, or None on the ending page."""
        if self.index < len(self.timeline.steps):
            return self.timeline.steps[self.index]
        return None

    def compose(self) -> ComposeResult:
        yield Static(id="replay-heading")
        with Horizontal(id="replay-body"):
            with VerticalScroll(id="replay-story"):
                yield Static(id="replay-decision")
            with VerticalScroll(id="replay-state-pane"):
                yield Static(id="replay-state")
        with Horizontal(id="replay-buttons"):
            yield Button("◀ Back", id="replay-back", compact=True)
            yield Button("Forward ▶", id="replay-forward", compact=True)
            yield Button("Branch here", id="replay-branch", variant="primary", compact=True)
            yield Button("Close", id="replay-close", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.error is not None:
            self.notify(self.error, title="Cannot replay this save", severity="error")
            self.dismiss(None)
            return
        self.render_page()
        if self.timeline.problem:
            self.notify(self.timeline.problem, title="The scenario changed", severity="warning")

    def watch_index(self) -> None:
        self.render_page()

    def render_page(self) -> None:
        """Show the page at ``index``: heading, story, state and which buttons apply."""
        step = self.step
        total = len(self.timeline.steps)
        where = f"Item {step.number} of {total}" if step else "The ending"
        # Two short lines, not one long one: at 80 columns the title wrapped mid-phrase.
        heading = f"Replay: {short_title(self.scenario)} — {where}"
        about = self.source_name
        if self.save.branched_from is not None:
            about += f" (branched from {self.save.branched_from.save})"
        if self.timeline.problem:
            about += " — replayed only in part (the scenario changed)"
        self.query_one("#replay-heading", Static).update(
            Content.assemble((heading, "bold"), "\n", about)
        )
        story = self.query_one("#replay-decision", Static)
        state = self.query_one("#replay-state", Static)
        if step is None:
            story.update(hung(ending_content(self.timeline)))
            final = self.timeline.final.values
            state.update(hung(state_content(self.scenario, final, None)))
        else:
            story.update(hung(step_content(self.timeline, step)))
            state.update(hung(state_content(self.scenario, step.before, step.after)))
        self.query_one("#replay-back", Button).disabled = self.index == 0
        self.query_one("#replay-forward", Button).disabled = self.index >= self.pages - 1
        branch_button = self.query_one("#replay-branch", Button)
        branch_button.disabled = self.branch_point() is None
        branch_button.tooltip = self.branch_reason()
        self.query_one("#replay-story", VerticalScroll).scroll_home(animate=False)

    def branch_point(self) -> int | None:
        """How many actions a branch at the page on show keeps; None if it cannot branch."""
        step = self.step
        return step.actions_before if step is not None else None

    def branch_reason(self) -> str:
        if self.step is None:
            return "Pick a decision to branch from."
        if self.branch_point() is None:
            return "The computer decided this with no player's say; branch at another decision."
        return "Play on from before this decision, as a new saved game."

    # -- actions ------------------------------------------------------------------------

    def action_previous(self) -> None:
        self.index = max(self.index - 1, 0)

    def action_next(self) -> None:
        self.index = min(self.index + 1, self.pages - 1)

    def action_first(self) -> None:
        self.index = 0

    def action_last(self) -> None:
        self.index = self.pages - 1

    def action_close(self) -> None:
        self.dismiss(None)

    def action_branch(self) -> None:
        kept = self.branch_point()
        if kept is None:
            self.notify(self.branch_reason(), severity="warning")
            return
        now = dt.datetime.now(dt.UTC)
        clock = getattr(self.app, "clock", None)
        if callable(clock):
            now = clock()
        branched = branch(self.save, self.source_name, kept, now)
        self.post_message(BranchRequested(branched, self.scenario))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "replay-back": self.action_previous,
            "replay-forward": self.action_next,
            "replay-branch": self.action_branch,
            "replay-close": self.action_close,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            event.stop()
            action()
