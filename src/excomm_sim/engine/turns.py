"""The turn order: how a game runs, one decision after another, asking whoever must act.

The order, for each decision in file order (docs/rules-engine.md states it for authors):

1. It is posed if its ``when`` holds and it offers at least one option; otherwise it is
   skipped for good.
2. Each person-held adviser (role order, never the decider) recommends.
3. The decider takes an option: ``turn`` goes up, the choice is recorded, the option's
   effects apply. If the option has a chance node, chance draws an outcome next; the
   outcome's effects and trigger follow.
4. The option's delayed consequences are scheduled and its trigger fires.
5. Consequences now due land (in the order scheduled); watched events fire (file order);
   the calendar moves on by the decision's days; an early ending that holds ends the game.

When no decision is left, the first ending that holds wins: early ones, then final ones,
in file order; the fallback last.

``engine.codegen`` writes this order out per decision (``turn_K``, so a decision runs
as one Python function over the slots), and this module runs the decisions in turn and
holds the few steps they share. Every act is asked of an ``Agent``: the kernel's
``Rules.apply`` answers exactly one act and then stops the run (``Stop``) at the next;
``simulate`` and ``check``'s sampled games answer every act, so a whole game is one call
(``play``). ``log`` is the list records go to, or None to keep none; the program must be
the matching variant (``program(scenario, records=log is not None)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from excomm_sim.engine.chance import probabilities
from excomm_sim.engine.events import (
    Cause,
    ChanceResolved,
    DecisionWeighed,
    GameEnded,
    Recommended,
    VariableChanged,
)
from excomm_sim.engine.layout import (
    ADVICE,
    CHANCE,
    CURRENT,
    CURSOR,
    DRAWS,
    ENDED,
    ENDING,
    HUMANS,
    OPTION,
    PENDING,
    POSE,
    STAGE,
    TURN,
    Slots,
)
from excomm_sim.engine.program import Log, Piece, Program
from excomm_sim.scenario.model import Scenario, Value

__all__ = [
    "PROGRAMS_KEPT",
    "Agent",
    "Stop",
    "adviser_due",
    "chance_weights",
    "end",
    "helpers",
    "play",
    "program",
    "run",
]


class Stop(Exception):
    """Raised by an agent to stop a run at an act it does not answer (the state is left
    exactly at that act, consistent, for the next run to resume)."""


class Agent:
    """Whoever answers the acts of a run: subclasses say what they choose."""

    weighed: DecisionWeighed | None = None
    """The reasons for the last decision, when a computer policy gave them (records)."""
    argument = ""
    """A person's words with the last recommendation (records)."""

    def recommend(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        """The option a person-held adviser (role index ``role``) recommends on decision k."""
        raise Stop

    def decide(self, s: Slots, k: int, role: int, offered: tuple[int, ...]) -> int:
        """The option the decider (role index ``role``) takes on decision k."""
        raise Stop

    def draw(self, s: Slots, k: int, weights: list[int]) -> int:
        """Chance's outcome index for these weights."""
        raise Stop

    def landed(self, k: int, j: int, i: int, held: bool) -> None:
        """Told when delayed consequence i of option j of decision k came due: ``held`` is
        False when its condition no longer held and it lapsed (``check`` counts these)."""


def run(p: Program, s: Slots, log: Log, agent: Agent) -> None:
    """Run the game on from ``s`` until ``agent`` stops it or the game ends."""
    decisions = p.turn
    count = len(decisions)
    try:
        while True:
            stage = s[STAGE]
            if stage == ENDED:
                return
            k: int = s[CURSOR] if stage == POSE else s[CURRENT]
            if k >= count:
                end(p, s, log, p.final(s))
                return
            decisions[k](s, log, agent)
    except Stop:
        return


def play(p: Program, s: Slots, agent: Agent) -> None:
    """Play ``s`` to its end without records, ``agent`` answering every act (``run``
    with no log: ``simulate``'s and ``check``'s games)."""
    run(p, s, None, agent)


def end(p: Program, s: Slots, log: Log, ending: int) -> None:
    s[ENDING] = ending
    s[STAGE] = ENDED
    s[CURRENT] = -1
    s[OPTION] = -1
    if log is not None:
        log.append(GameEnded(s[TURN], p.layout.ending_ids[ending]))


def adviser_due(p: Program, s: Slots | tuple[Any, ...]) -> int:
    """The role index of the person-held adviser who recommends next, or -1 (the decider)."""
    k: int = s[CURRENT]
    waiting: int = s[HUMANS] & p.present[k] & ~(1 << p.deciders[k])
    for role, _option in s[ADVICE]:
        waiting &= ~(1 << role)
    if not waiting:
        return -1
    return (waiting & -waiting).bit_length() - 1


def helpers(p: Program) -> Mapping[str, Piece]:
    """The shared steps the generated decisions call, bound to ``p``."""
    layout = p.layout
    role_ids, decision_ids = layout.role_ids, layout.decision_ids
    option_ids, outcome_ids = layout.option_ids, layout.outcome_ids
    weights, outcomes, delayed = p.weights, p.outcome, p.delayed

    def advise(s: Slots, log: Log, agent: Agent, k: int, offered: tuple[int, ...]) -> None:
        """Each person-held adviser recommends, in role order."""
        while True:
            role = adviser_due(p, s)
            if role < 0:
                return
            option = agent.recommend(s, k, role, offered)
            s[ADVICE] = (*s[ADVICE], (role, option))
            if log is not None:
                turn: int = s[TURN] + 1
                log.append(
                    Recommended(
                        turn,
                        decision_ids[k],
                        role_ids[role],
                        option_ids[k][option],
                        True,
                        "",
                        agent.argument,
                    )
                )

    def chance(s: Slots, log: Log, agent: Agent, k: int, j: int) -> None:
        """Chance draws option j's outcome; the outcome and the rest of the option follow."""
        weigh = weights[k][j]
        assert weigh is not None
        drawn: list[int] = weigh(s)
        outcome = agent.draw(s, k, drawn)
        s[DRAWS] += 1
        probability = 0.0
        if log is not None:
            probability = probabilities(drawn)[outcome]
            outcome_id = outcome_ids[k][j][outcome]
            turn: int = s[TURN]
            log.append(
                ChanceResolved(turn, decision_ids[k], option_ids[k][j], outcome_id, probability)
            )
        finish = outcomes[k][j]
        assert finish is not None
        finish(s, log, outcome, probability)

    def schedule(s: Slots, entry: tuple[int, int, int, int]) -> None:
        """Add a delayed consequence to the pending ones, kept in order of due turn (ties
        in the order scheduled: that is the order they land in)."""
        pending: tuple[tuple[int, int, int, int], ...] = s[PENDING]
        at = len(pending)
        while at and pending[at - 1][0] > entry[0]:
            at -= 1
        s[PENDING] = (*pending[:at], entry, *pending[at:])

    def land(s: Slots, log: Log, agent: Agent) -> None:
        """Land the delayed consequences due now (the first pending ones), in order."""
        turn: int = s[TURN]
        pending: tuple[tuple[int, int, int, int], ...] = s[PENDING]
        count = 0
        while count < len(pending) and pending[count][0] <= turn:
            count += 1
        s[PENDING] = pending[count:]
        for _due, k, j, i in pending[:count]:
            agent.landed(k, j, i, delayed[k][j][i](s, log))

    def computer_advice(s: Slots, log: list[object], k: int, offered: tuple[int, ...]) -> None:
        """Each computer-held adviser recommends the offered option it favours most
        (records only: the computer decider weighs stances, not these)."""
        humans: int = s[HUMANS]
        decider = p.deciders[k]
        seated = p.present[k]
        number: int = s[TURN] + 1
        for role, favours in sorted(p.favours[k].items()):
            if role == decider or humans >> role & 1 or not seated >> role & 1:
                continue
            for favour in favours:
                if favour.option in offered and (favour.test is None or favour.test(s)):
                    option = option_ids[k][favour.option]
                    log.append(
                        Recommended(
                            number, decision_ids[k], role_ids[role], option, False, favour.reason
                        )
                    )
                    break

    def ending(s: Slots, log: Log, index: int) -> None:
        end(p, s, log, index)

    def change(
        s: Slots,
        log: list[object],
        cause: Cause,
        slot: int,
        new: Value,
        clamped: bool,
        target: str,
        source: str,
    ) -> None:
        """Store an effect's (clamped) result and record it, if it changed the value."""
        old = s[slot]
        if new != old:
            s[slot] = new
            log.append(VariableChanged(s[TURN], target, old, new, cause, source, clamped))

    return {
        "advise": advise,
        "chance": chance,
        "land": land,
        "schedule": schedule,
        "computer_advice": computer_advice,
        "end": ending,
        "change": change,
    }


def chance_weights(p: Program, s: Slots | tuple[Any, ...]) -> list[int]:
    """The weights of the chance node the state waits at (``CHANCE`` stage only)."""
    weigh = p.weights[s[CURRENT]][s[OPTION]]
    assert weigh is not None and s[STAGE] == CHANCE, "not at a chance node"
    return list(weigh(s))


PROGRAMS_KEPT = 8
"""Scenarios whose compiled rules are kept (author mode reloads a scenario on every save)."""

_programs: dict[int, tuple[Scenario, dict[bool, Program]]] = {}


def program(scenario: Scenario, records: bool) -> Program:
    """The compiled rules of ``scenario`` (compiled on first use, then kept with it).

    Keyed by the scenario object's identity (the entry keeps the object, so its id is not
    reused while cached); the oldest entries go past ``PROGRAMS_KEPT`` scenarios.
    """
    entry = _programs.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        while len(_programs) >= PROGRAMS_KEPT:
            del _programs[next(iter(_programs))]
        entry = _programs[id(scenario)] = (scenario, {})
    variants = entry[1]
    compiled = variants.get(records)
    if compiled is None:
        compiled = variants[records] = Program(scenario, records, helpers)
    return compiled
