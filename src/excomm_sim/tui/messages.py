"""App-wide messages: what a screen asks the app to do next, as small dataclasses.

Screens post these and the app (which alone knows the flow between screens) handles them.
Messages go up; the app sends attributes down by building the next screen with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from excomm_sim.scenario.model import Scenario


@dataclass
class NewGameRequested(Message):
    """The title's "New game": pick a scenario (or go straight to setup if one was named)."""


@dataclass
class ScenarioChosen(Message):
    """The picker chose a scenario that loaded cleanly."""

    scenario: Scenario
    path: Path


@dataclass
class GameSetUp(Message):
    """Setup is done: who plays which role, and the seed."""

    scenario: Scenario
    path: Path
    seed: int
    humans: dict[str, str]
    """Role id -> player name; every other role is played by the computer."""


@dataclass
class SaveChosen(Message):
    """A save was picked on the load list (``purpose`` "load" or "replay")."""

    path: Path
    purpose: str = "load"


@dataclass
class BriefingRead(Message):
    """A player has read their private briefing: the next one, or the decision room."""

    role: str


@dataclass
class HandedOver(Message):
    """The named player now has the screen (hot-seat hand-over confirmed)."""

    role: str


@dataclass
class OptionPicked(Message):
    """In the decision room, the player on the spot recommended or chose an option."""

    role: str
    option: str


@dataclass
class ConsequencesRead(Message):
    """The player has read what happened: continue to the next item or the debrief."""


@dataclass
class BackToTitle(Message):
    """Leave the current game (it is autosaved) and return to the title screen."""


@dataclass
class BranchRequested(Message):
    """The replay screen asks to play on from a decision of a saved game.

    ``save`` is an ``excomm_sim.saves.SaveGame`` already cut at the branch point (made with
    ``saves.branch``); the app starts a live game from it.
    """

    save: object
    scenario: Scenario


@dataclass
class SavesListRequested(Message):
    """The title's "Load" or "Replay": list the saves for that ``purpose``."""

    purpose: str = "load"


@dataclass
class ContinueRequested(Message):
    """The title's "Continue": resume the newest save."""


@dataclass
class BriefingRequested(Message):
    """The player on the spot wants to re-read their private briefing."""

    role: str


@dataclass
class TakeBackRequested(Message):
    """The player asks to take back the last decision (u or ctrl+z)."""
