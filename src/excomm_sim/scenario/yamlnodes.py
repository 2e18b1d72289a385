"""Located YAML nodes (YMap, YSeq, YScalar) and the source text that places offsets in a file.

``yamlread`` builds these from a composed YAML graph; the builder reads them. Each node
keeps the composed node it came from, so line and column cost nothing until a problem
needs them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

import yaml

_YAML = "tag:yaml.org,2002:"
SCALAR_TAGS = {
    _YAML + "str": "str",
    _YAML + "int": "int",
    _YAML + "float": "float",
    _YAML + "bool": "bool",
    _YAML + "null": "null",
    _YAML + "timestamp": "timestamp",
    _YAML + "merge": "str",  # "<<" used as a value is just text
}
MAP_TAG = _YAML + "map"
STR_TAG = _YAML + "str"
SEQ_TAG = _YAML + "seq"
MERGE_TAG = _YAML + "merge"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

ScalarValue = str | int | float | bool | dt.date | None
"""What YAML 1.1 resolves a scalar to (a timestamp is a date, or a datetime, a subclass)."""


class YNode:
    """A located node; line and column (1-based) are read from the composed YAML node."""

    __slots__ = ("node",)

    def __init__(self, node: yaml.Node) -> None:
        self.node = node

    @property
    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    @property
    def column(self) -> int:
        return int(self.node.start_mark.column) + 1


class YScalar(YNode):
    """A scalar: ``value`` as YAML resolved it, ``text`` as the author wrote it.

    ``kind`` is str, int, float, bool, null or timestamp (YAML 1.1's implicit resolution:
    ``no`` is a bool, ``1962-11-03`` a timestamp). ``style`` is "" for plain scalars or the
    quote/block indicator. ``index``/``end`` are character offsets of the scalar in the text.
    """

    __slots__ = ("kind", "text", "value")
    node: yaml.ScalarNode

    def __init__(self, node: yaml.ScalarNode, kind: str, value: ScalarValue) -> None:
        self.node = node
        self.kind = kind
        self.text: str = node.value
        self.value = value

    @property
    def style(self) -> str:
        return self.node.style or ""

    @property
    def index(self) -> int:
        return int(self.node.start_mark.index)

    @property
    def end(self) -> int:
        return int(self.node.end_mark.index)


class YEntry:
    """A mapping entry: where its key stands, the key's YAML kind, and the value node."""

    __slots__ = ("key", "value")

    def __init__(self, key: yaml.ScalarNode, value: YNode) -> None:
        self.key = key
        self.value = value

    @property
    def key_line(self) -> int:
        return int(self.key.start_mark.line) + 1

    @property
    def key_column(self) -> int:
        return int(self.key.start_mark.column) + 1

    @property
    def key_kind(self) -> str:
        return SCALAR_TAGS.get(self.key.tag, "str")


class YMap(YNode):
    """A mapping with string keys (the key's source text) in file order.

    ``flow`` is true for the ``{a: 1, b: 2}`` style, where a comma ends an entry.
    """

    __slots__ = ("entries",)
    node: yaml.MappingNode

    def __init__(self, node: yaml.MappingNode, entries: dict[str, YEntry]) -> None:
        self.node = node
        self.entries = entries

    @property
    def flow(self) -> bool:
        return bool(self.node.flow_style)


class YSeq(YNode):
    """A sequence of located nodes."""

    __slots__ = ("items",)
    node: yaml.SequenceNode

    def __init__(self, node: yaml.SequenceNode, items: list[YNode]) -> None:
        self.node = node
        self.items = items


def describe(node: YNode) -> str:
    """How a node reads in "expected X, got Y" messages."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    assert isinstance(node, YScalar)
    if node.kind == "null":
        return "nothing (null)"
    shown = node.text if len(node.text) <= 40 else node.text[:37] + "..."
    if node.kind == "str":
        return f"the text {shown!r}"
    names = {"int": "integer", "float": "number", "bool": "boolean", "timestamp": "date"}
    return f"the {names.get(node.kind, node.kind)} {shown}"


class SourceText:
    """The text of one file, for turning character offsets into line:column."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) of character ``index``."""
        if self._starts is None:
            self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(self.text)]
        line = bisect.bisect_right(self._starts, index) - 1
        return line + 1, index - self._starts[line] + 1

    def locate(self, scalar: YScalar, offset: int) -> tuple[int, int]:
        """1-based (line, column) of character ``offset`` of ``scalar``'s text in the file.

        Exact for plain and quoted scalars on one line; for folded, multi-line and block
        scalars it follows the characters through the source (line folds and escapes
        included), so the line is right and the column nearly always is.
        """
        text = self.text
        value = scalar.text
        offset = max(0, min(offset, len(value)))
        start = scalar.index
        if scalar.style in ('"', "'"):
            start += 1
        elif scalar.style in ("|", ">"):
            next_break = _LINE_BREAK.search(text, start)
            start = next_break.end() if next_break else start
        if not scalar.style and "\n" not in value and text.startswith(value[:offset], start):
            return self.position(start + offset)
        end = max(scalar.end, start)
        position = start
        for char in value[:offset]:
            found = _find_char(text, char, position, end)
            if found < 0:
                return self.position(start)
            position = found + 1
        while position < end and text[position] in " \t\r\n":
            position += 1
        return self.position(min(position, max(end, start)))


def _find_char(text: str, char: str, start: int, end: int) -> int:
    """Where ``char`` of a scalar's value stands in the source, from ``start`` (or -1)."""
    if char in " \n":
        # A folded line break reads as a space; a kept one as a newline.
        for index in range(start, end):
            if text[index] in " \t\r\n\x85\u2028\u2029":
                return index
        return -1
    return text.find(char, start, end)


def tag_message(tag: str) -> str:
    shown = "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag
    return f"the YAML tag {shown} is not allowed: a scenario holds only plain YAML data"


def scalar_date(scalar: YScalar) -> dt.date | None:
    """A YAML date, or an ISO ``YYYY-MM-DD`` string, as a date; None otherwise."""
    if scalar.kind == "timestamp":
        value = scalar.value
        if isinstance(value, dt.datetime):
            return None
        return value if isinstance(value, dt.date) else None
    if scalar.kind == "str" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", scalar.text):
        try:
            return dt.date.fromisoformat(scalar.text)
        except ValueError:
            return None
    return None
