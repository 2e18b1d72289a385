"""A game played on this machine: the kernel, the state, the moves, the save.

``GameSession`` is the local ``Session`` (``session.interface``). The TUI and the plain game
hold one and never step the kernel themselves:
they ask it what a seat may see (``observe``), whose turn it is (``to_act``), and send it
the people's moves (``act``), then render what comes back. Every move is written to the
save file at once (atomically, through ``excomm_sim.saves``) so a crash or a closed laptop
loses nothing. The computer seats and chance are played by the ``Autopilot``. This module
is pure of Textual so it can be tested, and reused by other shells, headless.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from excomm_sim.engine.events import Record
from excomm_sim.engine.kernel import RoleScore
from excomm_sim.engine.moves import Move, Turn
from excomm_sim.engine.observe import Observation, observe, visible
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.sampler import Sampler, sample
from excomm_sim.saves import (
    SaveError,
    SaveGame,
    new_save,
    resume,
    save_path,
    with_actions,
    write_save,
)
from excomm_sim.scenario.model import Ending, Scenario

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The real clock; sessions take a clock so tests can pin timestamps."""
    return dt.datetime.now(dt.UTC)


class GameSession:
    """One game: the scenario, the kernel, the current state and the save it keeps current.

    Build it with ``new`` (a fresh game) or ``resumed`` (from a save). Its ``save`` always
    holds every person's move so far; ``autosave`` (called after each ``act``) writes it
    to ``path``. A new game takes its file name at its first move: a game quit before
    any decision leaves no save behind (nothing to continue or report). A shell that must
    not wait for the disk (the TUI) sets ``deferred``: then ``act`` only plays, and the
    shell calls ``autosave`` from a worker thread (writes are serialized, each writes the
    latest save).
    """

    def __init__(
        self,
        scenario: Scenario,
        autopilot: Autopilot,
        state: GameState,
        save: SaveGame,
        path: Path | None,
        clock: Clock = utc_now,
        problem: str | None = None,
        saves_dir: Path | None = None,
    ) -> None:
        self.scenario = scenario
        self.autopilot = autopilot
        self.rules = autopilot.rules
        self.state = state
        self.save = save
        self.path = path
        """Where the autosave goes; None keeps the game in memory only."""
        self.clock = clock
        self.problem = problem
        """Why a resumed game stopped replaying early (scenario edited), else None."""
        self.save_problem: str | None = None
        """Why the last autosave could not be written (disk full, folder gone), else None."""
        self.saves_dir = saves_dir
        """Where a new game's file is named at its first move (while ``path`` is None)."""
        self.deferred = False
        """True: ``act`` leaves the writing to the shell's own ``autosave`` calls."""
        self._writing = threading.Lock()

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        seed: int,
        humans: Mapping[str, str],
        saves_dir: Path | None,
        scenario_path: str = "",
        clock: Clock = utc_now,
        deferred: bool = False,
    ) -> GameSession:
        """Start a game; computer seats act until a person must.

        ``saves_dir`` None disables autosaving (used by benchmarks and author mode). With
        ``deferred`` nothing touches the disk here: the first ``autosave`` reserves the
        file's name and writes it (see the class docstring).
        """
        autopilot = Autopilot(scenario)
        state, _records = autopilot.start(seed, dict(humans))
        save = new_save(scenario, seed, dict(humans), clock(), scenario_path=scenario_path)
        session = cls(scenario, autopilot, state, save, None, clock, saves_dir=saves_dir)
        session.deferred = deferred
        return session

    @classmethod
    def resumed(
        cls,
        save: SaveGame,
        scenario: Scenario,
        path: Path | None,
        clock: Clock = utc_now,
        sampler: Sampler = sample,
    ) -> GameSession:
        """Continue a saved game by replaying its moves; later moves go back to ``path``.

        ``sampler`` answers for chance (author mode passes its ``Rigged`` one, so outcomes
        it forced are drawn again)."""
        result = resume(save, scenario, sampler)
        kept = with_actions(save, save.actions[: result.applied], clock())
        return cls(
            scenario,
            result.autopilot,
            result.state,
            kept,
            path,
            clock,
            problem=result.problem,
        )

    # -- what the shells read -------------------------------------------------------------

    @property
    def humans(self) -> Mapping[str, str]:
        """Role id -> the name of the person in that seat."""
        return self.state.humans

    @property
    def seats(self) -> tuple[str, ...]:
        """Every person's seat (hot-seat play hands the keyboard round), in role order."""
        return tuple(role for role in self.rules.layout.role_ids if role in self.state.humans)

    @property
    def actions(self) -> tuple[Move, ...]:
        return tuple(self.save.actions)

    @property
    def records(self) -> tuple[Record, ...]:
        """Everything the kernel recorded so far, in order (the state's log)."""
        return tuple(self.state.log)

    def observe(self, seat: str | None) -> Observation:
        """What ``seat`` may see now (None: a spectator; everything public)."""
        return observe(self.rules, self.state, seat)

    def seen(self, records: tuple[Record, ...], seat: str | None) -> tuple[Record, ...]:
        """Of ``records`` (just returned by ``act``), those ``seat`` may see."""
        return visible(self.rules, self.state, seat, records)

    @property
    def to_act(self) -> Turn:
        """Whose turn it is now (a person's, since the computer acts at once)."""
        return self.rules.to_act(self.state)

    @property
    def ended(self) -> bool:
        return self.state.ended

    @property
    def ending(self) -> Ending | None:
        return self.rules.ending(self.state)

    @property
    def date(self) -> dt.date:
        return self.rules.date(self.state)

    def scores(self) -> dict[str, RoleScore]:
        return self.rules.scores(self.state)

    # -- moves ----------------------------------------------------------------------------

    def act(self, action: Move) -> tuple[Record, ...]:
        """Apply a person's move; the computer seats follow; return what happened; autosave.

        Raises the kernel's ``IllegalAction`` unchanged (nothing is saved then).
        """
        state, records = self.autopilot.act(self.state, action)
        self.state = state
        self.save = with_actions(self.save, (*self.save.actions, action), self.clock())
        if not self.deferred:
            self.autosave()
        return records

    def take_back(self) -> Move | None:
        """Undo the last person's move; return it, or None when no move was made yet.

        The kernel is pure, so this is a replay: the game starts again from its seed and
        every person's move but the last is applied (computer seats and chance answer as
        they did before, since they read only the seed and the state). The save is
        rewritten without the move (by the shell's own ``autosave`` when ``deferred``).
        """
        if not self.save.actions:
            return None
        *kept, last = self.save.actions
        state, _records = self.autopilot.start(self.save.seed, self.save.humans)
        for move in kept:
            state, _records = self.autopilot.act(state, move)
        self.state = state
        self.save = with_actions(self.save, tuple(kept), self.clock())
        if not self.deferred:
            self.autosave()
        return last

    def wait(self, timeout: float | None = None) -> tuple[Record, ...]:
        """Nothing moves without a person here: the computer has acted already."""
        return ()

    def autosave(self) -> str | None:
        """Write the save; return why it failed, or None.

        A failed write must not end the game: the moves stay in memory, the previous
        save file stays whole (writes are atomic), and the next autosave tries again.
        """
        with self._writing:
            if self.path is None:
                if self.saves_dir is None or not self.save.actions:
                    return None
                self.path = save_path(self.saves_dir, self.save)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                write_save(self.path, self.save)
            except (SaveError, OSError) as error:
                self.save_problem = f"could not save the game: {error}"
            else:
                self.save_problem = None
            return self.save_problem
