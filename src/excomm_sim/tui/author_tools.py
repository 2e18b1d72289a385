"""What the debug panel's requests do: each is a move through the session (and so the
kernel), or, for chance, the rigging of the sampler; never a change to the state by hand.

Kept apart from the panel (which only asks) and from the app's wiring (which only opens
the panel and passes its answer here), so each action is tested on its own.
"""

from __future__ import annotations

from attrs import frozen

from excomm_sim.engine.events import DecisionSkipped, Record, VariableChanged
from excomm_sim.engine.moves import AuthorJump, AuthorSet, IllegalAction
from excomm_sim.policies.sampler import Rigged
from excomm_sim.session import GameSession
from excomm_sim.story.names import variable_of
from excomm_sim.story.values import value_text
from excomm_sim.tui.screens.debug import (
    DebugRequest,
    ForceChance,
    JumpTo,
    SetVariable,
    ToggleHistoryMarks,
)


@frozen
class Done:
    """What came of a request: a line for the author, and whether the game moved."""

    message: str
    moved: bool = False
    failed: bool = False


def rigged(session: GameSession) -> Rigged:
    """The session's sampler as a ``Rigged`` one (rigging it the first time it is asked)."""
    sampler = session.autopilot.sampler
    if isinstance(sampler, Rigged):
        return sampler
    rigging = Rigged()
    session.autopilot.sampler = rigging
    return rigging


def carry_out(session: GameSession, request: DebugRequest) -> Done:
    """Do what the author asked; IllegalAction comes back as a failed ``Done``."""
    if isinstance(request, ToggleHistoryMarks):
        marked = "are marked ★" if request.on else "are no longer marked"
        return Done(f"The options history took {marked}.")
    if isinstance(request, ForceChance):
        rigged(session).force(request.decision, request.option, request.outcome)
        option, outcome = _labels(session, request)
        return Done(f"If “{option}” is taken, chance gives “{outcome}” (forced by you).")
    move: AuthorSet | AuthorJump
    if isinstance(request, SetVariable):
        move = AuthorSet(request.variable, request.value)
    else:
        move = AuthorJump(request.decision)
    try:
        records = session.act(move)
    except IllegalAction as error:
        return Done(error.message, failed=True)
    return Done(_said(session, request, records), moved=True)


def _said(session: GameSession, request: SetVariable | JumpTo, records: tuple[Record, ...]) -> str:
    if isinstance(request, SetVariable):
        variable = variable_of(session.scenario, request.variable)
        changed = [r for r in records if isinstance(r, VariableChanged)]
        if variable is None or not changed:
            return f"{request.variable} already had that value."
        return (
            f"{variable.label}: {value_text(variable, changed[0].old)} → "
            f"{value_text(variable, changed[0].new)} (set by you)."
        )
    titles = {decision.id: decision.title for decision in session.scenario.decisions}
    skipped = [
        f"“{titles[r.decision]}”"
        for r in records
        if isinstance(r, DecisionSkipped) and r.reason == "author"
    ]
    passed = f"; passed over {', '.join(skipped)}" if skipped else ""
    return f"Jumped to “{titles[request.decision]}”{passed}."


def _labels(session: GameSession, request: ForceChance) -> tuple[str, str]:
    decision = next(d for d in session.scenario.decisions if d.id == request.decision)
    option = next(o for o in decision.options if o.id == request.option)
    assert option.chance is not None, "the panel offers only options with chance"
    outcome = next(c for c in option.chance.outcomes if c.id == request.outcome)
    return option.label, outcome.label
