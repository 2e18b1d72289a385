"""A saved game as a list of steps, one per decision: the shared model of replay and reports.

The replay screen, ``replay --plain`` and the after-action report all show the same thing:
for each decision, what was on the table, where the advisers stood, what was chosen, what
followed and why, and the state before and after. ``build_timeline`` computes that once by
replaying the save action by action, remembering the prompts a human saw (they carry the
advisers' positions) and how many actions had been taken when each decision came up (the
point a branch restarts from).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from attrs import evolve, frozen

from excomm_sim.engine.events import (
    DateAdvanced,
    DecisionPosed,
    GameEnded,
    Recommended,
    Record,
)
from excomm_sim.engine.kernel import RoleScore, Rules
from excomm_sim.engine.moves import IllegalAction
from excomm_sim.engine.observe import PositionView, observe
from excomm_sim.engine.state import Choice, GameState
from excomm_sim.policies.autopilot import Autopilot
from excomm_sim.saves.format import SaveGame
from excomm_sim.saves.replay import (
    check_roles,
    check_scenario,
    failure_message,
    misfit_message,
    scenario_changed,
    start_game,
)
from excomm_sim.scenario.expr import EvalError
from excomm_sim.scenario.model import Decision, Ending, Position, Scenario, Value


@frozen
class Stand:
    """One adviser's position on one option, as the replay shows it."""

    role: str
    option: str
    favour: bool
    """True for favour or a recommendation, False for oppose."""
    strength: int
    reason: str
    human: bool
    recommended: bool = False
    """True when this is the role's recommendation rather than a standing view."""


@frozen
class Step:
    """One decision of the game, from the moment it was posed to the next one."""

    number: int
    """1-based position among the decisions posed in this game."""
    turn: int
    """The engine's 1-based number of this decision (records and choices carry it)."""
    decision: Decision
    date: dt.date
    """The in-game date while it was on the table."""
    positions: tuple[Stand, ...]
    choice: Choice | None
    """None for the decision still on the table when the save was made."""
    records: tuple[Record, ...]
    """What happened from the choice on, in order (the consequences, with causes)."""
    before: Mapping[str, Value]
    after: Mapping[str, Value] | None
    """Values once it was decided; None while it is still on the table."""
    actions_before: int | None
    """Actions a branch keeps to come back to this decision; None if no human acted on it."""


@frozen
class Timeline:
    """A replayed save: its steps, the final state, the ending and scores."""

    scenario: Scenario
    save: SaveGame
    rules: Rules
    final: GameState
    prologue: tuple[Record, ...]
    """What happened before the first decision was posed."""
    steps: tuple[Step, ...]
    ending: Ending | None
    scores: Mapping[str, RoleScore]
    applied: int
    problem: str | None
    """Why the replay stopped early (the scenario changed); None if it ran to the end."""
    scenario_changed: bool


def _stands(views: tuple[PositionView, ...]) -> list[Stand]:
    return [
        Stand(
            role=view.role,
            option=view.option,
            favour=view.human or view.position is Position.FAVOUR,
            strength=view.strength,
            reason=view.reason,
            human=view.human,
            recommended=view.human,
        )
        for view in views
    ]


def _merge_recommendations(
    stands: list[Stand], records: tuple[Record, ...], role_order: list[str]
) -> list[Stand]:
    """Mark which stance each adviser pressed (the log's Recommended), adding any not shown.

    A human's prompt lists the computer advisers' stances; the log says which option each
    adviser actually recommended. For a decision no human saw, the log is all there is.
    """
    for record in records:
        if not isinstance(record, Recommended):
            continue
        match = next(
            (
                index
                for index, stand in enumerate(stands)
                if stand.role == record.role and stand.option == record.option and stand.favour
            ),
            None,
        )
        if match is not None:
            stands[match] = evolve(stands[match], recommended=True)
        else:
            stands.append(
                Stand(
                    role=record.role,
                    option=record.option,
                    favour=True,
                    strength=0,
                    reason=record.reason,
                    human=record.human,
                    recommended=True,
                )
            )

    def order(stand: Stand) -> tuple[int, int]:
        rank = role_order.index(stand.role) if stand.role in role_order else len(role_order)
        return (rank, 0 if stand.recommended else 1)

    return sorted(stands, key=order)


def _segments(
    log: tuple[Record, ...],
) -> tuple[tuple[Record, ...], list[tuple[DecisionPosed, tuple[Record, ...]]]]:
    """Split the log at each DecisionPosed; the game's end closes the last segment."""
    prologue: list[Record] = []
    segments: list[tuple[DecisionPosed, list[Record]]] = []
    for record in log:
        if isinstance(record, DecisionPosed):
            segments.append((record, []))
        elif segments:
            segments[-1][1].append(record)
        else:
            prologue.append(record)
    return tuple(prologue), [(posed, tuple(records)) for posed, records in segments]


def build_timeline(save: SaveGame, scenario: Scenario) -> Timeline:
    """Replay ``save`` on ``scenario`` into steps (SaveError for another scenario's save)."""
    check_scenario(save, scenario)
    check_roles(save, scenario)
    role_order = [role.id for role in scenario.roles]
    autopilot = Autopilot(scenario)
    rules = autopilot.rules
    state = start_game(autopilot, save.seed, save.humans)
    prompts: dict[int, tuple[PositionView, ...]] = {}
    first_seen: dict[int, int] = {}

    def remember(state: GameState, applied: int) -> None:
        turn = rules.to_act(state)
        item = observe(rules, state, turn.role).item if turn.role is not None else None
        if item is not None:
            prompts[state.turn + 1] = item.positions
            first_seen.setdefault(state.turn + 1, applied)

    remember(state, 0)
    applied = 0
    problem: str | None = None

    for index, action in enumerate(save.actions):
        try:
            state, _ = autopilot.act(state, action)
        except IllegalAction as error:
            reason = getattr(error, "message", str(error))
            problem = misfit_message(save, scenario, autopilot, state, index, reason)
            break
        except EvalError as error:
            problem = failure_message(save, index, error)
            break
        applied = index + 1
        remember(state, applied)

    prologue, segments = _segments(state.log)
    choices = {choice.turn: choice for choice in state.choices}
    date = scenario.calendar.start
    for record in prologue:
        if isinstance(record, DateAdvanced):
            date = record.date
    steps: list[Step] = []
    for number, (posed, records) in enumerate(segments, start=1):
        turn = posed.turn
        choice = choices.get(turn)
        decided = choice is not None
        stands = _merge_recommendations(_stands(prompts.get(turn, ())), records, role_order)
        before = state.timeline[turn - 1] if turn - 1 < len(state.timeline) else state.values
        after = state.timeline[turn] if decided and turn < len(state.timeline) else None
        steps.append(
            Step(
                number=number,
                turn=turn,
                decision=scenario.decision(posed.decision),
                date=date,
                positions=tuple(stands),
                choice=choice,
                records=records,
                before=before,
                after=after if decided else None,
                actions_before=first_seen.get(turn),
            )
        )
        for record in records:
            if isinstance(record, DateAdvanced):
                date = record.date
            if isinstance(record, GameEnded):
                break
    ending = rules.ending(state)
    return Timeline(
        scenario=scenario,
        save=save,
        rules=rules,
        final=state,
        prologue=prologue,
        steps=tuple(steps),
        ending=ending,
        scores=rules.scores(state) if ending is not None else {},
        applied=applied,
        problem=problem,
        scenario_changed=scenario_changed(save, scenario),
    )
