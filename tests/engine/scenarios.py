"""Small scenarios built in code for engine tests, and a generated one for the benchmark.

Built with the model classes and the expression compiler (not YAML), so each test says
exactly the rule it exercises and engine tests do not depend on the loader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from excomm_sim.scenario.expr import (
    BOOL,
    INT,
    Assignment,
    Expression,
    Names,
    Type,
    compile_condition,
    compile_effect,
    compile_expression,
)
from excomm_sim.scenario.model import (
    Calendar,
    Chance,
    ChanceOutcome,
    Citation,
    Decision,
    Delayed,
    Ending,
    Event,
    Objective,
    Option,
    Position,
    Role,
    Scenario,
    Source,
    Stance,
    Variable,
    VariableKind,
)

START = dt.date(1962, 11, 3)


def int_var(id: str, initial: int, minimum: int = 0, maximum: int = 100) -> Variable:
    return Variable(id, VariableKind.INT, id.title(), initial, minimum=minimum, maximum=maximum)


def bool_var(id: str, initial: bool = False) -> Variable:
    return Variable(id, VariableKind.BOOL, id.title(), initial)


def enum_var(id: str, values: Sequence[str], initial: str | None = None) -> Variable:
    return Variable(id, VariableKind.ENUM, id.title(), initial or values[0], values=tuple(values))


def role(
    id: str,
    president: bool = False,
    influence: int = 1,
    objectives: Iterable[Objective] = (),
) -> Role:
    return Role(
        id,
        id.title(),
        f"Title of {id}",
        f"Bio of {id}",
        f"Briefing for {id}",
        objectives=tuple(objectives),
        is_president=president,
        influence=influence,
    )


class Builder:
    """Compiles expression text against a fixed set of variables and decisions."""

    def __init__(
        self, variables: Sequence[Variable], choices: dict[str, Sequence[str]] | None = None
    ) -> None:
        self.variables = tuple(variables)
        types = {}
        for variable in variables:
            if variable.kind is VariableKind.INT:
                types[variable.id] = INT
            elif variable.kind is VariableKind.BOOL:
                types[variable.id] = BOOL
            else:
                types[variable.id] = Type("enum", frozenset(variable.values))
        self.names = Names(types, {d: frozenset(options) for d, options in (choices or {}).items()})

    def cond(self, source: str) -> Expression:
        return compile_condition(source, self.names)

    def num(self, source: str | int) -> Expression:
        return compile_expression(str(source), self.names, "int")

    def effects(self, *sources: str) -> tuple[Assignment, ...]:
        return tuple(compile_effect(source, self.names) for source in sources)

    def stance(
        self,
        role_id: str,
        favour: bool = True,
        strength: int = 1,
        when: str | None = None,
        reason: str = "",
    ) -> Stance:
        return Stance(
            role_id,
            Position.FAVOUR if favour else Position.OPPOSE,
            reason or f"{role_id} {'favours' if favour else 'opposes'}",
            strength,
            self.cond(when) if when else None,
        )

    def outcome(
        self, id: str, weight: str | int, *effects: str, trigger: str | None = None
    ) -> ChanceOutcome:
        return ChanceOutcome(
            id, id.title(), self.num(weight), effects=self.effects(*effects), trigger=trigger
        )

    def delayed(
        self, after: int, *effects: str, when: str | None = None, trigger: str | None = None
    ) -> Delayed:
        return Delayed(
            after,
            f"{after} later: {', '.join(effects)}",
            self.effects(*effects),
            trigger=trigger,
            when=self.cond(when) if when else None,
        )

    def option(
        self,
        id: str,
        *effects: str,
        when: str | None = None,
        unavailable: str = "",
        stances: Iterable[Stance] = (),
        chance: Sequence[ChanceOutcome] = (),
        visible: bool = False,
        delayed: Iterable[Delayed] = (),
        trigger: str | None = None,
        history: bool = False,
    ) -> Option:
        return Option(
            id,
            f"Label {id}",
            when=self.cond(when) if when else None,
            unavailable=unavailable,
            effects=self.effects(*effects),
            chance=Chance(tuple(chance), visible) if chance else None,
            delayed=tuple(delayed),
            trigger=trigger,
            stances=tuple(stances),
            history=history,
        )

    def decision(
        self,
        id: str,
        options: Sequence[Option],
        decider: str = "president",
        when: str | None = None,
        days: int = 1,
    ) -> Decision:
        return Decision(
            id,
            f"Title {id}",
            f"Context of {id}.",
            tuple(options),
            decider,
            when=self.cond(when) if when else None,
            days=days,
            sources=(Citation("record", 1, 2),),
        )

    def event(self, id: str, *effects: str, when: str | None = None, once: bool = True) -> Event:
        return Event(
            id,
            f"Event {id}",
            f"Text of {id}.",
            when=self.cond(when) if when else None,
            once=once,
            effects=self.effects(*effects),
        )

    def ending(self, id: str, when: str | None = None, early: bool = False) -> Ending:
        return Ending(
            id,
            f"Ending {id}",
            f"Narrative of {id}.",
            f"Debrief of {id}.",
            when=self.cond(when) if when else None,
            early=early,
        )

    def objective(self, id: str, when: str, points: int = 1) -> Objective:
        return Objective(id, f"Objective {id}", self.cond(when), points)


def scenario(
    builder: Builder,
    decisions: Sequence[Decision],
    roles: Sequence[Role] | None = None,
    events: Sequence[Event] = (),
    endings: Sequence[Ending] | None = None,
) -> Scenario:
    """A scenario over ``builder``'s variables; default roles president, hawk, dove."""
    return Scenario(
        id="test",
        title="Test scenario",
        version="1",
        date=START,
        summary="A scenario built in code.",
        roles=tuple(roles or (role("president", True), role("hawk"), role("dove"))),
        variables=builder.variables,
        decisions=tuple(decisions),
        endings=tuple(endings or (builder.ending("fallback"),)),
        calendar=Calendar(START),
        events=tuple(events),
        sources=(Source("record", "The record"),),
        content_hash="test",
    )


