"""Where a game stands on its agenda, in words: the date and "item 5 of 19".

Every shell shows the same progress line, built from an observation (what the seat may
see), so the count cannot disagree between the TUI and the plain game.
"""

from __future__ import annotations

from excomm_sim.engine.events import DecisionSkipped
from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.text import date_text


def items_possible(scenario: Scenario, observation: Observation) -> int:
    """How many items this game can still have in all: those taken, the one on the table
    and those to come, less the ones already dropped from the agenda. Items still to come
    may be dropped too (their condition fails when their turn comes), so the count only
    ever goes down."""
    skipped = {r.decision for r in observation.log if isinstance(r, DecisionSkipped)}
    return len(scenario.decisions) - len(skipped)


def item_text(scenario: Scenario, observation: Observation) -> str:
    """'item 5 of 19': the item on the table (or the last one taken) among those possible."""
    total = items_possible(scenario, observation)
    number = min(observation.turn + 1, total)
    return f"item {number} of {total}"


def progress_text(scenario: Scenario, observation: Observation) -> str:
    """'Saturday 3 November 1962 · item 5 of 19'."""
    return f"{date_text(observation.date)} · {item_text(scenario, observation)}"
