"""What a save holds once replayed: the item on the table, the game date, whether it ended.

The title's Continue line and the load list tell a player where each game stands
("item 7, Monday 5 November 1962, finished: Quiet settlement"); a save file holds only
moves, so the state is found the one honest way, by replaying it through the engine.
Each scenario is loaded once per listing (``ScenarioCache``). Continue resumes the most
recently played game that has a move and has not ended (``latest_unfinished``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from attrs import frozen

from excomm_sim.engine.events import DecisionPosed
from excomm_sim.saves.format import SaveError, SaveGame
from excomm_sim.saves.replay import resume
from excomm_sim.saves.store import list_saves, read_save, resolve_scenario
from excomm_sim.scenario.model import Ending, Scenario


@frozen
class SaveSummary:
    """One save file as the menus list it; ``problem`` says why it cannot be opened."""

    path: Path
    save: SaveGame | None = None
    scenario: Scenario | None = None
    """The scenario it replays on; None when it cannot be found or loaded."""
    item: int = 0
    """How many items had come to the table (the one being decided, if not ended)."""
    date: dt.date | None = None
    """The game's date when it was saved."""
    ending: Ending | None = None
    """How the game ended; None while it is unfinished."""
    problem: str = ""

    @property
    def moves(self) -> int:
        return len(self.save.actions) if self.save is not None else 0

    @property
    def played(self) -> bool:
        """False for a game nobody has made a move in (nothing to continue or report)."""
        return self.moves > 0

    @property
    def finished(self) -> bool:
        return self.ending is not None


class ScenarioCache:
    """Scenarios loaded once per listing, keyed by file: ten saves of one game, one load."""

    def __init__(self, search_dirs: Sequence[Path] = ()) -> None:
        self.search_dirs = tuple(search_dirs)
        self._loaded: dict[Path, Scenario | str] = {}

    def scenario_for(self, save: SaveGame) -> Scenario | str:
        """The save's scenario, or a sentence saying why there is none."""
        from excomm_sim.scenario.load import load_path
        from excomm_sim.scenario.problems import ScenarioError

        path = resolve_scenario(save, self.search_dirs)
        if path is None:
            return f"its scenario {save.scenario_id!r} was not found"
        if path not in self._loaded:
            try:
                self._loaded[path] = load_path(path)
            except ScenarioError:
                self._loaded[path] = f"its scenario {path.name} does not load"
            except OSError as error:
                self._loaded[path] = f"its scenario {path.name} cannot be read: {error.strerror}"
        return self._loaded[path]


def summarize(path: Path, scenarios: ScenarioCache) -> SaveSummary:
    """Read and replay one save; every failure becomes the summary's ``problem``."""
    try:
        save = read_save(path)
    except SaveError as error:
        return SaveSummary(path, problem=error.problem)
    scenario = scenarios.scenario_for(save)
    if isinstance(scenario, str):
        return SaveSummary(path, save, problem=scenario)
    try:
        resumed = resume(save, scenario)
    except SaveError as error:
        return SaveSummary(path, save, scenario, problem=error.problem)
    rules = resumed.autopilot.rules
    state = resumed.state
    return SaveSummary(
        path,
        save,
        scenario,
        item=sum(isinstance(record, DecisionPosed) for record in state.log),
        date=rules.date(state),
        ending=rules.ending(state),
    )


def summarize_saves(
    saves_dir: Path, scenarios: ScenarioCache, keep: Callable[[SaveSummary], bool] | None = None
) -> list[SaveSummary]:
    """Every save in the folder, most recently played first (see ``list_saves``).

    Other ``*.json`` entries that are not regular files (a named pipe, a dangling link) come
    last, each with why it cannot be read, so the player can see and remove them.
    """
    listed = list_saves(saves_dir)
    strays = [path for path in sorted(Path(saves_dir).glob("*.json")) if path not in listed]
    summaries = (summarize(path, scenarios) for path in [*listed, *strays])
    return [summary for summary in summaries if keep is None or keep(summary)]


def continuable(summary: SaveSummary) -> bool:
    """A game Continue may resume: it opens, has a move, and has not ended."""
    return not summary.problem and summary.played and not summary.finished


def latest_unfinished(saves_dir: Path, scenarios: ScenarioCache) -> SaveSummary | None:
    """The most recently played game that has a move and has not ended, for Continue.

    Saves are replayed newest first and the search stops at the first that qualifies, so
    a folder of many finished games costs one replay per game newer than the answer.
    """
    for path in list_saves(saves_dir):
        summary = summarize(path, scenarios)
        if continuable(summary):
            return summary
    return None
