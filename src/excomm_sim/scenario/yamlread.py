"""YAML text -> located nodes, through a safe loader, with limits on aliases and nesting.

PyYAML's own constructors lose every position and accept duplicate keys silently, so the
loader composes the node graph with a *safe* loader (never ``yaml.load``; libyaml's when
present, see ``yamlparsers``) and walks it here: every node keeps its line and column,
duplicate keys and foreign tags are reported, and alias expansion is measured while the
graph is walked once, so a "billion laughs" file is refused at once and in memory
proportional to the file, not to its expansion.
"""

from __future__ import annotations

import yaml

from excomm_sim.scenario import yamlparsers
from excomm_sim.scenario.characters import (
    CONTROL,
    INVISIBLE,
    character_name,
    invisible_warning,
)
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

MAX_NODES = 1_000_000
"""Most nodes a document may hold once aliases are expanded (billion-laughs guard)."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted (a scenario needs about eight)."""

_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def read_yaml(source: SourceText, problems: Problems) -> YNode | None:
    """Compose ``source`` safely and convert it; None (with problems) when unreadable."""
    loader = yamlparsers.Loader(source.text)
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
    converter = _Converter(problems, source)
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

    def __init__(self, problems: Problems, source: SourceText) -> None:
        self.problems = problems
        self.source = source
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

    def _escapes(self, node: yaml.ScalarNode, path: str) -> None:
        """Check what a double-quoted scalar's escapes made: ``"\\e"`` is ESC, ``"\\0"`` NUL.

        The file's own characters were checked as text (the YAML reader refuses control
        characters; invisible ones are warned about where they stand); only a double-quoted
        scalar can make new ones from escapes.
        """
        value = node.value
        control = CONTROL.search(value)
        mark = node.start_mark
        if control is not None:
            self.problems.add(
                mark.line + 1,
                mark.column + 1,
                path,
                f"the text holds {character_name(control.group())}, written as an escape: "
                "a control character would reach the players' terminals; remove it",
            )
        invisible = INVISIBLE.search(value)
        if invisible is not None:
            written = self.source.text[mark.index : node.end_mark.index]
            if invisible.group() not in written:
                self.problems.add(
                    mark.line + 1,
                    mark.column + 1,
                    path,
                    invisible_warning(invisible.group()) + " (it is written as an escape)",
                    "warning",
                )

    def _scalar(self, node: yaml.ScalarNode, path: str, key: str | int | None = None) -> YScalar:
        if node.style == '"':
            self._escapes(node, _join(path, key))
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
            if key_node.style == '"':
                self._escapes(key_node, _join(path, key))
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
                if value_node.tag == STR_TAG and value_node.style != '"':  # the common case
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
