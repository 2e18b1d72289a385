"""The author's debug panel (author mode, key g): set a variable, jump to a later item,
force a chance outcome, mark history's options.

The panel only gathers what the author asks for and hands it back (``dismiss``) as a
request; the app carries it out (``tui.author_tools``) as a move through the kernel, or on
the sampler's side for chance. What it offers is read from the game it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from excomm_sim.engine.state import GameState
from excomm_sim.scenario.model import Decision, Scenario, Value, Variable, VariableKind
from excomm_sim.story.values import value_text


@dataclass(frozen=True)
class SetVariable:
    variable: str
    value: Value


@dataclass(frozen=True)
class JumpTo:
    decision: str


@dataclass(frozen=True)
class ForceChance:
    decision: str
    option: str
    outcome: str


@dataclass(frozen=True)
class ToggleHistoryMarks:
    on: bool
    """Whether history's options are to be marked from now on."""


DebugRequest = SetVariable | JumpTo | ForceChance | ToggleHistoryMarks
"""What the author asked the panel for."""


def parse_value(variable: Variable, text: str) -> Value | None:
    """The typed text as a value of ``variable`` (None when it is not one): a whole number
    for an int, true/false (yes/no) for a bool, one of the values for an enum. The range is
    the kernel's to check, so its refusal names the range."""
    text = text.strip()
    if variable.kind is VariableKind.BOOL:
        words = {"true": True, "yes": True, "false": False, "no": False}
        return words.get(text.lower())
    if variable.kind is VariableKind.ENUM:
        return text if text in variable.values else None
    try:
        return int(text)
    except ValueError:
        return None


def later_decisions(scenario: Scenario, state: GameState) -> tuple[Decision, ...]:
    """The items after the one on the table (or from the next one) not yet taken."""
    taken = {choice.decision for choice in state.choices}
    return tuple(d for d in scenario.decisions[state.cursor :] if d.id not in taken)


def chance_choices(scenario: Scenario, state: GameState) -> tuple[tuple[str, str, str], ...]:
    """(option id, outcome id, "option → outcome") for the item on the table's chance nodes."""
    decision = next((d for d in scenario.decisions if d.id == state.current), None)
    if decision is None:
        return ()
    return tuple(
        (option.id, outcome.id, f"{option.label} → {outcome.label}")
        for option in decision.options
        if option.chance is not None
        for outcome in option.chance.outcomes
    )


class DebugScreen(ModalScreen[DebugRequest | None]):
    """Opened with g in author mode; Escape or g closes it without doing anything."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g", "close", "Close"),
    ]
    """Escape or g: close. Tab moves between the fields; Enter in the value sets it."""

    def __init__(self, scenario: Scenario, state: GameState, history_marks: bool) -> None:
        super().__init__()
        self.scenario = scenario
        self.state = state
        self.history_marks = history_marks
        self.later = later_decisions(scenario, state)
        self.chances = chance_choices(scenario, state)

    def compose(self) -> ComposeResult:
        values = self.state.values
        with Vertical(id="debug-box"):
            yield Static(
                Content.styled("Author's tools: changes are moves the log shows", "bold"),
                classes="screen-title",
            )
            yield Label("Set a variable")
            with Horizontal(classes="debug-row"):
                yield Select(
                    [
                        (f"{v.label} = {value_text(v, values[v.id])}", v.id)
                        for v in self.scenario.variables
                    ],
                    prompt="variable",
                    id="debug-variable",
                )
                yield Input(placeholder="value", id="debug-value")
                yield Button("Set", id="debug-set")
            yield Label("Jump to a later item")
            with Horizontal(classes="debug-row"):
                yield Select(
                    [(d.title, d.id) for d in self.later],
                    prompt="no later item" if not self.later else "item",
                    id="debug-decision",
                    disabled=not self.later,
                )
                yield Button("Jump", id="debug-jump", disabled=not self.later)
            yield Label("Force a chance outcome (this item)")
            with Horizontal(classes="debug-row"):
                yield Select(
                    [(label, f"{option}/{outcome}") for option, outcome, label in self.chances],
                    prompt="no chance on this item" if not self.chances else "option → outcome",
                    id="debug-chance",
                    disabled=not self.chances,
                )
                yield Button("Force", id="debug-force", disabled=not self.chances)
            with Horizontal(classes="debug-row"):
                shown = "on" if self.history_marks else "off"
                yield Label(f"History's options marked: {shown}", id="debug-marks-state")
                yield Button("Unmark" if self.history_marks else "Mark them", id="debug-marks")
            yield Static("", id="debug-problem")
            yield Static("Esc closes without changing anything.", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#debug-variable", Select).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def _problem(self, text: str) -> None:
        self.query_one("#debug-problem", Static).update(Content.styled(text, "bold"))

    @on(Button.Pressed, "#debug-set")
    @on(Input.Submitted, "#debug-value")
    def set_variable(self) -> None:
        chosen = self.query_one("#debug-variable", Select).value
        variable = next((v for v in self.scenario.variables if v.id == chosen), None)
        if variable is None:
            self._problem("Choose a variable first.")
            return
        text = self.query_one("#debug-value", Input).value
        value = parse_value(variable, text)
        if value is None:
            self._problem(f"'{text}' is not a value of {variable.id}: {_expected(variable)}.")
            return
        self.dismiss(SetVariable(variable.id, value))

    @on(Button.Pressed, "#debug-jump")
    def jump(self) -> None:
        chosen = self.query_one("#debug-decision", Select).value
        if not isinstance(chosen, str):
            self._problem("Choose an item first.")
            return
        self.dismiss(JumpTo(chosen))

    @on(Button.Pressed, "#debug-force")
    def force(self) -> None:
        chosen = self.query_one("#debug-chance", Select).value
        current = self.state.current
        if not isinstance(chosen, str) or current is None:
            self._problem("Choose an option and its outcome first.")
            return
        option, outcome = chosen.split("/", 1)
        self.dismiss(ForceChance(current, option, outcome))

    @on(Button.Pressed, "#debug-marks")
    def toggle_marks(self) -> None:
        self.dismiss(ToggleHistoryMarks(on=not self.history_marks))


def _expected(variable: Variable) -> str:
    if variable.kind is VariableKind.BOOL:
        return "true or false"
    if variable.kind is VariableKind.ENUM:
        return "one of " + ", ".join(variable.values)
    return f"a whole number from {variable.minimum} to {variable.maximum}"
