"""YAML text -> a small tree of located nodes (YMap, YSeq, YScalar), safely and with limits.

PyYAML's own constructors lose every position and accept duplicate keys silently, so the
loader composes the node graph with a *safe* loader (never ``yaml.load``; libyaml's
``CSafeLoader`` when present) and walks it here: every node keeps its 1-based line and
column, duplicate keys and foreign tags are reported, and alias expansion is measured on
the graph before anything is expanded, so a "billion laughs" file is refused at once and
in memory proportional to the file, not to its expansion.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

import yaml

from excomm_sim.scenario.problems import Problems

try:  # libyaml composes the node graph in C, with the same marks as the pure loader.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_NODES = 1_000_000
"""Most nodes a document may hold once aliases are expanded (billion-laughs guard)."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted (a scenario needs about eight)."""

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {
    _YAML + "str": "str",
    _YAML + "int": "int",
    _YAML + "float": "float",
    _YAML + "bool": "bool",
    _YAML + "null": "null",
    _YAML + "timestamp": "timestamp",
    _YAML + "merge": "str",  # "<<" used as a value is just text
}
_MAP_TAG = _YAML + "map"
_SEQ_TAG = _YAML + "seq"
_MERGE_TAG = _YAML + "merge"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class YNode:
    """A located node: 1-based ``line`` and ``column`` of its first character."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class YScalar(YNode):
    """A scalar: ``value`` as YAML resolved it, ``text`` as the author wrote it.

    ``kind`` is str, int, float, bool, null or timestamp (YAML 1.1's implicit resolution:
    ``no`` is a bool, ``1962-11-03`` a timestamp). ``style`` is "" for plain scalars or the
    quote/block indicator. ``index``/``end`` are character offsets of the scalar in the text.
    """

    __slots__ = ("end", "index", "kind", "style", "text", "value")

    def __init__(
        self,
        line: int,
        column: int,
        value: Any,
        text: str,
        kind: str,
        style: str,
        index: int,
        end: int,
    ) -> None:
        super().__init__(line, column)
        self.value = value
        self.text = text
        self.kind = kind
        self.style = style
        self.index = index
        self.end = end


class YEntry:
    """A mapping entry: where its key stands, the key's YAML kind, and the value node."""

    __slots__ = ("key_column", "key_kind", "key_line", "value")

    def __init__(self, key_line: int, key_column: int, key_kind: str, value: YNode) -> None:
        self.key_line = key_line
        self.key_column = key_column
        self.key_kind = key_kind
        self.value = value


class YMap(YNode):
    """A mapping with string keys (the key's source text) in file order.

    ``flow`` is true for the ``{a: 1, b: 2}`` style, where a comma ends an entry.
    """

    __slots__ = ("entries", "flow")

    def __init__(
        self, line: int, column: int, entries: dict[str, YEntry], flow: bool = False
    ) -> None:
        super().__init__(line, column)
        self.entries = entries
        self.flow = flow


class YSeq(YNode):
    """A sequence of located nodes."""

    __slots__ = ("items",)

    def __init__(self, line: int, column: int, items: list[YNode]) -> None:
        super().__init__(line, column)
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
    if node.kind == "str":
        shown = node.text if len(node.text) <= 40 else node.text[:37] + "..."
        return f"the text {shown!r}"
    names = {"int": "integer", "float": "number", "bool": "boolean", "timestamp": "date"}
    return f"the {names.get(node.kind, node.kind)} {node.text}"


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


