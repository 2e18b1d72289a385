"""Conditions as formulas of atoms, and numbers and texts evaluated over sets of values.

``formula(tree)`` reads a checked condition's syntax tree as ``And``/``Or``/``Not`` over
atoms. An atom that bounds one name (``credibility >= 60``, ``status in ("a", "b")``,
``chose("d", "o")``, a boolean variable) is a ``Lit``: the set of values it allows, and
the words that say so. Anything else that is true or false (``a + b > 60``, two enum
variables compared) is a ``Test``, judged by evaluating both sides over the values the
names can hold (``values``).
"""

from __future__ import annotations

from collections.abc import Mapping

from excomm_sim.scenario._expr_parse import (
    Binary,
    Call,
    Conditional,
    Literal,
    Logical,
    Membership,
    Name,
    Node,
    Unary,
    walk,
)
from excomm_sim.scenario.logic.domains import (
    NEG,
    POS,
    UNDECIDED,
    Dom,
    VarInfo,
    ints,
    ints_not,
)

_ORDER_WORDS = {">=": "at least", ">": "above", "<=": "at most", "<": "below"}
_NEGATED = {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "=="}
_FLIPPED = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}
_INT_KINDS = frozenset({"int", "turn", "day"})


class Lit:
    """``name`` takes one of ``dom``; ``words`` says so ("at least 60", "taken 'drop'")."""

    __slots__ = ("dom", "name", "negation", "words")

    def __init__(self, name: str, dom: Dom, words: str) -> None:
        self.name = name
        self.dom = dom
        self.words = words
        self.negation: Lit | None = None

    def negated(self) -> Lit:
        assert self.negation is not None, "lits are made in pairs"
        return self.negation


def lit_pair(name: str, dom: Dom, words: str, other: Dom, other_words: str) -> Lit:
    """A lit and its negation, linked both ways."""
    lit, negation = Lit(name, dom, words), Lit(name, other, other_words)
    lit.negation, negation.negation = negation, lit
    return lit


class Test:
    """A true-or-false atom no single set describes; ``positive`` is the truth it needs."""

    __slots__ = ("names", "node", "numeric", "positive", "source")

    def __init__(
        self, node: Node, source: str, numeric: bool, names: frozenset[str], positive: bool = True
    ) -> None:
        self.node = node
        self.source = source
        self.numeric = numeric
        """A comparison of numbers (else of status texts, or something else entirely)."""
        self.names = names
        self.positive = positive

    def flipped(self) -> Test:
        return Test(self.node, self.source, self.numeric, self.names, not self.positive)


class Const:
    __slots__ = ("value",)

    def __init__(self, value: bool) -> None:
        self.value = value


class Not:
    __slots__ = ("part",)

    def __init__(self, part: Formula) -> None:
        self.part = part


class Junction:
    """``and`` (``conjunction``) or ``or`` over parts."""

    __slots__ = ("conjunction", "parts")

    def __init__(self, conjunction: bool, parts: tuple[Formula, ...]) -> None:
        self.conjunction = conjunction
        self.parts = parts


Formula = Lit | Test | Const | Not | Junction


class Reader:
    """Reads the trees of one scenario's expressions (``infos`` types every name)."""

    def __init__(self, infos: Mapping[str, VarInfo]) -> None:
        self.infos = infos

    def formula(self, node: Node, source: str) -> Formula:
        """The formula of a condition (a bool-typed tree) read from ``source``."""
        if isinstance(node, Literal) and isinstance(node.value, bool):
            return Const(node.value)
        if isinstance(node, Name):
            return lit_pair(node.name, frozenset({True}), "true", frozenset({False}), "false")
        if isinstance(node, Unary):
            return Not(self.formula(node.operand, source))
        if isinstance(node, Logical):
            parts = tuple(self.formula(part, source) for part in node.operands)
            return Junction(node.op == "and", parts)
        if isinstance(node, Conditional):
            test = self.formula(node.test, source)
            body, orelse = self.formula(node.body, source), self.formula(node.orelse, source)
            return Junction(
                False, (Junction(True, (test, body)), Junction(True, (Not(test), orelse)))
            )
        if isinstance(node, Call):
            return self._decision_call(node)
        if isinstance(node, Membership):
            return self._membership(node, source)
        if isinstance(node, Binary):
            return self._comparison(node, source)
        return Test(node, source[node.start : node.end], False, names_in(node))

    def kind(self, node: Node) -> str:
        """int, bool or enum: the type of a checked subtree."""
        if isinstance(node, Literal):
            value = node.value
            return (
                "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "enum"
            )
        if isinstance(node, Name):
            kind = self.infos[node.name].kind
            return "int" if kind in _INT_KINDS else kind
        if isinstance(node, Binary):
            return "int" if node.op in ("+", "-", "*", "/", "%") else "bool"
        if isinstance(node, Unary):
            return "int" if node.op == "-" else "bool"
        if isinstance(node, Call):
            return "bool" if node.function in ("chose", "decided") else "int"
        if isinstance(node, Conditional):
            return self.kind(node.body)
        return "bool"

    def _decision_call(self, node: Call) -> Formula:
        decision = _text(node.args[0])
        name = "@" + decision
        every = self.infos[name].full
        assert isinstance(every, frozenset)
        if node.function == "decided":
            taken = every - {UNDECIDED}
            return lit_pair(name, taken, "been taken", frozenset({UNDECIDED}), "not been taken")
        option = _text(node.args[1])
        return lit_pair(
            name,
            frozenset({option}),
            f"taken '{option}'",
            every - {option},
            f"not taken '{option}'",
        )

    def _membership(self, node: Membership, source: str) -> Formula:
        left = node.left
        items = node.items
        if isinstance(left, Name) and all(isinstance(item, Literal) for item in items):
            values = [item.value for item in items if isinstance(item, Literal)]
            info = self.infos[left.name]
            if info.kind == "enum":
                lit = _enum_lit(info, frozenset(values))
                return lit.negated() if node.negated else lit
        alternatives = tuple(
            self._comparison(Binary(left.start, item.end, 1, "==", left, item, 0, 0), source)
            for item in items
        )
        either = Junction(False, alternatives)
        return Not(either) if node.negated else either

    def _comparison(self, node: Binary, source: str) -> Formula:
        op, left, right = node.op, node.left, node.right
        kind = self.kind(left)
        if kind == "bool":
            a, b = self.formula(left, source), self.formula(right, source)
            same = Junction(False, (Junction(True, (a, b)), Junction(True, (Not(a), Not(b)))))
            return same if op == "==" else Not(same)
        if kind == "enum":
            name, text = _enum_sides(left, right)
            if name is not None and text is not None and self.infos[name].kind == "enum":
                lit = _enum_lit(self.infos[name], frozenset({text}))
                return lit if op == "==" else lit.negated()
            return Test(node, source[node.start : node.end], False, names_in(node))
        bound = linear(left, self.infos)
        value = constant(right)
        if bound is None or value is None:
            bound, value, op = linear(right, self.infos), constant(left), _FLIPPED[op]
        if bound is None or value is None:
            return Test(node, source[node.start : node.end], True, names_in(node))
        name, offset = bound
        return _int_lit(name, op, value - offset)


