"""The weighing behind a computer decider's choice, as screen lines (see ``weighed``)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from excomm_sim.engine.events import Record
from excomm_sim.scenario.model import Scenario
from excomm_sim.weighed import why_lines


def why_content(scenario: Scenario, records: Iterable[Record]) -> list[Content]:
    """'Why: … adds up every voice …:' then a bulleted line per option; [] for a person."""
    lines = why_lines(scenario, records)
    if not lines:
        return []
    return [Content.styled(lines[0], "italic"), *(Content(f"  • {x}") for x in lines[1:])]
