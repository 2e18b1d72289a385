"""The pieces of the scenario JSON Schema: small builders, and one schema per kind of mapping.

``schema`` assembles them; the key lists come from the loader's tables so the two agree.
"""

from __future__ import annotations

from typing import Any

from excomm_sim.scenario.build import ENDING_KEYS, EVENT_KEYS, ROLE_KEYS
from excomm_sim.scenario.build_calendar import PHASE_KEYS
from excomm_sim.scenario.build_decisions import DECISION_KEYS, LEANS, OPTION_KEYS, OUTCOME_KEYS
from excomm_sim.scenario.build_variables import DISPLAYS, GOOD_DIRECTIONS, KINDS, VARIABLE_KEYS
from excomm_sim.scenario.refs import GUARDED_KEYS

Schema = dict[str, Any]

ID_SCHEMA = {
    "type": "string",
    "pattern": "^[a-z][a-z0-9_]*$",
    "description": "An id: lowercase letters, digits and _, starting with a letter.",
}


def text(description: str) -> Schema:
    return {"type": "string", "description": description}


def ref(name: str, description: str = "") -> Schema:
    schema: Schema = {"$ref": f"#/definitions/{name}"}
    if description:
        # draft-07 ignores siblings of $ref, so wrap to keep the description visible.
        return {"allOf": [schema], "description": description}
    return schema


def list_of(item: Schema, description: str, min_items: int = 0) -> Schema:
    schema: Schema = {"type": "array", "items": item, "description": description}
    if min_items:
        schema["minItems"] = min_items
    return schema


