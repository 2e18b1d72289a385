"""Compile the expressions of a scenario file and place their errors inside the YAML scalar.

The expression module reports an offset inside the expression text; here that offset becomes
the file's line and column, so ``verificaton`` is flagged where it is misspelled. It also
holds the range checks that need both the text and the declared variables: an effect that
assigns a literal outside a variable's range (an error), and a comparison with a literal the
variable can never reach (a warning: the condition is always true or always false).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal, overload

from excomm_sim.scenario.codes import expression_code
from excomm_sim.scenario.expr import (
    Assignment,
    ExprError,
    Expression,
    Names,
    compile_condition,
    compile_effect,
    compile_expression,
    parse_tree,
)
from excomm_sim.scenario.fields import Context
from excomm_sim.scenario.model import Variable, VariableKind
from excomm_sim.scenario.problems import Severity
from excomm_sim.scenario.yamlnodes import YNode, YScalar, describe

_STRING_LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
_COMPARISON = re.compile(
    r"(?<![\w.])([a-z][a-z0-9_]*)\s*(==|!=|<=|>=|<|>)\s*(-?\d+)(?![\w.])"
    r"|(?<![\w.])(-?\d+)\s*(==|!=|<=|>=|<|>)\s*([a-z][a-z0-9_]*)(?![\w.(])"
)
_LITERAL_ASSIGNMENT = re.compile(r"\s*([a-z][a-z0-9_]*)\s*=\s*(-?\d+)\s*")
_DIGIT = re.compile(r"\d")
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}


Finding = tuple[int, str, Severity, str]
"""A problem inside an expression: offset in its text, message, severity, code."""
Mode = Literal["bool", "int", "effect"]
"""What a text is compiled as: a condition, a number, or an effect."""
Outcome = tuple[Expression | Assignment | None, tuple[Finding, ...]]
"""A text's compiled form (None when it failed) and the findings to report where it stands."""


