"""The Game: start a game, ask who must act and on what, apply their action, score it.

``Game`` is the engine's public face (docs/engine-api.md). It is pure: every method takes
a ``GameState`` and returns new values; the same scenario, seed and actions always give
the same states and records. Computer roles act inside ``start`` and ``step``, which
return only when a human must act or the game has ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Literal

from attrs import frozen

from excomm_sim.engine import advisers, chance, prompts
from excomm_sim.engine.autoplay import Autoplay
from excomm_sim.engine.events import Recommended, Record
from excomm_sim.engine.flow import Flow, Run, ScenarioRuntimeError, freeze
from excomm_sim.engine.prompts import OptionView, PositionView, Prompt
from excomm_sim.engine.state import GameState
from excomm_sim.engine.tables import DecisionRow, Tables
from excomm_sim.scenario.model import (
    Decision,
    Ending,
    Objective,
    Option,
    Scenario,
    Value,
)

__all__ = [
    "Action",
    "Chooser",
    "Game",
    "IllegalAction",
    "OptionView",
    "PositionView",
    "Prompt",
    "RoleScore",
    "ScenarioRuntimeError",
]


@frozen
class Action:
    """A human's act: a recommendation or the decision, whichever the prompt asks."""

    role: str
    option: str


class IllegalAction(Exception):
    """An action the current state does not allow; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@frozen
class RoleScore:
    """A role's result: points from the objectives met on the final state."""

    role: str
    points: int
    possible: int
    met: tuple[tuple[Objective, bool], ...]

    @property
    def won(self) -> bool:
        """A role wins with more than half its possible points."""
        return self.points * 2 > self.possible


Chooser = Callable[[str, Decision, Mapping[str, Value], Sequence[Option]], str]
"""``(role, decision, env, offered) -> option id``: a human seat's act in ``Game.play_out``.

``role`` must recommend on (a human adviser) or decide (the decider) ``decision``; ``env``
is what expressions see now (read it, never change it); ``offered`` are the options on
offer, in scenario order.
"""


