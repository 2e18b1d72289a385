"""A game in progress for an interactive shell: engine, state, actions and the autosave.

The TUI holds one ``GameSession`` and never steps the engine itself: it calls ``act`` and
renders the records that come back. Every decision is written to the save file at once
(atomically, through ``excomm_sim.saves``) so a crash or a closed laptop loses nothing.
This module is pure of Textual so it can be tested, and reused by other shells, headless.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from excomm_sim.engine.events import Record
from excomm_sim.engine.game import Action, Game, Prompt, RoleScore
from excomm_sim.engine.state import GameState
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
    """One game: the scenario, the engine, the current state and the save it keeps current.

    Build it with ``new`` (a fresh game) or ``resumed`` (from a save). ``records`` holds
    everything the engine reported so far, in order, so a screen opened late can show the
    whole story. Its ``save`` always holds every action so far; ``autosave`` (called by
    ``new`` and after each ``act``) writes it to ``path``.
    """

    def __init__(
        self,
        scenario: Scenario,
        game: Game,
        state: GameState,
        save: SaveGame,
        path: Path | None,
        clock: Clock = utc_now,
        problem: str | None = None,
    ) -> None:
        self.scenario = scenario
        self.game = game
        self.state = state
        self.save = save
        self.path = path
        """Where the autosave goes; None keeps the game in memory only."""
        self.clock = clock
        self.problem = problem
        """Why a resumed game stopped replaying early (scenario edited), else None."""
        self.save_problem: str | None = None
        """Why the last autosave could not be written (disk full, folder gone), else None."""

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        seed: int,
        humans: Mapping[str, str],
        saves_dir: Path | None,
        scenario_path: str = "",
        clock: Clock = utc_now,
    ) -> GameSession:
        """Start a game; computer roles act until a human must.

        ``saves_dir`` None disables autosaving (used by benchmarks and author mode).
        """
        game = Game(scenario, dict(humans))
        state, _records = game.start(seed)
        save = new_save(scenario, seed, dict(humans), clock(), scenario_path=scenario_path)
        path = save_path(saves_dir, save) if saves_dir is not None else None
        session = cls(scenario, game, state, save, path, clock)
        session.autosave()
        return session

    @classmethod
    def resumed(
        cls,
        save: SaveGame,
        scenario: Scenario,
        path: Path | None,
        clock: Clock = utc_now,
    ) -> GameSession:
        """Continue a saved game by replaying its actions; later moves go back to ``path``."""
        result = resume(save, scenario)
        kept = with_actions(save, save.actions[: result.applied], clock())
        return cls(
            scenario,
            result.game,
            result.state,
            kept,
            path,
            clock,
            problem=result.problem,
        )

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(self.save.actions)

    @property
    def records(self) -> tuple[Record, ...]:
        """Everything the engine reported so far, in order (the state's log)."""
        return tuple(self.state.log)

    @property
    def prompt(self) -> Prompt | None:
        """What the engine is waiting for, or None once the game has ended."""
        return self.game.prompt(self.state)

    @property
    def ended(self) -> bool:
        return self.state.ending is not None

    @property
    def ending(self) -> Ending | None:
        return self.game.ending(self.state)

    @property
    def date(self) -> dt.date:
        return self.game.date(self.state)

    def scores(self) -> dict[str, RoleScore]:
        return self.game.scores(self.state)

    def act(self, action: Action) -> tuple[Record, ...]:
        """Apply a human's recommendation or decision; return what happened; autosave.

        Raises the engine's ``IllegalAction`` unchanged (nothing is saved then).
        """
        state, records = self.game.step(self.state, action)
        self.state = state
        self.save = with_actions(self.save, (*self.save.actions, action), self.clock())
        self.autosave()
        return tuple(records)

    def autosave(self) -> str | None:
        """Write the save; return why it failed, or None.

        A failed write must not end the game: the actions stay in memory, the previous
        save file stays whole (writes are atomic), and the next autosave tries again.
        """
        if self.path is None:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_save(self.path, self.save)
        except (SaveError, OSError) as error:
            self.save_problem = f"could not save the game: {error}"
        else:
            self.save_problem = None
        return self.save_problem
