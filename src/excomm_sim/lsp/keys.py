"""The format's keys by where they stand, with what each means: read from its declaration.

The declaration (``scenario.spec``) says, for every kind of mapping, which keys it takes,
what each means, which are required and which words a key allows; the JSON Schema is made
from the same declaration, so completion, hovers and the schema agree by construction.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from excomm_sim.scenario.spec import SCENARIO, Field, Part


@frozen
class Key:
    """One key of one kind of mapping."""

    name: str
    description: str
    required: bool
    words: tuple[str, ...] = ()
    """The values it allows, when they are a fixed list (true/false for a boolean)."""
    holds_mapping: bool = False
    """Its value is a mapping (or a list of them) with keys of its own."""


def _key(field: Field) -> Key:
    # The schema's description, so a hover says what an editor using the schema says.
    description = field.shape.schema(field.summary).get("description", field.summary)
    return Key(
        field.name,
        str(description),
        field.required,
        field.shape.words(),
        field.shape.part() is not None,
    )


def _part_at(path: Sequence[str]) -> Part | None:
    part: Part | None = SCENARIO
    for name in path:
        assert part is not None
        field = next((field for field in part.fields if field.name == name), None)
        part = field.shape.part() if field is not None else None
        if part is None:
            return None
    return part


def keys_at(path: Sequence[str]) -> list[Key] | None:
    """The keys of the mapping reached through the keys ``path`` from the top (in declaration
    order), or None when the path leads to no mapping the format knows."""
    part = _part_at(path)
    return None if part is None else [_key(field) for field in part.fields]


def key_at(path: Sequence[str], name: str) -> Key | None:
    """The key ``name`` of the mapping reached through ``path``."""
    return next((key for key in keys_at(path) or () if key.name == name), None)
