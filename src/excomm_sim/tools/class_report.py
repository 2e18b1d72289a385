"""``class-report``: what a class decided, over its saved games, beside what history did.

Every save is replayed through the engine (``saves.resume``), so the report reflects the
scenario's rules, not whatever a file claims. A save that cannot be read or replayed is
listed with its reason and skipped: one student's broken file never sinks the report.
Saves with no move (a game opened and left) say nothing about the class and are only
counted. A branch replays its source's first moves, so counting its choices would count
those twice: branches are counted apart and kept out of the splits, endings and scores.
The builders here return data; ``render_*`` turn it into Markdown, HTML or CSV text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import define, field, frozen

from excomm_sim.engine.kernel import Rules
from excomm_sim.engine.state import GameState
from excomm_sim.scenario.model import Scenario
from excomm_sim.story.advice import advice_taken
from excomm_sim.story.text import counted


@frozen
class BadSave:
    path: str
    problem: str


@frozen
class PlayedGame:
    path: str
    rules: Rules
    state: GameState
    problem: str | None
    """Why replay stopped early (the scenario was edited since), or None."""
    branched: bool = False
    """True for a game branched from another save (its first moves are the source's)."""


@frozen
class OptionShare:
    id: str
    label: str
    history: bool
    count: int
    share: float


@frozen
class DecisionSummary:
    id: str
    title: str
    reached: int
    options: tuple[OptionShare, ...]
    entropy: float
    """Shannon entropy of the class's choices in bits: 0 when everyone agreed."""

    @property
    def history_option(self) -> OptionShare | None:
        return next((option for option in self.options if option.history), None)

    @property
    def split_text(self) -> str:
        """How the class divided, in the words a teacher reads out (entropy only ranks).

        '5 games split 3–2; most took “Keep the broad wording” (60%)', or '… no majority'.
        """
        taken = sorted((o for o in self.options if o.count), key=lambda o: -o.count)
        games = counted(self.reached, "game")
        counts = "–".join(str(option.count) for option in taken)
        top = taken[0] if taken else None
        if top is not None and len(taken) == 1:
            return f"{games}, all chose “{top.label}”"
        if top is None or top.count * 2 <= self.reached:
            return f"{games} split {counts}, no majority"
        return f"{games} split {counts}; most took “{top.label}” ({top.share:.0%})"


@frozen
class RoleSummary:
    id: str
    name: str
    mean_points: float
    possible: int
    win_rate: float
    students: int = 0
    """Games in which a person, not the computer, held this seat."""
    advised: int = 0
    """Recommendations students made from this seat."""
    advice_taken: int = 0
    """Of those, how many the decider followed."""

    @property
    def advice_text(self) -> str:
        """'7 of 19 (37%)': how much sway students in this seat had; '—' if none advised."""
        if not self.advised:
            return "—"
        return f"{self.advice_taken} of {self.advised} ({self.advice_taken / self.advised:.0%})"


@frozen
class ScenarioReport:
    scenario_id: str
    title: str
    games: int
    finished: int
    decisions: tuple[DecisionSummary, ...]
    endings: tuple[tuple[str, str, int, bool], ...]
    """(ending id, title, count, historical)."""
    roles: tuple[RoleSummary, ...]
    replay_problems: tuple[BadSave, ...]
    branches: int = 0
    """Games branched from another save: counted here, left out of every count above."""
    branches_finished: int = 0

    @property
    def games_text(self) -> str:
        """'12 games, 9 finished; 3 branches, 2 finished (not counted in the tables)'."""
        text = f"{counted(self.games, 'game')}, {self.finished} finished"
        if self.branches:
            text += (
                f"; {self.branches} branch{'' if self.branches == 1 else 'es'}, "
                f"{self.branches_finished} finished "
                "(branches replay another game's first moves: not counted in the tables)"
            )
        return text + "."

    @property
    def splits(self) -> tuple[DecisionSummary, ...]:
        """Decisions where the class disagreed, most divided first."""
        divided = [d for d in self.decisions if d.reached and d.entropy > 0]
        return tuple(sorted(divided, key=lambda d: -d.entropy))


@define
class ClassReport:
    scenarios: list[ScenarioReport] = field(factory=list)
    bad: list[BadSave] = field(factory=list)
    unplayed: int = 0
    """Saves with no move (opened and left before the first decision), ignored."""


def save_files(arguments: Iterable[Path]) -> list[Path]:
    """The save files named, with folders expanded to their ``*.json`` files (sorted)."""
    files: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            files.extend(sorted(argument.glob("*.json")))
        else:
            files.append(argument)
    return files


def load_games(files: Sequence[Path]) -> tuple[list[PlayedGame], list[BadSave], int]:
    """Read and replay each save; collect the ones that fail with their reason.

    Returns the games, the bad saves and how many saves had no move (not replayed).
    """
    from excomm_sim.reports.loading import scenario_failure
    from excomm_sim.saves import SaveError, read_save, resolve_scenario, resume
    from excomm_sim.scenario.load import ScenarioError, load_path

    scenarios: dict[Path, Scenario] = {}
    games: list[PlayedGame] = []
    bad: list[BadSave] = []
    unplayed = 0
    for path in files:
        try:
            save = read_save(path)
            if not save.actions:
                unplayed += 1
                continue
            scenario_path = resolve_scenario(save, (path.parent,))
            if scenario_path is None:
                bad.append(BadSave(str(path), f"scenario {save.scenario_id!r} not found"))
                continue
            if scenario_path not in scenarios:
                scenarios[scenario_path] = load_path(scenario_path)
            resumed = resume(save, scenarios[scenario_path])
        except SaveError as error:
            bad.append(BadSave(str(path), error.problem))
            continue
        except ScenarioError as error:
            assert scenario_path is not None
            bad.append(BadSave(str(path), scenario_failure(scenario_path, error)))
            continue
        except OSError as error:
            bad.append(BadSave(str(path), f"cannot read: {error.strerror or error}"))
            continue
        except Exception as error:  # a replay fault must not sink the whole class
            bad.append(BadSave(str(path), f"cannot replay: {type(error).__name__}: {error}"))
            continue
        games.append(
            PlayedGame(
                str(path),
                resumed.autopilot.rules,
                resumed.state,
                resumed.problem,
                branched=save.branched_from is not None,
            )
        )
    return games, bad, unplayed


def entropy(counts: Iterable[int]) -> float:
    values = [count for count in counts if count > 0]
    total = sum(values)
    if total == 0:
        return 0.0
    return -sum(count / total * math.log2(count / total) for count in values) + 0.0


def summarise(games: Sequence[PlayedGame]) -> list[ScenarioReport]:
    """One report per scenario played, in the order first seen."""
    grouped: dict[str, list[PlayedGame]] = {}
    for played in games:
        grouped.setdefault(played.rules.scenario.id, []).append(played)
    return [_summarise_one(group) for group in grouped.values()]


def _summarise_one(played_games: Sequence[PlayedGame]) -> ScenarioReport:
    scenario = played_games[0].rules.scenario
    games = [played for played in played_games if not played.branched]
    branches = [played for played in played_games if played.branched]
    taken: Counter[tuple[str, str]] = Counter()
    reached: Counter[str] = Counter()
    endings: Counter[str] = Counter()
    points: Counter[str] = Counter()
    wins: Counter[str] = Counter()
    possible: dict[str, int] = {}
    students: Counter[str] = Counter(role for p in games for role in p.state.humans)
    advised: Counter[str] = Counter()
    followed: Counter[str] = Counter()
    finished = 0
    for played in games:
        for choice in played.state.choices:
            reached[choice.decision] += 1
            taken[(choice.decision, choice.option)] += 1
        for record, was_taken in advice_taken(played.state.log, played.state.choices):
            advised[record.role] += 1
            followed[record.role] += was_taken
        if played.state.ending is None:
            continue
        finished += 1
        endings[played.state.ending] += 1
        for role, score in played.rules.scores(played.state).items():
            points[role] += score.points
            possible[role] = score.possible
            wins[role] += score.won
    decisions = []
    for decision in scenario.decisions:
        count = reached[decision.id]
        options = tuple(
            OptionShare(
                option.id,
                option.label,
                option.history,
                taken[(decision.id, option.id)],
                taken[(decision.id, option.id)] / count if count else 0.0,
            )
            for option in decision.options
        )
        decisions.append(
            DecisionSummary(
                decision.id,
                decision.title,
                count,
                options,
                entropy(option.count for option in options),
            )
        )
    roles = tuple(
        RoleSummary(
            role.id,
            role.name,
            points[role.id] / finished if finished else 0.0,
            possible.get(role.id, sum(o.points for o in role.objectives)),
            wins[role.id] / finished if finished else 0.0,
            students[role.id],
            advised[role.id],
            followed[role.id],
        )
        for role in scenario.roles
    )
    return ScenarioReport(
        scenario_id=scenario.id,
        title=scenario.title,
        games=len(games),
        finished=finished,
        decisions=tuple(decisions),
        endings=tuple(
            (ending.id, ending.title, endings[ending.id], ending.historical)
            for ending in scenario.endings
        ),
        roles=roles,
        replay_problems=tuple(
            BadSave(played.path, played.problem) for played in played_games if played.problem
        ),
        branches=len(branches),
        branches_finished=sum(played.state.ending is not None for played in branches),
    )


def build_report(arguments: Iterable[Path]) -> ClassReport:
    """Read, replay and summarise every save named (folders expanded)."""
    games, bad, unplayed = load_games(save_files(arguments))
    return ClassReport(summarise(games), bad, unplayed)
