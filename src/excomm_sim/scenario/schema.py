"""A JSON Schema (draft-07) of the scenario format, so an author's editor completes and flags keys.

Draft-07 because it is the version yaml-language-server (VS Code's YAML extension, and the
editors built on it) validates with. The schema describes structure only: the loader
remains the authority (expressions, references, ranges and the one-president rule are
checked by ``excomm-sim validate``, not by the editor). The key lists come from the loader's
own tables, so the schema cannot drift from what the loader accepts.
"""

from __future__ import annotations

from excomm_sim.scenario.build import (
    CALENDAR_KEYS,
    OBJECTIVE_KEYS,
    READING_KEYS,
    SCENARIO_KEYS,
    SOURCE_KEYS,
    VISIBILITIES,
)
from excomm_sim.scenario.build_decisions import (
    CHANCE_KEYS,
    DELAYED_KEYS,
    MAX_STRENGTH,
    POSITIONS,
    STANCE_KEYS,
)
from excomm_sim.scenario.model import FORMAT_VERSIONS
from excomm_sim.scenario.refs import CITATION_KEYS
from excomm_sim.scenario.schema_parts import (
    ID_SCHEMA,
    Schema,
    condition,
    decision_schema,
    effects,
    ending_schema,
    event_ref,
    event_schema,
    guarded_effects_schema,
    list_of,
    option_schema,
    outcome_schema,
    phase_schema,
    ref,
    role_schema,
    strict_object,
    text,
    variable_schema,
)

SCHEMA_ID = "https://excomm-sim.invalid/schema/scenario-1.json"
"""A stable identifier for the schema (not fetched; editors use the file you point them at)."""


def json_schema() -> Schema:
    """The whole schema as a JSON-ready dict (the same every call)."""
    description = (
        "A crisis-meeting scenario for excomm-sim (formats "
        f"{', '.join(map(str, FORMAT_VERSIONS))}). "
        "Check a file with `excomm-sim validate FILE`."
    )
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "excomm-sim scenario",
        **strict_object(SCENARIO_KEYS, _scenario_properties(), _SCENARIO_REQUIRED, description),
        "definitions": _definitions(),
    }


_SCENARIO_REQUIRED = (
    "format", "id", "title", "version", "date", "summary", "roles", "variables", "decisions",
    "endings",
)  # fmt: skip


def _scenario_properties() -> Schema:
    return {
        "format": {
            "type": "integer",
            "enum": list(FORMAT_VERSIONS),
            "description": "The scenario format version this file is written for.",
        },
        "id": {**ID_SCHEMA, "description": "The scenario's id (saves record it)."},
        "title": text("The scenario's title, shown on the title screen."),
        "version": text('The scenario\'s own version, as text: quote it ("1.0").'),
        "date": ref("date", "The historical date of the meeting (YYYY-MM-DD)."),
        "summary": text("A paragraph introducing the situation, shown before play."),
        "sources": list_of(
            ref("source"), "The documents the scenario cites; citations name their ids."
        ),
        "calendar": strict_object(
            CALENDAR_KEYS,
            {
                "start": ref("date", "The in-game date at the start (default: date)."),
                "days_per_decision": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Days a decision moves the calendar unless it says `days` "
                    "(default 1; 0 in a file with phases).",
                },
            },
            (),
            "The in-game calendar.",
        ),
        "phases": list_of(
            ref("phase"),
            "Format 2: the stretches of the story, in date order; decisions name their phase.",
        ),
        "roles": list_of(ref("role"), "The seats at the table; exactly one is president.", 1),
        "variables": list_of(
            ref("variable"), "The state that expressions read and effects change.", 1
        ),
        "decisions": list_of(ref("decision"), "The agenda items, posed in file order.", 1),
        "events": list_of(ref("event"), "Things that happen, by condition or trigger."),
        "bibliography": list_of(
            {
                "anyOf": [
                    {"type": "string"},
                    strict_object(
                        READING_KEYS,
                        {
                            "reference": text("The full reference."),
                            "url": text("Where it can be read (http or https)."),
                        },
                        ("reference",),
                        "An entry of further reading.",
                    ),
                ],
                "description": "A full reference, or a mapping with reference and url.",
            },
            "Format 2: further reading that reports list in full, after the sources.",
        ),
        "endings": list_of(
            ref("ending"), "How the game can end; exactly one has no `when` (the fallback).", 1
        ),
    }