def generated(
    decisions: int = 15, options: int = 4, roles: int = 8, variables: int = 12
) -> Scenario:
    """A scenario the size of meeting 19, with every feature, for the benchmark."""
    int_ids = [f"v{i}" for i in range(variables - 2)]
    var_list = [int_var(v, 50) for v in int_ids] + [
        bool_var("flag"),
        enum_var("status", ["a", "b", "c", "d"]),
    ]
    role_ids = ["president"] + [f"r{i}" for i in range(roles - 1)]
    choices = {f"d{d}": [f"o{o}" for o in range(options)] for d in range(decisions)}
    b = Builder(var_list, choices)
    decision_list = []
    for d in range(decisions):
        option_list = []
        for o in range(options):
            v1, v2 = int_ids[(d + o) % len(int_ids)], int_ids[(d * 3 + o) % len(int_ids)]
            stances = [
                b.stance(
                    role_ids[(d + o + k) % roles],
                    favour=(k + o) % 3 != 0,
                    strength=1 + (d + k) % 3,
                    when=f"{v1} > 20" if k == 0 else None,
                )
                for k in range(4)
            ]
            option_list.append(
                b.option(
                    f"o{o}",
                    f"{v1} += {5 + o * 3}",
                    f"{v2} -= {2 + d % 5}",
                    'status = "b"' if o == 1 else "flag = not flag",
                    when=f"{v2} >= 10" if o == options - 1 else None,
                    unavailable="too weak" if o == options - 1 else "",
                    stances=stances,
                    chance=[
                        b.outcome("good", f"40 + {v1} / 4", f"{v2} += 6"),
                        b.outcome("bad", 30, f"{v1} -= 8"),
                    ]
                    if o % 2 == 0
                    else (),
                    visible=o == 0,
                    delayed=[b.delayed(2, f"{v2} += 3")] if o == 1 else (),
                    trigger="e0" if (d, o) == (2, 2) else None,
                )
            )
        when = f"v{d % len(int_ids)} < 95" if d % 4 == 3 else None
        decision_list.append(b.decision(f"d{d}", option_list, when=when))
    event_list = [b.event("e0", "v0 += 5")] + [
        b.event(f"e{i}", f"v{i} -= 3", when=f"v{i} > 70", once=i % 2 == 0) for i in range(1, 8)
    ]
    ending_list = [
        b.ending("collapse", "v0 <= 2", early=True),
        b.ending("triumph", "v1 >= 90 and v2 >= 60"),
        b.ending("deal", 'status == "b" and v3 > 50'),
        b.ending("stalemate", "v4 < 40"),
        b.ending("muddle", "flag"),
        b.ending("fallback"),
    ]
    role_list = [
        role(
            r,
            president=(r == "president"),
            influence=1 + i % 3,
            objectives=[b.objective(f"{r}_goal", f"{int_ids[i % len(int_ids)]} >= 50", 2)],
        )
        for i, r in enumerate(role_ids)
    ]
    return scenario(b, decision_list, role_list, event_list, ending_list)
