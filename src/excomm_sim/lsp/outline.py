"""What a scenario file declares, with where: read from its located YAML tree, silently.

The outline is read from the tree, not the model, so it exists while the file still has
errors (a misspelt key elsewhere must not stop completion). Each ``Declared`` name carries
the position of its id and a short Markdown text for hovers.
"""

from __future__ import annotations

from attrs import frozen

from excomm_sim.scenario.spec import VARIABLE_TYPES
from excomm_sim.scenario.yamlnodes import YMap, YNode, YScalar, YSeq

KINDS = ("variable", "role", "decision", "option", "event", "ending", "source", "phase")


@frozen
class Declared:
    """One declared name: its kind, the place of its id (1-based), and what hover says."""

    kind: str
    name: str
    line: int
    column: int
    end_line: int
    end_column: int
    hover: str
    parent: str = ""
    """For an option, its decision's id."""
    values: tuple[str, ...] = ()
    """For an enum variable, its values; for a decision, its options."""
    type: str = ""
    """For a variable: int, bool or enum."""


@frozen
class Outline:
    names: tuple[Declared, ...] = ()

    def of(self, kind: str, parent: str = "") -> list[Declared]:
        return [d for d in self.names if d.kind == kind and (not parent or d.parent == parent)]

    def find(self, kind: str, name: str, parent: str = "") -> Declared | None:
        for declared in self.names:
            same = declared.kind == kind and declared.name == name
            if same and (not parent or declared.parent == parent):
                return declared
        return None


def _text(mapping: YMap, key: str) -> str:
    entry = mapping.entries.get(key)
    if entry is None or not isinstance(entry.value, YScalar) or entry.value.kind == "null":
        return ""
    return entry.value.text.strip()


def _items(mapping: YMap, key: str) -> list[YMap]:
    entry = mapping.entries.get(key)
    if entry is None or not isinstance(entry.value, YSeq):
        return []
    return [item for item in entry.value.items if isinstance(item, YMap)]


def _declared(kind: str, mapping: YMap, hover: str, **more: object) -> Declared | None:
    entry = mapping.entries.get("id")
    if entry is None or not isinstance(entry.value, YScalar) or not entry.value.text:
        return None
    node = entry.value.node
    return Declared(
        kind,
        entry.value.text,
        int(node.start_mark.line) + 1,
        int(node.start_mark.column) + 1,
        int(node.end_mark.line) + 1,
        int(node.end_mark.column) + 1,
        hover,
        **more,  # type: ignore[arg-type]
    )


def outline_of(tree: YNode | None) -> Outline:
    """Every declaration the tree holds (an empty outline for a tree that is not a mapping)."""
    if not isinstance(tree, YMap):
        return Outline()
    found: list[Declared | None] = []
    for variable in _items(tree, "variables"):
        found.append(_variable(variable))
    for role in _items(tree, "roles"):
        title = ", ".join(part for part in (_text(role, "name"), _text(role, "title")) if part)
        chair = " Decides every item that names no decider." if _text(role, "president") else ""
        found.append(_declared("role", role, f"**role {_text(role, 'id')}**: {title}.{chair}"))
    for decision in _items(tree, "decisions"):
        ident = _text(decision, "id")
        options = [_text(option, "id") for option in _items(decision, "options")]
        when = _text(decision, "when")
        hover = f"**decision {ident}**: {_text(decision, 'title')}"
        if when:
            hover += f"\n\nPosed only if `{when}`."
        hover += "\n\nOptions: " + ", ".join(f"`{option}`" for option in options if option)
        found.append(_declared("decision", decision, hover, values=tuple(options)))
        for option in _items(decision, "options"):
            condition = _text(option, "when")
            text = f"**option {_text(option, 'id')}** of {ident}: {_text(option, 'label')}"
            if condition:
                text += f"\n\nOffered only while `{condition}`."
            found.append(_declared("option", option, text, parent=ident))
    for event in _items(tree, "events"):
        when = _text(event, "when")
        how = f"Fires after a decision when `{when}`." if when else "Fires only when triggered."
        found.append(
            _declared(
                "event", event, f"**event {_text(event, 'id')}**: {_text(event, 'title')}. {how}"
            )
        )
    for ending in _items(tree, "endings"):
        when = _text(ending, "when")
        how = f"When `{when}`." if when else "The fallback: when no other ending holds."
        early = " Early: judged after every decision." if _text(ending, "early") == "true" else ""
        found.append(
            _declared(
                "ending",
                ending,
                f"**ending {_text(ending, 'id')}**: {_text(ending, 'title')}. {how}{early}",
            )
        )
    for source in _items(tree, "sources"):
        found.append(
            _declared(
                "source", source, f"**source {_text(source, 'id')}**: {_text(source, 'title')}"
            )
        )
    for phase in _items(tree, "phases"):
        dates = _text(phase, "date")
        if _text(phase, "until"):
            dates += f" to {_text(phase, 'until')}"
        heading = f"**phase {_text(phase, 'id')}**: {_text(phase, 'heading')} ({dates})"
        found.append(_declared("phase", phase, heading))
    return Outline(tuple(declared for declared in found if declared is not None))


def _variable(mapping: YMap) -> Declared | None:
    ident, kind = _text(mapping, "id"), _text(mapping, "type")
    initial = _text(mapping, "initial")
    values: tuple[str, ...] = ()
    spec = VARIABLE_TYPES.get(kind)
    own = spec.keys if spec is not None else ()
    if "min" in own:
        shape = f"{kind} {_text(mapping, 'min')}..{_text(mapping, 'max')}"
    elif "values" in own:
        entry = mapping.entries.get("values")
        if entry is not None and isinstance(entry.value, YSeq):
            values = tuple(v.text for v in entry.value.items if isinstance(v, YScalar))
        shape = f"{kind}: " + ", ".join(values)
    else:
        shape = kind or "untyped"
    lines = [f"**{ident}**: {shape}, initial {initial or '?'}"]
    if spec is not None:
        lines.append(f"{kind}: {spec.summary}")
    label = _text(mapping, "label")
    if label:
        lines.append(
            f"*{label}*"
            + (f": {_text(mapping, 'description')}" if _text(mapping, "description") else "")
        )
    extras = [f"{key} {_text(mapping, key)}" for key in ("display", "good") if _text(mapping, key)]
    if extras:
        lines.append("; ".join(extras))
    return _declared("variable", mapping, "\n\n".join(lines), values=values, type=kind)