def strict_object(
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


def condition(description: str) -> Schema:
    return {
        "type": ["string", "boolean"],
        "description": description + " A condition, e.g. verification >= 60 and not leaked.",
    }


def effects(description: str) -> Schema:
    effect = ref("effect")
    item = {"anyOf": [effect, ref("guarded_effects")]}
    return {
        "description": description,
        "anyOf": [effect, {"type": "array", "items": item}],
    }


def guarded_effects_schema() -> Schema:
    effect = ref("effect")
    return strict_object(
        GUARDED_KEYS,
        {
            "when": condition("The effects apply only if this holds (read once, before them)."),
            "effects": {
                "description": "The effects it guards.",
                "anyOf": [effect, {"type": "array", "items": effect}],
            },
        },
        ("when", "effects"),
        "Format 2: effects that apply only under a condition.",
    )


def citations(description: str) -> Schema:
    citation = ref("citation")
    return {"description": description, "anyOf": [citation, {"type": "array", "items": citation}]}


def event_ref(description: str) -> Schema:
    return {**ID_SCHEMA, "description": description + " An event id from events."}


def role_schema() -> Schema:
    return strict_object(
        ROLE_KEYS,
        {
            "id": ID_SCHEMA,
            "name": text("The person's name."),
            "title": text("Their office."),
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
            "bio": text("A short public biography."),
            "briefing": text("Private briefing, shown only to this role's player."),
            "objectives": list_of(ref("objective"), "Private scoring for this role."),
            "joins": {
                **ID_SCHEMA,
                "description": "Format 2: the decision or phase id this role joins the table "
                "at; before it, it neither advises nor decides.",
            },
        },
        ("id", "name", "title", "bio", "briefing"),
        "A seat at the table.",
    )


def variable_schema() -> Schema:
    schema = strict_object(
        VARIABLE_KEYS,
        {
            "id": {**ID_SCHEMA, "not": {"enum": ["turn", "day"]}},
            "type": {"enum": list(KINDS), "description": "int, bool or enum."},
            "label": text("The name shown on the dashboard."),
            "description": text("What it measures (shown on hover and in the debrief)."),
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
            "values": list_of({"type": "string"}, "enum only: the allowed values, in order.", 1),
            "value_labels": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "enum only: labels for values.",
            },
            "visible_to": list_of(
                ID_SCHEMA,
                "Format 2: the roles that alone see it during play (everyone at the end).",
            ),
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


def varied(description: str) -> Schema:
    """A text, or (format 2) a list of variants chosen by the state."""
    variant = strict_object(
        ("when", "text"),
        {
            "when": condition("This wording is used while this holds (none: the fallback)."),
            "text": text("The wording; {name} shows a variable's value."),
        },
        ("text",),
        "One wording of the text.",
    )
    return {
        "description": description + " Format 2: {name} shows a variable's value; or a list "
        "of variants ({when, text}), the last without when.",
        "anyOf": [{"type": "string"}, {"type": "array", "items": variant, "minItems": 1}],
    }


def dated(what: str) -> Schema:
    """The keys that date a decision or an event (format 2)."""
    return {
        "phase": {
            **ID_SCHEMA,
            "description": f"Format 2: the phase {what.lower()} belongs to (a phase id); "
            "a decision without one stays in the phase of the decision before it.",
        },
        "date": ref(
            "date",
            f"Format 2: the day {what.lower()} comes on (YYYY-MM-DD); the clock moves on to it.",
        ),
        "offset": {
            "type": "integer",
            "minimum": 0,
            "description": "Format 2: days after its phase's start (instead of a date).",
        },
    }


def phase_schema() -> Schema:
    return strict_object(
        PHASE_KEYS,
        {
            "id": ID_SCHEMA,
            "heading": text("The heading players see over the phase's items."),
            "date": ref("date", "The phase's first day (YYYY-MM-DD)."),
            "until": ref("date", "The phase's last day, for a range of days."),
            "note": text("A note under the heading (what the phase covers)."),
        },
        ("id", "heading", "date"),
        "A stretch of the story under one heading, on a day or a range of days (format 2).",
    )


def decision_schema() -> Schema:
    return strict_object(
        DECISION_KEYS,
        {
            "id": ID_SCHEMA,
            "title": text("The agenda item's title."),
            "decider": {
                **ID_SCHEMA,
                "description": "The role that decides (default: the president).",
            },
            "context": varied("The briefing for this item."),
            "sources": citations("Where the item comes from in the record."),
            "when": condition("Posed only if this holds when its turn comes."),
            "days": {
                "type": "integer",
                "minimum": 0,
                "description": "Days the calendar moves once decided.",
            },
            "history_note": text("What actually happened, for the debrief."),
            "options": list_of(ref("option"), "The courses of action.", 1),
            **dated("The item"),
        },
        ("id", "title", "context", "options"),
        "An agenda item.",
    )


def option_schema() -> Schema:
    return strict_object(
        OPTION_KEYS,
        {
            "id": ID_SCHEMA,
            "label": text("The short label on the button."),
            "text": varied("A longer description."),
            "when": condition("Offered only while this holds."),
            "unavailable": text("Why it is withheld, shown greyed out when `when` fails."),
            "effects": effects("Changes applied when chosen."),
            "trigger": event_ref("An event fired when chosen."),
            "chance": ref("chance", "What may happen next, by chance."),
            "delayed": list_of(ref("delayed"), "Consequences that land later."),
            "stances": list_of(ref("stance"), "Who favours or opposes this, and why."),
            "history": {
                "type": "boolean",
                "default": False,
                "description": "What the administration actually did (one per decision).",
            },
            "history_note": text("What actually happened, for the debrief."),
            "lean": {
                "enum": list(LEANS),
                "description": "hawk, dove or middle, for the simulation strategies.",
            },
        },
        ("id", "label"),
        "A course of action.",
    )


def outcome_schema() -> Schema:
    return strict_object(
        OUTCOME_KEYS,
        {
            "id": ID_SCHEMA,
            "label": text("What happened, in a few words."),
            "weight": {
                "type": ["integer", "string"],
                "default": 1,
                "description": "Relative weight: an int or int expression (e.g. 60 - tension / 2).",
            },
            "text": text("What the players read."),
            "effects": effects("Changes applied when this happens."),
            "trigger": event_ref("An event fired when this happens."),
            "history": {
                "type": "boolean",
                "default": False,
                "description": "What actually happened.",
            },
        },
        ("id", "label"),
        "One branch of a chance node.",
    )


def event_schema() -> Schema:
    return strict_object(
        EVENT_KEYS,
        {
            "id": ID_SCHEMA,
            "title": text("The headline."),
            "text": text("What the players read."),
            "when": condition("Checked after every decision; without it, fired only by trigger."),
            "once": {"type": "boolean", "default": True, "description": "Fires at most once."},
            "effects": effects("Changes applied when it fires."),
            "sources": citations("Where it comes from in the record."),
            **dated("The event"),
        },
        ("id", "title", "text"),
        "Something that happens to the players.",
    )


def ending_schema() -> Schema:
    return strict_object(
        ENDING_KEYS,
        {
            "id": ID_SCHEMA,
            "title": text("The ending's title."),
            "when": condition("Reached when this holds; omit for the fallback ending."),
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
            "narrative": text("What the players read at the end."),
            "debrief": text("The comparison with history."),
            "questions": list_of({"type": "string"}, "Discussion questions for class."),
        },
        ("id", "title", "narrative", "debrief"),
        "A way the game can end.",
    )
