"""The computer decider: weighs every voice at the table and takes the heaviest option.

The rule, which docs/rules-engine.md states for instructors: every offered option gets a
score; each holding stance of a computer-held role adds ``influence x strength`` (favour)
or subtracts it (oppose); the decider's own stances count double (its preferences); a
person's recommendation adds ``2 x influence`` to the option recommended (a person's
scenario stances are ignored: their say is their recommendation). The highest score wins;
a tie goes to the option listed first.

``weighing`` reads the decider's observation, as a person would read the screen, and says
who weighed what (the ``DecisionWeighed`` record shown as "Why"); ``act`` is the move it
leads to. ``policies.fast`` scores the same way over the kernel's slots, for simulations.
"""

from __future__ import annotations

from collections.abc import Mapping

from excomm_sim.engine.events import DecisionWeighed, OptionWeighed, VoiceKind, Weight
from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import HUMAN_RECOMMENDATION_STRENGTH, Observation, PositionView
from excomm_sim.scenario.model import Position, Scenario, Stance

__all__ = [
    "OWN_STANCE_FACTOR",
    "Council",
    "chosen",
]

OWN_STANCE_FACTOR = 2
"""The decider's own stances count this many times (its preferences)."""


def _voice(stance: Stance | PositionView, amount: int) -> Weight:
    kind: VoiceKind = "favours" if stance.position is Position.FAVOUR else "opposes"
    sign = 1 if stance.position is Position.FAVOUR else -1
    return Weight(stance.role, kind, sign * amount)


class Council:
    """The computer decider's policy for one scenario (its roles' influence)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.influence: Mapping[str, int] = {role.id: role.influence for role in scenario.roles}

    def weighing(self, observation: Observation) -> tuple[OptionWeighed, ...]:
        """Each offered option's score, with every voice that made it (file order)."""
        item = observation.item
        seat = observation.seat
        assert item is not None and seat is not None, "the decider's observation, mid-decision"
        holding = {
            (p.option, p.stance) for p in (*item.positions, *item.own_stances) if not p.human
        }
        advice = [p for p in item.positions if p.human]
        weighed = []
        for option in item.offered:
            weights = [
                self._stance_weight(stance, seat)
                for index, stance in enumerate(option.stances)
                if (option.id, index) in holding
            ]
            weights += [
                Weight(p.role, "advised", HUMAN_RECOMMENDATION_STRENGTH * self.influence[p.role])
                for p in advice
                if p.option == option.id
            ]
            score = sum(weight.amount for weight in weights)
            weighed.append(OptionWeighed(option.id, score, tuple(weights)))
        return tuple(weighed)

    def _stance_weight(self, stance: Stance, decider: str) -> Weight:
        factor = OWN_STANCE_FACTOR if stance.role == decider else 1
        return _voice(stance, factor * self.influence.get(stance.role, 1) * stance.strength)

    def act(self, observation: Observation) -> Action:
        """The decision, with its weighing attached (the kernel logs it as the reason)."""
        weighed = self.weighing(observation)
        assert observation.item is not None and observation.seat is not None
        record = DecisionWeighed(
            observation.item.number, observation.item.decision.id, observation.seat, weighed
        )
        return Action(observation.seat, chosen(weighed), weighed=record)


def chosen(weighed: tuple[OptionWeighed, ...]) -> str:
    """The option a weighing leads to: the highest score, the first listed on a tie."""
    best = weighed[0]
    for option in weighed[1:]:
        if option.score > best.score:
            best = option
    return best.option
