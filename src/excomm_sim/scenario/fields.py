"""Typed, strict reading of one YAML mapping's fields, reporting every mistake with its place.

``Fields`` wraps a located mapping: it reports unknown keys (with did-you-mean) when made,
then hands out values by type. Each accessor returns a usable default after reporting, so
the builder carries on and finds the file's other problems. The YAML 1.1 surprises are
decided here, once: a text field takes what the author typed (``no`` stays the word "no",
with a warning), a boolean field takes only true/false, an integer field only integers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from excomm_sim.scenario.limits import MAX_ID_LENGTH, MAX_INTEGER
from excomm_sim.scenario.problems import Problems, Severity, closest, did_you_mean
from excomm_sim.scenario.yamlnodes import (
    SourceText,
    YEntry,
    YMap,
    YNode,
    YScalar,
    YSeq,
    describe,
    scalar_date,
)

IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
"""What every id in a scenario looks like."""
_BLOCK_STYLES = ("|", ">")
_ALLOWED: dict[int, tuple[Sequence[str], frozenset[str]]] = {}
"""Key tables as sets, by the identity of the (module-level, immutable) tuple."""
YAML_BOOL_WORDS = frozenset({"yes", "no", "on", "off"})
"""Words YAML 1.1 reads as booleans although an author may mean the word."""


class Context:
    """Shared by every reader of one file: the problem collector and the source text."""

    def __init__(self, problems: Problems, source: SourceText) -> None:
        self.problems = problems
        self.source = source

    def report(self, node: YNode, path: str, message: str, severity: Severity = "error") -> None:
        self.problems.add(node.line, node.column, path, message, severity)

    def report_at(
        self, line: int, column: int, path: str, message: str, severity: Severity = "error"
    ) -> None:
        self.problems.add(line, column, path, message, severity)


def join(path: str, key: str) -> str:
    """``decisions[3]`` + ``options`` -> ``decisions[3].options``."""
    return f"{path}.{key}" if path else key


def text_of(ctx: Context, node: YNode, path: str) -> str | None:
    """A text value as the author wrote it, or None (reported) when it is not a scalar.

    Plain scalars that YAML resolved to numbers, dates or booleans keep their source text;
    ``yes``/``no``/``on``/``off`` get a warning because they usually mean a quoted word.
    """
    if not isinstance(node, YScalar):
        ctx.report(node, path, f"expected text, got {describe(node)}")
        return None
    if node.kind == "null":
        return None
    if node.kind == "bool" and node.text.lower() in YAML_BOOL_WORDS:
        ctx.report(
            node,
            path,
            f'YAML reads {node.text} as a boolean; quote it ("{node.text}") if you mean the word',
            "warning",
        )
    if node.style in ("|", ">"):
        return node.text.rstrip("\n")
    return node.text


def identifier_of(ctx: Context, node: YNode, path: str) -> str | None:
    """An id (``[a-z][a-z0-9_]*``), or None after reporting."""
    text = text_of(ctx, node, path)
    if text is None:
        if isinstance(node, YScalar):
            ctx.report(node, path, "expected an id, got nothing (null)")
        return None
    if not IDENTIFIER.fullmatch(text):
        ctx.report(
            node,
            path,
            f"'{shortened(text)}' is not a valid id: use lowercase letters, digits and _, "
            "starting with a letter",
        )
        return None
    if len(text) > MAX_ID_LENGTH:
        ctx.report(
            node,
            path,
            f"the id '{shortened(text)}' is too long "
            f"({len(text):,} characters; at most {MAX_ID_LENGTH})",
        )
        return None
    return text


def shortened(text: str, most: int = 40) -> str:
    """``text`` cut to ``most`` characters with "..." for a message (never a whole blob)."""
    return text if len(text) <= most else text[: most - 3] + "..."


class Declared(Protocol):
    """A declared kind of mapping (``spec.Part``): its keys, the required ones, its name."""

    @property
    def keys(self) -> tuple[str, ...]: ...
    @property
    def key_set(self) -> frozenset[str]: ...
    @property
    def required_set(self) -> frozenset[str]: ...
    @property
    def what(self) -> str: ...


class Fields:
    """The fields of one mapping; ``allowed`` keys only, each read at most once by type.

    Given a declared part (``spec.Part``), the keys and the name come from it, and an
    accessor called without ``required`` asks the declaration whether the key is required.
    """

    def __init__(
        self,
        ctx: Context,
        node: YMap,
        path: str,
        allowed: tuple[str, ...] | Declared,
        what: str = "",
    ) -> None:
        self.ctx = ctx
        self.node = node
        self.path = path
        self.required_keys: frozenset[str] = frozenset()
        self.misspelt: set[str] = set()
        """Allowed keys an unknown key was reported as a slip for: not reported missing too."""
        if isinstance(allowed, tuple):
            known = _ALLOWED.get(id(allowed))
            if known is None or known[0] is not allowed:
                known = _ALLOWED[id(allowed)] = (allowed, frozenset(allowed))
            key_set = known[1]
        else:
            self.required_keys = allowed.required_set
            what = what or allowed.what
            key_set = allowed.key_set
            allowed = allowed.keys
        self.what = what
        if node.entries.keys() <= key_set:
            return
        for key, entry in node.entries.items():
            if key not in key_set:
                meant = closest(key, allowed)
                hint = f" (did you mean '{meant}'?)" if meant is not None else ""
                if meant is not None and meant not in node.entries:
                    self.misspelt.add(meant)
                if not hint and node.flow and _is_null(entry.value):
                    hint = "; inside { } a comma ends the entry, so quote text that contains commas"
                ctx.report_at(
                    entry.key_line,
                    entry.key_column,
                    join(path, key),
                    f"unknown key '{shortened(key)}' in {what}{hint}",
                )

    def needs(self, key: str, required: bool | None = None) -> bool:
        """Whether ``key`` is required: as the caller says, else as the declaration says."""
        return key in self.required_keys if required is None else required

    def has(self, key: str) -> bool:
        entry = self.node.entries.get(key)
        return entry is not None and not _is_null(entry.value)

    def entry(self, key: str) -> YEntry | None:
        return self.node.entries.get(key)

    def get(self, key: str, required: bool | None = None) -> YNode | None:
        """The value node, or None when absent or null (reported when ``required``)."""
        entry = self.node.entries.get(key)
        if entry is not None:
            value = entry.value
            if type(value) is not YScalar or value.kind != "null":
                return value
        if key in self.required_keys if required is None else required:
            self.missing(key)
        return None

    def missing(self, key: str) -> None:
        """Report a required key that is absent, unless a misspelling of it was reported."""
        entry = self.node.entries.get(key)
        if entry is None and key in self.misspelt:
            return
        if entry is not None:
            self.ctx.report(entry.value, join(self.path, key), f"'{key}' must have a value")
        else:
            self.ctx.report(
                self.node, join(self.path, key), f"missing required key '{key}' in {self.what}"
            )

    def text(self, key: str, required: bool | None = None, default: str = "") -> str:
        entry = self.node.entries.get(key)
        if entry is not None:
            # Fast path for the common case: plain or quoted text that is not blank.
            value = entry.value
            if (
                type(value) is YScalar
                and value.kind == "str"
                and value.node.style not in _BLOCK_STYLES
                and (
                    not (key in self.required_keys if required is None else required)
                    or value.text.strip()
                )
            ):
                return value.text
        required = self.needs(key, required)
        node = self.get(key, required)
        if node is None:
            return default
        text = text_of(self.ctx, node, join(self.path, key))
        if text is None:
            return default
        if required and not text.strip():
            self.ctx.report(node, join(self.path, key), f"'{key}' must not be empty")
        return text

    def identifier(self, key: str = "id", required: bool = True) -> str:
        node = self.get(key, required)
        if node is None:
            return ""
        return identifier_of(self.ctx, node, join(self.path, key)) or ""

    def integer(
        self,
        key: str,
        default: int,
        minimum: int | None = None,
        maximum: int | None = None,
        required: bool | None = None,
    ) -> int:
        node = self.get(key, required)
        if node is None:
            return default
        value = integer_of(self.ctx, node, join(self.path, key))
        if value is None:
            return default
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.ctx.report(
                node,
                join(self.path, key),
                f"'{key}' is {value}; expected {_bounds(minimum, maximum)}",
            )
            return default
        return value

    def optional_integer(self, key: str, minimum: int | None = None) -> int | None:
        node = self.get(key)
        if node is None:
            return None
        value = integer_of(self.ctx, node, join(self.path, key))
        if value is not None and minimum is not None and value < minimum:
            self.ctx.report(
                node, join(self.path, key), f"'{key}' is {value}; expected {_bounds(minimum, None)}"
            )
            return None
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        node = self.get(key)
        if node is None:
            return default
        value = boolean_of(self.ctx, node, join(self.path, key))
        return default if value is None else value

    def choice(
        self, key: str, choices: Sequence[str], default: str, required: bool | None = None
    ) -> str:
        node = self.get(key, required)
        if node is None:
            return default
        path = join(self.path, key)
        if not isinstance(node, YScalar) or node.kind != "str":
            listed = ", ".join(choices)
            self.ctx.report(node, path, f"expected one of {listed}, got {describe(node)}")
            return default
        if node.text not in choices:
            listed = ", ".join(choices)
            self.ctx.report(
                node,
                path,
                f"'{shortened(node.text)}' is not one of {listed}"
                f"{did_you_mean(node.text, choices)}",
            )
            return default
        return node.text

    def date(self, key: str, required: bool | None = None) -> dt.date | None:
        node = self.get(key, required)
        if node is None:
            return None
        value = scalar_date(node) if isinstance(node, YScalar) else None
        if value is None:
            self.ctx.report(
                node,
                join(self.path, key),
                f"expected a date as YYYY-MM-DD (1962-11-03), got {describe(node)}",
            )
        return value

    def items(
        self, key: str, required: bool | None = None, single: bool = False
    ) -> Iterator[tuple[YNode, str]]:
        """The items of a list field with their paths; ``single`` also takes one bare item

        (a scalar or a mapping), as a list of one.
        """
        node = self.get(key, required)
        if node is None:
            return
        path = join(self.path, key)
        if isinstance(node, YSeq):
            if not node.items and self.needs(key, required):
                self.ctx.report(node, path, f"'{key}' needs at least one item")
            for index, item in enumerate(node.items):
                yield item, f"{path}[{index}]"
        elif single and isinstance(node, (YScalar, YMap)):
            yield node, path
        else:
            self.ctx.report(node, path, f"expected a list, got {describe(node)}")

    def mapping(self, key: str, required: bool | None = None) -> YMap | None:
        node = self.get(key, required)
        if node is None:
            return None
        if not isinstance(node, YMap):
            self.ctx.report(node, join(self.path, key), f"expected a mapping, got {describe(node)}")
            return None
        return node


def check_unique(
    ctx: Context, seen: dict[str, YNode], ident: str, node: YNode, path: str, what: str
) -> None:
    """Report ``ident`` when an earlier item of the same kind already used it."""
    if not ident:
        return
    first = seen.get(ident)
    if first is not None:
        ctx.report(node, path, f"duplicate {what} id '{ident}' (first used on line {first.line})")
    else:
        seen[ident] = node


def mapping_of(ctx: Context, node: YNode, path: str, what: str) -> YMap | None:
    """``node`` as a mapping, or None after "expected a mapping" (naming ``what``)."""
    if isinstance(node, YMap):
        return node
    ctx.report(node, path, f"expected {what} (a mapping of keys), got {describe(node)}")
    return None


def integer_of(ctx: Context, node: YNode, path: str) -> int | None:
    """A YAML integer (not a boolean, not a float, not quoted), or None after reporting."""
    if isinstance(node, YScalar) and node.kind == "int":
        value = node.value
        assert isinstance(value, int), "the reader resolves kind int to an int"
        if not -MAX_INTEGER <= value <= MAX_INTEGER:
            ctx.report(
                node,
                path,
                f"the number {shortened(node.text)} is too large "
                f"(the limit is {MAX_INTEGER:,} either way)",
            )
            return None
        if ":" in node.text:
            ctx.report(
                node,
                path,
                f"YAML 1.1 reads {node.text} as a base-60 number ({value}); "
                "write the number you mean",
            )
            return None
        return value
    hint = ""
    if isinstance(node, YScalar) and node.kind == "float":
        hint = "; whole numbers only"
    elif isinstance(node, YScalar) and node.kind == "str" and re.fullmatch(r"-?\d+", node.text):
        hint = "; remove the quotes"
    ctx.report(node, path, f"expected an integer, got {describe(node)}{hint}")
    return None


def boolean_of(ctx: Context, node: YNode, path: str) -> bool | None:
    """true or false, and nothing else (``yes``/``on`` are refused with a hint)."""
    if isinstance(node, YScalar) and node.kind == "bool":
        if node.text.lower() in ("true", "false"):
            return bool(node.value)
        word = "true" if node.value else "false"
        ctx.report(node, path, f"expected true or false, got {node.text}; write {word}")
        return None
    ctx.report(node, path, f"expected true or false, got {describe(node)}")
    return None


def _is_null(node: YNode) -> bool:
    return isinstance(node, YScalar) and node.kind == "null"


def _bounds(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f"{minimum} to {maximum}"
    if minimum is not None:
        return f"at least {minimum}"
    return f"at most {maximum}"
