"""Acting for a person whose time ran out: the move the computer would make in their seat.

A classroom host may give each item a time limit; when it runs out, whoever has not acted
is answered for by this policy, and the move is recorded as that seat's, like any other
(a replay of the game makes the same move). A decider's stand-in weighs the table as the
computer decider does (``council``); an adviser's recommends the option its role's own
stances favour most (favour +strength, oppose -strength; a tie goes to the option listed
first), which is what the computer would have argued had it held the seat.
"""

from __future__ import annotations

from excomm_sim.engine.moves import Action
from excomm_sim.engine.observe import Observation
from excomm_sim.policies.council import Council
from excomm_sim.scenario.model import Position, Scenario

__all__ = ["StandIn"]


class StandIn:
    """The move for a person-held seat that must act now, from that seat's observation."""

    def __init__(self, scenario: Scenario) -> None:
        self.council = Council(scenario)

    def act(self, observation: Observation) -> Action:
        item = observation.item
        seat = observation.seat
        assert item is not None and seat is not None, "the observation of a seat that must act"
        if observation.to_act.kind == "decide":
            decided = self.council.act(observation)
            return Action(seat, decided.option)  # a person's seat: no computer weighing
        scores = {option.id: 0 for option in item.offered}
        for stance in item.own_stances:
            if stance.option in scores:
                sign = 1 if stance.position is Position.FAVOUR else -1
                scores[stance.option] += sign * stance.strength
        best = item.offered[0].id
        for option in item.offered[1:]:
            if scores[option.id] > scores[best]:
                best = option.id
        return Action(seat, best)