def _definitions() -> Schema:
    return {
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
        "source": strict_object(
            SOURCE_KEYS,
            {
                "id": ID_SCHEMA,
                "title": text("The document's title."),
                "reference": text("Full bibliographic reference or archive identifier."),
                "document": text("Format 2: the document's number in its collection (FRUS)."),
                "url": text("Format 2: where the document can be read (http or https)."),
                "file": text(
                    "Format 2: a text file of the document beside the scenario (record.txt): "
                    "pages start at '--- page N ---', paragraphs are separated by blank lines."
                ),
            },
            ("id", "title"),
            "A document the scenario draws on.",
        ),
        "citation": {
            "description": "A pointer into a source: 'record p.2 ¶4 (note)' or a mapping.",
            "anyOf": [
                {"type": "string", "pattern": r"^\s*[a-z][a-z0-9_]*(\s|$)"},
                strict_object(
                    CITATION_KEYS,
                    {
                        "source": {**ID_SCHEMA, "description": "A source id from sources."},
                        "page": {"type": "integer", "minimum": 1, "description": "Page."},
                        "paragraph": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "Paragraph on the page.",
                        },
                        "note": text("What the passage shows (our words)."),
                        "document": text("Format 2: a document number within the source."),
                        "url": text("Format 2: an address for this passage."),
                    },
                    ("source",),
                    "A citation.",
                ),
            ],
        },
        "role": role_schema(),
        "objective": strict_object(
            OBJECTIVE_KEYS,
            {
                "id": ID_SCHEMA,
                "text": text("The aim, as the role's player reads it."),
                "when": condition("Met when this holds on the final state."),
                "points": {"type": "integer", "default": 1, "description": "Points when met."},
                "visibility": {
                    "enum": list(VISIBILITIES),
                    "default": "private",
                    "description": "Format 2: private (its seat; everyone at the end), public "
                    "(every seat, all game) or secret (its seat only, even at the end).",
                },
            },
            ("id", "text", "when"),
            "One of a role's private aims, scored at the end.",
        ),
        "variable": variable_schema(),
        "decision": decision_schema(),
        "option": option_schema(),
        "chance": strict_object(
            CHANCE_KEYS,
            {
                "visible": {
                    "type": "boolean",
                    "default": False,
                    "description": "Players see the odds before choosing.",
                },
                "outcomes": list_of(ref("outcome"), "Exactly one of these happens.", 1),
            },
            ("outcomes",),
            "Uncertainty after the option is chosen.",
        ),
        "outcome": outcome_schema(),
        "delayed": strict_object(
            DELAYED_KEYS,
            {
                "after": {"type": "integer", "minimum": 1, "description": "Turns later (>= 1)."},
                "when": condition("Lands only if this still holds then."),
                "text": text("What the players read when it lands."),
                "effects": effects("Changes applied when it lands."),
                "trigger": event_ref("An event fired when it lands."),
            },
            ("after", "text"),
            "A consequence that lands some turns later.",
        ),
        "stance": strict_object(
            STANCE_KEYS,
            {
                "role": {**ID_SCHEMA, "description": "A role id from roles."},
                "position": {"enum": list(POSITIONS), "description": "favour or oppose."},
                "strength": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_STRENGTH,
                    "default": 1,
                    "description": "1 (leans) to 3 (insists).",
                },
                "reason": text("Why, in the adviser's voice (our words)."),
                "when": condition("The stance holds only while this does."),
            },
            ("role", "position", "reason"),
            "An adviser's position on an option.",
        ),
        "event": event_schema(),
        "phase": phase_schema(),
        "guarded_effects": guarded_effects_schema(),
        "ending": ending_schema(),
    }


def schema_text() -> str:
    """The schema as the JSON text ``excomm-sim schema`` prints (and docs/ commits)."""
    import json

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
