"""Text that varies with the state (format 2): variants chosen by ``when``, and ``{name}``
placeholders filled with values as the game shows them.

A decision's ``context`` and an option's ``text`` may be a list of variants
(``- when: COND`` / ``text: ...``, the last one without ``when``); in any format-2 text of
those two, ``{tension}`` shows a variable's value (``{{`` and ``}}`` are literal braces).
The loader checks every placeholder against the declared variables (a hidden one, or one
only some roles see, may not be shown: it would leak); ``engine.observe`` renders the text
for the decision on the table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping

from excomm_sim.scenario.model import TextVariant, Value, Variable, VariableKind

__all__ = ["BUILT_IN", "PLACEHOLDER", "TextVariant", "choose", "placeholders", "render"]

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
"""``{name}`` (group 1), or a doubled brace (a literal one)."""
BUILT_IN = ("turn", "day", "date")
"""Names a placeholder may use besides the variables."""


def placeholders(text: str) -> Iterator[tuple[str, int]]:
    """Each ``{name}`` in ``text`` with the offset of its ``{`` (doubled braces skipped)."""
    for match in PLACEHOLDER.finditer(text):
        if match.group(1) is not None:
            yield match.group(1).strip(), match.start()


def render(
    text: str,
    values: Mapping[str, Value],
    variables: Mapping[str, Variable],
    turn: int,
    day: int,
    date: dt.date,
) -> str:
    """``text`` with every placeholder filled: a variable as the dashboard shows it (an
    int with a maximum as ``35/100``, a flag as yes/no, an enum by its label), ``turn``,
    ``day``, and ``date`` as ``3 November 1962``."""

    def fill(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(0)[0]
        name = match.group(1).strip()
        if name == "turn":
            return str(turn)
        if name == "day":
            return str(day)
        if name == "date":
            return f"{date.day} {date.strftime('%B')} {date.year}"
        variable = variables[name]
        value = values[name]
        if variable.kind is VariableKind.INT and variable.maximum is not None:
            return f"{value}/{variable.maximum}"
        return variable.label_of(value)

    return PLACEHOLDER.sub(fill, text)


def choose(variants: tuple[TextVariant, ...], env: Mapping[str, Value], fallback: str) -> str:
    """The first variant whose ``when`` holds in ``env`` (the last has none), or
    ``fallback`` when there are no variants."""
    for variant in variants:
        if variant.when is None or variant.when.fn(env):
            return variant.text
    return fallback
