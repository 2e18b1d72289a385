"""Taking back the last decision: who may, and what the player is told. Free of Textual.

In a solo game the player may take back their last move at any time (as Ren'Py's rollback
lets a reader step back); in hot-seat only the player who made it, before the keyboard is
handed on: once the next player has the screen, what was decided stands.
"""

from __future__ import annotations

from excomm_sim.engine.moves import Action
from excomm_sim.session import GameSession, Session
from excomm_sim.story.names import option_label


def take_back(session: Session, seat: str | None) -> str:
    """Take back the last move if ``seat`` (the player at the screen) may; say what happened.

    ``seat`` is None in a solo game before anyone has acted as a seat (the solo player
    may always take back); in hot-seat it is the seat whose player has the screen.
    """
    if not isinstance(session, GameSession):
        session.take_back()  # a classroom seat refuses: the host's moves are final
        return "A move at a classroom host is final: it cannot be taken back."
    actions = session.actions
    if not actions:
        return "Nothing to take back: no decision has been made yet."
    last = actions[-1]
    mover = last.role if isinstance(last, Action) else None
    if len(session.humans) > 1 and mover != seat:
        return "Too late to take that back: the keyboard has been handed on since."
    if session.take_back() is None:
        return "This game cannot take a move back."
    if isinstance(last, Action):
        # The move's item is back on the table: name the option as that item does.
        item = session.observe(last.role).item
        if item is not None:
            label = option_label(session.scenario, item.decision.id, last.option)
            return f"Taken back: “{label}”. Choose again."
    return "Taken back: the last decision is undone. Choose again."