def _int_lit(name: str, op: str, value: int) -> Lit:
    return lit_pair(name, _int_dom(op, value), _int_words(op, value), *_int_other(op, value))


def _int_other(op: str, value: int) -> tuple[Dom, str]:
    other = _NEGATED[op]
    return _int_dom(other, value), _int_words(other, value)


def _int_dom(op: str, value: int) -> Dom:
    if op == ">=":
        return ints(value, POS)
    if op == ">":
        return ints(value + 1, POS)
    if op == "<=":
        return ints(NEG, value)
    if op == "<":
        return ints(NEG, value - 1)
    point = ints(value, value)
    return point if op == "==" else ints_not(point)


def _int_words(op: str, value: int) -> str:
    if op in _ORDER_WORDS:
        return f"{_ORDER_WORDS[op]} {value}"
    return str(value) if op == "==" else f"other than {value}"


def _enum_lit(info: VarInfo, values: frozenset[object]) -> Lit:
    every = info.full
    assert isinstance(every, frozenset)
    listed = ", ".join(sorted(str(value) for value in values))
    if len(values) == 1:
        words, other_words = listed, f"other than {listed}"
    else:
        words, other_words = f"one of {listed}", f"none of {listed}"
    return lit_pair(info.name, values & every, words, every - values, other_words)


def _enum_sides(left: Node, right: Node) -> tuple[str | None, str | None]:
    for one, other in ((left, right), (right, left)):
        if isinstance(one, Name) and isinstance(other, Literal) and isinstance(other.value, str):
            return one.name, other.value
    return None, None


def _text(node: Node) -> str:
    assert isinstance(node, Literal) and isinstance(node.value, str), "checked at load"
    return node.value


def names_in(node: Node) -> frozenset[str]:
    """Every name a subtree reads, ``@decision`` for chose/decided."""
    found: set[str] = set()
    for part in walk(node):
        if isinstance(part, Name):
            found.add(part.name)
        elif isinstance(part, Call) and part.function in ("chose", "decided"):
            found.add("@" + _text(part.args[0]))
    return frozenset(found)


def constant(node: Node) -> int | None:
    """The value of a number subtree made of literals only, else None."""
    if isinstance(node, Literal):
        return node.value if type(node.value) is int else None
    if isinstance(node, Unary) and node.op == "-":
        inner = constant(node.operand)
        return None if inner is None else -inner
    if isinstance(node, Binary) and node.op in ("+", "-", "*"):
        left, right = constant(node.left), constant(node.right)
        if left is None or right is None:
            return None
        return left + right if node.op == "+" else left - right if node.op == "-" else left * right
    return None


def linear(node: Node, infos: Mapping[str, VarInfo]) -> tuple[str, int] | None:
    """``x``, ``x + 5``, ``5 + x`` or ``x - 5`` for a number name x: (x, offset)."""
    if isinstance(node, Name) and infos[node.name].kind in _INT_KINDS:
        return node.name, 0
    if isinstance(node, Binary) and node.op in ("+", "-"):
        inner, value = linear(node.left, infos), constant(node.right)
        if inner is not None and value is not None:
            return inner[0], inner[1] + (value if node.op == "+" else -value)
        if node.op == "+":
            inner, value = linear(node.right, infos), constant(node.left)
            if inner is not None and value is not None:
                return inner[0], inner[1] + value
    return None
