"""What every part of the builder shares: the ids a file declares and how to check references.

The builder first scans the file silently for the ids it declares (roles, events, sources,
decisions and their options) so a reference can be checked wherever it stands, even before
the thing it names, and then reports each dangling one with a did-you-mean.
"""

from __future__ import annotations

import re

from attrs import evolve

from excomm_sim.scenario.compiling import ExpressionCompiler
from excomm_sim.scenario.expr import Assignment, Expression
from excomm_sim.scenario.fields import (
    IDENTIFIER,
    Context,
    Fields,
    check_unique,
    join,
    mapping_of,
    text_of,
)
from excomm_sim.scenario.model import Citation, Display, Location, TextVariant
from excomm_sim.scenario.problems import did_you_mean
from excomm_sim.scenario.spec.agenda import CITATION, GUARDED, VARIANT
from excomm_sim.scenario.texts import BUILT_IN as TEXT_BUILT_IN
from excomm_sim.scenario.texts import placeholders
from excomm_sim.scenario.yamlnodes import YMap, YNode, YScalar, YSeq, describe

CITATION_SHORTHAND = re.compile(
    r"\s*([a-z][a-z0-9_]*)(?:\s+doc\.\s*([0-9A-Za-z]+))?(?:\s+p\.\s*(\d+))?"
    r"(?:\s+¶\s*(\d+))?(?:\s+\((.*)\))?\s*",
    re.DOTALL,
)
"""``record p.2 ¶4 (Thompson's warning)``: source id, then optional document number
(``frus doc.138``, format 2), page, paragraph, note."""
CITATION_KEYS_2 = ("document", "url")
"""The citation keys new in format 2."""
URL = re.compile(r"https?://[^\s]+")
"""What a ``url`` looks like: an http or https address with no spaces."""


