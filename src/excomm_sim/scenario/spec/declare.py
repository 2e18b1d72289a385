"""The words the format is declared in: a ``Part`` (one kind of mapping) holds ``Field``s,
each with a ``Shape`` saying what its value looks like.

One declaration feeds every consumer: the reader takes its key lists and which keys are
required from a ``Part``; the JSON Schema, the language server's completions and hovers and
the field tables of docs/scenario-format.md are generated from the same objects. A shape
knows its own JSON Schema fragment and how the docs name it, so a new kind of value is
declared here once rather than in each of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import field, frozen

Schema = dict[str, Any]
"""A JSON Schema fragment (draft-07), JSON-ready."""

ID_SCHEMA: Schema = {
    "type": "string",
    "pattern": "^[a-z][a-z0-9_]*$",
    "description": "An id: lowercase letters, digits and _, starting with a letter.",
}


def definition_ref(name: str, description: str = "") -> Schema:
    """A ``$ref`` to ``#/definitions/NAME``; with a description, wrapped so draft-07 keeps it."""
    schema: Schema = {"$ref": f"#/definitions/{name}"}
    if description:
        # draft-07 ignores siblings of $ref, so wrap to keep the description visible.
        return {"allOf": [schema], "description": description}
    return schema


def docs_link(name: str, anchor: str | None) -> str:
    return f"[{name}](#{anchor})" if anchor else name


class Shape:
    """What a field's value looks like: its schema fragment and its name in the docs."""

    def schema(self, description: str) -> Schema:
        raise NotImplementedError

    def docs_type(self) -> str:
        raise NotImplementedError

    def words(self) -> tuple[str, ...]:
        """The values it allows when they are a fixed list (for completion), else ()."""
        return ()

    def part(self) -> Part | None:
        """The part its value (or its list's items) is a mapping of, if any."""
        return None


@frozen
class Ident(Shape):
    """An id (``[a-z][a-z0-9_]*``); ``names`` says what it refers to, if anything."""

    names: str = ""
    """"role", "event", ... when the id must name something declared elsewhere."""
    forbidden: tuple[str, ...] = ()
    describe: bool = True
    """False: the schema keeps the generic description of an id (``id`` keys)."""
    hint: str = ""
    """Added to the schema's description (" An event id from events.")."""

    def schema(self, description: str) -> Schema:
        schema: Schema = dict(ID_SCHEMA)
        if self.forbidden:
            schema["not"] = {"enum": list(self.forbidden)}
        if description and self.describe:
            schema["description"] = description + self.hint
        return schema

    def docs_type(self) -> str:
        return f"{self.names} id" if self.names else "id"


@frozen
class Text(Shape):
    def schema(self, description: str) -> Schema:
        return {"type": "string", "description": description}

    def docs_type(self) -> str:
        return "text"


