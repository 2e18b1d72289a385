"""Closure makers for compiled expressions, one per operator and operand shape.

Python cannot pass an operator as a value without a function call per evaluation, so the
operators are spelled out: ``VAR_LIT[">="](name, 60)`` is ``lambda env: env[name] >= 60``,
the cheapest closure there is. Shapes: variable/literal, variable/variable,
function/literal, function/function. ``/`` and ``%`` appear in the literal tables only for
a non-zero literal divisor; any other divisor goes through ``divide``, which checks for 0.
"""

from __future__ import annotations

from collections.abc import Callable

from excomm_sim.scenario._expr_types import Env, EvalError, Value

Fn = Callable[[Env], Value]
V = Value

# fmt: off
VAR_LIT: dict[str, Callable[[str, V], Fn]] = {
    "==": lambda n, v: lambda env: env[n] == v,
    "!=": lambda n, v: lambda env: env[n] != v,
    "<": lambda n, v: lambda env: env[n] < v,  # type: ignore[operator]
    "<=": lambda n, v: lambda env: env[n] <= v,  # type: ignore[operator]
    ">": lambda n, v: lambda env: env[n] > v,  # type: ignore[operator]
    ">=": lambda n, v: lambda env: env[n] >= v,  # type: ignore[operator]
    "+": lambda n, v: lambda env: env[n] + v,  # type: ignore[operator]
    "-": lambda n, v: lambda env: env[n] - v,  # type: ignore[operator]
    "*": lambda n, v: lambda env: env[n] * v,  # type: ignore[operator]
    "/": lambda n, v: lambda env: env[n] // v,  # type: ignore[operator]
    "%": lambda n, v: lambda env: env[n] % v,  # type: ignore[operator]
}
VAR_VAR: dict[str, Callable[[str, str], Fn]] = {
    "==": lambda a, b: lambda env: env[a] == env[b],
    "!=": lambda a, b: lambda env: env[a] != env[b],
    "<": lambda a, b: lambda env: env[a] < env[b],  # type: ignore[operator]
    "<=": lambda a, b: lambda env: env[a] <= env[b],  # type: ignore[operator]
    ">": lambda a, b: lambda env: env[a] > env[b],  # type: ignore[operator]
    ">=": lambda a, b: lambda env: env[a] >= env[b],  # type: ignore[operator]
    "+": lambda a, b: lambda env: env[a] + env[b],  # type: ignore[operator]
    "-": lambda a, b: lambda env: env[a] - env[b],  # type: ignore[operator]
    "*": lambda a, b: lambda env: env[a] * env[b],  # type: ignore[operator]
}
FN_LIT: dict[str, Callable[[Fn, V], Fn]] = {
    "==": lambda f, v: lambda env: f(env) == v,
    "!=": lambda f, v: lambda env: f(env) != v,
    "<": lambda f, v: lambda env: f(env) < v,  # type: ignore[operator]
    "<=": lambda f, v: lambda env: f(env) <= v,  # type: ignore[operator]
    ">": lambda f, v: lambda env: f(env) > v,  # type: ignore[operator]
    ">=": lambda f, v: lambda env: f(env) >= v,  # type: ignore[operator]
    "+": lambda f, v: lambda env: f(env) + v,  # type: ignore[operator]
    "-": lambda f, v: lambda env: f(env) - v,  # type: ignore[operator]
    "*": lambda f, v: lambda env: f(env) * v,  # type: ignore[operator]
    "/": lambda f, v: lambda env: f(env) // v,  # type: ignore[operator]
    "%": lambda f, v: lambda env: f(env) % v,  # type: ignore[operator]
}
FN_FN: dict[str, Callable[[Fn, Fn], Fn]] = {
    "==": lambda f, g: lambda env: f(env) == g(env),
    "!=": lambda f, g: lambda env: f(env) != g(env),
    "<": lambda f, g: lambda env: f(env) < g(env),  # type: ignore[operator]
    "<=": lambda f, g: lambda env: f(env) <= g(env),  # type: ignore[operator]
    ">": lambda f, g: lambda env: f(env) > g(env),  # type: ignore[operator]
    ">=": lambda f, g: lambda env: f(env) >= g(env),  # type: ignore[operator]
    "+": lambda f, g: lambda env: f(env) + g(env),  # type: ignore[operator]
    "-": lambda f, g: lambda env: f(env) - g(env),  # type: ignore[operator]
    "*": lambda f, g: lambda env: f(env) * g(env),  # type: ignore[operator]
}
# fmt: on


def divide(op: str, f: Fn, g: Fn, source: str) -> Fn:
    """``f / g`` (floor) or ``f % g`` that raises EvalError instead of ZeroDivisionError."""
    message = f"division by zero in '{source}'"

    if op == "/":

        def quotient(env: Env) -> Value:
            divisor = g(env)
            if divisor == 0:
                raise EvalError(message)
            return f(env) // divisor  # type: ignore[operator]

        return quotient

    def remainder(env: Env) -> Value:
        divisor = g(env)
        if divisor == 0:
            raise EvalError(message)
        return f(env) % divisor  # type: ignore[operator]

    return remainder


def logical(op: str, fns: list[Fn]) -> Fn:
    """Short-circuit ``and``/``or`` over two or more boolean closures."""
    if len(fns) == 2:
        f, g = fns
        if op == "and":
            return lambda env: f(env) and g(env)
        return lambda env: f(env) or g(env)
    if len(fns) == 3:
        f, g, h = fns
        if op == "and":
            return lambda env: f(env) and g(env) and h(env)
        return lambda env: f(env) or g(env) or h(env)
    parts = tuple(fns)
    if op == "and":

        def all_of(env: Env) -> Value:
            return all(part(env) for part in parts)

        return all_of

    def any_of(env: Env) -> Value:
        return any(part(env) for part in parts)

    return any_of


def membership(negated: bool, f: Fn, var: str | None, items: list[tuple[bool, Value, Fn]]) -> Fn:
    """``x in (a, b, ...)``: a set lookup when every item is a literal."""
    if all(is_const for is_const, _, _ in items):
        values = frozenset(value for _, value, _ in items)
        if var is not None:
            name = var
            if negated:
                return lambda env: env[name] not in values
            return lambda env: env[name] in values
        if negated:
            return lambda env: f(env) not in values
        return lambda env: f(env) in values
    fns = tuple(fn for _, _, fn in items)

    def contains(env: Env) -> Value:
        # Every item is evaluated, as in Python, so a failing item fails the test.
        return (f(env) in [fn(env) for fn in fns]) != negated

    return contains


def check_enum(fn: Fn, allowed: frozenset[str], target: str, source: str) -> Fn:
    """Raise EvalError when ``fn`` yields a value ``target`` cannot hold."""

    def checked(env: Env) -> Value:
        value = fn(env)
        if value not in allowed:
            raise EvalError(
                f"'{value}' is not a value of {target} (from '{source}';"
                f" expected one of: {', '.join(sorted(allowed))})"
            )
        return value

    return checked
