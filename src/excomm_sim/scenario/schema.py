"""A JSON Schema (draft-07) of the scenario format, so an author's editor completes and flags keys.

Draft-07 because it is the version yaml-language-server (VS Code's YAML extension, and the
editors built on it) validates with. The schema describes structure only: the loader
remains the authority (expressions, references, ranges and the one-president rule are
checked by ``excomm-sim validate``, not by the editor). The key lists come from the loader's
own tables, so the schema cannot drift from what the loader accepts.
"""

from __future__ import annotations

from typing import Any

from excomm_sim.scenario.build import (
    CALENDAR_KEYS,
    ENDING_KEYS,
    EVENT_KEYS,
    OBJECTIVE_KEYS,
    ROLE_KEYS,
    SCENARIO_KEYS,
    SOURCE_KEYS,
)
from excomm_sim.scenario.build_decisions import (
    CHANCE_KEYS,
    DECISION_KEYS,
    DELAYED_KEYS,
    LEANS,
    MAX_STRENGTH,
    OPTION_KEYS,
    OUTCOME_KEYS,
    POSITIONS,
    STANCE_KEYS,
)
from excomm_sim.scenario.build_variables import DISPLAYS, GOOD_DIRECTIONS, KINDS, VARIABLE_KEYS
from excomm_sim.scenario.model import FORMAT_VERSION
from excomm_sim.scenario.refs import CITATION_KEYS

SCHEMA_ID = "https://excomm-sim.invalid/schema/scenario-1.json"
"""A stable identifier for the schema (not fetched; editors use the file you point them at)."""

Schema = dict[str, Any]

_ID = {
    "type": "string",
    "pattern": "^[a-z][a-z0-9_]*$",
    "description": "An id: lowercase letters, digits and _, starting with a letter.",
}


def _text(description: str) -> Schema:
    return {"type": "string", "description": description}


def _ref(name: str, description: str = "") -> Schema:
    schema: Schema = {"$ref": f"#/definitions/{name}"}
    if description:
        # draft-07 ignores siblings of $ref, so wrap to keep the description visible.
        return {"allOf": [schema], "description": description}
    return schema


def _list_of(item: Schema, description: str, min_items: int = 0) -> Schema:
    schema: Schema = {"type": "array", "items": item, "description": description}
    if min_items:
        schema["minItems"] = min_items
    return schema


def _object(
    keys: tuple[str, ...], properties: Schema, required: tuple[str, ...], description: str
) -> Schema:
    missing = set(keys) ^ set(properties)
    assert not missing, f"schema and loader disagree on keys: {sorted(missing)}"
    return {
        "type": "object",
        "description": description,
        "properties": {key: properties[key] for key in keys},
        "required": list(required),
        "additionalProperties": False,
    }


def _condition(description: str) -> Schema:
    return {
        "type": ["string", "boolean"],
        "description": description + " A condition, e.g. verification >= 60 and not leaked.",
    }


def _effects(description: str) -> Schema:
    effect = _ref("effect")
    return {
        "description": description,
        "anyOf": [effect, {"type": "array", "items": effect}],
    }


def _citations(description: str) -> Schema:
    citation = _ref("citation")
    return {"description": description, "anyOf": [citation, {"type": "array", "items": citation}]}


def _event_ref(description: str) -> Schema:
    return {**_ID, "description": description + " An event id from events."}


