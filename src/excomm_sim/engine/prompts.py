"""What a human sees when asked to act: the options with why some are withheld, the odds,
and every adviser's position.

Kept apart from the turn loop because none of it changes what happens: it explains the
choice on the table. ``Game.prompt`` builds a ``Prompt`` from these pieces; tools that
play thousands of games (``Game.play_out``) never build one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from attrs import frozen

from excomm_sim.engine import advisers, chance
from excomm_sim.engine.tables import DecisionRow, OptionRow
from excomm_sim.scenario.model import ChanceOutcome, Decision, Option, Position, Value


@frozen
class OptionView:
    """An option as a player sees it now: offered or withheld (with why), and the odds."""

    option: Option
    offered: bool
    reason: str
    """Why it is withheld (the scenario's ``unavailable`` text); empty when offered."""
    odds: tuple[tuple[ChanceOutcome, float], ...] = ()
    """Each outcome with its probability now, only when the option's chance is visible."""


@frozen
class PositionView:
    """An adviser's position on an option: a computer stance or a human recommendation."""

    role: str
    option: str
    position: Position
    strength: int
    reason: str
    human: bool


@frozen
class Prompt:
    """What the engine waits for: ``role`` must recommend on, or decide, ``decision``."""

    kind: Literal["recommend", "decide"]
    role: str
    decision: Decision
    options: tuple[OptionView, ...]
    """Offered options in scenario order, then withheld ones that say why."""
    positions: tuple[PositionView, ...]
    """Computer advisers' holding stances on offered options, then human recommendations."""


def prompt(
    kind: Literal["recommend", "decide"],
    role: str,
    row: DecisionRow,
    offered: Sequence[OptionRow],
    env: Mapping[str, Value],
    recommendations: Mapping[str, str],
) -> Prompt:
    """The prompt for ``role`` on ``row`` with ``offered`` on the table."""
    return Prompt(
        kind,
        role,
        row.decision,
        option_views(row, offered, env),
        positions(row, offered, env, recommendations),
    )


def option_views(
    row: DecisionRow, offered: Sequence[OptionRow], env: Mapping[str, Value]
) -> tuple[OptionView, ...]:
    """Offered options, then withheld ones that have an ``unavailable`` text to show."""
    offered_ids = {o.id for o in offered}
    views = [OptionView(o.option, True, "", odds(o, env)) for o in offered]
    for o in row.options:
        if o.id not in offered_ids and o.option.unavailable:
            views.append(OptionView(o.option, False, o.option.unavailable, odds(o, env)))
    return tuple(views)


def odds(option: OptionRow, env: Mapping[str, Value]) -> tuple[tuple[ChanceOutcome, float], ...]:
    """The chances of a visible chance node, as the draw will see them (after the effects)."""
    spec = option.option.chance
    if spec is None or not spec.visible:
        return ()
    after = odds_env(option, env)
    weights = [int(outcome.weight(after)) for outcome in spec.outcomes]
    return tuple(zip(spec.outcomes, chance.probabilities(weights), strict=True))


def odds_env(option: OptionRow, env: Mapping[str, Value]) -> Mapping[str, Value]:
    """The env a chance's weights will see if ``option`` is taken: after its effects.

    Lets prompts show the odds that will really be drawn (docs/rules-engine.md).
    """
    if not option.effects:
        return env
    preview = dict(env)
    for effect in option.effects:
        new = effect.apply(preview)
        if isinstance(new, int):  # only int variables have bounds (not a hot path)
            if effect.minimum is not None and new < effect.minimum:
                new = effect.minimum
            if effect.maximum is not None and new > effect.maximum:
                new = effect.maximum
        preview[effect.target] = new
    return preview


def positions(
    row: DecisionRow,
    offered: Sequence[OptionRow],
    env: Mapping[str, Value],
    recommendations: Mapping[str, str],
) -> tuple[PositionView, ...]:
    """Computer advisers' holding stances on offered options, then human recommendations."""
    views = []
    for role in row.computer_advisers:
        for option in offered:
            for stance in option.option.stances:
                if stance.role != role or (stance.when is not None and not stance.when(env)):
                    continue
                views.append(
                    PositionView(
                        role, option.id, stance.position, stance.strength, stance.reason, False
                    )
                )
    for role in row.human_advisers:
        if role in recommendations:
            option_id, strength = recommendations[role], advisers.HUMAN_RECOMMENDATION_STRENGTH
            views.append(PositionView(role, option_id, Position.FAVOUR, strength, "", True))
    return tuple(views)
