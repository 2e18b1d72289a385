"""Advice and its fate: what each player recommended, and whether the decider took it.

A debrief sets a player's advice beside the choice, and a class report counts how often
advice was taken; both read it here. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from excomm_sim.engine import events as ev
from excomm_sim.engine.state import Choice
from excomm_sim.scenario.model import (
    Scenario,
)
from excomm_sim.story.names import option_label, role_name


def advice_taken(
    log: Iterable[ev.Record], choices: Iterable[Choice]
) -> list[tuple[ev.Recommended, bool]]:
    """Each player's recommendation on a decision among ``choices``, and whether it was taken.

    Advice on a decision still open (a game saved mid-item) is left out: nothing took it yet.
    """
    chosen = {(choice.turn, choice.decision): choice.option for choice in choices}
    return [
        (record, chosen[(record.turn, record.decision)] == record.option)
        for record in log
        if isinstance(record, ev.Recommended)
        and record.human
        and (record.turn, record.decision) in chosen
    ]


def advice_lines(scenario: Scenario, log: Iterable[ev.Record], choice: Choice) -> list[str]:
    """What each player advised on ``choice``'s decision, and whether it was taken.

    'Adlai E. Stevenson advised “Go to the OAS first” (not taken).' An adviser's debrief
    would otherwise show only the decider's choice.
    """
    return [
        f"{role_name(scenario, record.role)} advised "
        f"“{option_label(scenario, record.decision, record.option)}” "
        f"({'taken' if taken else 'not taken'})."
        for record, taken in advice_taken(log, [choice])
    ]
