"""Where chance took a game off history's road: a roll on history's own choice that came
out otherwise than it did in 1962.

A student who follows history's course can still meet a different outcome (an 18% roll
shoots down a reconnaissance plane); the debrief must say so rather than let "History
made the same choice" stand as if the road held. Pure: built from the choices taken.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from excomm_sim.engine.events import ChanceResolved, Record
from excomm_sim.engine.state import Choice
from excomm_sim.scenario.model import ChanceOutcome, Scenario
from excomm_sim.story.names import history_option
from excomm_sim.story.text import a_percent


@frozen
class OffRoad:
    """A chance outcome on history's option that differs from history's outcome."""

    turn: int
    decision: str
    outcome: ChanceOutcome
    history: ChanceOutcome
    probability: float | None
    """The chance it had, when the log holds the roll."""

    def text(self) -> str:
        """'Chance went another way: “Plane shot down” (it had an 18% chance), where history
        had “The flights go on”.'"""
        odds = f" (it had {a_percent(self.probability)} chance)" if self.probability else ""
        return (
            f"Chance went another way: “{self.outcome.label}”{odds}, "
            f"where history had “{self.history.label}”."
        )


def off_road(
    scenario: Scenario, choices: Iterable[Choice], log: Iterable[Record] = ()
) -> tuple[OffRoad, ...]:
    """Each roll on history's own option whose outcome was not history's, in game order."""
    odds = {(r.turn, r.decision): r.probability for r in log if isinstance(r, ChanceResolved)}
    found: list[OffRoad] = []
    for choice in choices:
        decision = scenario.decision(choice.decision)
        option = history_option(decision)
        if option is None or option.id != choice.option or option.chance is None:
            continue
        historical = next((o for o in option.chance.outcomes if o.history), None)
        happened = next((o for o in option.chance.outcomes if o.id == choice.outcome), None)
        if historical is None or happened is None or happened.id == historical.id:
            continue
        probability = odds.get((choice.turn, choice.decision))
        found.append(OffRoad(choice.turn, decision.id, happened, historical, probability))
    return tuple(found)
