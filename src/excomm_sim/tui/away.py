"""What happened while a hot-seat player was away from the keyboard. Free of Textual.

In hot-seat the screen goes from one player to the next, and a player who recommended and
passed the keyboard on never saw the President decide. At their next turn the decision room
tells them, from their own observation (so nothing private to another seat shows): each item
decided since their last move, by whom and why advisers pressed for it, what chance and
events did, and how the things their objectives depend on moved.
"""

from __future__ import annotations

from excomm_sim.engine.events import (
    ChanceResolved,
    DecisionPosed,
    EventFired,
    OptionChosen,
    Recommended,
    Record,
    VariableChanged,
)
from excomm_sim.engine.observe import Observation
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.records import change_text, record_text


def away_records(observation: Observation) -> tuple[Record, ...]:
    """The records since the seat's own last move that it has not been shown.

    After the seat's own decision it read the consequences, so what it missed starts with
    the next item put on the table; after a recommendation it missed everything after it.
    Empty before the seat's first move.
    """
    log = observation.log
    seat = observation.seat
    last = max(
        (
            index
            for index, record in enumerate(log)
            if isinstance(record, (Recommended, OptionChosen)) and record.role == seat
        ),
        default=None,
    )
    if last is None:
        return ()
    start = last + 1
    if isinstance(log[last], OptionChosen):
        posed = [i for i in range(start, len(log)) if isinstance(log[i], DecisionPosed)]
        start = posed[0] + 1 if posed else len(log)
    return log[start:]


def away_lines(scenario: Scenario, observation: Observation) -> list[str]:
    """'While you were away' in lines: decisions, the advisers' reasons, chance, events,
    and the changes to what the seat's objectives read. [] when nothing was missed (the
    room then shows nothing)."""
    records = away_records(observation)
    decided = [r for r in records if isinstance(r, OptionChosen)]
    if not decided:
        return []
    watched: set[str] = set()
    if observation.role is not None:
        for objective in observation.role.objectives:
            watched |= set(objective.condition.names)
    lines: list[str] = []
    for record in records:
        if isinstance(record, OptionChosen):
            lines.append(f"▶ {record_text(scenario, record)}")
        elif isinstance(record, Recommended) and record.role != observation.seat:
            reason = f": {record.reason}" if record.reason else ""
            case = f" (“{record.argument}”)" if record.argument else ""
            lines.append(f"  {record_text(scenario, record)}{reason}{case}")
        elif isinstance(record, (ChanceResolved, EventFired)):
            lines.append(f"  {record_text(scenario, record)}")
        elif isinstance(record, VariableChanged) and record.variable in watched:
            lines.append(f"  • {change_text(scenario, record, symbols=True)} (your objectives)")
    return lines
