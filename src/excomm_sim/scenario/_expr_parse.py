"""The expression parser: tokens -> a small located syntax tree, or an ExprError.

Recursive descent, one function per precedence level (loosest first):
``x if c else y``; ``or``; ``and``; ``not``; comparisons and ``in``; ``+ -``; ``* / %``;
unary ``-``; atoms. Nesting is bounded by ``MAX_DEPTH`` both while parsing (parentheses,
prefix operators) and in the finished tree (long operator chains), so neither the parser,
the checker nor the compiled closures can exhaust Python's stack.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import evolve, frozen

from excomm_sim.scenario._expr_lex import Token
from excomm_sim.scenario._expr_types import ExprError

MAX_DEPTH = 50
"""Deepest nesting accepted, counting parentheses, prefix operators and operator chains."""

COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
ASSIGNMENTS = frozenset({"=", "+=", "-="})


@frozen
class Node:
    """Base of the syntax tree: every node knows its source extent and its depth."""

    start: int
    end: int
    depth: int


@frozen
class Literal(Node):
    value: int | bool | str
    """A string value keeps its text without the quotes."""


@frozen
class Name(Node):
    name: str


@frozen
class Unary(Node):
    op: str  # "-" or "not"
    operand: Node


@frozen
class Binary(Node):
    """Arithmetic or a comparison; ``op_start``/``op_end`` locate the operator."""

    op: str
    left: Node
    right: Node
    op_start: int
    op_end: int


@frozen
class Logical(Node):
    """A flattened ``a and b and c`` (or ``or``) chain."""

    op: str
    operands: tuple[Node, ...]


@frozen
class Membership(Node):
    negated: bool
    left: Node
    items: tuple[Node, ...]
    op_start: int
    op_end: int


@frozen
class Conditional(Node):
    body: Node
    test: Node
    orelse: Node


@frozen
class Call(Node):
    function: str
    name_end: int
    args: tuple[Node, ...]


def _too_deep(start: int, end: int) -> ExprError:
    return ExprError(
        f"expression is nested too deeply (the limit is {MAX_DEPTH} levels)",
        start,
        max(end - start, 1),
        "split it into simpler conditions",
    )


def _depth(start: int, end: int, *children: Node) -> int:
    depth = 1 + max(child.depth for child in children)
    if depth > MAX_DEPTH:
        raise _too_deep(start, end)
    return depth


class Parser:
    """Parses one token list; ``parse_expression_to_end`` is the entry point."""

    def __init__(self, tokens: list[Token], position: int = 0) -> None:
        self.tokens = tokens
        self.position = position
        self.nesting = 0

    # -- token helpers -------------------------------------------------------------------

    @property
    def current(self) -> Token:
        return self.tokens[self.position]

    def _is(self, kind: str, *texts: str) -> bool:
        token = self.tokens[self.position]
        return token.kind == kind and (not texts or token.text in texts)

    def _advance(self) -> Token:
        token = self.tokens[self.position]
        if token.kind != "end":
            self.position += 1
        return token

    def _previous_text(self) -> str:
        return self.tokens[self.position - 1].text if self.position > 0 else ""

    def _enter(self, token: Token) -> None:
        self.nesting += 1
        if self.nesting > MAX_DEPTH:
            raise _too_deep(token.start, token.end)

    def _expect_close(self, opener: Token, what: str) -> Token:
        if self._is("op", ")"):
            return self._advance()
        found = self.current
        raise ExprError(
            f"expected ')' to close the '(' {what} at character {opener.start + 1},"
            f" found {found.describe()}",
            found.start,
            found.end - found.start,
        )

    # -- grammar -------------------------------------------------------------------------

    def parse_expression_to_end(self) -> Node:
        node = self.parse_expression()
        token = self.current
        if token.kind != "end":
            raise _leftover(token)
        return node

    def parse_expression(self) -> Node:
        """expression := disjunction ['if' disjunction 'else' expression]"""
        self._enter(self.current)
        body = self.parse_disjunction()
        if self._is("kw", "if"):
            self._advance()
            test = self.parse_disjunction()
            if not self._is("kw", "else"):
                found = self.current
                raise ExprError(
                    "expected 'else' to finish 'value if condition else other',"
                    f" found {found.describe()}",
                    found.start,
                    found.end - found.start,
                )
            self._advance()
            orelse = self.parse_expression()
            start, end = body.start, orelse.end
            body = Conditional(
                start, end, _depth(start, end, body, test, orelse), body, test, orelse
            )
        self.nesting -= 1
        return body

    def _parse_logical(self, op: str, parse_operand: Callable[[], Node]) -> Node:
        first = parse_operand()
        operands = [first]
        while self._is("kw", op):
            self._advance()
            operands.append(parse_operand())
        if len(operands) == 1:
            return first
        start, end = first.start, operands[-1].end
        return Logical(start, end, _depth(start, end, *operands), op, tuple(operands))

    def parse_disjunction(self) -> Node:
        """disjunction := conjunction ('or' conjunction)*"""
        return self._parse_logical("or", self.parse_conjunction)

    def parse_conjunction(self) -> Node:
        """conjunction := negation ('and' negation)*"""
        return self._parse_logical("and", self.parse_negation)

    def parse_negation(self) -> Node:
        """negation := 'not' negation | comparison"""
        if self._is("kw", "not"):
            token = self._advance()
            self._enter(token)
            operand = self.parse_negation()
            self.nesting -= 1
            return Unary(
                token.start, operand.end, _depth(token.start, operand.end, operand), "not", operand
            )
        return self.parse_comparison()

    def parse_comparison(self) -> Node:
        """comparison := sum [compare_op sum | ['not'] 'in' '(' expression, ... ')']"""
        left = self.parse_sum()
        token = self.current
        if token.kind == "op" and token.text in COMPARISONS:
            self._advance()
            right = self.parse_sum()
            node: Node = Binary(
                left.start,
                right.end,
                _depth(left.start, right.end, left, right),
                token.text,
                left,
                right,
                token.start,
                token.end,
            )
        elif token.kind == "kw" and token.text in ("in", "not"):
            node = self._parse_membership(left)
        else:
            return left
        after = self.current
        if (after.kind == "op" and after.text in COMPARISONS) or (
            after.kind == "kw" and after.text == "in"
        ):
            hint = "comparisons cannot be chained; write 'a < b and b < c' instead"
            raise ExprError(
                f"unexpected '{after.text}': {hint}", after.start, after.end - after.start, hint
            )
        return node

    def _parse_membership(self, left: Node) -> Node:
        first = self._advance()
        negated = first.text == "not"
        if negated:
            if not self._is("kw", "in"):
                found = self.current
                raise ExprError(
                    "expected 'in' after 'not' (as in 'x not in (a, b)'),"
                    f" found {found.describe()}",
                    found.start,
                    found.end - found.start,
                )
            self._advance()
        op_end = self.tokens[self.position - 1].end
        if not self._is("op", "("):
            found = self.current
            raise ExprError(
                f"expected '(' after 'in' (as in 'x in (a, b)'), found {found.describe()}",
                found.start,
                found.end - found.start,
            )
        opener = self._advance()
        if self._is("op", ")"):
            closer = self.current
            raise ExprError(
                "expected at least one value inside 'in (...)'",
                opener.start,
                closer.end - opener.start,
            )
        items = self._parse_list(opener, "of 'in'")
        end = self.tokens[self.position - 1].end
        return Membership(
            left.start,
            end,
            _depth(left.start, end, left, *items),
            negated,
            left,
            items,
            first.start,
            op_end,
        )

    def _parse_list(self, opener: Token, what: str) -> tuple[Node, ...]:
        """Comma-separated expressions up to and including ')', trailing comma allowed."""
        items = [self.parse_expression()]
        while self._is("op", ","):
            self._advance()
            if self._is("op", ")"):
                break
            items.append(self.parse_expression())
        self._expect_close(opener, what)
        return tuple(items)

    def _parse_arithmetic(self, ops: tuple[str, ...], parse_operand: Callable[[], Node]) -> Node:
        left: Node = parse_operand()
        while self._is("op", *ops):
            token = self._advance()
            right: Node = parse_operand()
            left = Binary(
                left.start,
                right.end,
                _depth(left.start, right.end, left, right),
                token.text,
                left,
                right,
                token.start,
                token.end,
            )
        return left

    def parse_sum(self) -> Node:
        """sum := term (('+' | '-') term)*"""
        return self._parse_arithmetic(("+", "-"), self.parse_term)

    def parse_term(self) -> Node:
        """term := unary (('*' | '/' | '%') unary)*"""
        return self._parse_arithmetic(("*", "/", "%"), self.parse_unary)

    def parse_unary(self) -> Node:
        """unary := '-' unary | atom"""
        if self._is("op", "-"):
            token = self._advance()
            self._enter(token)
            operand = self.parse_unary()
            self.nesting -= 1
            return Unary(
                token.start, operand.end, _depth(token.start, operand.end, operand), "-", operand
            )
        return self.parse_atom()

    def parse_atom(self) -> Node:
        """atom := INT | STRING | 'true' | 'false' | NAME ['(' args ')'] | '(' expression ')'"""
        token = self.current
        if token.kind in ("int", "str") or (token.kind == "kw" and token.text in ("true", "false")):
            self._advance()
            return Literal(token.start, token.end, 1, token.value)
        if token.kind == "name":
            self._advance()
            if self._is("op", "("):
                opener = self._advance()
                if self._is("op", ")"):
                    closer = self._advance()
                    args: tuple[Node, ...] = ()
                else:
                    args = self._parse_list(opener, f"of {token.text}(...)")
                    closer = self.tokens[self.position - 1]
                depth = _depth(token.start, closer.end, *args) if args else 1
                return Call(token.start, closer.end, depth, token.text, token.end, args)
            return Name(token.start, token.end, 1, token.text)
        if token.kind == "op" and token.text == "(":
            self._advance()
            inner = self.parse_expression()
            closer = self._expect_close(token, "opened")
            # The parentheses belong to the subexpression: errors and messages show them.
            return evolve(inner, start=token.start, end=closer.end)
        raise _expected_value(token, self._previous_text() if self.position else "")


def _expected_value(found: Token, after: str) -> ExprError:
    where = f" after '{after}'" if after else ""
    message = f"expected a value{where}, found {found.describe()}"
    hint = ""
    if found.kind == "kw" and found.text == "not":
        hint = "put 'not ...' in parentheses"
    elif found.kind == "op" and found.text in ("=", "+=", "-="):
        hint = "'=' belongs in effects; to compare, write '=='"
    if hint:
        message = f"{message} ({hint})"
    return ExprError(message, found.start, found.end - found.start, hint)


def _leftover(token: Token) -> ExprError:
    hint = ""
    if token.kind == "op" and token.text == "=":
        hint = "to compare, write '=='; '=' only sets a variable in an effect"
    elif token.kind == "op" and token.text in ("+=", "-="):
        hint = f"'{token.text}' only appears in effects, as 'variable {token.text} value'"
    elif token.kind == "str" and token.start > 0:
        hint = "strings are plain values; there are no string prefixes or f-strings"
    message = f"expected an operator or the end of the expression, found {token.describe()}"
    if hint:
        message = f"{message} ({hint})"
    return ExprError(message, token.start, token.end - token.start, hint)
