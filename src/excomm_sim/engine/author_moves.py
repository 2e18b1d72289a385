"""The author's moves in author mode: set a variable, put a later decision on the table.

They are moves like any other (``Rules.apply`` plays them, a save holds them, a replay
repeats them), and each leaves records whose cause is the author, so the log and every
"why did this happen?" say the author did it. Chance is not forced here: forcing an
outcome is the sampler's business (``policies.sampler.Rigged``), the rules see a Draw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from excomm_sim.engine import turns
from excomm_sim.engine.events import Cause, DecisionSkipped, Record, VariableChanged
from excomm_sim.engine.layout import (
    ACT,
    ADVICE,
    CHANCE,
    CURRENT,
    CURSOR,
    POSE,
    STAGE,
    VARIABLES,
    Slots,
)
from excomm_sim.engine.moves import AuthorJump, AuthorSet, IllegalAction
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.model import Value, Variable, VariableKind

if TYPE_CHECKING:
    from excomm_sim.engine.kernel import Rules

__all__ = ["jump", "set_value", "value_problem"]


def value_problem(variable: Variable, value: Value) -> str | None:
    """Why ``value`` cannot be ``variable``'s, in the author's words; None when it can."""
    if variable.kind is VariableKind.BOOL:
        return None if isinstance(value, bool) else f"{variable.id} is true or false"
    if variable.kind is VariableKind.ENUM:
        if isinstance(value, str) and value in variable.values:
            return None
        return f"{variable.id} is one of {', '.join(variable.values)}"
    if not isinstance(value, int) or isinstance(value, bool):
        return f"{variable.id} is a whole number"
    low, high = variable.minimum, variable.maximum
    if low is not None and high is not None and not low <= value <= high:
        return f"{variable.id} lies within {low}..{high}"
    return None


def set_value(rules: Rules, state: GameState, s: Slots, log: list[Record], move: AuthorSet) -> None:
    """The variable takes the value now; then early endings are tried (as after an event)."""
    if state.ended:
        raise IllegalAction("The game has ended; nothing can be set now.")
    slot = rules.layout.variable_slot.get(move.variable)
    if slot is None:
        known = ", ".join(rules.layout.variable_ids)
        raise IllegalAction(f"unknown variable {move.variable!r}; variables: {known}")
    variable = rules.scenario.variables[slot - VARIABLES]
    problem = value_problem(variable, move.value)
    if problem is not None:
        raise IllegalAction(f"{move.value!r} cannot be set: {problem}.")
    old = s[slot]
    if old == move.value and type(old) is type(move.value):
        return
    s[slot] = move.value
    shown = f'"{move.value}"' if isinstance(move.value, str) else str(move.value).lower()
    cause = Cause("author", state.turn, text="set by the author (author mode)")
    effect = f"{move.variable} = {shown}"
    log.append(VariableChanged(state.turn, move.variable, old, move.value, cause, effect, False))
    ending = rules.program.early(s)
    if ending >= 0:
        turns.end(rules.program, s, log, ending)


def jump(rules: Rules, state: GameState, s: Slots, log: list[Record], move: AuthorJump) -> None:
    """Put ``move.decision`` up next: every untaken item before it is skipped by the author,
    the one on the table (if any) too; the kernel then poses it as it poses any item."""
    if state.ended:
        raise IllegalAction("The game has ended; no item can be put on the table.")
    if s[STAGE] == CHANCE:
        raise IllegalAction("Chance is about to draw an outcome; jump once it has.")
    layout = rules.layout
    target = layout.decision_index.get(move.decision)
    if target is None:
        known = ", ".join(layout.decision_ids)
        raise IllegalAction(f"unknown decision {move.decision!r}; decisions: {known}")
    first: int = s[CURRENT] if s[STAGE] == ACT else s[CURSOR]
    if target == first and s[STAGE] == ACT:
        raise IllegalAction(f"{move.decision} is already on the table.")
    if target < first:
        raise IllegalAction(
            f"{move.decision} has already come up; only a later item can be jumped to."
        )
    for index in range(first, target):
        if s[layout.CHOSE + index] == -1:
            log.append(DecisionSkipped(state.turn + 1, layout.decision_ids[index], "author"))
    s[CURSOR] = target
    s[CURRENT] = -1
    s[STAGE] = POSE
    s[ADVICE] = ()
