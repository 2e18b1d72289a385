"""Tabs where YAML wants spaces, found before parsing: every such line, with "use spaces".

YAML indents and separates with spaces only, and the two PyYAML parsers disagree about
tabs (libyaml takes ``title: a<TAB>b`` as text and a tab after ``key:`` as a space; the
pure-Python parser refuses both, and reports only the first). So the loader finds every
tab that stands where YAML reads structure (indentation, between tokens, inside an
unquoted value) with a small line scanner, lists each line once, and refuses the file
before either parser sees it: the verdict and the messages are the same everywhere.

A tab inside quotes, inside a block scalar's text (``|`` or ``>``) or in a comment is
text, which YAML keeps and both parsers read alike: it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

MAX_LISTED_LINES = 200
"""Tab lines listed one by one; past this, one more problem counts the rest."""

_LINE = re.compile("[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029]|$)")
_BREAKS = "\r\n\x85\u2028\u2029"
_FLOW_INDICATORS = ",[]{}"
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


@frozen
class TabSlip:
    """A line with a tab where YAML wants spaces: 1-based line, the first such column."""

    line: int
    column: int
    indentation: bool
    """True when the tab is in the line's indentation (else between or inside tokens)."""

    @property
    def message(self) -> str:
        where = "in the indentation" if self.indentation else "where YAML expects spaces"
        return f"a tab character {where}: YAML reads only spaces there; use spaces"


def find_tab_slips(text: str) -> list[TabSlip]:
    """Every line holding a tab that YAML would read as structure, in order."""
    if "\t" not in text:
        return []
    return list(_Scanner().slips(text))


class _Scanner:
    """Walks the text line by line, knowing only what decides whether a tab is text."""

    def __init__(self) -> None:
        self.quote = ""
        """The open quote (' or ") of a quoted scalar that runs on to the next line."""
        self.flow = 0
        """How deep inside [ ] and { } the scanner is."""
        self.block_parent: int | None = None
        """The indentation a block scalar's text must exceed, while one is open."""
        self.block_indent: int | None = None
        """That text's indentation, once its first non-blank line has shown it."""

    def slips(self, text: str) -> Iterator[TabSlip]:
        for number, match in enumerate(_LINE.finditer(text), start=1):
            line = match.group().rstrip(_BREAKS)
            if not match.group():
                break
            slip = self._line(line, number)
            if slip is not None:
                yield slip

    def _line(self, line: str, number: int) -> TabSlip | None:
        if self.block_parent is not None and self._in_block(line):
            return self._block_line(line, number)
        position = 0
        if self.quote:
            position = self._close_quote(line, 0)
            if position < 0:
                return None
        else:
            while position < len(line) and line[position] in " \t":
                if line[position] == "\t":
                    return TabSlip(number, position + 1, indentation=True)
                position += 1
        return self._tokens(line, position, number)

    def _in_block(self, line: str) -> bool:
        """Whether ``line`` belongs to the open block scalar (else the scalar has ended)."""
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip(" \t"):
            return True
        if self.block_indent is None:
            if indent > (self.block_parent or 0):
                self.block_indent = indent
                return True
        elif indent >= self.block_indent:
            return True
        self.block_parent = self.block_indent = None
        return False

    def _block_line(self, line: str, number: int) -> TabSlip | None:
        """A line of block text: a tab before the text's indentation is indentation."""
        limit = self.block_indent if self.block_indent is not None else len(line)
        for column, character in enumerate(line[:limit]):
            if character == "\t":
                return TabSlip(number, column + 1, indentation=True)
            if character != " ":
                break
        return None

    def _close_quote(self, line: str, position: int) -> int:
        """Where the open quoted scalar ends on ``line`` (just past it), or -1 if it runs on."""
        quote = self.quote
        while position < len(line):
            character = line[position]
            if quote == '"' and character == "\\":
                position += 2
                continue
            if character == quote:
                if quote == "'" and line.startswith("''", position):
                    position += 2
                    continue
                self.quote = ""
                return position + 1
            position += 1
        return -1

    def _tokens(self, line: str, position: int, number: int) -> TabSlip | None:
        """The tokens of a line from ``position``; a tab between or inside them is a slip."""
        length = len(line)
        while position < length:
            character = line[position]
            if character == "\t":
                return TabSlip(number, position + 1, indentation=False)
            if character == " ":
                position += 1
                continue
            if character == "#":
                return None
            if character in "\"'":
                self.quote = character
                position = self._close_quote(line, position + 1)
                if position < 0:
                    return None
            elif character in "[{":
                self.flow += 1
                position += 1
            elif character in "]}":
                self.flow = max(0, self.flow - 1)
                position += 1
            elif character == "," or (
                character in "-?:" and (position + 1 == length or line[position + 1] in " \t")
            ):
                position += 1
            elif character in "&*!":
                while position < length and line[position] not in " \t" + _FLOW_INDICATORS:
                    position += 1
            elif character in "|>" and not self.flow:
                header = _BLOCK_HEADER.match(line, position)
                assert header is not None
                self.block_parent = len(line) - len(line.lstrip(" \t"))
                self.block_indent = None
                return self._after_header(line, header.end(), number)
            else:
                position = self._plain(line, position)
                if position < 0:
                    return TabSlip(number, -position, indentation=False)
        return None

    def _after_header(self, line: str, position: int, number: int) -> TabSlip | None:
        """After ``|`` or ``>`` and its indicators only blanks and a comment may follow."""
        rest = line[position:]
        stripped = rest.lstrip(" \t")
        blanks = rest[: len(rest) - len(stripped)]
        if "\t" in blanks and (stripped.startswith("#") or not stripped):
            return TabSlip(number, position + blanks.index("\t") + 1, indentation=False)
        return None

    def _plain(self, line: str, position: int) -> int:
        """Just past an unquoted value on this line, or the negated 1-based column of a tab."""
        length = len(line)
        while position < length:
            character = line[position]
            if character in " \t":
                run = position
                while run < length and line[run] in " \t":
                    run += 1
                if run == length or line[run] == "#":
                    if "\t" in line[position:run]:
                        return -(line.index("\t", position) + 1)
                    return run
                if "\t" in line[position:run]:
                    return -(line.index("\t", position) + 1)
                position = run
                continue
            if character == ":" and (position + 1 == length or line[position + 1] in " \t"):
                return position
            if self.flow and character in _FLOW_INDICATORS:
                return position
            position += 1
        return position
