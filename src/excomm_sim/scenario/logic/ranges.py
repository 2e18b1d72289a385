"""The values each variable can hold: in any game, and as each decision comes up.

A variable starts at its initial value; every effect that targets it may add values. An
effect is summed up as a ``Change``: it may raise the number (``+= 5``), lower it, or set
it to some values (``= "gone"``, ``= tension / 2``). Since effects may land in any order
and more than once, the values reachable from a set under some changes are their closure
(``close``): raising reaches the maximum, lowering the minimum, both the whole range.

``Timeline`` walks the agenda in file order: the values when decision *i* comes up are the
closure of the initial values under the changes of every option and chance outcome of
the decisions before it, every event (after the first decision), and every delayed
consequence that can have landed. Right-hand sides are read over the values of any game
(``global_doms``), which holds every point's values, so each point's answer is sound.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from attrs import frozen

from excomm_sim.scenario._expr_parse import Logical, Node, walk
from excomm_sim.scenario.expr import Assignment, parse_tree
from excomm_sim.scenario.logic.domains import (
    BOOLS,
    UNDECIDED,
    Dom,
    Env,
    VarInfo,
    dom_and,
    dom_or,
    hull,
    ints,
)
from excomm_sim.scenario.logic.formulas import Formula, Reader, names_in
from excomm_sim.scenario.logic.solve import Solver
from excomm_sim.scenario.logic.values import span, texts
from excomm_sim.scenario.model import Decision, Scenario, VariableKind

MAX_ROUNDS = 6
"""Rounds of the any-game fixpoint before a variable still growing is given its whole range."""


def infos_of(scenario: Scenario) -> dict[str, VarInfo]:
    """Every name an expression may read: variables, turn, day and ``@decision``."""
    infos: dict[str, VarInfo] = {}
    for variable in scenario.variables:
        if variable.kind is VariableKind.INT:
            low, high = variable.minimum or 0, variable.maximum or 0
            infos[variable.id] = VarInfo(
                variable.id, "int", ints(low, high), variable.initial, low, high
            )
        elif variable.kind is VariableKind.BOOL:
            infos[variable.id] = VarInfo(variable.id, "bool", BOOLS, variable.initial)
        else:
            infos[variable.id] = VarInfo(
                variable.id, "enum", frozenset(variable.values), variable.initial
            )
    total_days = latest_day(scenario)
    infos["turn"] = VarInfo("turn", "turn", ints(0, len(scenario.decisions)), 0)
    infos["day"] = VarInfo("day", "day", ints(0, total_days), 0)
    for decision in scenario.decisions:
        options = frozenset(option.id for option in decision.options) | {UNDECIDED}
        infos["@" + decision.id] = VarInfo("@" + decision.id, "decision", options, UNDECIDED)
    return infos


@frozen
class Change:
    """What one effect can do to its target."""

    target: str
    raises: bool = False
    lowers: bool = False
    sets: Dom | None = None


@frozen
class Parsed:
    """One expression text, read once: its tree, its formula (conditions) and its names."""

    tree: object
    formula: Formula | None
    names: tuple[str, ...]


class Trees:
    """Parses and reads each distinct expression text once."""

    def __init__(self, infos: Mapping[str, VarInfo]) -> None:
        self.reader = Reader(infos)
        self.solver = Solver()
        self._memo: dict[tuple[str, bool], Parsed] = {}
        self._parts: dict[str, list[tuple[str, Node, Formula, tuple[str, ...]]]] = {}

    def condition(self, source: str) -> Parsed:
        return self._parsed(source, True)

    def value(self, source: str) -> Parsed:
        return self._parsed(source, False)

    def junction_parts(self, source: str) -> list[tuple[str, Node, Formula, tuple[str, ...]]]:
        """("and" | "or", part, its formula, its names) for each part of every and/or chain."""
        found = self._parts.get(source)
        if found is None:
            found = []
            for node in walk(self.condition(source).tree):  # type: ignore[arg-type]
                if isinstance(node, Logical):
                    for part in node.operands:
                        formula = self.reader.formula(part, source)
                        found.append((node.op, part, formula, tuple(sorted(names_in(part)))))
            self._parts[source] = found
        return found

    def _parsed(self, source: str, condition: bool) -> Parsed:
        key = (source, condition)
        found = self._memo.get(key)
        if found is None:
            tree = parse_tree(source)
            formula = self.reader.formula(tree, source) if condition else None
            found = self._memo[key] = Parsed(tree, formula, tuple(sorted(names_in(tree))))
        return found


def change_of(effect: Assignment, env: Env, trees: Trees) -> Change:
    """What ``effect`` can do, its right-hand side read over ``env``."""
    info = env.infos[effect.target]
    source = effect.value.source
    if info.kind == "int":
        tree = trees.value(source).tree
        low, high = span(tree, env)  # type: ignore[arg-type]
        if effect.op == "-=":
            low, high = -high, -low
        if effect.op != "=":
            return Change(effect.target, raises=high > 0, lowers=low < 0)
        clamp_low = min(max(low, info.minimum), info.maximum)
        clamp_high = max(min(high, info.maximum), info.minimum)
        return Change(effect.target, sets=ints(clamp_low, clamp_high))
    if info.kind == "bool":
        parsed = trees.condition(source)
        assert parsed.formula is not None
        truths = set()
        for value, negate in ((True, False), (False, True)):
            if trees.solver.judge(parsed.formula, parsed.names, env, negate).possible:
                truths.add(value)
        return Change(effect.target, sets=frozenset(truths))
    tree = trees.value(source).tree
    values = texts(tree, env)  # type: ignore[arg-type]
    return Change(effect.target, sets=dom_and(values, info.full) if values else info.full)


def close(info: VarInfo, dom: Dom, raises: bool, lowers: bool, sets: Dom | None) -> Dom:
    """Every value reachable from ``dom`` by changes that raise, lower, or set ``sets``."""
    if sets is not None:
        dom = dom_or(dom, sets)
    if not isinstance(dom, tuple) or not dom:
        return dom
    if raises and lowers:
        return info.full
    low, high = hull(dom)
    if raises:
        return dom_or(dom, ints(low, info.maximum))
    if lowers:
        return dom_or(dom, ints(info.minimum, high))
    return dom


class Tally:
    """The changes seen so far, per target: do any raise, lower, and which values they set."""

    def __init__(self) -> None:
        self.raises: set[str] = set()
        self.lowers: set[str] = set()
        self.sets: dict[str, Dom] = {}

    def add(self, change: Change) -> bool:
        """Count ``change``; True when it told the tally something new."""
        target = change.target
        new = False
        if change.raises and target not in self.raises:
            self.raises.add(target)
            new = True
        if change.lowers and target not in self.lowers:
            self.lowers.add(target)
            new = True
        if change.sets is not None:
            known = self.sets.get(target)
            merged = change.sets if known is None else dom_or(known, change.sets)
            if merged != known:
                self.sets[target] = merged
                new = True
        return new

    def closed(self, info: VarInfo, initial: Dom) -> Dom:
        name = info.name
        return close(info, initial, name in self.raises, name in self.lowers, self.sets.get(name))


def start_doms(infos: Mapping[str, VarInfo]) -> dict[str, Dom]:
    """Every variable at its initial value only."""
    doms: dict[str, Dom] = {}
    for name, info in infos.items():
        if info.kind == "int":
            assert isinstance(info.initial, int)
            doms[name] = ints(info.initial, info.initial)
        elif info.kind in ("bool", "enum"):
            doms[name] = frozenset({info.initial})
    return doms


def every_effect(scenario: Scenario) -> Iterator[Assignment]:
    for decision in scenario.decisions:
        for option in decision.options:
            yield from option.effects
            if option.chance is not None:
                for outcome in option.chance.outcomes:
                    yield from outcome.effects
            for delayed in option.delayed:
                yield from delayed.effects
    for event in scenario.events:
        yield from event.effects


def global_doms(scenario: Scenario, infos: Mapping[str, VarInfo], trees: Trees) -> dict[str, Dom]:
    """The values each variable can hold in some game: the fixpoint over every effect."""
    initial = start_doms(infos)
    effects = list({effect.source: effect for effect in every_effect(scenario)}.values())
    doms = dict(initial)
    for _ in range(MAX_ROUNDS):
        env = Env(doms, infos)
        tally = Tally()
        for effect in effects:
            tally.add(change_of(effect, env, trees))
        grown = {name: tally.closed(infos[name], initial[name]) for name in initial}
        if grown == doms:
            return doms
        doms = grown
    still = {name for name in doms if doms[name] != initial[name]}
    return {name: (infos[name].full if name in still else dom) for name, dom in doms.items()}


def latest_day(scenario: Scenario) -> int:
    """The latest ``day`` any game of ``scenario`` can reach: each decision moves the clock
    to its date (never back), then on by its ``days``."""
    day = 0
    for decision in scenario.decisions:
        if decision.date is not None:
            day = max(day, scenario.day_of(decision.date))
        day += decision.days
    return day


class Timeline:
    """The values as each decision comes up, walked in file order (see the module notes).

    Call ``env_at(i)`` for decision *i*, then ``taken(i, offered, skippable)`` once its
    options are judged; the next decision then sees it as possibly taken. An env is good
    until the next ``taken``.
    """

    def __init__(
        self, scenario: Scenario, infos: Mapping[str, VarInfo], trees: Trees, every: Env
    ) -> None:
        self.scenario = scenario
        self.infos = infos
        self.trees = trees
        self.every = every
        self.initial = start_doms(infos)
        self.doms: dict[str, Dom] = dict(self.initial)
        self.decided: dict[str, Dom] = {
            "@" + decision.id: frozenset({UNDECIDED}) for decision in scenario.decisions
        }
        """Decisions as they stand so far; shared by the envs (only later ones change)."""
        self.tally = Tally()
        self.landing: dict[int, list[Change]] = {}
        self.days = 0
        """The latest day the clock can show so far."""
        self.floor = 0
        """The earliest: the clock has reached every date of the decisions so far."""
        self._events = [change_of(e, every, trees) for ev in scenario.events for e in ev.effects]
        self._changes: dict[str, Change] = {}

    def change(self, effect: Assignment) -> Change:
        """What ``effect`` can do, read over any game (remembered by its text)."""
        found = self._changes.get(effect.source)
        if found is None:
            found = self._changes[effect.source] = change_of(effect, self.every, self.trees)
        return found

    def env_at(self, index: int) -> Env:
        for change in self.landing.pop(index, ()):
            self._count(change)
        date = self.scenario.decisions[index].date
        if date is not None:
            # The clock moves to a decision's date before its 'when' is tested.
            day = self.scenario.day_of(date)
            self.days, self.floor = max(self.days, day), max(self.floor, day)
        self.doms["turn"] = ints(0, index)
        self.doms["day"] = ints(self.floor, self.days)
        return Env(dict(self.doms), self.infos, here=True, base=self.decided)

    def taken(self, index: int, decision: Decision, offered: frozenset[str], skip: bool) -> None:
        """Decision ``index`` was judged: these options can be taken (and it may be skipped)."""
        self.decided["@" + decision.id] = offered | {UNDECIDED} if skip else offered
        self.days += decision.days
        if index == 0:
            for change in self._events:
                self._count(change)
        for option in decision.options:
            for effect in option.effects:
                self._count(self.change(effect))
            if option.chance is not None:
                for outcome in option.chance.outcomes:
                    for effect in outcome.effects:
                        self._count(self.change(effect))
            for delayed in option.delayed:
                due = index + delayed.after + 1
                self.landing.setdefault(due, []).extend(map(self.change, delayed.effects))

    def _count(self, change: Change) -> None:
        if self.tally.add(change):
            name = change.target
            self.doms[name] = self.tally.closed(self.infos[name], self.initial[name])
