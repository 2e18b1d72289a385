"""The menus' file work, run by the app in worker threads: scenarios, saves, a game's file.

Each function reads or writes files and returns plain results (no Textual, no UI): the
app calls it from a thread worker and hands what it returns to ``MenuFlow`` on the UI
thread. ``play_on`` builds the session for a save (the kernel replays its moves) and
says in a sentence what the player should know (a scenario edited since the save).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrs import frozen

from excomm_sim.policies.sampler import Sampler, sample
from excomm_sim.session import Clock, GameSession, utc_now
from excomm_sim.tui.flow.menus import PlayOn
from excomm_sim.tui.opening import Opened, open_save


def scan(scenarios_dir: Path | None) -> list[Any]:
    """The bundled scenarios and those in ``scenarios_dir``, for the picker."""
    from excomm_sim.paths import bundled_scenarios_dir
    from excomm_sim.tui.catalog import scan_scenarios

    extra = [scenarios_dir] if scenarios_dir else []
    return scan_scenarios(bundled_scenarios_dir(), extra)


def opened(path: Path, scenarios_dir: Path | None) -> Opened:
    return open_save(path, scenarios_dir)


@frozen
class Resumed:
    """A session to play on, with what the player should be told; or only the problem."""

    session: GameSession | None
    notice: str = ""
    problem: str = ""


def play_on(
    task: PlayOn, saves_dir: Path, clock: Clock | None, sampler: Sampler | None = None
) -> Resumed:
    """Replay ``task.save`` on its scenario and write its file when it needs one of its own
    (a branch, or a save the edited scenario cut short: the original is kept whole).
    ``sampler``: author mode's, so the chance outcomes it forced are drawn again."""
    from excomm_sim.saves import SaveError, save_path

    try:
        session = GameSession.resumed(
            task.save, task.scenario, task.path, clock or utc_now, sampler or sample
        )
    except SaveError as error:  # the scenario fails as the game starts
        return Resumed(None, problem=str(error))
    new_file = task.new_file or task.path is None
    notice = ""
    if session.problem:
        session.path = save_path(saves_dir, session.save)
        new_file = True
        kept = f"; {task.path.name} is kept." if task.path is not None else "."
        notice = f"{session.problem}\nPlaying on in {session.path.name}{kept}"
    elif task.path is None:
        session.path = save_path(saves_dir, session.save)
    session.deferred = True
    if new_file:
        session.autosave()  # its own file from the start
    return Resumed(session, notice)


def first_save(session: GameSession) -> str | None:
    """Write a new game's file (reserving its name); why not, or None."""
    return session.autosave()
