"""Text gauges for the screens: a meter bar and a sparkline, drawn in block characters.

Pure (no Textual) so the drawing can be unit-tested; the words beside a gauge come from
``excomm_sim.story.values``, because a bar alone never carries the meaning.
"""

from __future__ import annotations

from collections.abc import Sequence

from excomm_sim.scenario.model import Value, Variable, VariableKind

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


def meter(value: int, minimum: int, maximum: int, width: int = 10) -> str:
    """A text bar ('██████░░░░') whose filled share is the value's place in its range."""
    span = max(maximum - minimum, 1)
    filled = round((value - minimum) * width / span)
    filled = min(max(filled, 0), width)
    return "█" * filled + "░" * (width - filled)


LINE_MARK = "┃"
"""Drawn on a meter where the game breaks (``stakes.BreakingPoint``)."""


def marked_meter(
    value: int, minimum: int, maximum: int, width: int, lines: Sequence[int] = ()
) -> str:
    """``meter`` with a ┃ in the cell where each of ``lines`` falls (a breaking point)."""
    cells = list(meter(value, minimum, maximum, width))
    span = max(maximum - minimum, 1)
    for line in lines:
        cell = min(max(round((line - minimum) * width / span) - 1, 0), width - 1)
        cells[cell] = LINE_MARK
    return "".join(cells)


def spark(values: Sequence[Value], variable: Variable) -> str:
    """A one-line sparkline of a variable over time; bools and enums step by their order."""
    numbers = [_as_number(variable, value) for value in values]
    if not numbers:
        return ""
    if variable.kind is VariableKind.INT and variable.minimum is not None:
        low = variable.minimum
        high = variable.maximum if variable.maximum is not None else max(numbers)
    elif variable.kind is VariableKind.ENUM:
        low, high = 0, max(len(variable.values) - 1, 1)
    else:
        low, high = 0, 1
    span = max(high - low, 1)
    top = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[min(max(round((n - low) * top / span), 0), top)] for n in numbers)


def _as_number(variable: Variable, value: Value) -> int:
    if variable.kind is VariableKind.ENUM:
        return variable.values.index(str(value)) if str(value) in variable.values else 0
    return int(value)
