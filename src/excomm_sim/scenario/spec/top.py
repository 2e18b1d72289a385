"""The scenario's top level and its other parts declared: sources, citations, the calendar,
roles and objectives, variables, events and endings (agenda parts are in ``spec.agenda``)."""

from __future__ import annotations

from excomm_sim.scenario.expr import BUILTINS
from excomm_sim.scenario.model import FORMAT_VERSIONS, Display
from excomm_sim.scenario.spec.agenda import CITATIONS, DATED, DECISION, EFFECTS
from excomm_sim.scenario.spec.declare import (
    Boolean,
    Choice,
    Condition,
    Definition,
    Field,
    Ident,
    Inline,
    Integer,
    ListOf,
    Part,
    Schema,
    Text,
    Written,
)
from excomm_sim.scenario.spec.glossary import PERSON, TERM
from excomm_sim.scenario.spec.variable_types import VARIABLE_TYPES, type_names

DISPLAYS = tuple(display.value for display in Display)
GOOD_DIRECTIONS = ("high", "low", "none")
DATE = Definition("date")
VISIBILITIES = ("private", "public", "secret")
"""Who reads an objective (``Objective.visibility``)."""


def _id(docs: str = "") -> Field:
    return Field("id", Ident(describe=False), docs, required=True)


SOURCE = Part(
    "source",
    "a source",
    "A document the scenario draws on.",
    (
        _id("What citations name."),
        Field("title", Text(), "The document's title.", True),
        Field(
            "reference",
            Text(),
            "Full bibliographic reference or archive identifier.",
            docs_default='`""`',
        ),
        Field(
            "document",
            Text(),
            "Format 2: the document's number in its collection (FRUS).",
            docs='*Format 2.* The document\'s number in its collection (FRUS style: `"138"`).',
            docs_default='`""`',
        ),
        Field(
            "url",
            Text(),
            "Format 2: where the document can be read (http or https).",
            docs="*Format 2.* Where it can be read: an `http` or `https` address.",
            docs_default='`""`',
        ),
        Field(
            "file",
            Text(),
            "Format 2: a text file of the document beside the scenario (record.txt): pages "
            "start at '--- page N ---', paragraphs are separated by blank lines.",
            docs="*Format 2.* The document's text, in a file beside the scenario "
            "([Source texts](#source-texts)).",
            docs_default='`""`',
        ),
    ),
)

READING = Part(
    "reading",
    "a bibliography entry",
    "An entry of further reading.",
    (
        Field("reference", Text(), "The full reference.", True),
        Field("url", Text(), "Where it can be read (http or https)."),
    ),
)

PHASE = Part(
    "phase",
    "a phase",
    "A stretch of the story under one heading, on a day or a range of days (format 2).",
    (
        _id("What a decision's or event's `phase` names."),
        Field("heading", Text(), "The heading players see over the phase's items.", True),
        Field(
            "date",
            DATE,
            "The phase's first day (YYYY-MM-DD).",
            True,
            docs="The phase's first day; not before the calendar's `start`.",
        ),
        Field(
            "until",
            DATE,
            "The phase's last day, for a range of days.",
            docs="The last day, for a range; not before `date`.",
        ),
        Field(
            "note",
            Text(),
            "A note under the heading (what the phase covers).",
            docs="A line under the heading: what the phase covers, how its dates are known.",
            docs_default='`""`',
        ),
    ),
)

CALENDAR = Part(
    "calendar",
    "the calendar",
    "The in-game calendar.",
    (
        Field(
            "start",
            DATE,
            "The in-game date at the start (default: date).",
            docs="The in-game date when play starts.",
            docs_default="the top-level `date`",
        ),
        Field(
            "days_per_decision",
            Integer(minimum=0),
            "Days a decision moves the calendar unless it says `days` (default 1; 0 in a file "
            "with phases).",
            docs="Days a decision moves the calendar once decided, unless the decision says "
            "`days`.",
            docs_default="`1`; `0` in a file with `phases`",
        ),
    ),
)

OBJECTIVE = Part(
    "objective",
    "an objective",
    "One of a role's private aims, scored at the end.",
    (
        _id("Unique within the role."),
        Field(
            "text",
            Text(),
            "The aim, as the role's player reads it.",
            True,
            docs="The aim as the player reads it.",
        ),
        Field("when", Condition(), "Met when this holds on the final state.", True),
        Field(
            "points",
            Integer(default=1),
            "Points when met.",
            docs="Points scored when met.",
        ),
        Field(
            "visibility",
            Choice(lambda: VISIBILITIES, default="private"),
            "Format 2: private (its seat; everyone at the end), public (every seat, all game) "
            "or secret (its seat only, even at the end).",
            docs="*Format 2.* Who reads it. `private`: its own seat during play, every seat in "
            "the debrief. `public`: every seat, all game long (with whether it holds now). "
            "`secret`: its own seat only, even at the end; the others' debrief shows the "
            "role's points and whether it won, never this aim.",
        ),
    ),
)

