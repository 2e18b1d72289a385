"""Records and the kernel's small values as JSON, and back, checked field by field.

Records, turns, choices and advisers' positions are plain attrs classes of ids, numbers
and text. ``encode`` writes any of them field by field (a record with its class's name in
``"t"``: ``{"t": "VariableChanged", "turn": 3, ...}``); ``decoder`` builds, from a class's
type hints, a check that reads the JSON back into the class and refuses anything else with
the field's path, as ``wire.checks`` does for frames.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from excomm_sim.engine.events import Record
from excomm_sim.scenario.model import Value
from excomm_sim.wire.checks import (
    Check,
    WireError,
    boolean,
    integer,
    invalid,
    listing,
    nullable,
    number,
    obj,
    one_of,
    text,
)

MAX_TEXT = 100_000
"""The longest text field in a record (scenario texts are far shorter)."""
MAX_ITEMS = 100_000
"""The most entries in any list or object of an observation."""

RECORD_TYPES: Mapping[str, type[Any]] = {cls.__name__: cls for cls in typing.get_args(Record)}
"""Every record class, by the name its frames carry in ``"t"``."""


def encode(value: Any) -> Any:
    """An attrs value (and what it holds) as JSON data."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset):
        return [encode(item) for item in value]
    if isinstance(value, Mapping):
        return {key: encode(item) for key, item in value.items()}
    if attrs.has(type(value)):
        return {f.name: encode(getattr(value, f.name)) for f in attrs.fields(type(value))}
    raise TypeError(f"cannot encode {type(value).__name__}")  # pragma: no cover


def encode_record(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"t": type(record).__name__}
    data.update(encode(record))
    return data


def date(value: Any, path: str) -> dt.date:
    if not isinstance(value, str):
        raise invalid(path, "a date (YYYY-MM-DD)", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise WireError("invalid", f"{path}: expected a date (YYYY-MM-DD)", path) from None


def variable_value(value: Any, path: str) -> Value:
    if not isinstance(value, bool | int | str):
        raise invalid(path, "a variable's value (a number, true/false or text)", value)
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise WireError("invalid", f"{path}: too long", path)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**63:
        raise WireError("invalid", f"{path}: out of range", path)
    return value


def decoder(hint: Any) -> Check:
    """A check that reads JSON data into a value of type ``hint``."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is bool:
        return boolean
    if hint is int:
        return integer(-(2**63), 2**63)
    if hint is float:
        return number(-1e300, 1e300)
    if hint is str:
        return text(MAX_TEXT)
    if hint is dt.date:
        return date
    if origin is typing.Literal:
        return one_of(*args)
    if origin in (typing.Union, types.UnionType):
        if set(args) == {int, bool, str}:
            return variable_value
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            return nullable(decoder(rest[0]))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        items = listing(decoder(args[0]), MAX_ITEMS)
        return lambda value, path: tuple(items(value, path))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        choices = one_of(*(member.value for member in hint))
        return lambda value, path: hint(choices(value, path))
    if isinstance(hint, type) and attrs.has(hint):
        return attrs_decoder(hint)
    raise TypeError(f"no decoder for {hint!r}")  # pragma: no cover


def attrs_decoder(cls: type[Any], tagged: bool = False) -> Check:
    hints = typing.get_type_hints(cls)
    required: dict[str, Check] = {}
    optional: dict[str, Check] = {}
    for f in attrs.fields(cls):
        check = decoder(hints[f.name])
        (required if f.default is attrs.NOTHING else optional)[f.name] = check
    if tagged:
        optional["t"] = text(40)
    shape = obj(required, optional)

    def decode(value: Any, path: str) -> Any:
        fields = shape(value, path)
        fields.pop("t", None)
        return cls(**fields)

    return decode


_RECORDS: Mapping[str, Check] = {
    name: attrs_decoder(cls, tagged=True) for name, cls in RECORD_TYPES.items()
}


def decode_record(data: Any, path: str) -> Record:
    if not isinstance(data, dict):
        raise invalid(path, "a record (an object)", data)
    kind = data.get("t")
    decode = _RECORDS.get(kind) if isinstance(kind, str) else None
    if decode is None:
        raise WireError("invalid", f"{path}.t: unknown record type {str(kind)[:40]!r}", path)
    record: Record = decode(data, path)
    return record


def decode_records(data: Any, path: str) -> tuple[Record, ...]:
    return tuple(listing(decode_record, MAX_ITEMS)(data, path))