def json_schema() -> Schema:
    """The whole schema as a JSON-ready dict (the same every call)."""
    description = (
        f"A crisis-meeting scenario for excomm-sim (format {FORMAT_VERSION}). "
        "Check a file with `excomm-sim validate FILE`."
    )
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "excomm-sim scenario",
        **_object(SCENARIO_KEYS, _scenario_properties(), _SCENARIO_REQUIRED, description),
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
            "enum": [FORMAT_VERSION],
            "description": "The scenario format version this file is written for.",
        },
        "id": {**_ID, "description": "The scenario's id (saves record it)."},
        "title": _text("The scenario's title, shown on the title screen."),
        "version": _text('The scenario\'s own version, as text: quote it ("1.0").'),
        "date": _ref("date", "The historical date of the meeting (YYYY-MM-DD)."),
        "summary": _text("A paragraph introducing the situation, shown before play."),
        "sources": _list_of(
            _ref("source"), "The documents the scenario cites; citations name their ids."
        ),
        "calendar": _object(
            CALENDAR_KEYS,
            {
                "start": _ref("date", "The in-game date at the start (default: date)."),
                "days_per_decision": {
                    "type": "integer",
                    "minimum": 0,
                    "default": 1,
                    "description": "Days a decision moves the calendar unless it says `days`.",
                },
            },
            (),
            "The in-game calendar.",
        ),
        "roles": _list_of(_ref("role"), "The seats at the table; exactly one is president.", 1),
        "variables": _list_of(
            _ref("variable"), "The state that expressions read and effects change.", 1
        ),
        "decisions": _list_of(_ref("decision"), "The agenda items, posed in file order.", 1),
        "events": _list_of(_ref("event"), "Things that happen, by condition or trigger."),
        "endings": _list_of(
            _ref("ending"), "How the game can end; exactly one has no `when` (the fallback).", 1
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
        "source": _object(
            SOURCE_KEYS,
            {
                "id": _ID,
                "title": _text("The document's title."),
                "reference": _text("Full bibliographic reference or archive identifier."),
            },
            ("id", "title"),
            "A document the scenario draws on.",
        ),
        "citation": {
            "description": "A pointer into a source: 'record p.2 ¶4 (note)' or a mapping.",
            "anyOf": [
                {"type": "string", "pattern": r"^\s*[a-z][a-z0-9_]*(\s|$)"},
                _object(
                    CITATION_KEYS,
                    {
                        "source": {**_ID, "description": "A source id from sources."},
                        "page": {"type": "integer", "minimum": 1, "description": "Page."},
                        "paragraph": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "Paragraph on the page.",
                        },
                        "note": _text("What the passage shows (our words)."),
                    },
                    ("source",),
                    "A citation.",
                ),
            ],
        },
        "role": _role(),
        "objective": _object(
            OBJECTIVE_KEYS,
            {
                "id": _ID,
                "text": _text("The aim, as the role's player reads it."),
                "when": _condition("Met when this holds on the final state."),
                "points": {"type": "integer", "default": 1, "description": "Points when met."},
            },
            ("id", "text", "when"),
            "One of a role's private aims, scored at the end.",
        ),
        "variable": _variable(),
        "decision": _decision(),
        "option": _option(),
        "chance": _object(
            CHANCE_KEYS,
            {
                "visible": {
                    "type": "boolean",
                    "default": False,
                    "description": "Players see the odds before choosing.",
                },
                "outcomes": _list_of(_ref("outcome"), "Exactly one of these happens.", 1),
            },
            ("outcomes",),
            "Uncertainty after the option is chosen.",
        ),
        "outcome": _outcome(),
        "delayed": _object(
            DELAYED_KEYS,
            {
                "after": {"type": "integer", "minimum": 1, "description": "Turns later (>= 1)."},
                "when": _condition("Lands only if this still holds then."),
                "text": _text("What the players read when it lands."),
                "effects": _effects("Changes applied when it lands."),
                "trigger": _event_ref("An event fired when it lands."),
            },
            ("after", "text"),
            "A consequence that lands some turns later.",
        ),
        "stance": _object(
            STANCE_KEYS,
            {
                "role": {**_ID, "description": "A role id from roles."},
                "position": {"enum": list(POSITIONS), "description": "favour or oppose."},
                "strength": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_STRENGTH,
                    "default": 1,
                    "description": "1 (leans) to 3 (insists).",
                },
                "reason": _text("Why, in the adviser's voice (our words)."),
                "when": _condition("The stance holds only while this does."),
            },
            ("role", "position", "reason"),
            "An adviser's position on an option.",
        ),
        "event": _event(),
        "ending": _ending(),
    }


def _role() -> Schema:
    return _object(
        ROLE_KEYS,
        {
            "id": _ID,
            "name": _text("The person's name."),
            "title": _text("Their office."),
            "president": {
                "type": "boolean",
                "default": False,
                "description": "Decides the agenda items that name no decider (exactly one).",
            },
            "influence": {
                "type": "integer",
                "minimum": 0,
                "default": 1,
                "description": "How much a computer decider weighs this role's advice.",
            },
            "bio": _text("A short public biography."),
            "briefing": _text("Private briefing, shown only to this role's player."),
            "objectives": _list_of(_ref("objective"), "Private scoring for this role."),
        },
        ("id", "name", "title", "bio", "briefing"),
        "A seat at the table.",
    )


