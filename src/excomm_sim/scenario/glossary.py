"""Who's who and the glossary: the ``people:`` and ``glossary:`` parts of a scenario.

Reading them (every problem located, as the rest of the loader reports; the parts are
declared in ``spec.glossary``, so the schema and docs tables come from there), and the one
question the shells ask of them: which entries a text mentions, so the
first mention of Kuznetsov or the IL-28 can be explained where the student meets it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from excomm_sim.scenario.fields import Context, Fields, mapping_of, text_of
from excomm_sim.scenario.model import Location, Person, Scenario, Term
from excomm_sim.scenario.spec.glossary import PERSON, TERM
from excomm_sim.scenario.yamlnodes import YNode

Entry = Person | Term


def build_people(ctx: Context, fields: Fields) -> tuple[Person, ...]:
    """The ``people:`` list: each a name, a title, optional ``about`` and ``also`` names."""
    people: list[Person] = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("people"):
        mapping = mapping_of(ctx, node, path, "a person")
        if mapping is None:
            continue
        person = Fields(ctx, mapping, path, PERSON)
        name = person.text("name", required=True)
        also = _also(ctx, person)
        _unique(ctx, seen, (name, *also), mapping, path, "person")
        people.append(
            Person(
                name=name,
                title=person.text("title", required=True),
                about=person.text("about"),
                also=also,
                location=Location(ctx.problems.filename, mapping.line, mapping.column),
            )
        )
    return tuple(people)


def build_glossary(ctx: Context, fields: Fields) -> tuple[Term, ...]:
    """The ``glossary:`` list: each a term, its meaning, optional ``also`` spellings."""
    terms: list[Term] = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("glossary"):
        mapping = mapping_of(ctx, node, path, "a glossary entry")
        if mapping is None:
            continue
        entry = Fields(ctx, mapping, path, TERM)
        term = entry.text("term", required=True)
        also = _also(ctx, entry)
        _unique(ctx, seen, (term, *also), mapping, path, "glossary term")
        terms.append(
            Term(
                term=term,
                meaning=entry.text("meaning", required=True),
                also=also,
                location=Location(ctx.problems.filename, mapping.line, mapping.column),
            )
        )
    return tuple(terms)


def _also(ctx: Context, fields: Fields) -> tuple[str, ...]:
    """``also:`` as a list of names (one bare name is taken as a list of one)."""
    names: list[str] = []
    for node, path in fields.items("also", single=True):
        text = text_of(ctx, node, path)
        if text is not None and text.strip():
            names.append(text.strip())
        elif text is not None:
            ctx.report(node, path, "a name in 'also' must not be empty")
    return tuple(names)


def _unique(
    ctx: Context, seen: dict[str, YNode], names: Iterable[str], node: YNode, path: str, what: str
) -> None:
    """Each name (compared without case) may belong to one entry only: a mention must say
    whom it means."""
    for name in names:
        key = name.casefold()
        if not key:
            continue
        first = seen.get(key)
        if first is not None:
            ctx.report(
                node, path, f"duplicate {what} name '{name}' (first used on line {first.line})"
            )
        else:
            seen[key] = node


# -- what a text mentions ------------------------------------------------------------------


def names_of(entry: Entry) -> tuple[str, ...]:
    main = entry.name if isinstance(entry, Person) else entry.term
    return (main, *entry.also)


def _pattern(name: str) -> re.Pattern[str]:
    """A whole-word match: 'SAM' in 'the SAM sites', not in 'SAMPLE' or 'Samuel'."""
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")


def mentioned(scenario: Scenario, text: str) -> tuple[Entry, ...]:
    """The people and terms ``text`` names, in the order they first appear in it."""
    found: list[tuple[int, Entry]] = []
    entries: tuple[Entry, ...] = (*scenario.people, *scenario.glossary)
    for entry in entries:
        places = [m.start() for name in names_of(entry) for m in _pattern(name).finditer(text)]
        if places:
            found.append((min(places), entry))
    return tuple(entry for _, entry in sorted(found, key=lambda pair: pair[0]))


def entry_text(entry: Entry) -> str:
    """'Kuznetsov: Vasily V. Kuznetsov, First Deputy Foreign Minister of the USSR'."""
    if isinstance(entry, Person):
        head = f"{entry.name}, {entry.title}"
        return f"{head}. {entry.about}" if entry.about else head
    return f"{entry.term}: {entry.meaning}"


__all__ = [
    "Entry",
    "build_glossary",
    "build_people",
    "entry_text",
    "mentioned",
    "names_of",
]
