"""Micro benchmark of compiled expressions: median nanoseconds per evaluation.

Run: python benchmarks/bench_expr.py
Prints, for a few typical conditions and effects, the median (and best) time of one
evaluation over several timeit repeats, and the median time to compile each (tokenize,
parse, check, build closures), with a fresh Names object each time so the memo never
hits. The timeit call overhead is included; the baseline row shows it. Medians move
with machine load; the best run is the steadier figure.
"""

from __future__ import annotations

import statistics
import timeit

from excomm_sim.scenario.expr import (
    BOOL,
    INT,
    Names,
    Type,
    compile_condition,
    compile_effect,
    compile_expression,
)

NAMES = Names(
    variables={
        "verification": INT,
        "soviet_trust": INT,
        "tension": INT,
        "blockade": BOOL,
        "il28_status": Type("enum", frozenset({"in_cuba", "demanded", "promised", "removed"})),
    },
    choices={"il28_demand": frozenset({"insist", "drop"})},
)
ENV = {
    "verification": 70,
    "soviet_trust": 40,
    "tension": 55,
    "blockade": True,
    "il28_status": "removed",
    "turn": 3,
    "day": 12,
    "@il28_demand": "insist",
}
CONDITIONS = [
    "verification >= 60",
    'verification >= 60 and il28_status == "removed"',
    "il28_status in ('promised', 'removed') and not blockade",
    "tension + soviet_trust / 2 > 60 or chose('il28_demand', 'drop')",
]
EXPRESSIONS = ["10 + max(0, tension - 50) * 2"]
EFFECTS = ["soviet_trust -= 10", 'il28_status = "promised"', "tension += verification / 10"]
REPEATS = 7
NUMBER = 100_000
COMPILES = 1000


def timings_ns(statement: object, number: int = NUMBER) -> tuple[float, float]:
    """(median, best) nanoseconds per call over REPEATS runs of ``number`` calls."""
    timer = timeit.Timer(statement)  # type: ignore[arg-type]
    runs = [run / number * 1e9 for run in timer.repeat(repeat=REPEATS, number=number)]
    return statistics.median(runs), min(runs)


def fresh_names() -> Names:
    """An equal but new Names object: compile results are memoised per Names object."""
    return Names(NAMES.variables, NAMES.choices)


def main() -> None:
    print(f"{REPEATS} repeats; evaluation x{NUMBER}, compile x{COMPILES}")
    print(f"{'kind':10} {'eval ns':>8} {'(best)':>7} {'compile us':>11}  source")
    rows = [("condition", s, compile_condition) for s in CONDITIONS]
    rows += [("int", s, compile_expression) for s in EXPRESSIONS]
    for kind, source, compile_ in rows:
        fn = compile_(source, NAMES).fn
        median, best = timings_ns(lambda fn=fn: fn(ENV))
        build = timings_ns(lambda s=source, c=compile_: c(s, fresh_names()), COMPILES)[0] / 1000
        print(f"{kind:10} {median:8.0f} {best:7.0f} {build:11.1f}  {source}")
    for source in EFFECTS:
        apply = compile_effect(source, NAMES).apply
        median, best = timings_ns(lambda apply=apply: apply(ENV))
        build = timings_ns(lambda s=source: compile_effect(s, fresh_names()), COMPILES)[0] / 1000
        print(f"{'effect':10} {median:8.0f} {best:7.0f} {build:11.1f}  {source}")
    hit = timings_ns(lambda: compile_condition(CONDITIONS[1], NAMES), COMPILES)[0] / 1000
    print(f"{'cached':10} {'':>8} {'':>7} {hit:11.1f}  compiling condition 2 again (memo hit)")
    median, best = timings_ns(lambda: None)
    print(f"{'baseline':10} {median:8.0f} {best:7.0f} {'':>11}  (an empty lambda through timeit)")


if __name__ == "__main__":
    main()