def _variable() -> Schema:
    schema = _object(
        VARIABLE_KEYS,
        {
            "id": {**_ID, "not": {"enum": ["turn", "day"]}},
            "type": {"enum": list(KINDS), "description": "int, bool or enum."},
            "label": _text("The name shown on the dashboard."),
            "description": _text("What it measures (shown on hover and in the debrief)."),
            "display": {
                "enum": list(DISPLAYS),
                "description": "meter (int), flag (bool), status, or hidden from players.",
            },
            "initial": {
                "type": ["integer", "boolean", "string"],
                "description": "Starting value: within min..max, true/false, or one of values.",
            },
            "min": {"type": "integer", "description": "int only: lowest value."},
            "max": {"type": "integer", "description": "int only: highest value."},
            "good": {
                "enum": list(GOOD_DIRECTIONS),
                "default": "high",
                "description": "Which direction is good, for the trend arrow.",
            },
            "values": _list_of({"type": "string"}, "enum only: the allowed values, in order.", 1),
            "value_labels": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "enum only: labels for values.",
            },
        },
        ("id", "type", "label", "initial"),
        "A piece of game state.",
    )
    schema["allOf"] = [
        {
            "if": {"properties": {"type": {"const": "int"}}},
            "then": {"required": ["min", "max"], "properties": {"initial": {"type": "integer"}}},
        },
        {
            "if": {"properties": {"type": {"const": "bool"}}},
            "then": {"properties": {"initial": {"type": "boolean"}}},
        },
        {
            "if": {"properties": {"type": {"const": "enum"}}},
            "then": {"required": ["values"], "properties": {"initial": {"type": "string"}}},
        },
    ]
    return schema


def _decision() -> Schema:
    return _object(
        DECISION_KEYS,
        {
            "id": _ID,
            "title": _text("The agenda item's title."),
            "decider": {**_ID, "description": "The role that decides (default: the president)."},
            "context": _text("The briefing for this item."),
            "sources": _citations("Where the item comes from in the record."),
            "when": _condition("Posed only if this holds when its turn comes."),
            "days": {
                "type": "integer",
                "minimum": 0,
                "description": "Days the calendar moves once decided.",
            },
            "history_note": _text("What actually happened, for the debrief."),
            "options": _list_of(_ref("option"), "The courses of action.", 1),
        },
        ("id", "title", "context", "options"),
        "An agenda item.",
    )


def _option() -> Schema:
    return _object(
        OPTION_KEYS,
        {
            "id": _ID,
            "label": _text("The short label on the button."),
            "text": _text("A longer description."),
            "when": _condition("Offered only while this holds."),
            "unavailable": _text("Why it is withheld, shown greyed out when `when` fails."),
            "effects": _effects("Changes applied when chosen."),
            "trigger": _event_ref("An event fired when chosen."),
            "chance": _ref("chance", "What may happen next, by chance."),
            "delayed": _list_of(_ref("delayed"), "Consequences that land later."),
            "stances": _list_of(_ref("stance"), "Who favours or opposes this, and why."),
            "history": {
                "type": "boolean",
                "default": False,
                "description": "What the administration actually did (one per decision).",
            },
            "history_note": _text("What actually happened, for the debrief."),
            "lean": {
                "enum": list(LEANS),
                "description": "hawk, dove or middle, for the simulation strategies.",
            },
        },
        ("id", "label"),
        "A course of action.",
    )


def _outcome() -> Schema:
    return _object(
        OUTCOME_KEYS,
        {
            "id": _ID,
            "label": _text("What happened, in a few words."),
            "weight": {
                "type": ["integer", "string"],
                "default": 1,
                "description": "Relative weight: an int or int expression (e.g. 60 - tension / 2).",
            },
            "text": _text("What the players read."),
            "effects": _effects("Changes applied when this happens."),
            "trigger": _event_ref("An event fired when this happens."),
            "history": {
                "type": "boolean",
                "default": False,
                "description": "What actually happened.",
            },
        },
        ("id", "label"),
        "One branch of a chance node.",
    )


def _event() -> Schema:
    return _object(
        EVENT_KEYS,
        {
            "id": _ID,
            "title": _text("The headline."),
            "text": _text("What the players read."),
            "when": _condition("Checked after every decision; without it, fired only by trigger."),
            "once": {"type": "boolean", "default": True, "description": "Fires at most once."},
            "effects": _effects("Changes applied when it fires."),
            "sources": _citations("Where it comes from in the record."),
        },
        ("id", "title", "text"),
        "Something that happens to the players.",
    )


def _ending() -> Schema:
    return _object(
        ENDING_KEYS,
        {
            "id": _ID,
            "title": _text("The ending's title."),
            "when": _condition("Reached when this holds; omit for the fallback ending."),
            "early": {
                "type": "boolean",
                "default": False,
                "description": "Checked after every decision, ending the game at once.",
            },
            "historical": {
                "type": "boolean",
                "default": False,
                "description": "Matches what actually happened (at most one).",
            },
            "narrative": _text("What the players read at the end."),
            "debrief": _text("The comparison with history."),
            "questions": _list_of({"type": "string"}, "Discussion questions for class."),
        },
        ("id", "title", "narrative", "debrief"),
        "A way the game can end.",
    )


def schema_text() -> str:
    """The schema as the JSON text ``excomm-sim schema`` prints (and docs/ commits)."""
    import json

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
