"""The agenda's parts declared: decisions, options, chance and its outcomes, delayed
consequences, stances and the citations they carry (``spec.declare`` says what feeds on it)."""

from __future__ import annotations

from excomm_sim.scenario.model import Position
from excomm_sim.scenario.spec.declare import (
    Boolean,
    Choice,
    Condition,
    Definition,
    Field,
    Ident,
    Integer,
    ListOf,
    OneOrList,
    Part,
    Text,
    Varied,
    Written,
)

LEANS = ("hawk", "dove", "middle", "")
"""Option leans; "middle" and "" both mean the middle course (stored as "")."""
POSITIONS = tuple(position.value for position in Position)
MAX_STRENGTH = 3

CITATION = Part(
    "citation",
    "a citation",
    "A citation.",
    (
        Field("source", Ident(names="source"), "A source id from sources.", True),
        Field("page", Integer(minimum=1), "Page."),
        Field("paragraph", Integer(minimum=1), "Paragraph on the page."),
        Field("note", Text(), "What the passage shows (our words)."),
        Field("document", Text(), "Format 2: a document number within the source."),
        Field("url", Text(), "Format 2: an address for this passage."),
    ),
)
GUARDED = Part(
    "guarded",
    "a conditional effect",
    "Format 2: effects that apply only under a condition.",
    (
        Field(
            "when",
            Condition(),
            "The effects apply only if this holds (read once, before them).",
            True,
        ),
        Field("effects", OneOrList("effect", "effects"), "The effects it guards.", True),
    ),
)
VARIANT = Part(
    "variant",
    "a text variant",
    "One wording of the text.",
    (
        Field("when", Condition(), "This wording is used while this holds (none: the fallback)."),
        Field("text", Text(), "The wording; {name} shows a variable's value.", True),
    ),
)
EFFECTS = OneOrList("effect", "effects", GUARDED, "guarded")
VARIED = Varied(VARIANT)
DATED = (
    Field(
        "phase",
        Ident(names="phase"),
        "Format 2: the phase it belongs to (a phase id).",
        docs="*Format 2.* Its phase: see [Phases](#phases).",
    ),
    Field(
        "date",
        Definition("date"),
        "Format 2: the day it comes on (YYYY-MM-DD); the clock moves on to it.",
        docs="*Format 2.* The day it comes on: see [Phases](#phases).",
    ),
    Field(
        "offset",
        Integer(minimum=0),
        "Format 2: days after its phase's start (instead of a date).",
        docs="*Format 2.* Days after its phase's first day, instead of a `date`.",
    ),
)
"""The keys that date a decision or an event (format 2)."""
CITATIONS = OneOrList("citation", "citations", of=CITATION)
EVENT_REF = Ident(names="event", hint=" An event id from events.")


def _id(docs: str) -> Field:
    return Field("id", Ident(describe=False), docs, required=True)


STANCE = Part(
    "stance",
    "a stance",
    "An adviser's position on an option.",
    (
        Field("role", Ident(names="role"), "A role id from roles.", True, docs="Whose stance."),
        Field(
            "position",
            Choice(lambda: POSITIONS),
            "favour or oppose.",
            True,
            docs="Which side the adviser takes.",
        ),
        Field(
            "strength",
            Integer(minimum=1, maximum=MAX_STRENGTH, default=1),
            "1 (leans) to 3 (insists).",
            docs="1 leans, 3 insists; scales a computer decider's weighing.",
        ),
        Field("reason", Text(), "Why, in the adviser's voice (our words).", True),
        Field("when", Condition(), "The stance holds only while this does."),
    ),
)

DELAYED = Part(
    "delayed",
    "a delayed consequence",
    "A consequence that lands some turns later.",
    (
        Field(
            "after",
            Integer(minimum=1),
            "Turns later (>= 1).",
            True,
            docs="Turns later.",
        ),
        Field("when", Condition(), "Lands only if this still holds then."),
        Field("text", Text(), "What the players read when it lands.", True),
        Field("effects", EFFECTS, "Changes applied when it lands."),
        Field("trigger", EVENT_REF, "An event fired when it lands."),
    ),
)

