"""The ``people:`` and ``glossary:`` parts declared (read by ``scenario.glossary``)."""

from __future__ import annotations

from excomm_sim.scenario.spec.declare import Field, ListOf, Part, Text

ALSO = Field(
    "also",
    ListOf(Text(), item_schema={"type": "string"}),
    "Other ways the scenario's text names it; a mention of any is explained.",
    docs_default="`[]`",
)

PERSON = Part(
    "person",
    "a person",
    "Someone the scenario names who has no seat at the table.",
    (
        Field("name", Text(), "Full name, as the who's who lists it.", True),
        Field("title", Text(), "Office or part in the crisis.", True),
        Field("about", Text(), "A sentence or two on why they matter.", docs_default='`""`'),
        ALSO,
    ),
)

TERM = Part(
    "term",
    "a glossary entry",
    "A word a student may not know: an acronym, a weapon, a legal term.",
    (
        Field("term", Text(), "The word as the glossary lists it.", True),
        Field("meaning", Text(), "What it means, in plain words.", True),
        ALSO,
    ),
)
