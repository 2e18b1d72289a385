"""The expression parser: tokens -> a small located syntax tree, or an ExprError.

Precedence climbing (loosest first): ``x if c else y``; ``or``; ``and``; prefix ``not``;
comparisons and ``in`` (not chainable); ``+ -``; ``* / %``; prefix ``-``; atoms. Nesting is
bounded by ``MAX_DEPTH`` both while parsing (parentheses, prefix operators, arguments)
and in the finished tree (long operator chains), so neither the parser, the checker nor
the compiled closures can exhaust Python's stack.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import evolve, frozen

from excomm_sim.scenario._expr_lex import Token
from excomm_sim.scenario._expr_types import ASSIGN_OPS, ExprError

MAX_DEPTH = 50
"""Deepest nesting accepted, counting parentheses, prefix operators and operator chains."""

COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
ASSIGNMENTS = frozenset(ASSIGN_OPS)

# Binding strength, loosest first; 'not' and unary '-' are prefix operators.
_LOOSEST, _OR, _AND, _NOT, _COMPARISON, _SUM, _PRODUCT, _UNARY_MINUS = range(8)
_INFIX: dict[str, int] = {op: _COMPARISON for op in COMPARISONS}
_INFIX.update({"+": _SUM, "-": _SUM, "*": _PRODUCT, "/": _PRODUCT, "%": _PRODUCT})
_INFIX_KEYWORDS = {"or": _OR, "and": _AND, "in": _COMPARISON, "not": _COMPARISON}


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


def walk(root: Node) -> Iterator[Node]:
    """Every node of the tree, parents before children (for tools, not the hot path)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Unary):
            stack.append(node.operand)
        elif isinstance(node, Binary):
            stack += (node.right, node.left)
        elif isinstance(node, Logical | Call):
            children = node.operands if isinstance(node, Logical) else node.args
            stack += reversed(children)
        elif isinstance(node, Membership):
            stack += (*reversed(node.items), node.left)
        elif isinstance(node, Conditional):
            stack += (node.orelse, node.test, node.body)


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
        """expression := binary ['if' binary 'else' expression]"""
        self._enter(self.current)
        body = self.parse_binary(_LOOSEST)
        if self._is("kw", "if"):
            self._advance()
            test = self.parse_binary(_LOOSEST)
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
            depth = _depth(start, end, body, test, orelse)
            body = Conditional(start, end, depth, body, test, orelse)
        self.nesting -= 1
        return body

    def _binary_precedence(self) -> int | None:
        """The precedence of the current token as an infix operator, or None."""
        token = self.tokens[self.position]
        if token.kind == "op":
            return _INFIX.get(token.text)
        if token.kind == "kw":
            return _INFIX_KEYWORDS.get(token.text)
        return None

    def parse_binary(self, min_precedence: int) -> Node:
        """Precedence climbing over prefix and infix operators binding at least this tight.

        Only three Python frames per nesting level (expression, binary, atom), so
        MAX_DEPTH levels stay far below the interpreter's recursion limit.
        """
        left = self._parse_prefix(min_precedence)
        while True:
            precedence = self._binary_precedence()
            if precedence is None or precedence < min_precedence:
                return left
            if precedence == _COMPARISON:
                left = self._parse_comparison(left)
            elif precedence in (_OR, _AND):
                left = self._parse_logical(left, precedence)
            else:
                token = self._advance()
                right = self.parse_binary(precedence + 1)
                depth = _depth(left.start, right.end, left, right)
                left = Binary(
                    left.start, right.end, depth, token.text, left, right, token.start, token.end
                )

    def _parse_prefix(self, min_precedence: int) -> Node:
        token = self.current
        if token.kind == "kw" and token.text == "not" and min_precedence <= _NOT:
            operand_precedence = _NOT
        elif token.kind == "op" and token.text == "-":
            operand_precedence = _UNARY_MINUS
        else:
            return self.parse_atom()
        self._advance()
        self._enter(token)
        operand = self.parse_binary(operand_precedence)
        self.nesting -= 1
        depth = _depth(token.start, operand.end, operand)
        return Unary(token.start, operand.end, depth, token.text, operand)

    def _parse_logical(self, first: Node, precedence: int) -> Node:
        """A flattened chain ``a and b and c``: one node, so long chains are not deep."""
        op = self.current.text
        operands = [first]
        while self._is("kw", op):
            self._advance()
            operands.append(self.parse_binary(precedence + 1))
        start, end = first.start, operands[-1].end
        return Logical(start, end, _depth(start, end, *operands), op, tuple(operands))

    def _parse_comparison(self, left: Node) -> Node:
        """comparison := sum (compare_op sum | ['not'] 'in' '(' expression, ... ')'), unchained"""
        token = self.current
        if token.kind == "kw":
            node = self._parse_membership(left)
        else:
            self._advance()
            right = self.parse_binary(_COMPARISON + 1)
            depth = _depth(left.start, right.end, left, right)
            node = Binary(
                left.start, right.end, depth, token.text, left, right, token.start, token.end
            )
        if self._binary_precedence() == _COMPARISON:
            after = self.current
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