ROLE = Part(
    "role",
    "a role",
    "A seat at the table.",
    (
        _id(),
        Field("name", Text(), "The person's name.", True),
        Field("title", Text(), "Their office.", True),
        Field(
            "president",
            Boolean(default=False),
            "Decides the agenda items that name no decider (exactly one).",
            docs="Decides every agenda item that names no `decider`. Exactly one role has "
            "`president: true`.",
        ),
        Field(
            "influence",
            Integer(minimum=0, default=1),
            "How much a computer decider weighs this role's advice.",
            docs="How much a computer decider weighs this role's recommendation.",
        ),
        Field("bio", Text(), "A short public biography.", True),
        Field(
            "briefing",
            Text(),
            "Private briefing, shown only to this role's player.",
            True,
            docs="Private: shown only to the player in this role.",
        ),
        Field(
            "objectives",
            ListOf(Definition("objective", of=OBJECTIVE)),
            "Private scoring for this role.",
            docs="The role's private scoring.",
            docs_default="`[]`",
        ),
        Field(
            "joins",
            Ident(names="decision or phase"),
            "Format 2: the decision or phase id this role joins the table at; before it, it "
            "neither advises nor decides.",
            docs="*Format 2.* The agenda item (or the first item of the phase) at which the "
            "role joins the table: a general who arrives in September. Before it the role is "
            "not asked to recommend, gives no advice, and may neither decide nor hold a stance "
            "(an error); a person may hold the seat from the start and is asked from then on.",
            docs_default="from the start",
        ),
    ),
)


def _per_type_rules() -> Schema:
    """The schema's if/then rule per variable type: its required keys, its initial's type."""
    rules = []
    for spec in VARIABLE_TYPES.values():
        then: Schema = {}
        if spec.required:
            then["required"] = list(spec.required)
        then["properties"] = {"initial": {"type": spec.initial_json}}
        rules.append({"if": {"properties": {"type": {"const": spec.name}}}, "then": then})
    return {"allOf": rules}


def _types_in_words() -> str:
    names = type_names()
    return ", ".join(names[:-1]) + " or " + names[-1] + "." if len(names) > 1 else names[0]


VARIABLE = Part(
    "variable",
    "a variable",
    "A piece of game state.",
    (
        Field(
            "id",
            Ident(forbidden=tuple(BUILTINS), describe=False),
            "Not `turn` or `day` (built in: decisions taken so far, days since the start).",
            True,
        ),
        Field(
            "type",
            Choice(type_names, described=_types_in_words),
            "The variable's type.",
            True,
            docs="See [variable types](#variable-types).",
        ),
        Field("label", Text(), "The name shown on the dashboard.", True),
        Field(
            "description",
            Text(),
            "What it measures (shown on hover and in the debrief).",
            docs_default='`""`',
        ),
        Field(
            "display",
            Choice(lambda: DISPLAYS),
            "meter (int), flag (bool), status, or hidden from players.",
            docs="How the dashboard shows it. `meter` suits only int, `flag` only bool; "
            "`hidden` keeps it from players (the debrief and author tools still show it).",
            docs_default="as its type says",
        ),
        Field(
            "initial",
            Written({"type": ["integer", "boolean", "string"]}, "as its type says"),
            "Starting value: within min..max, true/false, or one of values.",
            True,
        ),
        Field(
            "min",
            Integer(),
            "int only: lowest value.",
            docs="The lowest value; effects are clamped into the range by the engine.",
        ),
        Field(
            "max",
            Integer(),
            "int only: highest value.",
            docs="The highest value; effects are clamped into the range by the engine.",
        ),
        Field(
            "good",
            Choice(lambda: GOOD_DIRECTIONS, default="high"),
            "Which direction is good, for the trend arrow.",
        ),
        Field(
            "values",
            ListOf(Text(), 1, item_schema={"type": "string"}),
            "enum only: the allowed values, in order.",
            docs="The allowed values, in display order.",
        ),
        Field(
            "value_labels",
            Written(
                {"type": "object", "additionalProperties": {"type": "string"}},
                "mapping value -> text",
            ),
            "enum only: labels for values.",
            docs="Human labels (`gone: Gone from Cuba`); other values show with `_` as spaces.",
        ),
        Field(
            "visible_to",
            ListOf(Ident(names="role")),
            "Format 2: the roles that alone see it during play (everyone at the end).",
            docs="*Format 2.* Only these roles see it during play (value, changes, timeline); "
            "every other seat and the spectator see it withheld, as a `hidden` one, until the "
            "end, when everyone sees it.",
            docs_default="`[]`",
        ),
    ),
    extra=_per_type_rules,
)

EVENT = Part(
    "event",
    "an event",
    "Something that happens to the players.",
    (
        _id("Named by `trigger`."),
        Field("title", Text(), "The headline.", True),
        Field("text", Text(), "What the players read.", True),
        Field(
            "when",
            Condition(),
            "Checked after every decision; without it, fired only by trigger.",
            docs="Checked after every decision; without it the event fires only when triggered.",
        ),
        Field("once", Boolean(default=True), "Fires at most once."),
        Field("effects", EFFECTS, "Changes applied when it fires."),
        Field("sources", CITATIONS, "Where it comes from in the record."),
        *DATED,
    ),
)

