"""Build the declared variables: int ranges, booleans, enumerations, and how each is shown."""

from __future__ import annotations

from types import MappingProxyType

from excomm_sim.scenario.expr import BUILTINS
from excomm_sim.scenario.fields import (
    Fields,
    boolean_of,
    check_unique,
    identifier_of,
    integer_of,
    mapping_of,
    text_of,
)
from excomm_sim.scenario.model import Display, Location, Value, Variable, VariableKind
from excomm_sim.scenario.problems import did_you_mean
from excomm_sim.scenario.yamlnodes import YNode

VARIABLE_KEYS = (
    "id",
    "type",
    "label",
    "description",
    "display",
    "initial",
    "min",
    "max",
    "good",
    "values",
    "value_labels",
    "visible_to",
)
KINDS = tuple(kind.value for kind in VariableKind)
DISPLAYS = tuple(display.value for display in Display)
GOOD_DIRECTIONS = ("high", "low", "none")
DEFAULT_DISPLAY = {
    VariableKind.INT: Display.METER,
    VariableKind.BOOL: Display.FLAG,
    VariableKind.ENUM: Display.STATUS,
}
DISPLAY_KINDS = {
    Display.METER: (VariableKind.INT,),
    Display.FLAG: (VariableKind.BOOL,),
    Display.STATUS: (VariableKind.INT, VariableKind.ENUM, VariableKind.BOOL),
    Display.HIDDEN: (VariableKind.INT, VariableKind.ENUM, VariableKind.BOOL),
}


def build_variables(fields: Fields) -> tuple[Variable, ...]:
    variables = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("variables", required=True):
        mapping = mapping_of(fields.ctx, node, path, "a variable")
        if mapping is None:
            continue
        variable = _variable(Fields(fields.ctx, mapping, path, VARIABLE_KEYS, "a variable"))
        if variable is None:
            continue
        duplicate = variable.id in seen
        check_unique(fields.ctx, seen, variable.id, mapping, path + ".id", "variable")
        if not duplicate and variable.id not in BUILTINS:
            # Only the first declaration types expressions, so one slip is one error.
            variables.append(variable)
    return tuple(variables)


def _variable(fields: Fields) -> Variable | None:
    ctx, path = fields.ctx, fields.path
    ident = fields.identifier()
    if ident in BUILTINS:
        node = fields.get("id")
        assert node is not None
        ctx.report(
            node, path + ".id", f"'{ident}' is built in (turns/days so far); pick another id"
        )
    kind_name = fields.choice("type", KINDS, "", required=True)
    label = fields.text("label", required=True)
    if not kind_name:
        return None
    kind = VariableKind(kind_name)
    display_name = fields.choice("display", DISPLAYS, DEFAULT_DISPLAY[kind].value)
    display = Display(display_name)
    if kind not in DISPLAY_KINDS[display]:
        node = fields.get("display")
        assert node is not None
        ctx.report(
            node,
            path + ".display",
            f"display {display_name} does not suit an {kind_name} variable"
            if kind_name in ("int", "enum")
            else f"display {display_name} does not suit a {kind_name} variable",
        )
    for key, allowed_kind in (
        ("min", "int"),
        ("max", "int"),
        ("values", "enum"),
        ("value_labels", "enum"),
    ):
        entry = fields.entry(key)
        if entry is not None and kind_name != allowed_kind:
            ctx.report_at(
                entry.key_line,
                entry.key_column,
                f"{path}.{key}",
                f"'{key}' applies only to {allowed_kind} variables, not {kind_name}",
            )
    minimum = maximum = None
    values: tuple[str, ...] = ()
    labels: dict[str, str] = {}
    if kind is VariableKind.INT:
        minimum = fields.integer("min", 0, required=True)
        maximum = fields.integer("max", minimum, required=True)
        if fields.has("min") and fields.has("max") and minimum > maximum:
            node = fields.get("max")
            assert node is not None
            ctx.report(node, path + ".max", f"max {maximum} is below min {minimum}")
            minimum = maximum = None  # no range to check anything else against
    elif kind is VariableKind.ENUM:
        values = _enum_values(fields)
        labels = _value_labels(fields, values)
    initial = _initial(fields, kind, minimum, maximum, values)
    return Variable(
        id=ident,
        kind=kind,
        label=label,
        initial=initial,
        description=fields.text("description"),
        display=display,
        minimum=minimum,
        maximum=maximum,
        values=values,
        value_labels=MappingProxyType(labels),
        good=fields.choice("good", GOOD_DIRECTIONS, "high"),
        visible_to=_role_ids(fields, "visible_to"),
        location=_location(fields),
    )


def _location(fields: Fields) -> Location:
    return Location(fields.ctx.problems.filename, fields.node.line, fields.node.column)


def _enum_values(fields: Fields) -> tuple[str, ...]:
    values: list[str] = []
    for node, path in fields.items("values", required=True):
        text = text_of(fields.ctx, node, path)
        if text is None:
            continue
        if text in values:
            fields.ctx.report(node, path, f"duplicate value '{text}'")
            continue
        values.append(text)
    return tuple(values)


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


def _initial(
    fields: Fields,
    kind: VariableKind,
    minimum: int | None,
    maximum: int | None,
    values: tuple[str, ...],
) -> Value:
    ctx, path = fields.ctx, fields.path + ".initial"
    node = fields.get("initial", required=True)
    if kind is VariableKind.INT:
        fallback: Value = minimum or 0
        if node is None:
            return fallback
        value = integer_of(ctx, node, path)
        if value is None:
            return fallback
        if minimum is not None and maximum is not None and not minimum <= value <= maximum:
            ctx.report(
                node, path, f"initial value {value} is outside min..max ({minimum}..{maximum})"
            )
        return value
    if kind is VariableKind.BOOL:
        if node is None:
            return False
        flag = boolean_of(ctx, node, path)
        return False if flag is None else flag
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


def _role_ids(fields: Fields, key: str) -> tuple[str, ...]:
    """A list of ids (format 2; checked against the roles once they are read: ``build``)."""
    found = []
    for node, path in fields.items(key, single=True):
        ident = identifier_of(fields.ctx, node, path)
        if ident:
            found.append(ident)
    return tuple(found)
