"""Build the declared variables: the keys every variable has, then its type's own (``spec``).

What a type takes and how its value is checked is declared with the type
(``spec.variable_types``); this module reads the common keys and asks the type for the rest.
"""

from __future__ import annotations

from excomm_sim.scenario.expr import BUILTINS
from excomm_sim.scenario.fields import Fields, check_unique, identifier_of, mapping_of
from excomm_sim.scenario.model import Display, Location, Variable
from excomm_sim.scenario.spec import VARIABLE, VARIABLE_TYPES
from excomm_sim.scenario.spec.top import DISPLAYS, GOOD_DIRECTIONS
from excomm_sim.scenario.spec.variable_types import owners_of, type_keys, type_names
from excomm_sim.scenario.yamlnodes import YNode


def build_variables(fields: Fields) -> tuple[Variable, ...]:
    variables = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("variables"):
        mapping = mapping_of(fields.ctx, node, path, "a variable")
        if mapping is None:
            continue
        variable = _variable(Fields(fields.ctx, mapping, path, VARIABLE))
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
    type_name = fields.choice("type", type_names(), "")
    label = fields.text("label")
    if not type_name:
        return None
    spec = VARIABLE_TYPES[type_name]
    display_name = fields.choice("display", DISPLAYS, spec.default_display.value)
    display = Display(display_name)
    if display not in spec.displays:
        node = fields.get("display")
        assert node is not None
        ctx.report(
            node,
            path + ".display",
            f"display {display_name} does not suit {spec.article} {type_name} variable",
        )
    for key in type_keys():
        entry = fields.entry(key)
        if entry is not None and key not in spec.keys:
            ctx.report_at(
                entry.key_line,
                entry.key_column,
                f"{path}.{key}",
                f"'{key}' applies only to {' or '.join(owners_of(key))} variables, not {type_name}",
            )
    parts = spec.read(fields)
    initial = spec.initial(fields, parts)
    return Variable(
        id=ident,
        kind=spec.kind,
        label=label,
        initial=initial,
        description=fields.text("description"),
        display=display,
        minimum=parts.minimum,
        maximum=parts.maximum,
        values=parts.values,
        value_labels=parts.value_labels,
        good=fields.choice("good", GOOD_DIRECTIONS, "high"),
        visible_to=_role_ids(fields, "visible_to"),
        location=Location(fields.ctx.problems.filename, fields.node.line, fields.node.column),
    )


def _role_ids(fields: Fields, key: str) -> tuple[str, ...]:
    """A list of ids (format 2; checked against the roles once they are read: ``build``)."""
    found = []
    for node, path in fields.items(key, single=True):
        ident = identifier_of(fields.ctx, node, path)
        if ident:
            found.append(ident)
    return tuple(found)