OUTCOME = Part(
    "outcome",
    "a chance outcome",
    "One branch of a chance node.",
    (
        _id("Unique within the chance node."),
        Field("label", Text(), "What happened, in a few words.", True),
        Field(
            "weight",
            Written({"type": ["integer", "string"], "default": 1}, "int expression"),
            "Relative weight: an int or int expression (e.g. 60 - tension / 2).",
            docs="Relative weight; may read the state (`50 + goodwill * 2`); "
            "a negative result counts as 0.",
            docs_default="`1`",
        ),
        Field("text", Text(), "What the players read."),
        Field("effects", EFFECTS, "Changes applied when this happens."),
        Field("trigger", EVENT_REF, "An event fired when this happens."),
        Field(
            "history",
            Boolean(default=False),
            "What actually happened.",
            docs="What actually happened (at most one per chance node).",
        ),
    ),
)

CHANCE = Part(
    "chance",
    "a chance node",
    "Uncertainty after the option is chosen.",
    (
        Field("visible", Boolean(default=False), "Players see the odds before choosing."),
        Field(
            "outcomes",
            ListOf(Definition("outcome", of=OUTCOME), 1),
            "Exactly one of these happens.",
            True,
            docs="Exactly one happens, with probability weight / total.",
        ),
    ),
)

OPTION = Part(
    "option",
    "an option",
    "A course of action.",
    (
        _id("Unique within the decision."),
        Field("label", Text(), "The short label on the button.", True),
        Field("text", VARIED, "A longer description."),
        Field("when", Condition(), "Offered only while this holds."),
        Field(
            "unavailable",
            Text(),
            "Why it is withheld, shown greyed out when `when` fails.",
            docs="Shown greyed, with this reason, when `when` is false; without it the option "
            "is hidden instead.",
        ),
        Field("effects", EFFECTS, "Changes applied when chosen."),
        Field("trigger", EVENT_REF, "An event fired when chosen."),
        Field(
            "chance",
            Definition("chance", anchor="chance", of=CHANCE),
            "What may happen next, by chance.",
        ),
        Field(
            "delayed",
            ListOf(Definition("delayed", anchor="delayed-consequences", of=DELAYED)),
            "Consequences that land later.",
        ),
        Field(
            "stances",
            ListOf(Definition("stance", anchor="stances", of=STANCE)),
            "Who favours or opposes this, and why.",
        ),
        Field(
            "history",
            Boolean(default=False),
            "What the administration actually did (one per decision).",
            docs="What the administration actually did. At most one option per decision.",
        ),
        Field("history_note", Text(), "What actually happened, for the debrief."),
        Field(
            "lean",
            Choice(lambda: LEANS, shown=("hawk", "dove", "middle")),
            "hawk, dove or middle, for the simulation strategies.",
            docs="Used by `simulate --strategy hawk|dove`.",
            docs_default="middle",
        ),
    ),
)

DECISION = Part(
    "decision",
    "a decision",
    "An agenda item.",
    (
        _id('Named by `chose("id", "option")` and `decided("id")`.'),
        Field("title", Text(), "The agenda item's title.", True),
        Field(
            "decider",
            Ident(names="role"),
            "The role that decides (default: the president).",
            docs="Who decides.",
            docs_default="the president role",
        ),
        Field("context", VARIED, "The briefing for this item.", True),
        Field("sources", CITATIONS, "Where the item comes from in the record."),
        Field(
            "when",
            Condition(),
            "Posed only if this holds when its turn comes.",
            docs="Posed only if this holds when its turn comes; otherwise skipped for good.",
        ),
        Field(
            "days",
            Integer(minimum=0),
            "Days the calendar moves once decided.",
            docs="How far the calendar moves once it is decided.",
            docs_default="`calendar.days_per_decision`",
        ),
        Field("history_note", Text(), "What actually happened, for the debrief."),
        Field(
            "options",
            ListOf(Definition("option", anchor="options", of=OPTION), 1),
            "The courses of action.",
            True,
        ),
        *DATED,
    ),
)
