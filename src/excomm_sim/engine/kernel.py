"""The rules kernel: for any state, who acts next, what they may do, what chance may do.

``Rules`` is the engine's public face (docs/engine-api.md), shaped as OpenSpiel shapes a
game: ``to_act`` names the seat that must act (to recommend or to decide), chance, or
nobody; ``legal_actions`` lists what that seat may do; ``chance_outcomes`` gives chance's
outcomes with their probabilities, computed exactly as the draw will see them; ``apply``
plays one move and returns the new state with the records it produced. Computer seats and
chance are not played here: policies (``excomm_sim.policies``) and a seeded sampler answer
for them, from outside, with ordinary moves.

The kernel is pure: the same state and move always give the same result. It plays every
move through ``engine.turns`` over the compiled program (``engine.program``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

from excomm_sim.engine import author_moves, chance, turns
from excomm_sim.engine.events import Cause, DecisionWeighed, Record, SeatLeft, SeatTaken
from excomm_sim.engine.layout import ACT, CHANCE, ENDED, Slots
from excomm_sim.engine.moves import (
    Action,
    AuthorJump,
    AuthorSet,
    Draw,
    IllegalAction,
    Inject,
    LeaveSeat,
    Move,
    TakeSeat,
    Turn,
)
from excomm_sim.engine.program import Program
from excomm_sim.engine.state import GameState
from excomm_sim.engine.turns import Agent, Stop, program
from excomm_sim.scenario.model import Decision, Ending, Objective, Option, Scenario, Value

__all__ = ["RoleScore", "Rules", "wins"]


def wins(points: int, possible: int) -> bool:
    """A role wins with more than half its possible points."""
    return points * 2 > possible


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
        return wins(self.points, self.possible)


class Rules:
    """The rules of one scenario: a pure function from (state, move) to the next state."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.program: Program = program(scenario, records=True)
        self.layout = self.program.layout
        self._objectives = tuple(
            (role.id, role.objectives, sum(o.points for o in role.objectives))
            for role in scenario.roles
        )

    # -- a game -------------------------------------------------------------------------

    def new_game(self, seed: int, humans: Mapping[str, str] | None = None) -> GameState:
        """A game from ``seed`` with people in ``humans`` (role id -> name): the first
        decision posed, waiting for its first act (or ended, if nothing can be posed).
        Raises ValueError for a role the scenario does not have."""
        humans = dict(humans or {})
        unknown = sorted(set(humans) - set(self.layout.role_ids))
        if unknown:
            roles = ", ".join(self.layout.role_ids)
            raise ValueError(f"unknown role(s) {', '.join(unknown)}; roles are: {roles}")
        if any(not name.strip() for name in humans.values()):
            raise ValueError("every person in a seat needs a name")
        s: Slots = list(self.layout.initial(self.layout.humans_mask(humans)))
        log: list[Record] = []
        turns.run(self.program, s, log, _Answer())
        return GameState(seed, tuple(s), self.layout, humans, tuple(log))

    def to_act(self, state: GameState) -> Turn:
        """Who must act now."""
        slots = state.slots
        layout = self.layout
        stage = slots[layout.STAGE]
        if stage == ENDED:
            return Turn("ended")
        k: int = slots[layout.CURRENT]
        decision = layout.decision_ids[k]
        if stage == CHANCE:
            return Turn("chance", None, decision)
        humans: int = slots[layout.HUMANS]
        adviser = turns.adviser_due(self.program, list(slots))
        if adviser >= 0:
            return Turn("recommend", layout.role_ids[adviser], decision, True)
        decider = self.program.deciders[k]
        return Turn("decide", layout.role_ids[decider], decision, bool(humans >> decider & 1))

    def legal_actions(self, state: GameState) -> tuple[Action | Draw, ...]:
        """Everything the seat (or chance) that must act may do now; empty once ended."""
        turn = self.to_act(state)
        if turn.kind == "ended":
            return ()
        if turn.kind == "chance":
            return tuple(Draw(outcome) for outcome, _ in self.chance_outcomes(state))
        assert turn.role is not None
        return tuple(Action(turn.role, option.id) for option in self.offered(state))

    def chance_outcomes(self, state: GameState) -> tuple[tuple[str, float], ...]:
        """At a chance node: each outcome that can happen, with its probability.

        The weights are read from this state, the one the draw reads: after the option's
        own effects, with ``turn`` advanced and the choice recorded. Outcomes with no
        chance are left out (if none has any, all are equally likely). Empty elsewhere.
        """
        if state.stage != CHANCE:
            return ()
        layout = self.layout
        k: int = state.slots[layout.CURRENT]
        option: int = state.slots[layout.OPTION]
        weights = turns.chance_weights(self.program, state.slots)
        ids = layout.outcome_ids[k][option]
        return tuple(
            (outcome, probability)
            for outcome, probability in zip(ids, chance.probabilities(weights), strict=True)
            if probability > 0
        )

    def chance_weights(self, state: GameState) -> tuple[int, ...]:
        """At a chance node: the raw weight of every outcome, in file order (the sampler's
        input); empty elsewhere."""
        if state.stage != CHANCE:
            return ()
        return tuple(turns.chance_weights(self.program, state.slots))

    def apply(self, state: GameState, move: Move) -> tuple[GameState, tuple[Record, ...]]:
        """Play ``move``; then pose what needs nobody, up to the next act. Raises
        ``IllegalAction`` (saying why) for a move this state does not allow, and changes
        nothing then."""
        s: Slots = list(state.slots)
        log: list[Record] = []
        humans = state.humans
        answer = _Answer()
        if isinstance(move, Action):
            self._act(state, move, answer)
        elif isinstance(move, Draw):
            self._draw(state, move, answer)
        elif isinstance(move, TakeSeat):
            humans = self._take_seat(state, s, log, move)
        elif isinstance(move, LeaveSeat):
            humans = self._leave_seat(state, s, log, move)
        elif isinstance(move, Inject):
            self._inject(state, s, log, move)
        elif isinstance(move, AuthorSet):
            author_moves.set_value(self, state, s, log, move)
        elif isinstance(move, AuthorJump):
            author_moves.jump(self, state, s, log, move)
        else:
            raise IllegalAction(f"not a move: {move!r}")
        turns.run(self.program, s, log, answer)
        records = tuple(log)
        return GameState(state.seed, tuple(s), self.layout, humans, state.log + records), records

    # -- moves --------------------------------------------------------------------------

    def _act(self, state: GameState, action: Action, answer: _Answer) -> None:
        turn = self.to_act(state)
        if turn.kind == "ended":
            raise IllegalAction("The game has ended; no more actions are taken.")
        if turn.kind == "chance":
            raise IllegalAction(f"Chance decides what {turn.decision} led to; no seat acts now.")
        if action.role != turn.role:
            verb = "recommend" if turn.kind == "recommend" else "decide"
            raise IllegalAction(
                f"It is {turn.role}'s turn to {verb} on {turn.decision}, not {action.role}'s."
            )
        k: int = state.slots[self.layout.CURRENT]
        option = self._offered_index(state, k, action.option)
        if action.weighed is not None and turn.human:
            raise IllegalAction("A person's decision carries no computer weighing.")
        answer.expect(turn.kind, option, action.weighed, action.argument)

    def _offered_index(self, state: GameState, k: int, option_id: str) -> int:
        """The index of ``option_id`` if decision k offers it now; else why not."""
        decision = self.scenario.decisions[k]
        ids = self.layout.option_ids[k]
        offered = self.program.offered[k](state.slots)
        if option_id in ids and ids.index(option_id) in offered:
            return ids.index(option_id)
        if option_id in ids:
            option = decision.options[ids.index(option_id)]
            if option.unavailable:
                raise IllegalAction(f"{option.label!r} is not available now: {option.unavailable}")
        known = ", ".join(ids[j] for j in offered)
        raise IllegalAction(
            f"{decision.id} has no option {option_id!r} on offer; options: {known}."
        )

    def _draw(self, state: GameState, move: Draw, answer: _Answer) -> None:
        if state.stage != CHANCE:
            raise IllegalAction("No chance node is waiting: a seat must act, not chance.")
        outcomes = dict(self.chance_outcomes(state))
        if move.outcome not in outcomes:
            known = ", ".join(outcomes)
            raise IllegalAction(f"{move.outcome!r} cannot happen here; outcomes: {known}.")
        k: int = state.slots[self.layout.CURRENT]
        option: int = state.slots[self.layout.OPTION]
        answer.expect("chance", self.layout.outcome_ids[k][option].index(move.outcome))

    def _take_seat(
        self, state: GameState, s: Slots, log: list[Record], move: TakeSeat
    ) -> Mapping[str, str]:
        role = self._role_index(move.role)
        if state.ended:
            raise IllegalAction("The game has ended; no seat changes hands now.")
        if move.role in state.humans:
            raise IllegalAction(
                f"{move.role}'s seat is already taken by {state.humans[move.role]}."
            )
        if not move.player.strip():
            raise IllegalAction("A seat is taken by someone with a name.")
        s[self.layout.HUMANS] = s[self.layout.HUMANS] | (1 << role)
        log.append(SeatTaken(state.turn + 1, move.role, move.player))
        return MappingProxyType({**state.humans, move.role: move.player})

    def _leave_seat(
        self, state: GameState, s: Slots, log: list[Record], move: LeaveSeat
    ) -> Mapping[str, str]:
        role = self._role_index(move.role)
        if state.ended:
            raise IllegalAction("The game has ended; no seat changes hands now.")
        if move.role not in state.humans:
            raise IllegalAction(f"Nobody holds {move.role}'s seat: the computer plays it.")
        s[self.layout.HUMANS] = s[self.layout.HUMANS] & ~(1 << role)
        log.append(SeatLeft(state.turn + 1, move.role))
        return MappingProxyType({r: n for r, n in state.humans.items() if r != move.role})

    def _inject(self, state: GameState, s: Slots, log: list[Record], move: Inject) -> None:
        """The event fires now (even if it is once-only and has fired: the teacher asked),
        with the teacher's line as its cause; then early endings are tried."""
        if state.ended:
            raise IllegalAction("The game has ended; no event can be injected.")
        index = self.layout.event_index.get(move.event)
        if index is None:
            known = ", ".join(self.layout.event_ids) or "none"
            raise IllegalAction(f"unknown event {move.event!r}; events: {known}")
        event = self.scenario.events[index]
        cause = Cause("teacher", state.turn, event=event.id, text=move.note or event.title)
        s[self.layout.FIRED + index] = False
        self.program.fire[index](s, log, cause)
        ending = self.program.early(s)
        if ending >= 0:
            turns.end(self.program, s, log, ending)

    def _role_index(self, role: str) -> int:
        index = self.layout.role_index.get(role)
        if index is None:
            roles = ", ".join(self.layout.role_ids)
            raise IllegalAction(f"unknown role {role!r}; roles are: {roles}")
        return index

    # -- reading a state ----------------------------------------------------------------

    def decision(self, state: GameState) -> Decision | None:
        """The decision on the table (None between decisions and once ended)."""
        k: int = state.slots[self.layout.CURRENT]
        return self.scenario.decisions[k] if k >= 0 else None

    def offered(self, state: GameState) -> tuple[Option, ...]:
        """The options on offer on the decision on the table (empty otherwise)."""
        if state.stage != ACT:
            return ()
        k: int = state.slots[self.layout.CURRENT]
        options = self.scenario.decisions[k].options
        return tuple(options[j] for j in self.program.offered[k](state.slots))

    def ending(self, state: GameState) -> Ending | None:
        index: int = state.slots[self.layout.ENDING]
        return self.scenario.endings[index] if index >= 0 else None

    def scores(self, state: GameState) -> dict[str, RoleScore]:
        """Each role's objectives judged on ``state`` (final once the game has ended)."""
        met = iter(self.program.objectives(state.slots))
        scores = {}
        for role, objectives, possible in self._objectives:
            judged = tuple((objective, next(met)) for objective in objectives)
            points = sum(objective.points for objective, held in judged if held)
            scores[role] = RoleScore(role, points, possible, judged)
        return scores

    def date(self, state: GameState) -> dt.date:
        return self.scenario.calendar.start + dt.timedelta(days=state.day)

    def env(self, state: GameState) -> Mapping[str, Value]:
        """What the scenario's compiled expressions see (``Expression.fn(env)``): variables,
        ``turn``, ``day``, and ``@decision`` -> option for each decision taken."""
        env: dict[str, Value] = dict(state.values)
        env["turn"] = state.turn
        env["day"] = state.day
        for choice in state.choices:
            env["@" + choice.decision] = choice.option
        return MappingProxyType(env)


class _Answer(Agent):
    """The agent of one ``apply``: answers the move's act once, then stops the run at the
    next act (so the state returned waits there)."""

    def __init__(self) -> None:
        self.kind = ""
        self.option = -1
        self.weighed: DecisionWeighed | None = None
        self.argument = ""

    def expect(
        self, kind: str, option: int, weighed: DecisionWeighed | None = None, argument: str = ""
    ) -> None:
        self.kind, self.option, self.weighed, self.argument = kind, option, weighed, argument

    def _answer(self, kind: str) -> int:
        if self.kind != kind:
            raise Stop
        self.kind = ""
        return self.option

    def recommend(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        return self._answer("recommend")

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        return self._answer("decide")

    def draw(self, s: Slots, k: int, weights: list[int]) -> int:
        return self._answer("chance")