class Game:
    """The rules of one scenario for one set of human players.

    ``humans`` maps role id -> player name; roles not listed are played by the computer.
    """

    def __init__(
        self, scenario: Scenario, humans: Mapping[str, str] | None = None, *, memo: bool = True
    ) -> None:
        humans = dict(humans or {})
        role_ids = {role.id for role in scenario.roles}
        unknown = sorted(set(humans) - role_ids)
        if unknown:
            raise ValueError(
                f"unknown role(s) {', '.join(unknown)}; roles are: {', '.join(sorted(role_ids))}"
            )
        self.scenario = scenario
        self.humans: Mapping[str, str] = MappingProxyType(humans)
        self._tables = Tables(scenario, frozenset(humans))
        self._flow = Flow(scenario, self._tables)
        self._initial: Mapping[str, Value] = MappingProxyType(
            {variable.id: variable.initial for variable in scenario.variables}
        )
        self._objectives = tuple(
            (
                role.id,
                tuple((o, o.condition.fn) for o in role.objectives),
                sum(o.points for o in role.objectives),
            )
            for role in scenario.roles
        )
        """Per role: its objectives with their compiled conditions, and the points possible."""
        self._autoplay = Autoplay(self._flow, self._blank(0)) if memo and not humans else None
        """All-computer games walk a remembered game tree (``memo=False``: never)."""

    # -- playing ------------------------------------------------------------------------

    def start(self, seed: int) -> tuple[GameState, tuple[Record, ...]]:
        """A new game from ``seed``, played until a human must act (or it ends)."""
        if self._autoplay is not None:
            state = self._autoplay.play(seed)
            return state, state.log
        blank = self._blank(seed)
        run = Run(blank)
        self._flow.run_computers(run)
        return freeze(run, blank), tuple(run.log)

    def step(self, state: GameState, action: Action) -> tuple[GameState, tuple[Record, ...]]:
        """Apply a human's action; computer roles then play until a human must act."""
        turn = self._turn(state)
        if turn is None:
            raise IllegalAction("The game has ended; no more actions are taken.")
        kind, role, row = turn
        if action.role != role:
            verb = "recommend" if kind == "recommend" else "decide"
            raise IllegalAction(f"It is {role}'s turn to {verb} on {row.id}, not {action.role}'s.")
        chosen = next((o for o in row.options if o.id == action.option), None)
        run = self._run(state)
        env = run.env
        if chosen is None or (chosen.when is not None and not chosen.when(env)):
            if chosen is not None and chosen.option.unavailable:
                label, why = chosen.option.label, chosen.option.unavailable
                raise IllegalAction(f"{label!r} is not available now: {why}")
            known = ", ".join(o.id for o in self._flow.offered(row, env))
            raise IllegalAction(
                f"{row.id} has no option {action.option!r} on offer; options: {known}."
            )
        if kind == "recommend":
            run.recommendations[action.role] = action.option
            run.log.append(
                Recommended(state.turn + 1, row.id, action.role, action.option, True, "")
            )
        else:
            self._flow.resolve(run, row, chosen, action.role, human=True)
        self._flow.run_computers(run)
        return freeze(run, state), tuple(run.log)

    def play_out(self, state: GameState, choose: Chooser, *, history: bool = True) -> GameState:
        """Play ``state`` to its end in one call, asking ``choose`` for every human act.

        The result is the state that ``step`` would reach with the same acts (tested), made
        without a ``Prompt`` or a frozen state per act: this is the loop for tools that
        play thousands of games. ``history=False`` also skips keeping what explains the
        game: the returned state's ``log`` and ``timeline`` are those of ``state``, and
        everything else (values, choices, draws, ending) is the same. Raises
        ``IllegalAction`` if ``choose`` names an option not on offer.
        """
        flow = self._flow
        run = self._run(state, history=history)
        env = MappingProxyType(run.env)  # a live, read-only view for ``choose``
        flow.run_computers(run)
        while run.ending is None:
            row = run.current
            if row is None:
                break
            offered = run.offered if run.offered is not None else flow.offered(row, run.env)
            role = row.decider
            for adviser in row.human_advisers:
                if adviser not in run.recommendations:
                    role = adviser
                    break
            option_id = choose(role, row.decision, env, [o.option for o in offered])
            for chosen in offered:
                if chosen.id == option_id:
                    break
            else:
                known = ", ".join(o.id for o in offered)
                raise IllegalAction(
                    f"{row.id} has no option {option_id!r} on offer; options: {known}."
                )
            if role == row.decider:
                flow.resolve(run, row, chosen, role, human=True)
            else:
                run.recommendations[role] = option_id
                if history:
                    run.log.append(Recommended(run.turn + 1, row.id, role, option_id, True, ""))
            flow.run_computers(run)
        return freeze(run, state)

    def fresh(self, seed: int) -> GameState:
        """The state before anything happens: initial values, nothing posed yet.

        ``start(seed)`` is this state played until a human must act; ``play_out`` accepts
        it as it is, which saves freezing the start of every game in a simulation.
        """
        return self._blank(seed)

    def play(self, seed: int, actions: Iterable[Action]) -> GameState:
        """Replay: start from ``seed`` and apply ``actions`` in order."""
        state, _ = self.start(seed)
        for action in actions:
            state, _ = self.step(state, action)
        return state

    # -- asking -------------------------------------------------------------------------

    def prompt(self, state: GameState) -> Prompt | None:
        """Who must act now and on what; None once the game has ended."""
        turn = self._turn(state)
        if turn is None:
            return None
        kind, role, row = turn
        env = self.env(state)
        offered = self._flow.offered(row, env)
        return prompts.prompt(kind, role, row, offered, env, state.recommendations)

    def legal_actions(self, state: GameState) -> list[Action]:
        """Every action the prompted role may take now (empty once ended)."""
        prompt = self.prompt(state)
        if prompt is None:
            return []
        return [Action(prompt.role, view.option.id) for view in prompt.options if view.offered]

    def ending(self, state: GameState) -> Ending | None:
        return self.scenario.ending(state.ending) if state.ending is not None else None

    def scores(self, state: GameState) -> dict[str, RoleScore]:
        """Each role's objectives judged on ``state`` (final once the game has ended)."""
        env = self.env(state)
        scores = {}
        for role_id, objectives, possible in self._objectives:
            points = 0
            met = []
            for objective, holds in objectives:
                ok = bool(holds(env))
                met.append((objective, ok))
                if ok:
                    points += objective.points
            scores[role_id] = RoleScore(role_id, points, possible, tuple(met))
        return scores

    def date(self, state: GameState) -> dt.date:
        return self.scenario.calendar.start + dt.timedelta(days=state.day)

    def env(self, state: GameState) -> Mapping[str, Value]:
        """What expressions see: variables, ``turn``, ``day``, ``@decision`` -> option."""
        env: dict[str, Value] = dict(state.values)
        env["turn"] = state.turn
        env["day"] = state.day
        for choice in state.choices:
            env["@" + choice.decision] = choice.option
        return MappingProxyType(env)

    def offered_options(self, state: GameState) -> tuple[Option, ...]:
        """The options on offer on the current decision (empty once ended)."""
        if state.current is None or state.ending is not None:
            return ()
        row = self._tables.by_id[state.current]
        return tuple(o.option for o in self._flow.offered(row, self.env(state)))

    def decider_scores(self, state: GameState) -> dict[str, int]:
        """How a computer decider would score each offered option now (explanations)."""
        if state.current is None:
            return {}
        row = self._tables.by_id[state.current]
        env = self.env(state)
        offered = self._flow.offered(row, env)
        return advisers.option_scores(offered, env, state.recommendations, self._tables.influence)

    # -- helpers ------------------------------------------------------------------------

    def _blank(self, seed: int) -> GameState:
        """The state before anything happens: initial values, nothing posed."""
        return GameState(
            seed=seed,
            rng=chance.seed_state(seed),
            values=self._initial,
            turn=0,
            day=0,
            cursor=0,
            current=None,
            timeline=(self._initial,),
        )

    def _turn(
        self, state: GameState
    ) -> tuple[Literal["recommend", "decide"], str, DecisionRow] | None:
        """Who must act on which decision: human advisers in role order, then the decider."""
        if state.ending is not None or state.current is None:
            return None
        row = self._tables.by_id[state.current]
        for role in row.human_advisers:
            if role not in state.recommendations:
                return "recommend", role, row
        return "decide", row.decider, row

    def _run(self, state: GameState, *, history: bool = True) -> Run:
        run = Run(state, history=history)
        if state.current is not None:
            run.current = self._tables.by_id[state.current]
        return run