class Refs:
    """Declared ids and the checks that use them, for one file."""

    def __init__(
        self,
        ctx: Context,
        compiler: ExpressionCompiler,
        role_ids: set[str],
        president: str,
        event_ids: set[str],
        source_ids: set[str],
    ) -> None:
        self.ctx = ctx
        self.compiler = compiler
        self.role_ids = role_ids
        self.president = president
        self.event_ids = event_ids
        self.source_ids = source_ids
        self.triggered: set[str] = set()
        self.format = 2
        """The file's ``format:``; keys new in a later format are refused (``newer``)."""

    def newer(self, fields: Fields, keys: tuple[str, ...]) -> None:
        """``newer_keys`` for this file's format."""
        newer_keys(fields, keys, self.format)

    def location(self, node: YNode) -> Location:
        return Location(self.ctx.problems.filename, node.line, node.column)

    def unique(self, seen: dict[str, YNode], ident: str, node: YNode, path: str, what: str) -> None:
        check_unique(self.ctx, seen, ident, node, path, what)

    def role(self, fields: Fields, key: str, required: bool | None = None) -> str | None:
        node = fields.get(key, required)
        if node is None:
            return None
        return self.reference(node, join(fields.path, key), self.role_ids, "role")

    def trigger(self, fields: Fields, key: str = "trigger") -> str | None:
        node = fields.get(key)
        if node is None:
            return None
        event = self.reference(node, join(fields.path, key), self.event_ids, "event")
        if event:
            self.triggered.add(event)
        return event

    def reference(self, node: YNode, path: str, known: set[str], what: str) -> str | None:
        text = text_of(self.ctx, node, path)
        if text is None:
            return None
        if text not in known:
            self.ctx.report(node, path, f"unknown {what} '{text}'{did_you_mean(text, known)}")
            return None
        return text

    def condition(
        self, fields: Fields, key: str = "when", required: bool | None = None
    ) -> Expression | None:
        node = fields.get(key, required)
        if node is None:
            return None
        return self.compiler.condition(node, join(fields.path, key))

    def effects(self, fields: Fields, key: str = "effects") -> tuple[Assignment, ...]:
        compiled: list[Assignment] = []
        for node, path in fields.items(key, single=True):
            if isinstance(node, YMap) and self.format >= 2:
                compiled += self.guarded_effects(node, path)
                continue
            assignment = self.compiler.effect(node, path)
            if assignment is not None:
                compiled.append(assignment)
        return tuple(compiled)

    def guarded_effects(self, node: YMap, path: str) -> list[Assignment]:
        """``{when: COND, effects: [...]}`` in an effects list (format 2): the effects,
        each guarded by the condition (one level: a guarded group holds plain effects)."""
        fields = Fields(self.ctx, node, path, GUARDED)
        if self.format < 2:
            self.ctx.report(
                node,
                path,
                "a conditional effect ({when: ..., effects: [...]}) is new in format 2: "
                f"write format: 2 at the top of the file (it says format: {self.format})",
            )
        when = self.condition(fields, required=True)
        found = []
        for item, item_path in fields.items("effects", required=True, single=True):
            if isinstance(item, YMap):
                self.ctx.report(
                    item,
                    item_path,
                    "a conditional effect cannot hold another: write 'a and b' in one 'when'",
                )
                continue
            assignment = self.compiler.effect(item, item_path)
            if assignment is not None and when is not None:
                found.append(evolve(assignment, when=when))
        return found

    def varied_text(
        self, fields: Fields, key: str, required: bool = False
    ) -> tuple[str, tuple[TextVariant, ...], bool]:
        """A text that may vary with the state (format 2): plain text, or a list of
        ``{when, text}`` variants whose last has no ``when``. Returns the fallback text,
        the variants, and whether anything in it varies (variants or placeholders)."""
        node = fields.get(key)
        if self.format < 2 or not isinstance(node, YSeq):
            text = fields.text(key, required=required)
            placed = self.format >= 2 and self.placeholders(
                fields.get(key), text, join(fields.path, key)
            )
            return text, (), placed
        variants: list[TextVariant] = []
        path = join(fields.path, key)
        for index, item in enumerate(node.items):
            item_path = f"{path}[{index}]"
            mapping = mapping_of(self.ctx, item, item_path, "a text variant")
            if mapping is None:
                continue
            variant = Fields(self.ctx, mapping, item_path, VARIANT)
            last = index == len(node.items) - 1
            when = self.condition(variant, required=False)
            if last and variant.has("when"):
                self.ctx.report(
                    mapping,
                    item_path,
                    "the last text variant is the fallback: it has no 'when' "
                    "(add a variant without one at the end)",
                )
            elif not last and not variant.has("when"):
                self.ctx.report(
                    mapping,
                    item_path,
                    "a text variant without 'when' must come last: the ones after it "
                    "would never be read",
                )
            text = variant.text("text", required=True)
            self.placeholders(variant.get("text"), text, item_path + ".text")
            variants.append(TextVariant(text, when))
        if required and not node.items:
            self.ctx.report(node, path, f"'{key}' needs at least one variant")
        fallback = variants[-1].text if variants else ""
        return fallback, tuple(variants), True

    def placeholders(self, node: YNode | None, text: str, path: str) -> bool:
        """Check each ``{name}`` of ``text`` names a variable every seat may see (or
        turn, day, date); True when there is any."""
        found = False
        for name, _offset in placeholders(text):
            found = True
            variable = self.compiler.variables.get(name)
            where = node if node is not None else None
            if where is None:
                continue
            if name in TEXT_BUILT_IN:
                continue
            if variable is None:
                known = [*self.compiler.variables, *TEXT_BUILT_IN]
                self.ctx.report(
                    where,
                    path,
                    f"unknown variable '{name}' in {{{name}}}{did_you_mean(name, known)}"
                    " (write {{ and }} for a brace)",
                )
            elif variable.display is Display.HIDDEN or variable.visible_to:
                self.ctx.report(
                    where,
                    path,
                    f"'{{{name}}}' would show '{name}', which not every seat may see; "
                    "write the text without it",
                )
        return found

    def texts(self, fields: Fields, key: str) -> tuple[str, ...]:
        values = []
        for node, path in fields.items(key, single=True):
            text = text_of(self.ctx, node, path)
            if text is not None:
                values.append(text)
        return tuple(values)

    def citations(self, fields: Fields, key: str = "sources") -> tuple[Citation, ...]:
        found = []
        for node, path in fields.items(key, single=True):
            citation = self.citation(node, path)
            if citation is not None:
                found.append(citation)
        return tuple(found)

    def citation(self, node: YNode, path: str) -> Citation | None:
        if isinstance(node, YScalar):
            text = text_of(self.ctx, node, path)
            if text is None:
                return None
            match = CITATION_SHORTHAND.fullmatch(text)
            if match is None:
                self.ctx.report(
                    node,
                    path,
                    f"cannot read the citation '{text}': write 'source p.N ¶N (note)' "
                    "or a mapping with source, page, paragraph, note",
                )
                return None
            source, document, page, paragraph, note = match.groups()
            if document and self.format < 2:
                self.ctx.report(
                    node,
                    path,
                    f"a document number in a citation ('doc.{document}') is new in format 2: "
                    f"write format: 2 at the top of the file (it says format: {self.format})",
                )
            if source not in self.source_ids:
                self.ctx.report(
                    node,
                    path,
                    f"unknown source '{source}'{did_you_mean(source, self.source_ids)}",
                )
                return None
            return Citation(
                source,
                int(page) if page else None,
                int(paragraph) if paragraph else None,
                (note or "").strip(),
                document=document or "",
                location=self.location(node),
            )
        if not isinstance(node, YMap):
            self.ctx.report(
                node,
                path,
                f"expected a citation ('record p.2 ¶4' or a mapping), got {describe(node)}",
            )
            return None
        mapping = node
        fields = Fields(self.ctx, mapping, path, CITATION)
        self.newer(fields, CITATION_KEYS_2)
        source = self.reference_field(fields, "source", self.source_ids, "source")
        return Citation(
            source or "",
            fields.optional_integer("page", minimum=1),
            fields.optional_integer("paragraph", minimum=1),
            fields.text("note"),
            document=fields.text("document"),
            url=url_of(fields),
            location=self.location(mapping),
        )

    def reference_field(self, fields: Fields, key: str, known: set[str], what: str) -> str | None:
        node = fields.get(key, required=True)
        if node is None:
            return None
        return self.reference(node, join(fields.path, key), known, what)


