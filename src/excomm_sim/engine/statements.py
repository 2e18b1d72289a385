"""Python statements for a scenario's expressions and effects, over the kernel's slots.

``engine.codegen`` writes the turn order out per decision; the lines it is made of come
from here: a condition as an ``if`` (its run-time failure turned into a located
``ScenarioRuntimeError``), an effect as an assignment pulled into its variable's range
(and, with records, recorded with its cause), a trigger as a call of the event's function.
Nothing the author wrote becomes Python syntax: expressions are translated by the
expression language itself (names become slots, literals are ``repr``ed), and every text is
a ``repr``ed string or an entry of the constant tables (``O`` owners, ``X`` expressions,
``C`` citations).
"""

from __future__ import annotations

from collections.abc import Sequence

from excomm_sim.engine.layout import (
    ADVICE,
    CURRENT,
    CURSOR,
    DAY,
    HUMANS,
    OPTION,
    PENDING,
    STAGE,
    TURN,
    Layout,
)
from excomm_sim.scenario.expr import Assignment, Expression, python_effect_value, python_expression
from excomm_sim.scenario.model import Scenario, Variable, VariableKind

__all__ = ["Constants", "SlotReader", "Statements"]

_RAISES = ("_div(", "_mod(", "_enum(")
"""Helpers whose presence means an expression can fail at run time."""

TURN_SLOT, DAY_SLOT, CURSOR_SLOT = f"s[{TURN}]", f"s[{DAY}]", f"s[{CURSOR}]"
CURRENT_SLOT, STAGE_SLOT, OPTION_SLOT = f"s[{CURRENT}]", f"s[{STAGE}]", f"s[{OPTION}]"
HUMANS_SLOT, ADVICE_SLOT, PENDING_SLOT = f"s[{HUMANS}]", f"s[{ADVICE}]", f"s[{PENDING}]"
"""The fixed control slots as the generated code reads them (``engine.layout``)."""


class Constants:
    """Objects the generated code refers to by index: owners, expressions, citations."""

    def __init__(self) -> None:
        self.owners: list[object] = []
        self.expressions: list[object] = []
        self.citations: list[object] = []

    def owner(self, value: object) -> str:
        self.owners.append(value)
        return f"O[{len(self.owners) - 1}]"

    def expression(self, value: object) -> str:
        self.expressions.append(value)
        return f"X[{len(self.expressions) - 1}]"

    def cited(self, value: object) -> str:
        self.citations.append(value)
        return f"C[{len(self.citations) - 1}]"


