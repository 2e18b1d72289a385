"""Computer-played roles: advisers' positions and recommendations, the computer decider.

The rules, which docs/rules-engine.md states for instructors:

- A stance holds while its ``when`` does (always, without one). Stances are read when
  the decision is posed; nothing changes the variables between posing and deciding.
- A computer adviser recommends the offered option it favours most strongly (highest
  ``strength`` among its holding ``favour`` stances); ties go to the option listed first.
  An adviser that favours no offered option makes no recommendation.
- A computer decider scores every offered option: each holding stance of a computer-played
  role adds ``influence x strength`` (favour) or subtracts it (oppose); the decider's own
  stances count double (its preferences); a human adviser's recommendation adds
  ``2 x influence`` to the option recommended (a human's scenario stances are ignored).
  The highest score wins; ties go to the option listed first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from excomm_sim.engine.events import OptionWeighed, Weight
from excomm_sim.engine.tables import DecisionRow, OptionRow, StanceRow
from excomm_sim.scenario.model import Value

HUMAN_RECOMMENDATION_STRENGTH = 2
"""A human's recommendation weighs like a stance of this strength."""


def recommendation(
    row: DecisionRow, role: str, offered: Sequence[OptionRow], env: Mapping[str, Value]
) -> StanceRow | None:
    """The stance behind ``role``'s recommendation (a computer adviser), or None."""
    offered_indexes = {option.index for option in offered}
    for stance in row.favours.get(role, ()):
        if stance.option_index in offered_indexes and (stance.when is None or stance.when(env)):
            return stance
    return None


def recommendations(
    row: DecisionRow, offered: Sequence[OptionRow], env: Mapping[str, Value]
) -> list[tuple[str, StanceRow]]:
    """Every computer adviser's recommendation, in scenario role order."""
    offered_indexes = {option.index for option in offered}
    chosen = []
    for role in row.computer_advisers:
        for stance in row.favours[role]:
            if stance.option_index in offered_indexes and (stance.when is None or stance.when(env)):
                chosen.append((role, stance))
                break
    return chosen


def decide(
    row: DecisionRow,
    offered: Sequence[OptionRow],
    env: Mapping[str, Value],
    human_recommendations: Mapping[str, str],
    influence: Mapping[str, int],
) -> OptionRow:
    """The option a computer decider takes among ``offered`` (never empty)."""
    best = offered[0]
    best_score: int | None = None
    for option in offered:
        score = 0
        for term in option.decider_terms:
            if term.when is None or term.when(env):
                score += term.weight
        for role, option_id in human_recommendations.items():
            if option_id == option.id:
                score += HUMAN_RECOMMENDATION_STRENGTH * influence.get(role, 1)
        if best_score is None or score > best_score:
            best, best_score = option, score
    return best


def weighing(
    offered: Sequence[OptionRow],
    env: Mapping[str, Value],
    human_recommendations: Mapping[str, str],
    influence: Mapping[str, int],
) -> tuple[OptionWeighed, ...]:
    """Each offered option's score under ``decide``, with every voice that made it.

    The explanation a player reads; ``decide`` stays the lean version the simulator runs,
    and a property test holds the two to the same choice.
    """
    advice = [
        (option_id, Weight(role, "advised", HUMAN_RECOMMENDATION_STRENGTH * influence.get(role, 1)))
        for role, option_id in human_recommendations.items()
    ]
    weighed = []
    for option in offered:
        weights = [
            term.voice for term in option.decider_terms if term.when is None or term.when(env)
        ]
        weights += [voice for option_id, voice in advice if option_id == option.id]
        score = sum(weight.amount for weight in weights)
        weighed.append(OptionWeighed(option.id, score, tuple(weights)))
    return tuple(weighed)


def option_scores(
    offered: Sequence[OptionRow],
    env: Mapping[str, Value],
    human_recommendations: Mapping[str, str],
    influence: Mapping[str, int],
) -> dict[str, int]:
    """Each offered option's score under ``decide`` (for explanations and tools)."""
    return {
        option.option: option.score
        for option in weighing(offered, env, human_recommendations, influence)
    }