def read_yaml(source: SourceText, problems: Problems) -> YNode | None:
    """Compose ``source`` safely and convert it; None (with problems) when unreadable."""
    try:
        node = yaml.compose(source.text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.add(line, column, "", f"YAML syntax error: {_syntax_message(error)}")
        return None
    except yaml.reader.ReaderError as error:
        line, column = source.position(error.position)
        problems.add(line, column, "", f"YAML syntax error: {error.reason}")
        return None
    except yaml.YAMLError as error:
        problems.add(1, 1, "", f"YAML syntax error: {error}")
        return None
    except RecursionError:
        problems.add(1, 1, "", f"the document nests deeper than {MAX_DEPTH} levels")
        return None
    if node is None:
        return None
    if not _within_limits(node, problems):
        return None
    return _Converter(problems).convert(node, "")


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    """PyYAML's problem and context as one sentence (context first when it reads better)."""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    if not context:
        return problem or "unreadable YAML"
    if not problem:
        return context
    if problem.startswith("but "):
        return f"{context}, {problem}"
    where = f" that starts on line {error.context_mark.line + 1}" if error.context_mark else ""
    return f"{problem} ({context}{where})"


def _within_limits(root: yaml.Node, problems: Problems) -> bool:
    """Measure the expanded size of the node graph without expanding it.

    Sizes are memoised per node object, so shared (aliased) nodes cost one visit however
    often they are referenced; a node that contains itself is a cycle.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def measure(node: yaml.Node, depth: int) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in active:
            raise _Refused(node, "an alias refers to a node that contains it (a cycle)")
        if depth > MAX_DEPTH:
            raise _Refused(node, f"the document nests deeper than {MAX_DEPTH} levels")
        size = 1
        if isinstance(node, yaml.SequenceNode):
            active.add(key)
            for child in node.value:
                size += measure(child, depth + 1)
            active.discard(key)
        elif isinstance(node, yaml.MappingNode):
            active.add(key)
            for key_node, value_node in node.value:
                size += measure(key_node, depth + 1) + measure(value_node, depth + 1)
            active.discard(key)
        if size > MAX_NODES:
            raise _Refused(
                node,
                f"the document expands to more than {MAX_NODES:,} nodes "
                "(aliases referring to aliases?); refused",
            )
        sizes[key] = size
        return size

    try:
        measure(root, 0)
    except _Refused as refusal:
        mark = refusal.node.start_mark
        problems.add(mark.line + 1, mark.column + 1, "", refusal.message)
        return False
    return True


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


class _Converter:
    """Walks a measured node graph once; shared (aliased) nodes convert once."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.done: dict[int, YNode] = {}

    def convert(self, node: yaml.Node, path: str) -> YNode:
        known = self.done.get(id(node))
        if known is not None:
            return known
        mark = node.start_mark
        line, column = mark.line + 1, mark.column + 1
        result: YNode
        if isinstance(node, yaml.ScalarNode):
            result = self._scalar(node, line, column, path)
        elif isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ_TAG, line, column, path)
            result = YSeq(
                line,
                column,
                [self.convert(child, f"{path}[{index}]") for index, child in enumerate(node.value)],
            )
        else:
            self._check_tag(node, _MAP_TAG, line, column, path)
            result = YMap(line, column, self._entries(node, path), bool(node.flow_style))
        self.done[id(node)] = result
        return result

    def _check_tag(self, node: yaml.Node, expected: str, line: int, column: int, path: str) -> None:
        if node.tag != expected:
            self.problems.add(line, column, path, _tag_message(node.tag))

    def _scalar(self, node: yaml.ScalarNode, line: int, column: int, path: str) -> YScalar:
        text: str = node.value
        kind = _SCALAR_TAGS.get(node.tag)
        style = node.style or ""
        scalar = YScalar(
            line,
            column,
            text,
            text,
            kind or "str",
            style,
            node.start_mark.index,
            node.end_mark.index,
        )
        if kind is None:
            self.problems.add(line, column, path, _tag_message(node.tag))
            return scalar
        if kind == "str":
            return scalar
        try:
            if kind == "int":
                scalar.value = _CONSTRUCTOR.construct_yaml_int(node)
            elif kind == "float":
                scalar.value = _CONSTRUCTOR.construct_yaml_float(node)
            elif kind == "bool":
                scalar.value = _CONSTRUCTOR.construct_yaml_bool(node)
            elif kind == "null":
                scalar.value = None
            else:
                scalar.value = _CONSTRUCTOR.construct_yaml_timestamp(node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            shown = "date" if kind == "timestamp" else kind
            self.problems.add(line, column, path, f"{text!r} is not a valid {shown}")
            scalar.kind = "str"
        return scalar

    def _entries(self, node: yaml.MappingNode, path: str) -> dict[str, YEntry]:
        entries: dict[str, YEntry] = {}
        merged: list[YMap] = []
        for key_node, value_node in node.value:
            key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.add(
                    key_line, key_column, path, "a key must be a plain name, not a list or mapping"
                )
                continue
            if key_node.tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node, path))
                continue
            key = key_node.value
            key_path = f"{path}.{key}" if path else key
            key_kind = _SCALAR_TAGS.get(key_node.tag)
            if key_kind is None:
                self.problems.add(key_line, key_column, key_path, _tag_message(key_node.tag))
                key_kind = "str"
            first = entries.get(key)
            if first is not None:
                self.problems.add(
                    key_line,
                    key_column,
                    key_path,
                    f"duplicate key '{key}' (first given on line {first.key_line}); "
                    "YAML would silently keep only the last one",
                )
                continue
            entries[key] = YEntry(
                key_line, key_column, key_kind, self.convert(value_node, key_path)
            )
        for source in merged:
            for key, entry in source.entries.items():
                entries.setdefault(key, entry)
        return entries

    def _merge_sources(self, node: yaml.Node, path: str) -> list[YMap]:
        """The mappings a ``<<:`` merge key brings in (a mapping or a list of them)."""
        converted = self.convert(node, path)
        candidates = converted.items if isinstance(converted, YSeq) else [converted]
        sources: list[YMap] = []
        for candidate in candidates:
            if isinstance(candidate, YMap):
                sources.append(candidate)
            else:
                self.problems.add(
                    candidate.line,
                    candidate.column,
                    path,
                    f"a merge key (<<) takes a mapping or a list of mappings, "
                    f"got {describe(candidate)}",
                )
        return sources


def _tag_message(tag: str) -> str:
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
