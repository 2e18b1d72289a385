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

from excomm_sim.scenario.expr import (
    Assignment,
    ExprError,
    Expression,
    Names,
    compile_condition,
    compile_effect,
    compile_expression,
)
from excomm_sim.scenario.fields import Context
from excomm_sim.scenario.model import Variable, VariableKind
from excomm_sim.scenario.yamlnodes import YNode, YScalar, describe

_STRING_LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
_COMPARISON = re.compile(
    r"(?<![\w.])([a-z][a-z0-9_]*)\s*(==|!=|<=|>=|<|>)\s*(-?\d+)(?![\w.])"
    r"|(?<![\w.])(-?\d+)\s*(==|!=|<=|>=|<|>)\s*([a-z][a-z0-9_]*)(?![\w.(])"
)
_LITERAL_ASSIGNMENT = re.compile(r"\s*([a-z][a-z0-9_]*)\s*=\s*(-?\d+)\s*")
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}


class ExpressionCompiler:
    """Compiles one file's expressions against its declared names, reporting located errors."""

    def __init__(self, ctx: Context, names: Names, variables: Mapping[str, Variable]) -> None:
        self.ctx = ctx
        self.names = names
        self.variables = variables
        self._one: Expression | None = None

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
        assert isinstance(node, YScalar)
        try:
            expression = compile_condition(source, self.names)
        except ExprError as error:
            self._report(node, path, error)
            return None
        self._check_comparisons(node, path, source)
        return expression

    def integer(self, node: YNode, path: str) -> Expression | None:
        source = self.source_of(node, path)
        if source is None:
            return None
        assert isinstance(node, YScalar)
        try:
            expression = compile_expression(source, self.names, "int")
        except ExprError as error:
            self._report(node, path, error)
            return None
        self._check_comparisons(node, path, source)
        return expression

    def effect(self, node: YNode, path: str) -> Assignment | None:
        if not isinstance(node, YScalar) or node.kind != "str":
            self.ctx.report(
                node,
                path,
                f"expected an effect as text (like 'tension -= 10'), got {describe(node)}",
            )
            return None
        source = node.text.rstrip("\n") if node.style in ("|", ">") else node.text
        try:
            assignment = compile_effect(source, self.names)
        except ExprError as error:
            self._report(node, path, error)
            return None
        self._check_literal_assignment(node, path, source)
        self._check_comparisons(node, path, source)
        return assignment

    def constant_one(self) -> Expression:
        """The default chance weight, compiled once per file."""
        if self._one is None:
            self._one = compile_expression("1", self.names, "int")
        return self._one

    def _report(self, node: YScalar, path: str, error: ExprError) -> None:
        line, column = self.ctx.source.locate(node, error.offset)
        message = error.message
        if error.hint and error.hint not in message:
            message = f"{message} ({error.hint})"
        self.ctx.report_at(line, column, path, message)

    def _check_literal_assignment(self, node: YScalar, path: str, source: str) -> None:
        match = _LITERAL_ASSIGNMENT.fullmatch(source)
        if match is None:
            return
        variable = self.variables.get(match.group(1))
        if variable is None or variable.kind is not VariableKind.INT:
            return
        value = int(match.group(2))
        if not _in_range(variable, value):
            line, column = self.ctx.source.locate(node, match.start(2))
            self.ctx.report_at(
                line,
                column,
                path,
                f"{value} is outside {variable.id}'s range {variable.minimum}..{variable.maximum}",
            )

    def _check_comparisons(self, node: YScalar, path: str, source: str) -> None:
        if not any(char.isdigit() for char in source):
            return
        blanked = _STRING_LITERAL.sub(lambda match: " " * len(match.group()), source)
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
            line, column = self.ctx.source.locate(node, literal_at)
            self.ctx.report_at(
                line,
                column,
                path,
                f"{value} is outside {name}'s range {variable.minimum}..{variable.maximum}, "
                f"so '{name} {operator} {value}' is always {outcome}",
                "warning",
            )


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
