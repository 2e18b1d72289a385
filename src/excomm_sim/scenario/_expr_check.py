"""Type-check a parsed expression and compile it into nested closures over ``env``.

One pass does both: each syntax node becomes a ``Compiled`` (its type plus a function of
the environment), after the node's operands have been checked. Closures are specialised
for the common shapes (variable against literal, variable against variable) so that
``verification >= 60`` runs as a single ``lambda env: env[name] >= 60``, and constant
subexpressions are folded at load time. Evaluation never walks the tree.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from excomm_sim.scenario._expr_closures import (
    FN_FN,
    FN_LIT,
    VAR_LIT,
    VAR_VAR,
    check_enum,
    divide,
    logical,
    membership,
)
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
)
from excomm_sim.scenario._expr_types import BOOL, BUILTINS, INT, Env, ExprError, Names, Type, Value

Fn = Callable[[Env], Value]

FUNCTIONS = ("min", "max", "abs", "chose", "decided")
_FLIPPED = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_ORDERINGS = frozenset({"<", "<=", ">", ">="})
_MAX_LISTED_VALUES = 8


class Compiled:
    """A checked subexpression: its type, its closure, and what the optimiser may use."""

    __slots__ = ("const", "end", "fn", "is_const", "is_text", "start", "type", "var")

    def __init__(self, node: Node, type_: Type, fn: Fn, var: str | None = None) -> None:
        self.start = node.start
        self.end = node.end
        self.type = type_
        self.fn = fn
        self.var = var
        """Set when this is a plain variable read: closures then index ``env`` directly."""
        self.is_const = False
        self.const: Value = 0
        self.is_text = False
        """Built from string literals only (``'a'``, ``'a' if c else 'b'``): its enum type is
        just the texts it can yield, so it takes the type of what it meets."""


def _constant(node: Node, type_: Type, value: Value) -> Compiled:
    result = Compiled(node, type_, lambda env: value)
    result.is_const = True
    result.const = value
    return result


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """'did you mean 'x'?' for the closest candidate, or ''."""
    matches = difflib.get_close_matches(word, sorted(candidates), n=1)
    return f"did you mean '{matches[0]}'?" if matches else ""


def one_of(values: frozenset[str]) -> str:
    ordered = sorted(values)
    shown = ", ".join(ordered[:_MAX_LISTED_VALUES])
    return shown + (", ..." if len(ordered) > _MAX_LISTED_VALUES else "")


def describe_type(type_: Type) -> str:
    if type_.kind == "int":
        return "a number"
    if type_.kind == "bool":
        return "a condition (true/false)"
    return f"a status value (one of: {one_of(type_.values)})"


def describe(item: Compiled) -> str:
    if item.is_text:
        if item.is_const:
            return f"the text '{item.const}'"
        return f"a text (one of: {one_of(item.type.values)})"
    if item.var is not None and item.type.kind == "enum":
        return f"{item.var}, a status value"
    return describe_type(item.type)


def _error(message: str, item: Compiled | Node, hint: str = "") -> ExprError:
    if hint and hint not in message:
        message = f"{message} ({hint})"
    return ExprError(message, item.start, max(item.end - item.start, 1), hint)


class Checker:
    """Checks and compiles one expression against ``names``; collects variables read."""

    def __init__(self, source: str, names: Names) -> None:
        self.source = source
        self.names = names
        self.reads: set[str] = set()

    def text(self, item: Compiled | Node) -> str:
        return self.source[item.start : item.end]

    def lookup(self, node: Name) -> Type:
        name = node.name
        type_ = self.names.variables.get(name) or BUILTINS.get(name)
        if type_ is not None:
            return type_
        if name in FUNCTIONS:
            raise _error(f"'{name}' is a function: call it, as in {name}(...)", node)
        hint = did_you_mean(name, [*self.names.variables, *BUILTINS])
        if not hint and name.lower() in ("true", "false"):
            hint = f"did you mean '{name.lower()}'?"
        raise _error(f"unknown variable '{name}'", node, hint)

    def check(self, node: Node) -> Compiled:
        """Check ``node`` (after its operands) and build its closure."""
        return _DISPATCH[type(node)](self, node)

    def _name(self, node: Name) -> Compiled:
        type_ = self.lookup(node)
        self.reads.add(node.name)
        return Compiled(node, type_, itemgetter(node.name), var=node.name)

    def _binary(self, node: Binary) -> Compiled:
        if node.op in _FLIPPED:
            return self._comparison(node)
        return self._arithmetic(node)

    def _literal(self, node: Literal) -> Compiled:
        value = node.value
        if isinstance(value, bool):
            return _constant(node, BOOL, value)
        if isinstance(value, int):
            return _constant(node, INT, value)
        result = _constant(node, Type("enum", frozenset({value})), value)
        result.is_text = True
        return result

    def require(self, item: Compiled, kind: str, what: str) -> None:
        if item.type.kind != kind:
            raise _error(f"{what}, but this is {describe(item)}", item)

    def _fold(self, node: Node, result: Compiled, *parts: Compiled) -> Compiled:
        if all(part.is_const for part in parts):
            value = result.fn({})
            if result.type.kind == "enum":
                # A constant text: its type is just its own value.
                folded = _constant(node, Type("enum", frozenset({str(value)})), value)
                folded.is_text = True
                return folded
            return _constant(node, result.type, value)
        return result

    def _unary(self, node: Unary) -> Compiled:
        operand = self.check(node.operand)
        if node.op == "-":
            self.require(operand, "int", "'-' needs a number")
            f = operand.fn
            return self._fold(node, Compiled(node, INT, lambda env: -f(env)), operand)  # type: ignore[operator]
        self.require(operand, "bool", "'not' needs a condition (true/false)")
        if operand.var is not None:
            name = operand.var
            return Compiled(node, BOOL, lambda env: not env[name])
        g = operand.fn
        return self._fold(node, Compiled(node, BOOL, lambda env: not g(env)), operand)

    def _arithmetic(self, node: Binary) -> Compiled:
        left, right = self.check(node.left), self.check(node.right)
        op = node.op
        self.require(left, "int", f"'{op}' needs numbers on both sides")
        self.require(right, "int", f"'{op}' needs numbers on both sides")
        if op in ("/", "%") and not (right.is_const and right.const != 0):
            fn = divide(op, left.fn, right.fn, self.text(node))
            return Compiled(node, INT, fn)
        if op in ("+", "*") and left.is_const and not right.is_const:
            left, right = right, left
        return self._fold(node, Compiled(node, INT, _binary(op, left, right)), left, right)

    def unify(self, left: Compiled, right: Compiled, context: str) -> Type:
        """The common type of two values that are compared or may replace each other."""
        a, b = left.type, right.type
        if a.kind == b.kind != "enum":
            return a
        if a.kind == b.kind == "enum":
            if left.is_text and right.is_text:
                return Type("enum", a.values | b.values)
            if left.is_text:
                self.check_value(right, left)
                return b
            if right.is_text:
                self.check_value(left, right)
                return a
            if a.values & b.values:
                return Type("enum", a.values | b.values)
            raise _error(
                f"{context} {describe(left)} and {describe(right)}, which share no value"
                f" (one of: {one_of(a.values)} against one of: {one_of(b.values)})",
                right,
            )
        culprit = left if left.is_text else right
        other = right if culprit is left else left
        raise _error(f"{context} {describe(other)} and {describe(culprit)}", culprit)

    def check_value(self, enum: Compiled, text: Compiled) -> None:
        """Refuse a text (literal-built value) that ``enum`` cannot hold."""
        missing = sorted(text.type.values - enum.type.values)
        if not missing:
            return
        value = str(text.const) if text.is_const else missing[0]
        owner = f"a value of {enum.var}" if enum.var is not None else "a possible value here"
        hint = did_you_mean(value, enum.type.values)
        expected = f"expected one of: {one_of(enum.type.values)}"
        message = f"'{value}' is not {owner} ({expected}{'; ' + hint if hint else ''})"
        raise ExprError(message, text.start, text.end - text.start, hint)

    def _comparison(self, node: Binary) -> Compiled:
        left, right = self.check(node.left), self.check(node.right)
        op = node.op
        if op in _ORDERINGS:
            self.require(left, "int", f"'{op}' compares numbers")
            self.require(right, "int", f"'{op}' compares numbers")
        else:
            self.unify(left, right, "cannot compare")
        if left.is_const and not right.is_const:
            left, right, op = right, left, _FLIPPED[op]
        return self._fold(node, Compiled(node, BOOL, _binary(op, left, right)), left, right)

    def _logical(self, node: Logical) -> Compiled:
        what = f"'{node.op}' combines conditions (true/false)"
        parts = [self.check(operand) for operand in node.operands]
        for part in parts:
            self.require(part, "bool", what)
        fn = logical(node.op, [part.fn for part in parts])
        return self._fold(node, Compiled(node, BOOL, fn), *parts)

    def _membership(self, node: Membership) -> Compiled:
        left = self.check(node.left)
        items = [self.check(item) for item in node.items]
        for item in items:
            self.unify(left, item, "cannot compare")
        fn = membership(
            node.negated, left.fn, left.var, [(i.is_const, i.const, i.fn) for i in items]
        )
        return self._fold(node, Compiled(node, BOOL, fn), left, *items)

    def _conditional(self, node: Conditional) -> Compiled:
        body, test, orelse = (self.check(part) for part in (node.body, node.test, node.orelse))
        self.require(test, "bool", "the condition after 'if' must be true/false")
        type_ = self.unify(body, orelse, "both branches of 'if ... else' must have one type, not")
        b, t, o = body.fn, test.fn, orelse.fn
        result = Compiled(node, type_, lambda env: b(env) if t(env) else o(env))
        result.is_text = body.is_text and orelse.is_text
        return self._fold(node, result, body, test, orelse)

    def _call(self, node: Call) -> Compiled:
        name = node.function
        if name not in FUNCTIONS:
            if name in self.names.variables or name in BUILTINS:
                raise ExprError(
                    f"'{name}' is a variable, not a function",
                    node.start,
                    node.name_end - node.start,
                )
            hint = did_you_mean(name, FUNCTIONS)
            message = f"unknown function '{name}' (known: {', '.join(FUNCTIONS)})"
            raise ExprError(
                f"{message[:-1]}; {hint})" if hint else message,
                node.start,
                node.name_end - node.start,
                hint,
            )
        if name in ("chose", "decided"):
            return self._decision_call(node)
        args = [self.check(arg) for arg in node.args]
        if name == "abs" and len(args) != 1:
            raise _error(f"abs takes exactly one number, got {len(args)}", node)
        if name != "abs" and len(args) < 2:
            raise _error(f"{name} needs at least two numbers, got {len(args)}", node)
        for arg in args:
            self.require(arg, "int", f"{name} works on numbers")
        fns = [arg.fn for arg in args]
        if name == "abs":
            f = fns[0]
            fn: Fn = lambda env: abs(f(env))  # type: ignore[arg-type]  # noqa: E731
        elif len(fns) == 2:
            f, g = fns
            pick = min if name == "min" else max
            fn = lambda env: pick(f(env), g(env))  # noqa: E731
        else:
            pick = min if name == "min" else max
            fn = lambda env: pick([h(env) for h in fns])  # noqa: E731
        return self._fold(node, Compiled(node, INT, fn), *args)

    def _decision_call(self, node: Call) -> Compiled:
        name = node.function
        wanted = 2 if name == "chose" else 1
        usage = 'chose("decision", "option")' if name == "chose" else 'decided("decision")'
        if len(node.args) != wanted:
            raise _error(f"{name} takes {wanted} quoted name(s), as in {usage}", node)
        quoted: list[str] = []
        for arg in node.args:
            if not (isinstance(arg, Literal) and isinstance(arg.value, str)):
                raise _error(f"{name} takes quoted names, as in {usage}", arg)
            quoted.append(arg.value)
        decision = quoted[0]
        choices = self.names.choices
        if decision not in choices:
            hint = did_you_mean(decision, choices)
            raise _error(f"unknown decision '{decision}'", node.args[0], hint)
        key = "@" + decision
        if name == "decided":
            return Compiled(node, BOOL, lambda env: key in env)
        option = quoted[1]
        if option not in choices[decision]:
            hint = did_you_mean(option, choices[decision])
            expected = f"expected one of: {one_of(choices[decision])}"
            raise _error(
                f"'{option}' is not an option of decision '{decision}'"
                f" ({expected}{'; ' + hint if hint else ''})",
                node.args[1],
                hint,
            )
        return Compiled(node, BOOL, lambda env: env.get(key) == option)


_DISPATCH: dict[type[Node], Callable[[Checker, Any], Compiled]] = {
    Literal: Checker._literal,
    Name: Checker._name,
    Unary: Checker._unary,
    Binary: Checker._binary,
    Logical: Checker._logical,
    Membership: Checker._membership,
    Conditional: Checker._conditional,
    Call: Checker._call,
}


def _binary(op: str, left: Compiled, right: Compiled) -> Fn:
    """The fastest closure for ``left op right`` given what is known about each side."""
    if left.var is not None:
        if right.is_const:
            return VAR_LIT[op](left.var, right.const)
        if right.var is not None:
            return VAR_VAR[op](left.var, right.var)
    if right.is_const:
        return FN_LIT[op](left.fn, right.const)
    return FN_FN[op](left.fn, right.fn)


def enum_guard(fn: Fn, allowed: frozenset[str], target: str, source: str) -> Fn:
    """Wrap an enum-valued closure so a value outside ``target``'s set raises EvalError."""
    return check_enum(fn, allowed, target, source)
