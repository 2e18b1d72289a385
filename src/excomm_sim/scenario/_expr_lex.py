"""The expression language's tokenizer: source text -> located tokens, or an ExprError.

Kept strict on purpose: names are ASCII only (no NFKC look-alikes), numbers are plain
decimal whole numbers, strings have no escapes, and every character that is not part of
the language is refused with a message naming it, so nothing surprising reaches the parser.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

from excomm_sim.scenario._expr_types import ExprError

TokenKind = Literal["int", "str", "name", "kw", "op", "end"]

MAX_SOURCE_LENGTH = 1000
"""Longest expression accepted, in characters: scenario expressions are one-liners."""

MAX_INT_LITERAL = 999_999_999
"""Largest number literal (in magnitude): keeps arithmetic small and typos visible."""

KEYWORDS = frozenset({"and", "or", "not", "if", "else", "in", "true", "false"})

# Longest first, so "<=" is not read as "<" then "=".
_OPERATORS = (
    *("==", "!=", "<=", ">=", "+=", "-="),
    *("<", ">", "+", "-", "*", "/", "%", "(", ")", ",", "="),
)
_WHITESPACE = frozenset(" \t\r\n")
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_NAME_CHARS = _NAME_START | frozenset("0123456789")
_DIGITS = frozenset("0123456789")

# Characters people type out of habit from other languages, with what to write instead.
_HABITS: dict[str, str] = {
    "//": "'/' already divides whole numbers; write a single '/'",
    "**": "there is no power operator; multiply instead",
    "&&": "use 'and' to combine conditions",
    "||": "use 'or' to combine conditions",
    "&": "use 'and' to combine conditions",
    "|": "use 'or' to combine conditions",
    "!": "use 'not' to negate a condition ('!=' means not equal)",
    ".": "numbers are whole and names have no attributes",
    "[": "subscripts are not part of the language",
    "]": "subscripts are not part of the language",
    "{": "braces are not part of the language",
    "}": "braces are not part of the language",
    ";": "write a single expression",
    ":": "write 'x if condition else y' for a choice between values",
    "\\": "backslashes are not part of the language",
    "`": "backquotes are not part of the language; quote values with ' or \"",
}


class Token(NamedTuple):
    """One lexical unit; ``start``/``end`` are 0-based offsets into the source."""

    kind: TokenKind
    text: str
    value: int | str | bool
    start: int
    end: int

    def describe(self) -> str:
        """How error messages name what was found."""
        if self.kind == "end":
            return "the end of the expression"
        if self.kind == "int":
            return f"number {self.text}"
        if self.kind == "str":
            return f"string {self.text}"
        if self.kind == "name":
            return f"name '{self.text}'"
        return f"'{self.text}'"


def _unexpected(source: str, pos: int) -> ExprError:
    char = source[pos]
    pair = source[pos : pos + 2]
    if pair in _HABITS:
        return ExprError(f"unexpected '{pair}': {_HABITS[pair]}", pos, 2, _HABITS[pair])
    if char in _HABITS:
        return ExprError(f"unexpected '{char}': {_HABITS[char]}", pos, 1, _HABITS[char])
    if ord(char) < 128 and char.isprintable():
        return ExprError(f"unexpected character '{char}'", pos, 1)
    name = unicodedata.name(char, "unnamed character")
    shown = repr(char)[1:-1] if not char.isprintable() else char
    hint = "names use only ASCII letters, digits and '_'; operators are ASCII too"
    return ExprError(
        f"unexpected character '{shown}' (U+{ord(char):04X} {name}): {hint}", pos, 1, hint
    )


def _read_string(source: str, start: int) -> Token:
    quote = source[start]
    pos = start + 1
    length = len(source)
    while pos < length:
        char = source[pos]
        if char == quote:
            text = source[start : pos + 1]
            return Token("str", text, source[start + 1 : pos], start, pos + 1)
        if char == "\\":
            hint = "values are plain names; backslash escapes are not supported"
            raise ExprError(f"unexpected '\\' inside a string: {hint}", pos, 1, hint)
        if char in "\r\n" or not char.isprintable():
            break
        pos += 1
    raise ExprError(
        f"unterminated string: missing the closing {quote}",
        start,
        pos - start,
        f"add {quote} after the value",
    )


def _read_number(source: str, start: int) -> Token:
    pos = start
    length = len(source)
    while pos < length and source[pos] in _DIGITS:
        pos += 1
    end = pos
    while end < length and source[end] in _NAME_CHARS:
        end += 1
    text = source[start:end]
    if end != pos:
        raise ExprError(f"invalid number '{text}': numbers are plain digits", start, end - start)
    if pos < length and source[pos] == ".":
        hint = "numbers are whole, with no decimals"
        raise ExprError(f"unexpected '.' after {text}: {hint}", pos, 1, hint)
    if len(text) > 1 and text[0] == "0":
        hint = f"write {text.lstrip('0') or '0'}"
        raise ExprError(f"numbers cannot start with 0 ('{text}'): {hint}", start, len(text), hint)
    if len(text) > len(str(MAX_INT_LITERAL)) or int(text) > MAX_INT_LITERAL:
        raise ExprError(
            f"number {text} is too large (the limit is {MAX_INT_LITERAL})", start, len(text)
        )
    return Token("int", text, int(text), start, end)


def _match_operator(source: str, pos: int) -> str | None:
    if source.startswith(("//", "**"), pos):
        return None
    for op in _OPERATORS:
        if source.startswith(op, pos):
            return op
    return None


# The common, valid case in one regular expression per token: ASCII names, numbers up to
# MAX_INT_LITERAL without leading zeros, ASCII strings without backslashes, operators.
# Anything it does not take (including every error) goes to ``_tokenize_slowly``, the
# reference tokenizer, which produces the same tokens or the precise error.
_FAST_TOKEN = re.compile(
    r"""[ \t\r\n]*
    (?:
        (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<int>(?:[1-9][0-9]{0,8}|0)(?![A-Za-z0-9_.]))
      | (?P<str>"[ !\#-\[\]-~]*"|'[ -&(-\[\]-~]*')
      | (?P<op>==|!=|<=|>=|\+=|-=|[<>+\-%(),=]|\*(?!\*)|/(?!/))
    )""",
    re.VERBOSE,
)
_TRAILING_SPACE = re.compile(r"[ \t\r\n]*\Z")
assert MAX_INT_LITERAL == 999_999_999  # the int pattern above allows at most 9 digits


def tokenize(source: str) -> list[Token]:
    """Split ``source`` into tokens ending with an "end" token; raise ExprError on bad text."""
    length = len(source)
    if length > MAX_SOURCE_LENGTH:
        raise ExprError(
            f"expression is too long ({length} characters; the limit is {MAX_SOURCE_LENGTH})",
            MAX_SOURCE_LENGTH,
            length - MAX_SOURCE_LENGTH,
        )
    tokens: list[Token] = []
    match = _FAST_TOKEN.match
    pos = 0
    while (found := match(source, pos)) is not None:
        kind = found.lastgroup or ""
        start, pos = found.span(kind)
        text = source[start:pos]
        if kind == "name":
            if text in KEYWORDS:
                value: int | str | bool = text == "true" if text in ("true", "false") else text
                tokens.append(Token("kw", text, value, start, pos))
            else:
                tokens.append(Token("name", text, text, start, pos))
        elif kind == "op":
            tokens.append(Token("op", text, text, start, pos))
        elif kind == "int":
            tokens.append(Token("int", text, int(text), start, pos))
        else:
            tokens.append(Token("str", text, text[1:-1], start, pos))
    if pos != length and _TRAILING_SPACE.match(source, pos) is None:
        return _tokenize_slowly(source)
    tokens.append(Token("end", "", "", length, length))
    return tokens


def _tokenize_slowly(source: str) -> list[Token]:
    """Character by character, with a precise ExprError for anything outside the language."""
    length = len(source)
    tokens: list[Token] = []
    pos = 0
    while pos < length:
        char = source[pos]
        if char in _WHITESPACE:
            pos += 1
        elif char in _NAME_START:
            end = pos + 1
            while end < length and source[end] in _NAME_CHARS:
                end += 1
            word = source[pos:end]
            if word in KEYWORDS:
                value: int | str | bool = word == "true" if word in ("true", "false") else word
                tokens.append(Token("kw", word, value, pos, end))
            else:
                tokens.append(Token("name", word, word, pos, end))
            pos = end
        elif char in _DIGITS:
            token = _read_number(source, pos)
            tokens.append(token)
            pos = token.end
        elif char in "'\"":
            token = _read_string(source, pos)
            tokens.append(token)
            pos = token.end
        else:
            op = _match_operator(source, pos)
            if op is None:
                raise _unexpected(source, pos)
            tokens.append(Token("op", op, op, pos, pos + len(op)))
            pos += len(op)
    tokens.append(Token("end", "", "", length, length))
    return tokens
