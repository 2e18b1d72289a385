"""The endings' checks: endings that never happen, that always hold, or that others pre-empt.

The engine judges endings in a fixed order (docs/rules-engine.md): after each decision
the early endings in file order; when no decision is left, the early endings, then the
others in file order, then the fallback. So an ending never happens when, wherever it
holds, an ending judged before it holds too: the formula "this one and none of those" can
never hold. The finding names the ending that pre-empts it, with its line, or, when no
single one does, the endings that between them do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from excomm_sim.scenario.logic.domains import Env
from excomm_sim.scenario.logic.formulas import Const, Formula, Junction, Not
from excomm_sim.scenario.model import Ending

if TYPE_CHECKING:
    from excomm_sim.scenario.logic.checks import Checks


def check_endings(checks: Checks, env: Env) -> None:
    endings = checks.scenario.endings
    early = [ending for ending in endings if ending.early and ending.when is not None]
    final = [ending for ending in endings if not ending.early and ending.when is not None]
    judge = _Judge(checks, env)
    for index, ending in enumerate(endings):
        path = f"endings[{index}]"
        if ending.when is None:
            _pre_empted(checks, judge, ending, early + final, path, "the fallback ending")
            continue
        verdict, reason = checks.judge(ending.when, env, path + ".when")
        if verdict == "never":
            checks.add("E408", f"ending '{ending.id}' never happens: {reason}", path + ".when")
            continue
        before = (
            early[: early.index(ending)] if ending.early else early + final[: final.index(ending)]
        )
        if _pre_empted(checks, judge, ending, before, path + ".when", f"ending '{ending.id}'"):
            continue
        if verdict == "always":
            if ending.early:
                tail = "every game ends after its first decision"
            else:
                tail = "every game that runs to the end ends here"
            checks.add(
                "W410",
                f"ending '{ending.id}' always holds, so {tail}: {reason}",
                path + ".when",
            )


class _Judge:
    """Satisfiability of endings' formulas, combined."""

    def __init__(self, checks: Checks, env: Env) -> None:
        self.checks = checks
        self.env = env

    def formula(self, ending: Ending) -> tuple[Formula, tuple[str, ...]]:
        if ending.when is None:
            return Const(True), ()
        parsed = self.checks.trees.condition(ending.when.source)
        assert parsed.formula is not None
        return parsed.formula, parsed.names

    def possible(self, ending: Ending, holding: list[Ending], failing: list[Ending]) -> bool:
        """Can ``ending`` hold while every one of ``holding`` holds and ``failing`` fails?"""
        parts: list[Formula] = []
        names: set[str] = set()
        for other, negate in (
            [(ending, False)] + [(o, False) for o in holding] + [(o, True) for o in failing]
        ):
            formula, read = self.formula(other)
            parts.append(Not(formula) if negate else formula)
            names.update(read)
        combined = Junction(True, tuple(parts))
        verdict = self.checks.trees.solver.judge(combined, sorted(names), self.env)
        return verdict.possible


def _pre_empted(
    checks: Checks, judge: _Judge, ending: Ending, before: list[Ending], path: str, name: str
) -> bool:
    """Report ``ending`` if the endings judged ``before`` it always pre-empt it."""
    if not before or judge.possible(ending, [], before):
        return False
    single = next((other for other in before if not judge.possible(ending, [], [other])), None)
    if single is not None:
        why = (
            f"ending '{single.id}' (line {single.location.line}) is judged first and holds "
            "whenever this one would"
        )
    else:
        overlapping = [other for other in before if judge.possible(ending, [other], [])]
        listed = ", ".join(f"'{o.id}' (line {o.location.line})" for o in overlapping)
        why = f"the endings judged before it, {listed}, between them cover every case"
    checks.add("E409", f"{name} never happens: {why}", path)
    return True