class SlotReader:
    """What expressions read, as slots of ``s`` (``scenario.expr``'s ``Reader``)."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def variable(self, name: str) -> str:
        layout = self.layout
        if name == "turn":
            return TURN_SLOT
        if name == "day":
            return f"s[{layout.DAY}]"
        return f"s[{layout.variable_slot[name]}]"

    def chosen(self, decision: str, option: str | None) -> str:
        layout = self.layout
        index = layout.decision_index[decision]
        slot = layout.CHOSE + index
        if option is None:
            return f"(s[{slot}] >= 0)"
        return f"(s[{slot}] == {layout.option_ids[index].index(option)})"


class Effect:
    """Names a conditional effect's owner when its condition fails at run time
    ("effect option d.o: condition ... failed", see ``engine.errors``)."""

    def __init__(self, owner: str, location: object) -> None:
        self.id = owner
        self.location = location


def _can_fail(text: str) -> bool:
    return any(helper in text for helper in _RAISES)


class Statements:
    """Python statements for one scenario's expressions and effects over the slots;
    ``engine.codegen.Writer`` arranges them into the turn order."""

    def __init__(self, scenario: Scenario, layout: Layout, records: bool) -> None:
        self.scenario = scenario
        self.layout = layout
        self.records = records
        self.reader = SlotReader(layout)
        self.constants = Constants()
        self.lines: list[str] = []
        self.variables = {v.id: v for v in scenario.variables}

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def expr(self, expression: Expression) -> str:
        return python_expression(expression.source, self.reader)

    def guarded(
        self, indent: str, target: str, text: str, owner: object, what: str, expression: object
    ) -> list[str]:
        """``target = text``, turning a run-time failure into a located ScenarioRuntimeError."""
        if not _can_fail(text):
            return [f"{indent}{target} = {text}"]
        return [
            f"{indent}try:",
            f"{indent}    {target} = {text}",
            f"{indent}except EvalError as error:",
            f"{indent}    raise _rt({self.constants.owner(owner)}, {what!r}, "
            f"{self.constants.expression(expression)}, error) from error",
        ]

    def test(
        self, indent: str, expression: Expression, owner: object, negate: bool = False
    ) -> list[str]:
        """``if <expression>:`` (or ``if not``), evaluated first under a guard when it can
        fail at run time; the caller adds the indented body."""
        text = self.expr(expression)
        word = "if not" if negate else "if"
        if not _can_fail(text):
            return [f"{indent}{word} {text}:"]
        return [
            *self.guarded(indent, "held", text, owner, "condition", expression),
            f"{indent}{word} held:",
        ]

    def effects(
        self, indent: str, assignments: Sequence[Assignment], owner: str, location: object
    ) -> list[str]:
        """Apply ``assignments`` in order, clamping ints (records: each real change); a run
        of effects under one condition (format 2) is one ``if``, its condition read once."""
        lines: list[str] = []
        guard: Expression | None = None
        for effect in assignments:
            if effect.when is not guard:
                guard = effect.when
                if guard is not None:
                    lines += self.test(indent, guard, Effect(owner, location))
            inner = indent if guard is None else indent + "    "
            lines += self.effect(inner, effect, owner, location)
        return lines

    def effect(self, indent: str, effect: Assignment, owner: str, location: object) -> list[str]:
        """One assignment: the value, pulled into the variable's range, stored (with
        records: ``change`` stores it and records it, with its cause, if it differs)."""
        variable = self.variables[effect.target]
        slot = self.layout.variable_slot[effect.target]
        allowed = frozenset(variable.values) if variable.kind is VariableKind.ENUM else None
        value = python_effect_value(effect.source, allowed, effect.target, self.reader)
        if effect.op == "+=":
            value = f"s[{slot}] + {value}"
        elif effect.op == "-=":
            value = f"s[{slot}] - {value}"
        clamp = self.clamp(indent, variable, effect)
        if not self.records and not clamp and not _can_fail(value):
            return [f"{indent}s[{slot}] = {value}"]
        lines: list[str] = []
        if _can_fail(value):
            where = self.constants.owner((owner, location))
            lines += [
                f"{indent}try:",
                f"{indent}    new = {value}",
                f"{indent}except EvalError as error:",
                f"{indent}    raise _fx({where}, {TURN_SLOT}, {effect.source!r}, error) from error",
            ]
        else:
            lines.append(f"{indent}new = {value}")
        if self.records and clamp:
            lines.append(f"{indent}raw = new")
        lines += clamp
        if self.records:
            clamped = "new != raw" if clamp else "False"
            lines.append(
                f"{indent}change(s, log, cause, {slot}, new, {clamped}, "
                f"{effect.target!r}, {effect.source!r})"
            )
        else:
            lines.append(f"{indent}s[{slot}] = new")
        return lines

    @staticmethod
    def clamps(variable: Variable) -> bool:
        return variable.kind is VariableKind.INT and (
            variable.minimum is not None or variable.maximum is not None
        )

    def clamp(self, indent: str, variable: Variable, effect: Assignment) -> list[str]:
        """Pull an int back into its range; a step by a positive literal can only overshoot
        on one side (every value the engine stores is already in range)."""
        if not self.clamps(variable):
            return []
        rising = falling = True
        step = effect.value.source.strip()
        if effect.op in ("+=", "-=") and step.isdigit():
            rising, falling = effect.op == "+=", effect.op == "-="
        tests = []
        if rising and variable.maximum is not None:
            tests.append(("new > ", variable.maximum))
        if falling and variable.minimum is not None:
            tests.append(("new < ", variable.minimum))
        lines: list[str] = []
        for number, (test, bound) in enumerate(tests):
            keyword = "if" if number == 0 else "elif"
            lines += [f"{indent}{keyword} {test}{bound}:", f"{indent}    new = {bound}"]
        return lines

    def cause(
        self,
        indent: str,
        kind: str,
        decision: str | None,
        option: str | None,
        outcome: str | None,
        event: str | None,
        text: str,
        sources: object,
    ) -> str:
        return (
            f"{indent}cause = Cause({kind!r}, {TURN_SLOT}, {decision!r}, {option!r}, "
            f"{outcome!r}, {event!r}, {text!r}, {self.constants.cited(sources)})"
        )

    def fire(self, indent: str, event_id: str | None, cause: str = "cause") -> list[str]:
        if event_id is None:
            return []
        index = self.layout.event_index[event_id]
        return [f"{indent}fire_{index}(s, log, {cause if self.records else 'None'})"]

    # -- the module ---------------------------------------------------------------------
