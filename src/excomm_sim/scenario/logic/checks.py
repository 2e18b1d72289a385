"""The logic checks: each condition, effect and option judged where it stands in the game.

``logic_findings(scenario)`` walks the agenda in file order (options and stances are
judged over the values as their decision comes up), then events, delayed consequences,
objectives and endings over the values of any game. Each ``Finding`` carries its code
(``scenario.codes``), its message with the reason, and the document path of the value it
points at (with the offset inside an expression, when it points into one); the caller
places it in the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from excomm_sim.scenario.expr import Assignment, Expression
from excomm_sim.scenario.logic.domains import (
    UNDECIDED,
    Dom,
    Env,
    hull,
    why_only,
)
from excomm_sim.scenario.logic.endings import check_endings
from excomm_sim.scenario.logic.ranges import Timeline, Trees, global_doms, infos_of
from excomm_sim.scenario.logic.reads import chosen_options, triggered_events
from excomm_sim.scenario.logic.solve import always_text, never_text
from excomm_sim.scenario.logic.values import span
from excomm_sim.scenario.model import Decision, Option, Scenario


@frozen
class Finding:
    """One logic finding: its code, what it says, and the path of what it points at.

    ``offset``, when not -1, is the character inside the expression at ``path`` it is about.
    """

    code: str
    message: str
    path: str
    offset: int = -1


_JUNCTION = re.compile(r"\b(and|or)\b")

Judgement = tuple[str, str]
"""("never" | "always" | "", the reason)."""


class Checks:
    """One scenario's logic checks; ``run`` returns every finding in file order."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.infos = infos_of(scenario)
        self.trees = Trees(self.infos)
        self.every = Env(global_doms(scenario, self.infos, self.trees), self.infos)
        self.timeline = Timeline(scenario, self.infos, self.trees, self.every)
        self.findings: list[Finding] = []
        self.offered: dict[str, frozenset[str]] = {}
        self.read = chosen_options(scenario)
        self._deltas: dict[str, tuple[int, int]] = {}
        self._spans: dict[tuple[str, tuple[Dom, ...]], tuple[int, int]] = {}
        self._judged: dict[tuple[str, bool, tuple[Dom, ...]], tuple[str, str, list[Any]]] = {}

    def add(self, code: str, message: str, path: str, offset: int = -1) -> None:
        self.findings.append(Finding(code, message, path, offset))

    def judge(self, condition: Expression, env: Env, path: str = "") -> Judgement:
        """Whether ``condition`` can never hold, or always holds, over ``env``, and why.

        With ``path``, a condition that can go either way has its ``and``/``or`` parts
        judged too (W417). Answers are remembered by the text and the values it reads.
        """
        source = condition.source
        parsed = self.trees.condition(source)
        key = (source, env.here, tuple([env.dom(name) for name in parsed.names]))
        known = self._judged.get(key)
        if known is None:
            known = self._judged[key] = self._judge(source, env)
        verdict, reason, parts = known
        if path:
            for message, offset in parts:
                self.add("W417", message, path, offset)
        return verdict, reason

    def _judge(self, source: str, env: Env) -> tuple[str, str, list[tuple[str, int]]]:
        parsed = self.trees.condition(source)
        assert parsed.formula is not None
        solver = self.trees.solver
        verdict = solver.judge(parsed.formula, parsed.names, env)
        if not verdict.possible:
            return "never", never_text(verdict), []
        verdict = solver.judge(parsed.formula, parsed.names, env, negate=True)
        if not verdict.possible:
            return "always", always_text(verdict), []
        parts = self.parts(source, env) if _JUNCTION.search(source) else []
        return "", "", parts

    def parts(self, source: str, env: Env) -> list[tuple[str, int]]:
        """W417 messages, with offsets: an ``or`` part that can never hold, an ``and`` part
        that always does."""
        at = " here" if env.here else ""
        found = []
        for junction, part, formula, names in self.trees.junction_parts(source):
            text = source[part.start : part.end]
            if junction == "or":
                verdict = self.trees.solver.judge(formula, names, env)
                if not verdict.possible:
                    message = (
                        f"'{text}' can never hold{at}, so this 'or' never needs it: "
                        f"{never_text(verdict)}"
                    )
                    found.append((message, part.start))
            else:
                verdict = self.trees.solver.judge(formula, names, env, negate=True)
                if not verdict.possible:
                    message = (
                        f"'{text}' always holds{at}, so it adds nothing to this 'and': "
                        f"{always_text(verdict)}"
                    )
                    found.append((message, part.start))
        return found

    def run(self) -> list[Finding]:
        for index, decision in enumerate(self.scenario.decisions):
            env = self.timeline.env_at(index)
            offered, skippable = self.decision(index, decision, env)
            self.offered[decision.id] = offered
            self.timeline.taken(index, decision, offered, skippable)
        doms: dict[str, Dom] = dict(self.every.doms)
        for decision in self.scenario.decisions:
            doms["@" + decision.id] = self.offered[decision.id] | {UNDECIDED}
        anywhere = Env(doms, self.infos)
        for index, decision in enumerate(self.scenario.decisions):
            for number, option in enumerate(decision.options):
                self.delayed(f"decisions[{index}].options[{number}]", option, anywhere)
        self.events(anywhere)
        self.objectives(anywhere)
        check_endings(self, anywhere)
        return self.findings

    # -- the agenda ----------------------------------------------------------------------

    def decision(self, index: int, decision: Decision, env: Env) -> tuple[frozenset[str], bool]:
        """Judge one decision as it comes up: the options it can offer, and if it can be skipped."""
        path = f"decisions[{index}]"
        skippable = False
        if decision.when is not None:
            verdict, reason = self.judge(decision.when, env, path + ".when")
            if verdict == "never":
                self.add(
                    "E403", f"decision '{decision.id}' is never posed: {reason}", path + ".when"
                )
                return frozenset(), True
            if verdict == "always":
                self.add(
                    "W404",
                    f"decision '{decision.id}' is always posed, so its 'when' can go: {reason}",
                    path + ".when",
                )
            else:
                skippable = True
        offered: set[str] = set()
        unconditional = False
        for number, option in enumerate(decision.options):
            option_path = f"{path}.options[{number}]"
            if self.option(option_path, decision, option, env):
                offered.add(option.id)
                unconditional = unconditional or option.when is None
        if not offered:
            self.add(
                "E405",
                f"decision '{decision.id}' can never be answered: none of its options can be "
                "offered when it comes up, so it is always skipped",
                path + ".options",
            )
        return frozenset(offered), skippable or not unconditional

    def option(self, path: str, decision: Decision, option: Option, env: Env) -> bool:
        """Judge one option; False when it is never offered."""
        name = f"option '{option.id}' of decision '{decision.id}'"
        if option.when is not None:
            verdict, reason = self.judge(option.when, env, path + ".when")
            if verdict == "never":
                self.add("E401", f"{name} is never offered: {reason}", path + ".when")
                return False
            if verdict == "always":
                unseen = ", so its 'unavailable' text is never shown" if option.unavailable else ""
                self.add(
                    "W402",
                    f"{name} is always offered{unseen}: {reason}",
                    path + ".when",
                )
        for number, stance in enumerate(option.stances):
            if stance.when is None:
                continue
            verdict, reason = self.judge(stance.when, env, f"{path}.stances[{number}].when")
            whose = f"the stance of {stance.role} on {name}"
            if verdict == "never":
                self.add("W413", f"{whose} never holds: {reason}", f"{path}.stances[{number}].when")
            elif verdict == "always":
                self.add(
                    "W414",
                    f"{whose} always holds, so its 'when' can go: {reason}",
                    f"{path}.stances[{number}].when",
                )
        after, changed = self.effects(path, option.effects, env)
        if option.chance is not None:
            self.outcomes(path + ".chance", option, after)
        idle = not (changed or option.chance or option.delayed or option.trigger)
        if idle and (decision.id, option.id) not in self.read:
            why = (
                "none of its effects can change anything here"
                if option.effects
                else "it has no effects, chance, delayed consequence or trigger"
            )
            self.add(
                "W502",
                f"{name} changes nothing: {why}, and no condition reads "
                f'chose("{decision.id}", "{option.id}")',
                path,
            )
        return True

    def outcomes(self, path: str, option: Option, env: Env) -> None:
        assert option.chance is not None
        outcomes = option.chance.outcomes
        weights = [self.span(outcome.weight.source, env) for outcome in outcomes]
        at = " here" if env.here else ""
        after = " (after the option's own effects)" if option.effects else ""
        for number, outcome in enumerate(outcomes):
            outcome_path = f"{path}.outcomes[{number}]"
            self.effects(outcome_path, outcome.effects, env)
            high = weights[number][1]
            heavier = [o.id for o, w in zip(outcomes, weights, strict=True) if w[0] > 0]
            if high <= 0 and heavier:
                self.add(
                    "W418",
                    f"outcome '{outcome.id}' never happens: its weight '{outcome.weight.source}' "
                    f"is at most {high}{at}{after}, while '{heavier[0]}' always weighs more "
                    "than 0",
                    outcome_path + ".weight",
                )

    def span(self, source: str, env: Env) -> tuple[int, int]:
        """The least and most a number expression can be over ``env`` (remembered)."""
        parsed = self.trees.value(source)
        key = (source, tuple([env.dom(name) for name in parsed.names]))
        known = self._spans.get(key)
        if known is None:
            known = self._spans[key] = span(parsed.tree, env)  # type: ignore[arg-type]
        return known

    def effects(self, path: str, effects: Sequence[Assignment], env: Env) -> tuple[Env, bool]:
        """Flag effects that cannot change their variable; the values after them, and if any can."""
        if not effects:
            return env, False
        local: dict[str, Dom] = {}
        changed = False
        for number, effect in enumerate(effects):
            why, local[effect.target] = self.step(effect, local, env)
            if why:
                self.add(
                    "W501",
                    f"'{effect.source}' cannot change {effect.target}: {why}",
                    f"{path}.effects[{number}]",
                )
            else:
                changed = True
        return env.over(local), changed

    def step(self, effect: Assignment, local: Mapping[str, Dom], env: Env) -> tuple[str, Dom]:
        """Why ``effect`` cannot change its target ("" if it can), and the values after it.

        ``local`` holds what the effects before it in the same list made of their targets.
        """
        target = effect.target
        info = self.infos[target]
        dom = local.get(target) or env.dom(target)
        if effect.op == "=":
            sets = self.timeline.change(effect).sets
            after = sets if sets is not None else info.full
            single = hull(dom)[0] == hull(dom)[1] if isinstance(dom, tuple) else len(dom) == 1
            if sets == dom and single:
                return f"{why_only(info, dom, env.here)}, and this sets it to that value", after
            return "", after
        low, high = self.delta(effect, local, env)
        assert isinstance(dom, tuple)
        bottom, top, least, most = dom[0][0], dom[-1][1], info.minimum, info.maximum
        first, last = bottom + low, top + high
        first = least if first < least else most if first > most else first
        last = least if last < least else most if last > most else last
        after = ((first, last),)
        if low == high == 0 or (low >= 0 and bottom >= most) or (high <= 0 and top <= least):
            at = " here" if env.here else ""
            if low == high == 0:
                return "it adds 0", after
            if low >= 0 and bottom >= most:
                return f"{target} is already at its maximum {most}{at}", after
            return f"{target} is already at its minimum {least}{at}", after
        return "", after

    def delta(self, effect: Assignment, local: Mapping[str, Dom], env: Env) -> tuple[int, int]:
        """The least and most that ``+=``/``-=`` ``effect`` adds (negative for a decrease)."""
        known = self._deltas.get(effect.source)
        if known is not None:
            return known
        parsed = self.trees.value(effect.value.source)
        low, high = span(parsed.tree, env.over(local) if local else env)  # type: ignore[arg-type]
        if effect.op == "-=":
            low, high = -high, -low
        if not parsed.names:  # a constant: the same everywhere
            self._deltas[effect.source] = (low, high)
        return low, high

    # -- the rest, over any game ---------------------------------------------------------

    def delayed(self, path: str, option: Option, env: Env) -> None:
        for number, consequence in enumerate(option.delayed):
            here = f"{path}.delayed[{number}]"
            self.effects(here, consequence.effects, env)
            if consequence.when is None:
                continue
            verdict, reason = self.judge(consequence.when, env, here + ".when")
            what = f"a delayed consequence of option '{option.id}'"
            if verdict == "never":
                self.add("W415", f"{what} never lands: {reason}", here + ".when")
            elif verdict == "always":
                self.add(
                    "W416",
                    f"{what} always lands when due, so its 'when' can go: {reason}",
                    here + ".when",
                )

    def events(self, env: Env) -> None:
        triggered = triggered_events(self.scenario)
        for index, event in enumerate(self.scenario.events):
            path = f"events[{index}]"
            self.effects(path, event.effects, env)
            if event.when is None:
                continue
            verdict, reason = self.judge(event.when, env, path + ".when")
            if verdict == "never":
                tail = (
                    "; only its trigger fires it"
                    if event.id in triggered
                    else ", and no trigger names it"
                )
                self.add(
                    "W406",
                    f"event '{event.id}' never fires by its 'when': {reason}{tail}",
                    path + ".when",
                )
            elif verdict == "always":
                when = "after every decision" if not event.once else "after the first decision"
                self.add(
                    "W407",
                    f"event '{event.id}' fires {when} of every game: {reason}",
                    path + ".when",
                )

    def objectives(self, env: Env) -> None:
        for role_index, role in enumerate(self.scenario.roles):
            for index, objective in enumerate(role.objectives):
                path = f"roles[{role_index}].objectives[{index}].when"
                verdict, reason = self.judge(objective.condition, env, path)
                name = f"objective '{objective.id}' of {role.id}"
                if verdict == "never":
                    self.add("W411", f"{name} can never be won: {reason}", path)
                elif verdict == "always":
                    self.add("W412", f"{name} can never be lost: {reason}", path)


def logic_findings(scenario: Scenario) -> list[Finding]:
    """Every logic finding in ``scenario``, agenda first, then events, objectives, endings."""
    return Checks(scenario).run()