class ExpressionCompiler:
    """Compiles one file's expressions against its declared names, reporting located errors.

    Results are memoised by text: a file states ``tension -= 5`` many times, and the answer
    (the compiled object, or the findings to report) depends only on the text and the
    file's declarations. Findings are placed anew at every scalar that repeats the text.
    """

    def __init__(self, ctx: Context, names: Names, variables: Mapping[str, Variable]) -> None:
        self.ctx = ctx
        self.names = names
        self.variables = variables
        self._memo: dict[tuple[Mode, str], Outcome] = {}

    def source_of(self, node: YNode, path: str) -> str | None:
        """An expression's text: a string, or a plain number or boolean (``weight: 60``)."""
        if not isinstance(node, YScalar) or node.kind == "null":
            self.ctx.report(node, path, f"expected an expression (text), got {describe(node)}")
            return None
        if node.style in ("|", ">"):
            return node.text.rstrip("\n")
        return node.text

    def condition(self, node: YNode, path: str) -> Expression | None:
        source = self.source_of(node, path)
        if source is None:
            return None
        return self._compiled("bool", source, node, path)

    def integer(self, node: YNode, path: str) -> Expression | None:
        source = self.source_of(node, path)
        if source is None:
            return None
        return self._compiled("int", source, node, path)

    def effect(self, node: YNode, path: str) -> Assignment | None:
        if not isinstance(node, YScalar) or node.kind != "str":
            self.ctx.report(
                node,
                path,
                f"expected an effect as text (like 'tension -= 10'), got {describe(node)}",
            )
            return None
        source = node.text.rstrip("\n") if node.style in ("|", ">") else node.text
        return self._compiled("effect", source, node, path)

    def constant_one(self) -> Expression:
        """The default chance weight, compiled once per file."""
        one = self._compile("int", "1")[0]
        assert one is not None, "the literal 1 always compiles"
        return one

    @overload
    def _compiled(
        self, mode: Literal["effect"], source: str, node: YNode, path: str
    ) -> Assignment | None: ...
    @overload
    def _compiled(
        self, mode: Literal["bool", "int"], source: str, node: YNode, path: str
    ) -> Expression | None: ...
    def _compiled(
        self, mode: Mode, source: str, node: YNode, path: str
    ) -> Expression | Assignment | None:
        assert isinstance(node, YScalar)
        result, findings = self._compile(mode, source)
        for offset, message, severity, code in findings:
            line, column = self.ctx.source.locate(node, offset)
            self.ctx.problems.add(line, column, path, message, severity, code)
        return result

    @overload
    def _compile(
        self, mode: Literal["effect"], source: str
    ) -> tuple[Assignment | None, tuple[Finding, ...]]: ...
    @overload
    def _compile(
        self, mode: Literal["bool", "int"], source: str
    ) -> tuple[Expression | None, tuple[Finding, ...]]: ...
    def _compile(self, mode: Mode, source: str) -> Outcome:
        """``source`` compiled as ``mode``: an Assignment for "effect", else an Expression."""
        key = (mode, source)
        known = self._memo.get(key)
        if known is not None:
            return known
        try:
            if mode == "effect":
                result: Expression | Assignment = compile_effect(source, self.names)
            elif mode == "bool":
                result = compile_condition(source, self.names)
            else:
                result = compile_expression(source, self.names, "int")
        except ExprError as error:
            message = error.message
            if error.hint and error.hint not in message:
                message = f"{message} ({error.hint})"
            code = expression_code(message, _parses(source, mode == "effect"))
            outcome: Outcome = (None, ((error.offset, message, "error", code),))
        else:
            findings = self._range_findings(source) if _DIGIT.search(source) else ()
            outcome = (result, findings)
        self._memo[key] = outcome
        return outcome

    def _range_findings(self, source: str) -> tuple[Finding, ...]:
        findings: list[Finding] = []
        match = _LITERAL_ASSIGNMENT.fullmatch(source)
        if match is not None:
            variable = self.variables.get(match.group(1))
            if variable is not None and variable.kind is VariableKind.INT:
                value = int(match.group(2))
                if not _in_range(variable, value):
                    findings.append(
                        (
                            match.start(2),
                            f"{value} is outside {variable.id}'s range "
                            f"{variable.minimum}..{variable.maximum}",
                            "error",
                            "E306",
                        )
                    )
        blanked = _STRING_LITERAL.sub(lambda found: " " * len(found.group()), source)
        for match in _COMPARISON.finditer(blanked):
            if match.group(1):
                name, operator, literal = match.group(1), match.group(2), match.group(3)
                literal_at = match.start(3)
            else:
                name, operator, literal = match.group(6), _FLIPPED[match.group(5)], match.group(4)
                literal_at = match.start(4)
            variable = self.variables.get(name)
            if variable is None or variable.kind is not VariableKind.INT:
                continue
            value = int(literal)
            if _in_range(variable, value):
                continue
            outcome = _always(operator, above=value > (variable.maximum or 0))
            findings.append(
                (
                    literal_at,
                    f"{value} is outside {name}'s range {variable.minimum}..{variable.maximum}, "
                    f"so '{name} {operator} {value}' is always {outcome}",
                    "warning",
                    "W307",
                )
            )
        return tuple(findings)


def _parses(source: str, effect: bool) -> bool:
    try:
        parse_tree(source, effect)
    except ExprError:
        return False
    return True


def _in_range(variable: Variable, value: int) -> bool:
    low, high = variable.minimum, variable.maximum
    return (low is None or value >= low) and (high is None or value <= high)


def _always(operator: str, above: bool) -> str:
    """The constant result of ``variable <operator> literal`` when literal is off the range."""
    if operator == "!=":
        return "true"
    if operator == "==":
        return "false"
    less = operator in ("<", "<=")
    return "true" if less == above else "false"
