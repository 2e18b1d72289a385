"""The field tables of docs/scenario-format.md, written from the declaration.

The docs mark each generated table with ``<!-- fields: NAME -->`` ... ``<!-- /fields -->``
(NAME a part's name, or ``variable-types``); ``render_docs`` rewrites what stands between
the marks and leaves the prose around them alone. ``excomm-sim schema --docs FILE`` applies
it; a test fails when the committed docs differ from what it writes.
"""

from __future__ import annotations

import re

from excomm_sim.scenario.spec import PARTS, VARIABLE_TYPES, Part
from excomm_sim.scenario.spec.variable_types import owners_of, type_keys

_BLOCK = re.compile(r"(<!-- fields: (?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- /fields -->)", re.S)
_HEADER = "| Key | Type | Required / default | Meaning |\n|---|---|---|---|\n"


class UnknownTable(ValueError):
    """A marker names a table the format does not have."""


def field_table(part: Part) -> str:
    """The Markdown table of ``part``'s keys, one row each, in declaration order."""
    rows = []
    for field in part.fields:
        need = field.docs_need()
        if part.name == "variable" and field.name in type_keys():
            need = _type_key_need(field.name)
        cells = (f"`{field.name}`", field.docs_type or field.shape.docs_type(), need, field.meaning)
        rows.append("| " + " | ".join(cells).replace("|  |", "| |") + " |\n")
    return _HEADER + "".join(rows).replace("|  |", "| |")


def _type_key_need(key: str) -> str:
    """ "required for int, not allowed otherwise", from the types that take ``key``."""
    owners = owners_of(key)
    needing = [name for name in owners if key in VARIABLE_TYPES[name].required]
    listed = " or ".join(owners)
    if needing == list(owners):
        return f"required for {listed}, not allowed otherwise"
    return f"optional, {listed} only"


def types_table() -> str:
    """The Markdown table of the variable types: what each takes and how it shows."""
    rows = []
    for spec in VARIABLE_TYPES.values():
        own = ", ".join(f"`{key}`" for key in spec.keys) or "none"
        required = ", ".join(f"`{key}`" for key in spec.required)
        takes = f"{own} ({required} required)" if required else own
        displays = ", ".join(f"`{display.value}`" for display in spec.displays)
        rows.append(
            f"| `{spec.name}` | {spec.initial_docs} | {takes} | "
            f"`{spec.default_display.value}`; may be {displays} | {spec.summary} |\n"
        )
    others = ", ".join(f"`{key}`" for key in type_keys())
    return (
        "| Type | `initial` | Its own keys | Display | Meaning |\n|---|---|---|---|---|\n"
        + "".join(rows)
        + f"\nA type's own keys ({others}) are refused on a variable of another type.\n"
    )


def table(name: str) -> str:
    if name == "variable-types":
        return types_table()
    for part in PARTS:
        if part.name == name:
            return field_table(part)
    raise UnknownTable(f"no part of the format is called '{name}'")


def render_docs(text: str) -> str:
    """``text`` with every marked table rewritten from the declaration."""
    return _BLOCK.sub(lambda match: match.group(1) + table(match["name"]) + match.group(4), text)
