"""Numbers, status texts and ``Test`` atoms evaluated over the values names can hold.

``span`` is interval arithmetic over a number subtree (``x + y * 2`` over x in 0..10 and y
in 5..6 is 10..22), ``texts`` the status values a status subtree can take, and
``test_truths`` whether a ``Test`` atom can come out true, false, or either.
"""

from __future__ import annotations

from excomm_sim.scenario._expr_parse import Binary, Call, Conditional, Literal, Name, Node, Unary
from excomm_sim.scenario.logic.domains import NEG, POS, Env, hull
from excomm_sim.scenario.logic.formulas import Test

_ORDERINGS = frozenset({">=", ">", "<=", "<"})
_COMPARISONS = frozenset({">=", ">", "<=", "<", "==", "!="})


def _clip(value: int) -> int:
    return max(NEG, min(POS, value))


def span(node: Node, env: Env) -> tuple[int, int]:
    """The smallest and largest value a number subtree can take over ``env``."""
    if isinstance(node, Literal):
        assert isinstance(node.value, int)
        return int(node.value), int(node.value)
    if isinstance(node, Name):
        dom = env.dom(node.name)
        assert isinstance(dom, tuple)
        return hull(dom)
    if isinstance(node, Unary):
        low, high = span(node.operand, env)
        return -high, -low
    if isinstance(node, Conditional):
        (a, b), (c, d) = span(node.body, env), span(node.orelse, env)
        return min(a, c), max(b, d)
    if isinstance(node, Call):
        parts = [span(arg, env) for arg in node.args]
        if node.function == "abs":
            low, high = parts[0]
            if low >= 0:
                return low, high
            if high <= 0:
                return -high, -low
            return 0, max(-low, high)
        pick = min if node.function == "min" else max
        return pick(low for low, _ in parts), pick(high for _, high in parts)
    assert isinstance(node, Binary)
    (a, b), (c, d) = span(node.left, env), span(node.right, env)
    if node.op == "+":
        return _clip(a + c), _clip(b + d)
    if node.op == "-":
        return _clip(a - d), _clip(b - c)
    if node.op == "*":
        corners = (a * c, a * d, b * c, b * d)
        return _clip(min(corners)), _clip(max(corners))
    if node.op == "/" and (c > 0 or d < 0):
        corners = (a // c, a // d, b // c, b // d)
        return min(corners), max(corners)
    if node.op == "%" and c == d and c != 0:
        return (0, c - 1) if c > 0 else (c + 1, 0)
    return NEG, POS


def texts(node: Node, env: Env) -> frozenset[object]:
    """The status texts a status subtree can take over ``env``."""
    if isinstance(node, Literal):
        return frozenset({node.value})
    if isinstance(node, Name):
        dom = env.dom(node.name)
        assert isinstance(dom, frozenset)
        return dom
    if isinstance(node, Conditional):
        return texts(node.body, env) | texts(node.orelse, env)
    return frozenset()


def test_truths(test: Test, env: Env) -> frozenset[bool]:
    """The truths a ``Test`` atom can have over ``env``: {True}, {False} or both."""
    node = test.node
    both = frozenset({True, False})
    if not isinstance(node, Binary) or node.op not in _COMPARISONS:
        return both
    op = node.op
    if test.numeric:
        (a, b), (c, d) = span(node.left, env), span(node.right, env)
        return _ordering(op, a, b, c, d)
    left, right = texts(node.left, env), texts(node.right, env)
    if not left or not right:
        return both
    if not left & right:
        return frozenset({op == "!="})
    if len(left) == len(right) == 1:
        return frozenset({op == "=="})
    return both


def _ordering(op: str, a: int, b: int, c: int, d: int) -> frozenset[bool]:
    """Truths of ``x op y`` for x in a..b and y in c..d."""
    always = {
        ">=": a >= d,
        ">": a > d,
        "<=": b <= c,
        "<": b < c,
        "==": a == b == c == d,
        "!=": b < c or a > d,
    }[op]
    never = {
        ">=": b < c,
        ">": b <= c,
        "<=": a > d,
        "<": a >= d,
        "==": b < c or a > d,
        "!=": a == b == c == d,
    }[op]
    if always:
        return frozenset({True})
    if never:
        return frozenset({False})
    return frozenset({True, False})