def declared_id(item: YNode) -> str | None:
    """The valid ``id`` of a mapping, silently (None when missing or malformed)."""
    if isinstance(item, YMap):
        entry = item.entries.get("id")
        if (
            entry is not None
            and isinstance(entry.value, YScalar)
            and IDENTIFIER.fullmatch(entry.value.text)
        ):
            return entry.value.text
    return None


def declared_ids(node: YNode | None) -> list[str]:
    """The valid ``id`` values of a list of mappings, silently (the builder reports later)."""
    if not isinstance(node, YSeq):
        return []
    return [ident for ident in map(declared_id, node.items) if ident is not None]


def url_of(fields: Fields, key: str = "url") -> str:
    """An http or https address, or "" (reported when it is something else)."""
    text = fields.text(key)
    if text and not URL.fullmatch(text):
        fields.ctx.report(
            fields.get(key) or fields.node,
            join(fields.path, key),
            f"'{key}' must be an http or https address with no spaces "
            "(https://history.state.gov/...)",
        )
        return ""
    return text


def newer_keys(fields: Fields, keys: tuple[str, ...], version: int, since: int = 2) -> None:
    """Report each of ``keys`` present in ``fields`` when the file's format (``version``) is
    older than ``since``: a format-1 file reads as it always did, and an older excomm-sim
    refuses a format-2 file by its format rather than by a surprising unknown key."""
    if version >= since:
        return
    for key in keys:
        entry = fields.entry(key)
        if entry is not None:
            fields.ctx.report_at(
                entry.key_line,
                entry.key_column,
                join(fields.path, key),
                f"'{key}' is new in format {since}: write format: {since} at the top "
                f"of the file (it says format: {version})",
            )
