"""Which screen comes next before and between games: the title's menus and saved games.

``MenuFlow`` answers each thing the player asks for on the title, the picker, setup, the
saves list and replay with either a screen to show or a task to run off the UI thread
(reading scenarios and saves, writing a new game's file: ``tui.flow.tasks`` runs them);
the app hands each task's result back and shows what the flow says next. Like
``GameFlow`` it holds no Textual, so the order of screens is tested without a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

if TYPE_CHECKING:  # types only: the kernel and the saves load after the first paint
    from excomm_sim.saves import SaveGame
    from excomm_sim.saves.summary import SaveSummary
    from excomm_sim.scenario.model import Scenario
    from excomm_sim.tui.opening import Opened


# -- screens -------------------------------------------------------------------------------


@frozen
class Picker:
    """Choose one of the scenarios found (``catalog``: ``tui.catalog`` entries)."""

    catalog: list[Any]


@frozen
class Setup:
    """Who plays which seat, and the seed."""

    scenario: Scenario
    path: Path
    seed: int


@frozen
class SavesList:
    purpose: str
    """``load`` or ``replay``."""


@frozen
class Replay:
    save: SaveGame
    scenario: Scenario
    path: Path


@frozen
class Notice:
    """A line for the player (a notification), and nothing else changes."""

    text: str
    title: str = ""
    severity: str = "information"


# -- tasks (file I/O, run in a worker) -----------------------------------------------------


@frozen
class ScanScenarios:
    """Find the scenarios for the picker."""


@frozen
class OpenSave:
    """Read a save and load its scenario; then play on (``load``) or replay it."""

    path: Path
    purpose: str


@frozen
class FindLatest:
    """Find the newest save, to continue it."""


@frozen
class StartGame:
    """Start a new game (the app builds the session; its first write runs in a worker)."""

    scenario: Scenario
    path: Path
    seed: int
    humans: dict[str, str]


@frozen
class PlayOn:
    """Play on from ``save``: a save opened, a branch from replay, an author's reload.
    ``new_file``: the game goes to a file of its own (a branch)."""

    save: SaveGame
    scenario: Scenario
    path: Path | None
    new_file: bool = False


MenuStep = Picker | Setup | SavesList | Replay | Notice
MenuTask = ScanScenarios | OpenSave | FindLatest | StartGame | PlayOn


class MenuFlow:
    """The title's menus (see the module docstring)."""

    def __init__(self, scenario: Scenario | None, scenario_path: Path | None, seed: int) -> None:
        """``scenario`` (loaded from ``scenario_path``): New game goes straight to setup."""
        self.scenario = scenario
        self.scenario_path = scenario_path
        self.seed = seed

    def new_game(self) -> Setup | ScanScenarios:
        if self.scenario is not None:
            return Setup(self.scenario, self.scenario_path or Path(self.scenario.path), self.seed)
        return ScanScenarios()

    def scanned(self, catalog: list[Any]) -> Picker:
        return Picker(catalog)

    def scenario_chosen(self, scenario: Scenario, path: Path) -> Setup:
        return Setup(scenario, path, self.seed)

    def set_up(
        self, scenario: Scenario, path: Path, seed: int, humans: dict[str, str]
    ) -> StartGame:
        return StartGame(scenario, path, seed, dict(humans))

    def start_at_once(self, humans: dict[str, str]) -> StartGame | None:
        """``play --role``: a game at once, skipping the menus (None without a scenario)."""
        if not humans or self.scenario is None:
            return None
        path = self.scenario_path or Path(self.scenario.path)
        return StartGame(self.scenario, path, self.seed, dict(humans))

    def saves_list(self, purpose: str) -> SavesList:
        return SavesList(purpose)

    def continue_latest(self) -> FindLatest:
        return FindLatest()

    def latest_found(self, latest: SaveSummary | None) -> OpenSave | Notice:
        if latest is None:
            return Notice("There is no unfinished game to continue.", severity="warning")
        return OpenSave(latest.path, "load")

    def save_chosen(self, path: Path, purpose: str) -> OpenSave:
        return OpenSave(path, purpose)

    def opened(self, opened: Opened, path: Path, purpose: str) -> Notice | Replay | PlayOn:
        if opened.problem:
            return Notice(opened.problem, title="Cannot open this save", severity="error")
        assert opened.save is not None and opened.scenario is not None
        if purpose == "replay":
            return Replay(opened.save, opened.scenario, path)
        return PlayOn(opened.save, opened.scenario, path)

    def branch(self, save: SaveGame, scenario: Scenario) -> PlayOn:
        """Play on from a decision of a replayed game, in a new file."""
        return PlayOn(save, scenario, None, new_file=True)

    def reloaded(self, save: SaveGame, scenario: Scenario, path: Path | None) -> PlayOn:
        """Author mode: the scenario file changed; replay the game so far on it."""
        self.scenario = scenario
        return PlayOn(save, scenario, path)
