"""A game a shell drives: one interface (``Session``), a local and a remote implementation.

``GameSession`` (``session.local``) plays on this machine and autosaves every move;
``RemoteSession`` (``session.remote``) holds one seat at a classroom host over the network.
The TUI and the plain game are written against ``Session`` and never step the kernel
themselves. ``session.remote`` is imported only by the shells that join a host, so a local
game never loads the network client.
"""

from __future__ import annotations

from excomm_sim.session.interface import Session
from excomm_sim.session.local import Clock, GameSession, utc_now

__all__ = ["Clock", "GameSession", "Session", "utc_now"]
