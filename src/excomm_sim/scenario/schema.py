"""A JSON Schema (draft-07) of the scenario format, generated from its declaration (``spec``).

Draft-07 because it is the version yaml-language-server (VS Code's YAML extension, and the
editors built on it) validates with. The schema describes structure only: the loader
remains the authority (expressions, references, ranges and the one-president rule are
checked by ``excomm-sim validate``, not by the editor). Every part and key comes from
``scenario.spec``, the declaration the reader also reads, so the two cannot drift.
"""

from __future__ import annotations

from excomm_sim.scenario.spec import PARTS, SCENARIO
from excomm_sim.scenario.spec.agenda import CITATION
from excomm_sim.scenario.spec.declare import ID_SCHEMA, Schema, definition_ref

SCHEMA_ID = "https://excomm-sim.invalid/schema/scenario-1.json"
"""A stable identifier for the schema (not fetched; editors use the file you point them at)."""


def json_schema() -> Schema:
    """The whole schema as a JSON-ready dict (the same every call)."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "excomm-sim scenario",
        **SCENARIO.schema(),
        "definitions": _definitions(),
    }


def _definitions() -> Schema:
    definitions: Schema = {
        "date": {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "description": "A date, YYYY-MM-DD (a plain YAML date or a quoted string).",
        },
        "effect": {
            "type": "string",
            "description": "An assignment: name = expr, name += expr, name -= expr (e.g. "
            'tension -= 10, status = "gone").',
        },
    }
    for part in PARTS:
        if part is SCENARIO or part.name == "calendar":
            continue  # the top level is the schema itself; the calendar is written in place
        if part is CITATION:
            definitions["citation"] = {
                "description": "A pointer into a source: 'record p.2 ¶4 (note)' or a mapping.",
                "anyOf": [
                    {"type": "string", "pattern": r"^\s*[a-z][a-z0-9_]*(\s|$)"},
                    CITATION.schema(),
                ],
            }
            continue
        definitions[part.name] = part.schema()
    return definitions


__all__ = ["ID_SCHEMA", "SCHEMA_ID", "definition_ref", "json_schema", "schema_text"]


def schema_text() -> str:
    """The schema as the JSON text ``excomm-sim schema`` prints (and docs/ commits)."""
    import json

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
