"""Loading a save = replaying it through the engine; explains a save the scenario outgrew.

The state is never read from the file: ``resume`` starts the engine with the save's seed
and humans and feeds it the actions one by one. If the scenario was edited since the game
was saved (its hash differs), the replay stops at the first action that no longer fits,
and says which decision that was and why, so the player keeps everything before it.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from excomm_sim.engine.moves import IllegalAction
from excomm_sim.engine.state import GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.policies.sampler import Sampler, sample
from excomm_sim.saves.format import SaveError, SaveGame
from excomm_sim.saves.moves import describe
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Scenario


@frozen
class Resumed:
    """A replayed save: the kernel with its computer seats, the state reached, and how far
    the replay got."""

    autopilot: Autopilot
    state: GameState
    applied: int
    """How many of the save's actions were replayed."""
    problem: str | None
    """Why the replay stopped before the last action; None if every action was applied."""
    scenario_changed: bool = False
    """True when the scenario's hash differs from the one the save was made with."""


def check_scenario(save: SaveGame, scenario: Scenario) -> None:
    """Refuse a save made for another scenario (a different id): it cannot be replayed."""
    if save.scenario_id != scenario.id:
        raise SaveError(
            None,
            f"this save is for scenario {save.scenario_id!r}, not {scenario.id!r} "
            f"({scenario.title}); open it with its own scenario",
        )


def check_roles(save: SaveGame, scenario: Scenario) -> None:
    """Refuse a save whose players sit in roles the scenario does not have."""
    role_ids = {role.id for role in scenario.roles}
    unknown = sorted(set(save.humans) - role_ids)
    if unknown:
        raise SaveError(
            None,
            f"this save has players in roles the scenario does not have: {', '.join(unknown)}",
        )


def scenario_changed(save: SaveGame, scenario: Scenario) -> bool:
    """True when the scenario file differs from the one the save was played on."""
    return bool(save.scenario_hash) and save.scenario_hash != scenario.content_hash


def _decision_title(autopilot: Autopilot, state: GameState) -> str:
    decision = autopilot.rules.decision(state)
    if decision is None:
        return "after the game had ended"
    return f"on “{decision.title}” ({decision.id})"


def misfit_message(
    save: SaveGame,
    scenario: Scenario,
    autopilot: Autopilot,
    state: GameState,
    index: int,
    reason: str,
) -> str:
    """Why action ``index`` (0-based) cannot be replayed, in words a player can act on."""
    action = save.actions[index]
    where = _decision_title(autopilot, state)
    if scenario_changed(save, scenario):
        why = (
            f"the scenario was changed since this game was saved (version "
            f"{save.scenario_version!r} then, {scenario.version!r} now)"
        )
    else:
        why = "the save does not match this scenario"
    return (
        f"{why}: decision {index + 1} of {len(save.actions)} no longer fits — "
        f"{describe(action)} {where}: {reason}. "
        f"The game was replayed up to the decision before it."
    )


def resume(save: SaveGame, scenario: Scenario, sampler: Sampler = sample) -> Resumed:
    """Replay ``save`` on ``scenario``: stops at the first action that no longer fits.

    Raises SaveError when the save is for another scenario, or names roles the scenario
    does not have. Never raises IllegalAction: a misfit is reported in ``problem``.
    """
    check_scenario(save, scenario)
    check_roles(save, scenario)
    autopilot = Autopilot(scenario, sampler=sampler)
    state = start_game(autopilot, save.seed, save.humans)
    changed = scenario_changed(save, scenario)
    for index, action in enumerate(save.actions):
        try:
            state, _records = autopilot.act(state, action)
        except IllegalAction as error:
            reason = getattr(error, "message", str(error))
            problem = misfit_message(save, scenario, autopilot, state, index, reason)
            return Resumed(autopilot, state, index, problem, changed)
        except EvalError as error:
            problem = failure_message(save, index, error)
            return Resumed(autopilot, state, index, problem, changed)
    return Resumed(autopilot, state, len(save.actions), None, changed)


def start_game(autopilot: Autopilot, seed: int, humans: Mapping[str, str]) -> GameState:
    """A new game; a scenario whose expressions fail at once is a SaveError, not a crash."""
    try:
        state, _records = autopilot.start(seed, humans)
    except EvalError as error:
        raise SaveError(None, f"the scenario fails as the game starts: {error}") from None
    return state


def failure_message(save: SaveGame, index: int, error: Exception) -> str:
    """A scenario expression failed while replaying action ``index`` (a scenario defect)."""
    return (
        f"the scenario failed while replaying decision {index + 1} of {len(save.actions)} "
        f"({error}); the game was replayed up to the decision before it"
    )
