"""The logic checks never claim too much: "never" and "always" hold for every value.

Random conditions over a few small variables are judged by the solver and then evaluated,
compiled, on every combination of values: a condition judged never-true must be false on
all of them, one judged always-true true on all. Simple contradictions must be found.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from excomm_sim.scenario.expr import BOOL, INT, Names, Type, compile_condition, parse_tree
from excomm_sim.scenario.logic.domains import BOOLS, UNDECIDED, Env, VarInfo, ints
from excomm_sim.scenario.logic.formulas import Reader, names_in
from excomm_sim.scenario.logic.solve import Solver

STATUS = frozenset({"a", "b", "c"})
INFOS = {
    "x": VarInfo("x", "int", ints(0, 6), 0, 0, 6),
    "y": VarInfo("y", "int", ints(0, 4), 0, 0, 4),
    "flag": VarInfo("flag", "bool", BOOLS, False),
    "s": VarInfo("s", "enum", STATUS, "a"),
    "@d": VarInfo("@d", "decision", frozenset({"p", "q", UNDECIDED}), UNDECIDED),
}
NAMES = Names(
    variables={"x": INT, "y": INT, "flag": BOOL, "s": Type("enum", STATUS)},
    choices={"d": frozenset({"p", "q"})},
)
ENV = Env({}, INFOS)

OPS = st.sampled_from(["<", "<=", ">", ">=", "==", "!="])
NUMBER = st.integers(-2, 9).map(str)
NUMBERS = st.one_of(
    st.sampled_from(["x", "y"]),
    st.builds(lambda a, b: f"{a} + {b}", st.sampled_from(["x", "y"]), NUMBER),
    st.builds(lambda a, b: f"{a} - {b}", st.sampled_from(["x", "y"]), NUMBER),
    st.just("x + y"),
    st.just("x * 2"),
    st.just("min(x, y)"),
    st.just("abs(x - 3)"),
    st.just("x / 2"),
    st.just("x % 3"),
)
ATOMS = st.one_of(
    st.builds(lambda a, op, b: f"{a} {op} {b}", NUMBERS, OPS, NUMBER),
    st.builds(lambda a, op, b: f"{b} {op} {a}", NUMBERS, OPS, NUMBER),
    st.builds(lambda op: f"x {op} y", OPS),
    st.sampled_from(
        [
            "flag",
            "true",
            "false",
            "s == 'a'",
            "s != 'b'",
            "s in ('a', 'b')",
            "s not in ('c')",
            "chose('d', 'p')",
            "chose('d', 'q')",
            "decided('d')",
            "flag == (x > 2)",
        ]
    ),
)
CONDITIONS = st.recursive(
    ATOMS,
    lambda inner: st.one_of(
        st.builds(lambda a, b: f"({a}) and ({b})", inner, inner),
        st.builds(lambda a, b: f"({a}) or ({b})", inner, inner),
        st.builds(lambda a: f"not ({a})", inner),
        st.builds(lambda a, b, c: f"({a}) if ({b}) else ({c})", inner, inner, inner),
    ),
    max_leaves=6,
)


def _every_state() -> list[dict[str, object]]:
    states = []
    for x, y, flag, s, chosen in itertools.product(
        range(7), range(5), (False, True), sorted(STATUS), ("p", "q", None)
    ):
        env: dict[str, object] = {"x": x, "y": y, "flag": flag, "s": s, "turn": 0, "day": 0}
        if chosen is not None:
            env["@d"] = chosen
        states.append(env)
    return states


STATES = _every_state()


def _verdicts(source: str) -> tuple[bool, bool]:
    """(can hold, can fail) as the solver judges ``source``."""
    tree = parse_tree(source)
    formula = Reader(INFOS).formula(tree, source)
    names = sorted(names_in(tree))
    solver = Solver()
    return (
        solver.judge(formula, names, ENV).possible,
        solver.judge(formula, names, ENV, negate=True).possible,
    )


@settings(max_examples=400, deadline=None)
@given(CONDITIONS)
def test_never_and_always_are_true_of_every_state(source: str) -> None:
    compiled = compile_condition(source, NAMES)
    truths = {bool(compiled(state)) for state in STATES}  # type: ignore[arg-type]
    can_hold, can_fail = _verdicts(source)
    if not can_hold:
        assert truths == {False}, source
    if not can_fail:
        assert truths == {True}, source


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["x", "y"]), OPS, NUMBER, OPS, NUMBER)
def test_a_conjunction_on_one_variable_is_judged_exactly(
    name: str, first: str, a: str, second: str, b: str
) -> None:
    source = f"{name} {first} {a} and {name} {second} {b}"
    compiled = compile_condition(source, NAMES)
    truths = {bool(compiled(state)) for state in STATES}  # type: ignore[arg-type]
    can_hold, can_fail = _verdicts(source)
    assert can_hold == (True in truths), source
    assert can_fail == (False in truths), source
