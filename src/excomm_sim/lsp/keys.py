"""The format's keys by where they stand, with what each means: read from the JSON Schema.

The schema (``scenario.schema``) already says, for every kind of mapping, which keys it
takes, what each means, and which words a key allows; the language server reads that
rather than keeping its own copy, so completion and hovers follow the format.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from attrs import frozen

from excomm_sim.scenario.schema import json_schema


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


@cache
def _schema() -> dict[str, Any]:
    return json_schema()


def _object(spec: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema a value's spec describes (directly, by $ref, as list items, or as
    one of the alternatives), or None when its value is not a mapping."""
    if "properties" in spec:
        return spec
    ref = spec.get("$ref", "")
    if ref.startswith("#/definitions/"):
        return _object(_schema()["definitions"][ref.removeprefix("#/definitions/")])
    if isinstance(spec.get("items"), dict):
        found = _object(spec["items"])
        if found is not None:
            return found
    for group in ("allOf", "anyOf", "oneOf"):
        for part in spec.get(group, ()):
            found = _object(part)
            if found is not None:
                return found
    return None


def _keys(spec: dict[str, Any]) -> list[Key]:
    required = set(spec.get("required", ()))
    found = []
    for name, value in spec.get("properties", {}).items():
        words: tuple[str, ...] = tuple(value.get("enum", ()))
        if value.get("type") == "boolean":
            words = ("true", "false")
        found.append(
            Key(
                name,
                value.get("description", ""),
                name in required,
                words,
                _object(value) is not None,
            )
        )
    return found


def _spec_at(path: Sequence[str]) -> dict[str, Any] | None:
    spec: dict[str, Any] | None = _schema()
    for name in path:
        assert spec is not None
        value = spec.get("properties", {}).get(name)
        spec = _object(value) if value is not None else None
        if spec is None:
            return None
    return spec


def keys_at(path: Sequence[str]) -> list[Key] | None:
    """The keys of the mapping reached through the keys ``path`` from the top (in schema
    order), or None when the path leads to no mapping the format knows."""
    spec = _spec_at(path)
    return None if spec is None else _keys(spec)


def key_at(path: Sequence[str], name: str) -> Key | None:
    """The key ``name`` of the mapping reached through ``path``."""
    return next((key for key in keys_at(path) or () if key.name == name), None)
