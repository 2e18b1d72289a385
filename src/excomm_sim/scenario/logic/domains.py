"""Sets of values a variable can hold, and the words that say why a set is what it is.

A number's set is a tuple of disjoint closed intervals (``((0, 39), (61, 100))``), so
``x != 50`` is exact; a boolean's, an enum's or a decision's is a frozenset (a decision's
values are its option ids, and ``UNDECIDED`` while it has not been taken). ``NEG`` and
``POS`` stand for the ends of the number line.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

NEG, POS = -(10**15), 10**15
"""Further than any value a scenario can reach (literals stop at 999999999)."""
UNDECIDED = ""
"""A decision's value before it is taken (no option id is empty)."""

Ints = tuple[tuple[int, int], ...]
Dom = Ints | frozenset[object]
EVERY_INT: Ints = ((NEG, POS),)
BOOLS: frozenset[object] = frozenset({True, False})


def ints(low: int, high: int) -> Ints:
    return ((low, high),) if low <= high else ()


def ints_and(a: Ints, b: Ints) -> Ints:
    out: list[tuple[int, int]] = []
    for low_a, high_a in a:
        for low_b, high_b in b:
            low, high = max(low_a, low_b), min(high_a, high_b)
            if low <= high:
                out.append((low, high))
    return tuple(sorted(out))


def ints_or(a: Ints, b: Ints) -> Ints:
    out: list[tuple[int, int]] = []
    for low, high in sorted(a + b):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return tuple(out)


def ints_not(a: Ints) -> Ints:
    out: list[tuple[int, int]] = []
    start = NEG
    for low, high in a:
        if low > start:
            out.append((start, low - 1))
        start = high + 1
    if start <= POS:
        out.append((start, POS))
    return tuple(out)


def hull(a: Ints) -> tuple[int, int]:
    return (a[0][0], a[-1][1]) if a else (POS, NEG)


def dom_and(a: Dom, b: Dom) -> Dom:
    if isinstance(a, tuple):
        assert isinstance(b, tuple)
        return ints_and(a, b)
    assert isinstance(b, frozenset)
    return a & b


def dom_or(a: Dom, b: Dom) -> Dom:
    if isinstance(a, tuple):
        assert isinstance(b, tuple)
        return ints_or(a, b)
    assert isinstance(b, frozenset)
    return a | b


def within(a: Dom, b: Dom) -> bool:
    """Every value of ``a`` is in ``b``."""
    return dom_and(a, b) == a if isinstance(a, tuple) else a <= b  # type: ignore[operator]


def number(value: int) -> str:
    if value <= NEG:
        return "-∞"
    return "∞" if value >= POS else str(value)


def describe_ints(a: Ints) -> str:
    """``50``, ``0..100``, ``at least 60``, ``at most 39``, ``0..39 or 61..100``."""
    parts = []
    for low, high in a:
        if low == high:
            parts.append(str(low))
        elif low <= NEG:
            parts.append(f"at most {number(high)}")
        elif high >= POS:
            parts.append(f"at least {number(low)}")
        else:
            parts.append(f"{low}..{high}")
    return " or ".join(parts) if parts else "nothing"


@frozen
class VarInfo:
    """What the checks know of one name: its kind, declared values, initial value.

    ``kind`` is int, bool, enum, turn, day or decision (a ``@id`` name that ``chose`` and
    ``decided`` read); ``full`` is every value the declaration allows.
    """

    name: str
    kind: str
    full: Dom
    initial: object = None
    minimum: int = NEG
    maximum: int = POS

    @property
    def subject(self) -> str:
        return f"decision '{self.name[1:]}'" if self.kind == "decision" else self.name


@frozen
class Env:
    """The values every name can hold at one point; ``here`` when that point is a decision."""

    doms: Mapping[str, Dom]
    infos: Mapping[str, VarInfo]
    here: bool = False
    base: Mapping[str, Dom] = MappingProxyType({})
    """Values for names ``doms`` lacks (a cheap overlay: ``doms`` over ``base``)."""

    def dom(self, name: str) -> Dom:
        found = self.doms.get(name)
        if found is None:
            found = self.base.get(name)
            if found is None:
                return self.infos[name].full
        return found

    def over(self, doms: Mapping[str, Dom]) -> Env:
        """This env with ``doms`` laid over its own values."""
        if self.base:
            doms = {**self.doms, **doms}
        return Env(doms, self.infos, self.here, base=self.doms if not self.base else self.base)


def why_only(info: VarInfo, dom: Dom, here: bool) -> str:
    """Why ``info``'s name can hold only ``dom`` at this point, in a clause."""
    at = " here" if here else ""
    before = " before this point" if here else ""
    name = info.name
    if info.kind in ("turn", "day"):
        low, high = hull(dom) if isinstance(dom, tuple) else (0, 0)
        what = "decisions are taken" if info.kind == "turn" else "days pass"
        return f"{name} is at most {high}{at} (no more {what}{before})"
    if info.kind == "decision":
        return _why_decision(info, dom, here)
    if isinstance(dom, tuple):
        if dom == info.full:
            return f"{name}'s range is {info.minimum}..{info.maximum}"
        low, high = hull(dom)
        if low == high == info.initial:
            return f"{name} is always {low}{at}: no effect{before} changes it"
        if low == info.initial and high == info.maximum:
            return f"{name} is never below its initial {low}{at}: no effect{before} lowers it"
        if high == info.initial and low == info.minimum:
            return f"{name} is never above its initial {high}{at}: no effect{before} raises it"
        return (
            f"{name} is only ever {describe_ints(dom)}{at} "
            f"(its initial value and what effects{before} can make it)"
        )
    if info.kind == "bool" and len(dom) == 1:
        (value,) = dom
        other = "true" if value is False else "false"
        return f"{name} is always {_word(value)}{at}: no effect{before} sets it to {other}"
    if len(dom) == 1 and info.initial in dom:
        return f"{name} is always {_word(info.initial)}{at}: no effect{before} changes it"
    listed = ", ".join(sorted(str(value) for value in dom))
    if dom == info.full:
        return f"{name} takes only the values {listed}"
    return (
        f"{name} is only ever {listed}{at} (its initial value and the values effects{before} set)"
    )


def _why_decision(info: VarInfo, dom: Dom, here: bool) -> str:
    decision = info.name[1:]
    every = info.full
    assert isinstance(dom, frozenset) and isinstance(every, frozenset)
    if dom == {UNDECIDED}:
        if here:
            return f"decision '{decision}' comes later, so it is not taken yet here"
        return f"decision '{decision}' is never taken"
    never = sorted(str(option) for option in every - dom if option != UNDECIDED)
    if never:
        listed = ", ".join(f"'{option}'" for option in never)
        return (
            f"{listed} of decision '{decision}' {'is' if len(never) == 1 else 'are'} never offered"
        )
    return f"decision '{decision}' is always taken by then"


def _word(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
