"""Why a computer decider chose: the weighing the engine logged, told voice by voice.

A student in an adviser's seat recommends, and the computer President decides. The
engine logs the weighing (``DecisionWeighed``); this module tells it, so the consequences
screen, the plain game, the replay and the after-action report all answer "why that
option?" the same way. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from excomm_sim.engine import events as ev
from excomm_sim.scenario.model import (
    Scenario,
)
from excomm_sim.story.names import option_label, role_name


def signed(number: int) -> str:
    """'+4', '−6' (a true minus sign), '0'."""
    return f"{number:+d}".replace("-", "−") if number else "0"


def voice_text(scenario: Scenario, decider: str, weight: ev.Weight) -> str:
    """'Dean Rusk opposes −6', 'Adlai E. Stevenson advised it +4', or the decider's own view."""
    amount = signed(weight.amount)
    if weight.role == decider:
        return f"{role_name(scenario, decider)}'s own view {amount}"
    verb = "advised it" if weight.kind == "advised" else weight.kind
    return f"{role_name(scenario, weight.role)} {verb} {amount}"


def ranked(record: ev.DecisionWeighed) -> list[ev.OptionWeighed]:
    """Highest score first; a tie keeps file order, so the option taken comes first."""
    return sorted(record.options, key=lambda option: -option.score)


def weighed_lines(scenario: Scenario, record: ev.DecisionWeighed) -> list[str]:
    """A heading, one line per offered option (its score and every voice behind it), then
    how it was settled when the top scores tie, and whether the decider had a view."""
    decider = record.role
    name = role_name(scenario, decider)
    lines = [f"Why: {name} adds up every voice at the table, and the highest score wins:"]
    options = ranked(record)
    for option in options:
        label = option_label(scenario, record.decision, option.option)
        score = signed(option.score)
        voices = ", ".join(voice_text(scenario, decider, w) for w in option.weights)
        lines.append(f"“{label}” {score}: {voices or 'no one spoke to it'}")
    if len(options) > 1 and options[0].score == options[1].score:
        first = option_label(scenario, record.decision, options[0].option)
        lines.append(
            f"A tie at {signed(options[0].score)}: the option listed first wins, “{first}”."
        )
    if not any(w.role == decider for option in options for w in option.weights):
        lines.append(f"{name}'s own view: none on this item.")
    return lines


def why_lines(scenario: Scenario, records: Iterable[ev.Record]) -> list[str]:
    """The weighing behind a computer's choice among ``records``; [] when a person chose."""
    for record in records:
        if isinstance(record, ev.DecisionWeighed):
            return weighed_lines(scenario, record)
    return []
