"""Who's who and the glossary (g): the seats, the others the scenario names, its terms."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from excomm_sim.scenario.model import Scenario
from excomm_sim.story.text import prose
from excomm_sim.tui.screens.reading import ReadingModal
from excomm_sim.tui.widgets.hanging import hung


def glossary_content(scenario: Scenario) -> Content:
    """The seats (name, title, public bio), then ``people:``, then ``glossary:``.

    Bios are public (every player reads the others' at the table); briefings never show.
    """
    lines = [Content.styled("At the table", "bold underline")]
    for role in scenario.roles:
        lines.append(Content.assemble("• ", (role.name, "bold"), f", {role.title}"))
        lines.append(Content("  " + prose(role.bio)))
    if scenario.people:
        lines += [Content(""), Content.styled("Also named", "bold underline")]
        for person in scenario.people:
            lines.append(Content.assemble("• ", (person.name, "bold"), f", {person.title}"))
            if person.about:
                lines.append(Content("  " + prose(person.about)))
    if scenario.glossary:
        lines += [Content(""), Content.styled("Terms", "bold underline")]
        for term in sorted(scenario.glossary, key=lambda t: t.term.casefold()):
            lines.append(Content.assemble("• ", (term.term, "bold"), ": ", prose(term.meaning)))
    return Content("\n").join(lines)


class GlossaryScreen(ReadingModal):
    """A scrolling overlay; Escape or g closes it."""

    SCROLL = "glossary-scroll"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,g", "close", "Close")]

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        with Vertical(id="glossary-box"):
            yield Static(Content.styled("Who's who and terms", "bold"), classes="screen-title")
            with VerticalScroll(id="glossary-scroll"):
                yield Static(hung(glossary_content(self.scenario)), id="glossary-text")
            yield Button("Close", id="glossary-close", variant="primary")
