"""The variable types (int, bool, enum), each declared once: its own keys, how its value is
read and checked, how it shows by default, and what it means.

The reader (``build_variables``), the JSON Schema's per-type rules, the docs table of types
and the language server's words for ``type:`` all read ``VARIABLE_TYPES``. A type's value at
run time is one of the model's representations (``VariableKind``): a new type that reuses
one (a percentage is an int from 0 to 100) needs nothing outside its declaration; one with
a new representation also needs that representation's runtime behaviour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from attrs import field, frozen

from excomm_sim.scenario.fields import Fields, boolean_of, integer_of, text_of
from excomm_sim.scenario.model import Display, Value, VariableKind
from excomm_sim.scenario.problems import did_you_mean


@frozen
class TypeParts:
    """What a type's own keys gave: an int's range, an enum's values and their labels."""

    minimum: int | None = None
    maximum: int | None = None
    values: tuple[str, ...] = ()
    value_labels: Mapping[str, str] = field(factory=lambda: MappingProxyType({}))


@frozen
class VariableType:
    """One ``type:`` a variable may declare."""

    name: str
    kind: VariableKind
    """Its value at run time: an int, a bool or one of a set of words."""
    summary: str
    keys: tuple[str, ...]
    """The keys only this type (and types sharing them) take, beyond the common ones."""
    required: tuple[str, ...]
    initial_json: str
    """The JSON type of ``initial`` (for the schema)."""
    initial_docs: str
    default_display: Display
    displays: tuple[Display, ...]
    read: Callable[[Fields], TypeParts]
    """Read and check the type's own keys (reporting into the fields' context)."""
    initial: Callable[[Fields, TypeParts], Value]
    """Read and check ``initial`` against what ``read`` gave."""
    article: str = "a"


def read_range(fields: Fields) -> TypeParts:
    minimum = fields.integer("min", 0, required=True)
    maximum = fields.integer("max", minimum, required=True)
    if fields.has("min") and fields.has("max") and minimum > maximum:
        node = fields.get("max")
        assert node is not None
        fields.ctx.report(node, fields.path + ".max", f"max {maximum} is below min {minimum}")
        return TypeParts()  # no range to check anything else against
    return TypeParts(minimum=minimum, maximum=maximum)


def initial_integer(fields: Fields, parts: TypeParts) -> Value:
    ctx, path = fields.ctx, fields.path + ".initial"
    node = fields.get("initial", required=True)
    minimum, maximum = parts.minimum, parts.maximum
    fallback: Value = minimum or 0
    if node is None:
        return fallback
    value = integer_of(ctx, node, path)
    if value is None:
        return fallback
    if minimum is not None and maximum is not None and not minimum <= value <= maximum:
        ctx.report(node, path, f"initial value {value} is outside min..max ({minimum}..{maximum})")
    return value


def read_nothing(fields: Fields) -> TypeParts:
    return TypeParts()


def initial_boolean(fields: Fields, parts: TypeParts) -> Value:
    node = fields.get("initial", required=True)
    if node is None:
        return False
    flag = boolean_of(fields.ctx, node, fields.path + ".initial")
    return False if flag is None else flag


def read_values(fields: Fields) -> TypeParts:
    values: list[str] = []
    for node, path in fields.items("values", required=True):
        text = text_of(fields.ctx, node, path)
        if text is None:
            continue
        if text in values:
            fields.ctx.report(node, path, f"duplicate value '{text}'")
            continue
        values.append(text)
    return TypeParts(
        values=tuple(values),
        value_labels=MappingProxyType(_value_labels(fields, tuple(values))),
    )


def _value_labels(fields: Fields, values: tuple[str, ...]) -> dict[str, str]:
    mapping = fields.mapping("value_labels")
    if mapping is None:
        return {}
    labels = {}
    for key, entry in mapping.entries.items():
        path = f"{fields.path}.value_labels.{key}"
        if key not in values:
            fields.ctx.report_at(
                entry.key_line,
                entry.key_column,
                path,
                f"'{key}' is not one of this variable's values",
            )
            continue
        label = text_of(fields.ctx, entry.value, path)
        if label is not None:
            labels[key] = label
    return labels


def initial_word(fields: Fields, parts: TypeParts) -> Value:
    ctx, path = fields.ctx, fields.path + ".initial"
    node = fields.get("initial", required=True)
    values = parts.values
    if node is None:
        return values[0] if values else ""
    text = text_of(ctx, node, path)
    if text is None:
        return values[0] if values else ""
    if values and text not in values:
        ctx.report(
            node,
            path,
            f"initial value '{text}' is not one of the values "
            f"({', '.join(values)}){did_you_mean(text, values)}",
        )
    return text


_ANY_DISPLAY = (Display.STATUS, Display.HIDDEN)

VARIABLE_TYPES: dict[str, VariableType] = {
    "int": VariableType(
        name="int",
        kind=VariableKind.INT,
        summary="A whole number within min..max; effects are clamped into the range.",
        keys=("min", "max"),
        required=("min", "max"),
        initial_json="integer",
        initial_docs="integer within `min`..`max`",
        default_display=Display.METER,
        displays=(Display.METER, *_ANY_DISPLAY),
        read=read_range,
        initial=initial_integer,
        article="an",
    ),
    "bool": VariableType(
        name="bool",
        kind=VariableKind.BOOL,
        summary="true or false.",
        keys=(),
        required=(),
        initial_json="boolean",
        initial_docs="boolean",
        default_display=Display.FLAG,
        displays=(Display.FLAG, *_ANY_DISPLAY),
        read=read_nothing,
        initial=initial_boolean,
    ),
    "enum": VariableType(
        name="enum",
        kind=VariableKind.ENUM,
        summary="One of the words listed in values (a status), optionally labelled.",
        keys=("values", "value_labels"),
        required=("values",),
        initial_json="string",
        initial_docs="one of `values`",
        default_display=Display.STATUS,
        displays=_ANY_DISPLAY,
        read=read_values,
        initial=initial_word,
        article="an",
    ),
}
"""Every variable type by name, in the order the docs and the schema list them.

Tests may add a type for the length of a test (``monkeypatch.setitem``); everything that
lists the types reads this at call time.
"""


def type_names() -> tuple[str, ...]:
    return tuple(VARIABLE_TYPES)


def owners_of(key: str) -> tuple[str, ...]:
    """The types that take ``key`` (``min`` -> int)."""
    return tuple(name for name, spec in VARIABLE_TYPES.items() if key in spec.keys)


def type_keys() -> tuple[str, ...]:
    """Every type's own keys, each once, in declaration order."""
    keys: list[str] = []
    for spec in VARIABLE_TYPES.values():
        keys += [key for key in spec.keys if key not in keys]
    return tuple(keys)
