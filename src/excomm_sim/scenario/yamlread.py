"""YAML text -> located nodes, through a safe loader, with limits on aliases and nesting.

PyYAML's own constructors lose every position and accept duplicate keys silently, so the
loader composes the node graph with a *safe* loader (never ``yaml.load``; libyaml's
``CSafeLoader`` when present) and walks it here: every node keeps its line and column,
duplicate keys and foreign tags are reported, and alias expansion is measured while the
graph is walked once, so a "billion laughs" file is refused at once and in memory
proportional to the file, not to its expansion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from excomm_sim.scenario.problems import Problems
from excomm_sim.scenario.yamlnodes import (
    MAP_TAG,
    MERGE_TAG,
    SCALAR_TAGS,
    SEQ_TAG,
    STR_TAG,
    ScalarValue,
    SourceText,
    YEntry,
    YMap,
    YNode,
    YScalar,
    YSeq,
    describe,
    tag_message,
)

if TYPE_CHECKING:
    # Checked against the pure loader: libyaml's has the same composing interface.
    _Loader = yaml.SafeLoader
else:
    try:  # libyaml composes the node graph in C, with the same marks as the pure loader.
        _Loader = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        _Loader = yaml.SafeLoader

MAX_NODES = 1_000_000
"""Most nodes a document may hold once aliases are expanded (billion-laughs guard)."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted (a scenario needs about eight)."""

