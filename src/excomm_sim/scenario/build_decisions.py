"""Build the agenda: decisions, their options, chance outcomes, delayed consequences, stances."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from excomm_sim.scenario.build_calendar import DATED_KEYS, Dating
from excomm_sim.scenario.fields import Fields, mapping_of
from excomm_sim.scenario.model import (
    Chance,
    ChanceOutcome,
    Decision,
    Delayed,
    Option,
    Position,
    Stance,
)
from excomm_sim.scenario.refs import Refs
from excomm_sim.scenario.spec import CHANCE, DECISION, DELAYED, OPTION, OUTCOME, STANCE
from excomm_sim.scenario.spec.agenda import LEANS, MAX_STRENGTH, POSITIONS
from excomm_sim.scenario.yamlnodes import YNode


def build_decision(
    refs: Refs, node: YNode, path: str, default_days: int, dating: Dating
) -> Decision | None:
    mapping = mapping_of(refs.ctx, node, path, "a decision")
    if mapping is None:
        return None
    fields = Fields(refs.ctx, mapping, path, DECISION)
    ident = fields.identifier()
    refs.newer(fields, DATED_KEYS)
    phase, date = dating.decision(fields, ident)
    title = fields.text("title")
    decider = refs.role(fields, "decider") or refs.president
    context, context_variants, varies = refs.varied_text(fields, "context", required=True)
    sources = refs.citations(fields)
    when = refs.condition(fields)
    days = fields.integer("days", default_days, minimum=0)
    history_note = fields.text("history_note")
    options = _children(refs, fields, path, "options", build_option, f" of decision '{ident}'")
    return Decision(
        id=ident,
        title=title,
        context=context,
        options=options,
        decider=decider,
        when=when,
        days=days,
        sources=sources,
        history_note=history_note,
        phase=phase,
        date=date,
        context_variants=context_variants,
        varies=refs.format >= 2
        and (varies or any(o.text_variants or "{" in o.text for o in options)),
        location=refs.location(mapping),
    )


def build_option(refs: Refs, node: YNode, path: str) -> Option | None:
    mapping = mapping_of(refs.ctx, node, path, "an option")
    if mapping is None:
        return None
    fields = Fields(refs.ctx, mapping, path, OPTION)
    ident = fields.identifier()
    label = fields.text("label")
    text, text_variants, _ = refs.varied_text(fields, "text")
    when = refs.condition(fields)
    unavailable = fields.text("unavailable")
    if unavailable and not fields.has("when"):
        entry = fields.entry("unavailable")
        assert entry is not None
        refs.ctx.report(
            entry.value,
            path + ".unavailable",
            "'unavailable' is shown only when 'when' is false, and this option has no 'when'",
            "warning",
        )
    effects = refs.effects(fields)
    trigger = refs.trigger(fields)
    chance = None
    chance_node = fields.get("chance")
    if chance_node is not None:
        chance = build_chance(refs, chance_node, path + ".chance")
    delayed = []
    for item, item_path in fields.items("delayed"):
        consequence = build_delayed(refs, item, item_path)
        if consequence is not None:
            delayed.append(consequence)
    stances = []
    for item, item_path in fields.items("stances"):
        stance = build_stance(refs, item, item_path)
        if stance is not None:
            stances.append(stance)
    return Option(
        id=ident,
        label=label,
        text=text,
        when=when,
        unavailable=unavailable,
        effects=effects,
        chance=chance,
        delayed=tuple(delayed),
        trigger=trigger,
        stances=tuple(stances),
        history=fields.boolean("history"),
        history_note=fields.text("history_note"),
        lean=fields.choice("lean", LEANS, "").replace("middle", ""),
        text_variants=text_variants,
        location=refs.location(mapping),
    )


def build_chance(refs: Refs, node: YNode, path: str) -> Chance | None:
    mapping = mapping_of(refs.ctx, node, path, "a chance node")
    if mapping is None:
        return None
    fields = Fields(refs.ctx, mapping, path, CHANCE)
    visible = fields.boolean("visible")
    outcomes = _children(refs, fields, path, "outcomes", build_outcome)
    return Chance(outcomes=outcomes, visible=visible)


class _Child(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def history(self) -> bool: ...


ChildT = TypeVar("ChildT", bound=_Child)


def _children(
    refs: Refs,
    fields: Fields,
    path: str,
    key: str,
    build: Callable[[Refs, YNode, str], ChildT | None],
    owner: str = "",
) -> tuple[ChildT, ...]:
    """The items under ``key``, built; ids unique and at most one marked ``history: true``.

    Options of a decision and outcomes of a chance node obey the same two rules, so they
    are checked here once. ``owner`` names the parent in the message (" of decision 'x'").
    """
    kind = key.removesuffix("s")
    children: list[ChildT] = []
    seen: dict[str, YNode] = {}
    history: list[YNode] = []
    for item, item_path in fields.items(key):
        child = build(refs, item, item_path)
        if child is None:
            continue
        refs.unique(seen, child.id, item, item_path + ".id", kind)
        if child.history:
            history.append(item)
        children.append(child)
    for extra in history[1:]:
        refs.ctx.report(
            extra,
            f"{path}.{key}",
            f"more than one {kind}{owner} has history: true "
            f"(the first is on line {history[0].line})",
        )
    return tuple(children)


def build_outcome(refs: Refs, node: YNode, path: str) -> ChanceOutcome | None:
    mapping = mapping_of(refs.ctx, node, path, "a chance outcome")
    if mapping is None:
        return None
    fields = Fields(refs.ctx, mapping, path, OUTCOME)
    ident = fields.identifier()
    label = fields.text("label")
    weight_node = fields.get("weight")
    weight = None
    if weight_node is not None:
        weight = refs.compiler.integer(weight_node, path + ".weight")
    if weight is None:  # no weight given, or one that was reported (the file is refused)
        weight = refs.compiler.constant_one()
    return ChanceOutcome(
        id=ident,
        label=label,
        weight=weight,
        text=fields.text("text"),
        effects=refs.effects(fields),
        trigger=refs.trigger(fields),
        history=fields.boolean("history"),
        location=refs.location(mapping),
    )


def build_delayed(refs: Refs, node: YNode, path: str) -> Delayed | None:
    mapping = mapping_of(refs.ctx, node, path, "a delayed consequence")
    if mapping is None:
        return None
    fields = Fields(refs.ctx, mapping, path, DELAYED)
    return Delayed(
        after=fields.integer("after", 1, minimum=1),
        text=fields.text("text"),
        effects=refs.effects(fields),
        trigger=refs.trigger(fields),
        when=refs.condition(fields),
        location=refs.location(mapping),
    )


def build_stance(refs: Refs, node: YNode, path: str) -> Stance | None:
    mapping = mapping_of(refs.ctx, node, path, "a stance")
    if mapping is None:
        return None
    fields = Fields(refs.ctx, mapping, path, STANCE)
    role = refs.role(fields, "role")
    position = fields.choice("position", POSITIONS, "favour")
    return Stance(
        role=role or "",
        position=Position(position),
        reason=fields.text("reason"),
        strength=fields.integer("strength", 1, minimum=1, maximum=MAX_STRENGTH),
        when=refs.condition(fields),
        location=refs.location(mapping),
    )
