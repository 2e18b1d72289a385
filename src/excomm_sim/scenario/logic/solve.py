"""Whether a formula can hold, or can fail, over the values an ``Env`` allows, and why not.

A formula is spread into boxes (disjunctive normal form: each box a conjunction of
atoms). A box is ruled out when the lits on one name leave it no value (the conflict
names them and, if the lits alone agree, the clause of ``why_only`` that narrows the
name), or when a ``Test`` cannot come out as the box needs once the box's own lits have
narrowed the names. A formula can never hold when every box is ruled out. Spreading is
capped at ``MAX_BOXES``: past it the answer is "it may hold", never a false finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from excomm_sim.scenario._expr_parse import Binary
from excomm_sim.scenario.logic.domains import (
    EVERY_INT,
    Dom,
    Env,
    describe_ints,
    dom_and,
    ints,
    why_only,
)
from excomm_sim.scenario.logic.formulas import (
    Const,
    Formula,
    Lit,
    Not,
    Test,
)
from excomm_sim.scenario.logic.values import span, test_truths, texts

MAX_BOXES = 128
"""Most boxes a formula is spread into; a wider one is not judged."""
MAX_REASONS = 3
"""Most ruled-out boxes a reason lists."""

Atom = Lit | Test
Box = tuple[Atom, ...]


def spread(formula: Formula, negate: bool = False) -> list[Box] | None:
    """The boxes of ``formula`` (of its negation when ``negate``), or None past the cap."""
    if isinstance(formula, Lit):
        return [(formula.negated() if negate else formula,)]
    if isinstance(formula, Test):
        return [(formula.flipped() if negate else formula,)]
    if isinstance(formula, Const):
        return [()] if formula.value != negate else []
    if isinstance(formula, Not):
        return spread(formula.part, not negate)
    parts = [spread(part, negate) for part in formula.parts]
    if any(part is None for part in parts):
        return None
    if formula.conjunction == negate:  # an 'or', or a negated 'and': any part will do
        joined = [box for part in parts if part is not None for box in part]
        return joined if len(joined) <= MAX_BOXES else None
    product: list[Box] = [()]
    for part in parts:
        assert part is not None
        product = [box + more for box in product for more in part]
        if len(product) > MAX_BOXES:
            return None
    return product


@frozen
class Conflict:
    """Why one box cannot hold: what it needs of one subject, and what rules that out."""

    subject: str
    words: tuple[str, ...]
    but: str = ""
    """What the names can hold that rules it out; empty when the needs contradict each other."""
    decision: bool = False
    test: bool = False

    def needs(self) -> str:
        """``credibility to be at least 60 and below 40`` (for "it needs ...")."""
        return self._say("to have" if self.decision else "to be", "to")

    def would(self) -> str:
        """``credibility were below 0`` (for "it would fail only if ...")."""
        return self._say("had" if self.decision else "were", "")

    def _say(self, verb: str, test_verb: str) -> str:
        if self.test:
            held = " and ".join(self.words)
            text = f"{self.subject} {test_verb + ' ' if test_verb else ''}{held}".replace("  ", " ")
        else:
            text = f"{self.subject} {verb} {' and '.join(self.words)}"
        if self.but:
            return f"{text}, but {self.but}"
        return text + (" at once" if len(self.words) > 1 else "")


def conflict(box: Box, env: Env) -> Conflict | None:
    """What rules ``box`` out over ``env``, or None when some values satisfy it."""
    narrowed: dict[str, Dom] = {}
    tests: list[Test] = []
    for atom in box:
        if isinstance(atom, Test):
            tests.append(atom)
            continue
        name = atom.name
        current = narrowed.get(name)
        if current is None:
            current = env.dom(name)
        current = dom_and(current, atom.dom)
        narrowed[name] = current
        if not current:
            return _lit_conflict(box, name, env)
    if not tests:
        return None
    refined = env.over(narrowed) if narrowed else env
    polarity: dict[str, bool] = {}
    for test in tests:
        seen = polarity.setdefault(test.source, test.positive)
        if seen != test.positive:
            return Conflict(f"'{test.source}'", ("hold", "fail"), test=True)
        if test.positive not in test_truths(test, refined):
            return Conflict(
                f"'{test.source}'",
                ("hold" if test.positive else "fail",),
                _test_but(test, refined),
                test=True,
            )
    return None


def _lit_conflict(box: Box, name: str, env: Env) -> Conflict:
    lits = [atom for atom in box if isinstance(atom, Lit) and atom.name == name]
    info = env.infos[name]
    alone: Dom = EVERY_INT if isinstance(info.full, tuple) else info.full
    for lit in lits:
        alone = dom_and(alone, lit.dom)
    words = tuple(dict.fromkeys(lit.words for lit in lits))
    but = why_only(info, env.dom(name), env.here) if alone else ""
    return Conflict(info.subject, words, but, decision=info.kind == "decision")


def _test_but(test: Test, env: Env) -> str:
    at = " here" if env.here else ""
    node = test.node
    if test.numeric and isinstance(node, Binary):
        source = test.source
        offset = node.start
        left = source[node.left.start - offset : node.left.end - offset]
        right = source[node.right.start - offset : node.right.end - offset]
        left_span = describe_ints(ints(*span(node.left, env)))
        right_span = describe_ints(ints(*span(node.right, env)))
        if right_span == right:
            return f"{left} is {left_span}{at}"
        return f"{left} is {left_span} and {right} is {right_span}{at}"
    if isinstance(node, Binary):
        left_texts = ", ".join(sorted(map(str, texts(node.left, env))))
        right_texts = ", ".join(sorted(map(str, texts(node.right, env))))
        return f"one side is only ever {left_texts} and the other {right_texts}{at}"
    return f"it never comes out that way{at}"


@frozen
class Verdict:
    """``ruled_out`` holds one conflict per box when no box can hold; else it is empty."""

    possible: bool
    ruled_out: tuple[Conflict, ...] = ()


POSSIBLE = Verdict(True)


class Solver:
    """Judges formulas over environments, remembering answers by the values they read."""

    def __init__(self) -> None:
        self._memo: dict[tuple[int, bool, bool, tuple[Dom, ...]], Verdict] = {}
        self._keep: list[Formula] = []
        self._spread: dict[tuple[int, bool], list[Box] | None] = {}

    def boxes(self, formula: Formula, negate: bool) -> list[Box] | None:
        key = (id(formula), negate)
        if key not in self._spread:
            self._keep.append(formula)  # ids stay unique while the formula is remembered
            self._spread[key] = spread(formula, negate)
        return self._spread[key]

    def judge(
        self, formula: Formula, names: Sequence[str], env: Env, negate: bool = False
    ) -> Verdict:
        """Can ``formula`` (its negation when ``negate``) hold over ``env``?"""
        key = (id(formula), negate, env.here, tuple(env.dom(name) for name in names))
        verdict = self._memo.get(key)
        if verdict is None:
            verdict = self._memo[key] = self._judge(formula, env, negate)
        return verdict

    def _judge(self, formula: Formula, env: Env, negate: bool) -> Verdict:
        boxes = self.boxes(formula, negate)
        if boxes is None:
            return POSSIBLE
        found = []
        for box in boxes:
            reason = conflict(box, env)
            if reason is None:
                return POSSIBLE
            found.append(reason)
        return Verdict(False, tuple(dict.fromkeys(found)))


def never_text(verdict: Verdict) -> str:
    """``it needs credibility to be at least 60 and below 40`` for a ruled-out condition."""
    reasons = [reason.needs() for reason in verdict.ruled_out]
    if not reasons:
        return "it is always false"
    if len(reasons) == 1:
        return f"it needs {reasons[0]}"
    shown = "; or ".join(reasons[:MAX_REASONS]) + ("; ..." if len(reasons) > MAX_REASONS else "")
    return f"every way it could hold is ruled out: it needs {shown}"


def always_text(verdict: Verdict) -> str:
    """``it would fail only if tension were below 0, but ...`` for a condition that cannot fail."""
    reasons = [reason.would() for reason in verdict.ruled_out]
    if not reasons:
        return "it is always true"
    shown = "; or if ".join(reasons[:MAX_REASONS]) + ("; ..." if len(reasons) > MAX_REASONS else "")
    return f"it would fail only if {shown}"