_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class _SafeLoader(_Loader):
    """The safe loader with YAML 1.1 resolution memoised, for speed on large files.

    Composing calls ``resolve`` for every node; the answer depends only on the node kind,
    the text and whether the scalar was plain, so it is cached per text. Path resolvers
    (``descend_resolver``/``ascend_resolver``) are a PyYAML extension nobody registers on
    the safe loader; they are skipped.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._resolved: dict[str, str] = {}

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return STR_TAG
            tag = self._resolved.get(value)
            if tag is None:
                # What super() reaches, named directly: mypy's untyped_calls_exclude
                # (pyproject.toml) does not cover super() calls into the untyped stub.
                tag = self._resolved[value] = yaml.resolver.Resolver.resolve(
                    self, kind, value, implicit
                )
            return tag
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def read_yaml(source: SourceText, problems: Problems) -> YNode | None:
    """Compose ``source`` safely and convert it; None (with problems) when unreadable."""
    loader = _SafeLoader(source.text)
    try:
        node = loader.get_single_node()
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
    finally:
        loader.dispose()
    if node is None:
        return None
    converter = _Converter(problems)
    try:
        return converter.convert(node, "", 0)
    except _Refused as refusal:
        mark = refusal.node.start_mark
        problems.add(mark.line + 1, mark.column + 1, "", refusal.message)
        return None


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


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


class _Converter:
    """Walks the composed node graph once, measuring it as if aliases were expanded.

    A node reached again through an alias converts once (its result is shared), and its
    expanded size is remembered, so a "billion laughs" file is refused after work
    proportional to its length. A collection met again while still being converted is an
    alias cycle.
    """

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.done: dict[int, YNode] = {}
        self.sizes: dict[int, int] = {}
        self.active: set[int] = set()

    def convert(self, node: yaml.Node, path: str, depth: int) -> YNode:
        if node.__class__ is yaml.ScalarNode:
            return self._scalar(node, path)
        key = id(node)
        known = self.done.get(key)
        if known is not None:
            return known
        if key in self.active:
            raise _Refused(node, "an alias refers to a node that contains it (a cycle)")
        if depth >= MAX_DEPTH:
            raise _Refused(node, f"the document nests deeper than {MAX_DEPTH} levels")
        self.active.add(key)
        result: YNode
        if isinstance(node, yaml.SequenceNode):
            if node.tag != SEQ_TAG:
                self._report(node, path, tag_message(node.tag))
            items: list[YNode] = []
            size = 1
            for index, child in enumerate(node.value):
                if child.__class__ is yaml.ScalarNode:
                    items.append(self._scalar(child, path, index))
                    size += 1
                else:
                    items.append(self.convert(child, f"{path}[{index}]", depth + 1))
                    size += self.sizes[id(child)]
            result = YSeq(node, items)
        else:
            # The composer makes only scalars, sequences and mappings.
            assert isinstance(node, yaml.MappingNode)
            if node.tag != MAP_TAG:
                self._report(node, path, tag_message(node.tag))
            entries, size = self._entries(node, path, depth)
            result = YMap(node, entries)
        self.active.discard(key)
        if size > MAX_NODES:
            raise _Refused(
                node,
                f"the document holds more than {MAX_NODES:,} values once aliases are "
                "expanded; refused",
            )
        self.sizes[key] = size
        self.done[key] = result
        return result

    def _report(self, node: yaml.Node, path: str, message: str) -> None:
        mark = node.start_mark
        self.problems.add(mark.line + 1, mark.column + 1, path, message)

    def _scalar(self, node: yaml.ScalarNode, path: str, key: str | int | None = None) -> YScalar:
        kind = SCALAR_TAGS.get(node.tag)
        if kind == "str":
            return YScalar(node, "str", node.value)
        if kind is None:
            self._report(node, _join(path, key), tag_message(node.tag))
            return YScalar(node, "str", node.value)
        value: ScalarValue
        try:
            if kind == "int":
                value = _CONSTRUCTOR.construct_yaml_int(node)
            elif kind == "float":
                value = _CONSTRUCTOR.construct_yaml_float(node)
            elif kind == "bool":
                value = _CONSTRUCTOR.construct_yaml_bool(node)
            elif kind == "null":
                value = None
            else:
                value = _CONSTRUCTOR.construct_yaml_timestamp(node)
        except Exception:
            # An explicit tag (``!!int``, ``!!timestamp``) hands PyYAML's constructors any
            # text at all, and they fail in many ways (IndexError, KeyError, ...).
            shown = "date" if kind == "timestamp" else kind
            self._report(node, _join(path, key), f"{node.value!r} is not a valid {shown}")
            return YScalar(node, "str", node.value)
        return YScalar(node, kind, value)

    def _entries(
        self, node: yaml.MappingNode, path: str, depth: int
    ) -> tuple[dict[str, YEntry], int]:
        entries: dict[str, YEntry] = {}
        merged: list[YMap] = []
        size = 1
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                self._report(key_node, path, "a key must be a plain name, not a list or mapping")
                continue
            tag = key_node.tag
            key = key_node.value
            if tag != STR_TAG:
                if tag == MERGE_TAG:
                    merged.extend(self._merge_sources(value_node, path, depth))
                    continue
                if tag not in SCALAR_TAGS:
                    self._report(key_node, _join(path, key), tag_message(tag))
            first = entries.get(key)
            if first is not None:
                self._report(
                    key_node,
                    _join(path, key),
                    f"duplicate key '{key}' (first given on line {first.key_line}); "
                    "YAML would silently keep only the last one",
                )
                continue
            if value_node.__class__ is yaml.ScalarNode:
                if value_node.tag == STR_TAG:  # the common case, without a call
                    scalar = YScalar(value_node, "str", value_node.value)
                else:
                    scalar = self._scalar(value_node, path, key)
                entries[key] = YEntry(key_node, scalar)
                size += 2
            else:
                entries[key] = YEntry(
                    key_node, self.convert(value_node, _join(path, key), depth + 1)
                )
                size += 1 + self.sizes[id(value_node)]
        for source in merged:
            for key, entry in source.entries.items():
                entries.setdefault(key, entry)
            size += self.sizes.get(id(source.node), 1)
        return entries, size

    def _merge_sources(self, node: yaml.Node, path: str, depth: int) -> list[YMap]:
        """The mappings a ``<<:`` merge key brings in (a mapping or a list of them)."""
        converted = self.convert(node, path, depth + 1)
        candidates = converted.items if isinstance(converted, YSeq) else [converted]
        sources: list[YMap] = []
        for candidate in candidates:
            if isinstance(candidate, YMap):
                sources.append(candidate)
            else:
                self._report(
                    candidate.node,
                    path,
                    "a merge key (<<) takes a mapping or a list of mappings, "
                    f"got {describe(candidate)}",
                )
        return sources


def _join(path: str, key: str | int | None) -> str:
    if key is None:
        return path
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key