@frozen
class Integer(Shape):
    minimum: int | None = None
    maximum: int | None = None
    default: int | None = None
    only: tuple[int, ...] = ()
    """The only values allowed (``format: 1``)."""

    def schema(self, description: str) -> Schema:
        schema: Schema = {"type": "integer"}
        if self.only:
            schema["enum"] = list(self.only)
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        if self.default is not None:
            schema["default"] = self.default
        schema["description"] = description
        return schema

    def words(self) -> tuple[str, ...]:
        return tuple(str(value) for value in self.only)

    def docs_type(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"integer {self.minimum}..{self.maximum}"
        if self.minimum is not None:
            return f"integer >= {self.minimum}"
        return "integer"


@frozen
class Boolean(Shape):
    default: bool | None = None

    def schema(self, description: str) -> Schema:
        schema: Schema = {"type": "boolean"}
        if self.default is not None:
            schema["default"] = self.default
        schema["description"] = description
        return schema

    def docs_type(self) -> str:
        return "boolean"

    def words(self) -> tuple[str, ...]:
        return ("true", "false")


@frozen
class Choice(Shape):
    """One of a fixed list of words; ``choices`` may be computed (the variable types)."""

    choices: Callable[[], tuple[str, ...]]
    default: str | None = None
    shown: tuple[str, ...] = ()
    """The words the docs list, when not all of ``choices`` (``""`` for lean)."""
    described: Callable[[], str] | None = None
    """The description, when it is computed from the choices (the variable types)."""

    def schema(self, description: str) -> Schema:
        schema: Schema = {"enum": list(self.choices())}
        if self.default is not None:
            schema["default"] = self.default
        schema["description"] = self.described() if self.described is not None else description
        return schema

    def docs_type(self) -> str:
        return " \\| ".join(f"`{word}`" for word in self.shown or self.choices())

    def words(self) -> tuple[str, ...]:
        return tuple(word for word in self.choices() if word)


@frozen
class Definition(Shape):
    """A value described once under ``definitions`` (a date, a nested mapping)."""

    name: str
    docs: str = ""
    anchor: str | None = None
    of: Part | None = None

    def schema(self, description: str) -> Schema:
        return definition_ref(self.name, description)

    def docs_type(self) -> str:
        return docs_link(self.docs or self.name, self.anchor)

    def part(self) -> Part | None:
        return self.of


@frozen
class Inline(Shape):
    """A nested mapping written out in place (the calendar)."""

    of: Part
    anchor: str | None = None

    def schema(self, description: str) -> Schema:
        return self.of.schema(description)

    def docs_type(self) -> str:
        return docs_link(self.of.name, self.anchor)

    def part(self) -> Part | None:
        return self.of


@frozen
class ListOf(Shape):
    item: Shape
    min_items: int = 0
    item_schema: Schema | None = None
    """The items' schema when it is not the item shape's own (plain text items)."""

    def schema(self, description: str) -> Schema:
        items = self.item_schema if self.item_schema is not None else self.item.schema("")
        schema: Schema = {"type": "array", "items": items, "description": description}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema

    def docs_type(self) -> str:
        least = f", at least {self.min_items}" if self.min_items else ""
        return f"list of {self.item.docs_type()}{least}"

    def part(self) -> Part | None:
        return self.item.part()


@frozen
class Condition(Shape):
    def schema(self, description: str) -> Schema:
        return {
            "type": ["string", "boolean"],
            "description": description + " A condition, e.g. verification >= 60 and not leaked.",
        }

    def docs_type(self) -> str:
        return "condition"


@frozen
class OneOrList(Shape):
    """One item or a list of them (effects, citations)."""

    item: str
    docs: str
    of: Part | None = None
    grouped: str = ""
    """A definition a list's items may be instead (format 2: ``guarded``)."""

    def schema(self, description: str) -> Schema:
        item = definition_ref(self.item)
        items = {"anyOf": [item, definition_ref(self.grouped)]} if self.grouped else item
        return {"description": description, "anyOf": [item, {"type": "array", "items": items}]}

    def docs_type(self) -> str:
        return self.docs

    def part(self) -> Part | None:
        return self.of


@frozen
class Varied(Shape):
    """A text, or (format 2) a list of wordings chosen by the state (``variant``)."""

    variant: Part

    def schema(self, description: str) -> Schema:
        variants = {"type": "array", "items": definition_ref(self.variant.name), "minItems": 1}
        return {
            "description": description + " Format 2: {name} shows a variable's value; or a "
            "list of variants ({when, text}), the last without when.",
            "anyOf": [{"type": "string"}, variants],
        }

    def docs_type(self) -> str:
        return "varying text"

    def part(self) -> Part | None:
        return self.variant


@frozen
class Written(Shape):
    """A value whose schema is written out as it is (a weight, an initial value, labels)."""

    fragment: Schema
    docs: str

    def schema(self, description: str) -> Schema:
        return {**self.fragment, "description": description}

    def docs_type(self) -> str:
        return self.docs


@frozen
class Field:
    """One key of a mapping: its name, value shape, whether it is required, what it means.

    ``summary`` is the one-line meaning editors show (schema description, hover); ``docs``
    the fuller sentence of the docs table (``summary`` when not given). ``docs_default``
    says what an optional key defaults to, in the table's words.
    """

    name: str
    shape: Shape
    summary: str = ""
    required: bool = False
    docs: str | None = None
    docs_default: str | None = None
    docs_type: str | None = None

    @property
    def meaning(self) -> str:
        return self.summary if self.docs is None else self.docs

    def docs_need(self) -> str:
        if self.required:
            return "required"
        if self.docs_default is not None:
            return f"optional, {self.docs_default}" if self.docs_default else "optional"
        default = getattr(self.shape, "default", None)
        if isinstance(default, bool):
            return f"optional, `{str(default).lower()}`"
        if isinstance(default, (int, str)):
            return f"optional, `{default}`"
        return "optional"


@frozen
class Part:
    """One kind of mapping in a scenario file: its fields in the order the docs list them.

    ``what`` names one in a message ("unknown key 'x' in a role"); ``name`` is its
    definition's name in the schema; ``extra`` adds schema keywords the fields alone cannot
    say (the variable types' if/then rules).
    """

    name: str
    what: str
    description: str
    fields: tuple[Field, ...]
    extra: Callable[[], Schema] | None = None
    keys: tuple[str, ...] = field(init=False)
    """The keys, in order (worked out once: the reader asks for them per mapping)."""
    required: tuple[str, ...] = field(init=False)
    key_set: frozenset[str] = field(init=False)
    required_set: frozenset[str] = field(init=False)

    def __attrs_post_init__(self) -> None:
        keys = tuple(item.name for item in self.fields)
        required = tuple(item.name for item in self.fields if item.required)
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "required", required)
        object.__setattr__(self, "key_set", frozenset(keys))
        object.__setattr__(self, "required_set", frozenset(required))

    def field(self, name: str) -> Field:
        return next(item for item in self.fields if item.name == name)

    def schema(self, description: str = "") -> Schema:
        schema: Schema = {
            "type": "object",
            "description": description or self.description,
            "properties": {field.name: field.shape.schema(field.summary) for field in self.fields},
            "required": list(self.required),
            "additionalProperties": False,
        }
        if self.extra is not None:
            schema.update(self.extra())
        return schema
