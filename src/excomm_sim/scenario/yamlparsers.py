"""The two safe YAML parsers PyYAML may have (libyaml's in C, its own in Python), made to agree.

PyYAML wheels bundle libyaml 0.2.5; a PyYAML built without it has only the pure-Python
parser, which reads plain (unquoted) scalars inside ``[ ]`` and ``{ }`` by older rules: it
ends one at a ``?``, so ``questions: [What went wrong?]`` is a syntax error there and text
under libyaml. ``PureLoader`` reads plain scalars as libyaml 0.2.5 does (a ``?`` is text; a
``:`` followed by a flow indicator is refused), so a scenario gets one verdict whichever
parser is installed. Tabs, where the parsers also differ, are refused before either one
runs (``yamltabs``). ``tests/scenario/test_yaml_parsers.py`` loads every fixture and every
fuzzed mutant with both and compares.

Both loaders memoise YAML 1.1 resolution and skip path resolvers, for speed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from excomm_sim.scenario.yamlnodes import MAP_TAG, SEQ_TAG, STR_TAG

_BLANK_OR_END = "\0 \t\r\n\x85\u2028\u2029"
_FLOW_ENDS = ",[]{}"
_AFTER_COLON_REFUSED = ",?[]{}"


class _Memoised:
    """Resolution memoised per text; path resolvers (a PyYAML extension) skipped.

    Composing calls ``resolve`` for every node; the answer depends only on the node kind,
    the text and whether the scalar was plain, so it is cached per text. Path resolvers
    (``descend_resolver``/``ascend_resolver``) are something nobody registers on the safe
    loader.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
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
                    self,  # type: ignore[arg-type]
                    kind,
                    value,
                    implicit,
                )
            return tag
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class PureLoader(_Memoised, yaml.SafeLoader):
    """PyYAML's own safe parser, reading plain scalars by libyaml 0.2.5's rules."""

    def scan_plain(self) -> yaml.ScalarToken:
        """A plain scalar, as libyaml 0.2.5 scans one (``yaml_parser_scan_plain_scalar``).

        The difference from PyYAML's own: inside ``[ ]`` or ``{ }`` a ``?`` is part of the
        text, and a ``:`` directly followed by ``,?[]{}`` is an error, not the scalar's end.
        """
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] | None = []
        flow = self.flow_level
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                character = self.peek(length)
                if character in _BLANK_OR_END:
                    break
                following = self.peek(length + 1)
                if character == ":":
                    if following in _BLANK_OR_END:
                        break
                    if flow and following in _AFTER_COLON_REFUSED:
                        self.forward(length)
                        raise yaml.scanner.ScannerError(
                            "while scanning a plain scalar",
                            start_mark,
                            "found unexpected ':'",
                            self.get_mark(),
                        )
                if flow and character in _FLOW_ENDS:
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces or ())
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (not flow and self.column < indent):
                break
        return yaml.ScalarToken("".join(chunks), True, start_mark, end_mark)


if TYPE_CHECKING:
    CLoader: type[yaml.SafeLoader] | None = PureLoader
else:
    try:  # libyaml composes the node graph in C, with the same marks as the pure loader.

        class CLoader(_Memoised, yaml.CSafeLoader):
            """libyaml's safe parser, with resolution memoised."""

    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        CLoader = None

Loader: type[yaml.SafeLoader] = CLoader or PureLoader
"""The parser ``read_yaml`` uses: libyaml's when installed (several times faster)."""