ENDING = Part(
    "ending",
    "an ending",
    "A way the game can end.",
    (
        _id(),
        Field("title", Text(), "The ending's title.", True),
        Field(
            "when",
            Condition(),
            "Reached when this holds; omit for the fallback ending.",
            docs="Omitted for the fallback ending.",
        ),
        Field(
            "early",
            Boolean(default=False),
            "Checked after every decision, ending the game at once.",
            docs="`true`: checked after every decision and ends the game at once; `false`: "
            "checked only when no decision is left.",
        ),
        Field(
            "historical",
            Boolean(default=False),
            "Matches what actually happened (at most one).",
            docs="The ending that matches what happened (at most one).",
        ),
        Field("narrative", Text(), "What the players read at the end.", True),
        Field("debrief", Text(), "The comparison with history.", True),
        Field(
            "questions",
            ListOf(Text(), item_schema={"type": "string"}),
            "Discussion questions for class.",
            docs_default="`[]`",
        ),
    ),
)

SCENARIO = Part(
    "scenario",
    "a scenario",
    "A crisis-meeting scenario for excomm-sim (formats "
    f"{', '.join(map(str, FORMAT_VERSIONS))}). "
    "Check a file with `excomm-sim validate FILE`.",
    (
        Field(
            "format",
            Integer(only=FORMAT_VERSIONS),
            "The scenario format version this file is written for.",
            True,
            docs="The format version: "
            + " or ".join(f"`{version}`" for version in FORMAT_VERSIONS)
            + ".",
        ),
        Field(
            "id",
            Ident(),
            "The scenario's id (saves record it).",
            True,
            docs="The scenario's id; saves record it.",
        ),
        Field(
            "title",
            Text(),
            "The scenario's title, shown on the title screen.",
            True,
            docs="Shown on the title screen.",
        ),
        Field(
            "version",
            Text(),
            'The scenario\'s own version, as text: quote it ("1.0").',
            True,
            docs='The scenario\'s own version, at most 100 characters. Quote it: `version: "1.0"`.',
        ),
        Field(
            "date",
            DATE,
            "The historical date of the meeting (YYYY-MM-DD).",
            True,
            docs="The historical date of the meeting, `YYYY-MM-DD`.",
        ),
        Field(
            "summary",
            Text(),
            "A paragraph introducing the situation, shown before play.",
            True,
            docs="The introduction shown before play.",
        ),
        Field(
            "sources",
            ListOf(Definition("source", anchor="sources", of=SOURCE)),
            "The documents the scenario cites; citations name their ids.",
            docs="Documents the citations point into.",
            docs_default="`[]`",
        ),
        Field(
            "calendar",
            Inline(CALENDAR, anchor="calendar"),
            "The in-game calendar.",
            docs="The in-game date.",
        ),
        Field(
            "phases",
            ListOf(Definition("phase", anchor="phases", of=PHASE)),
            "Format 2: the stretches of the story, in date order; decisions name their phase.",
            docs="*Format 2.* The stretches of the story, with their dates.",
            docs_default="`[]`",
        ),
        Field(
            "roles",
            ListOf(Definition("role", anchor="roles", of=ROLE), 1),
            "The seats at the table; exactly one is president.",
            True,
        ),
        Field(
            "variables",
            ListOf(Definition("variable", anchor="variables", of=VARIABLE), 1),
            "The state that expressions read and effects change.",
            True,
        ),
        Field(
            "decisions",
            ListOf(Definition("decision", anchor="decisions", of=DECISION), 1),
            "The agenda items, posed in file order.",
            True,
        ),
        Field(
            "events",
            ListOf(Definition("event", anchor="events", of=EVENT)),
            "Things that happen, by condition or trigger.",
            docs="Things that happen to the players.",
            docs_default="`[]`",
        ),
        Field(
            "endings",
            ListOf(Definition("ending", anchor="endings", of=ENDING), 1),
            "How the game can end; exactly one has no `when` (the fallback).",
            True,
        ),
        Field(
            "people",
            ListOf(Definition("person", anchor="people-and-glossary", of=PERSON)),
            "Who's who beyond the seats: shown on the glossary screen (g).",
            docs_default="`[]`",
        ),
        Field(
            "glossary",
            ListOf(Definition("term", anchor="people-and-glossary", of=TERM)),
            "Terms explained on the glossary screen (g) and at first mention.",
            docs_default="`[]`",
        ),
        Field(
            "bibliography",
            ListOf(
                Definition("reading", docs="entry", anchor="bibliography", of=READING),
                item_schema={
                    "anyOf": [{"type": "string"}, {"$ref": "#/definitions/reading"}],
                    "description": "A full reference, or a mapping with reference and url.",
                },
            ),
            "Format 2: further reading that reports list in full, after the sources.",
            docs="*Format 2.* Further reading, listed in full by reports.",
            docs_default="`[]`",
        ),
    ),
)
