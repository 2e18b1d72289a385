"""The scenario model: immutable attrs classes for a crisis-meeting scenario.

The model is dumb on purpose: it holds what the loader validated and nothing parses
here. Every expression field holds a compiled expression (see ``expr``), so the
engine never sees scenario text it has to interpret. Objects that an instructor may
need pointed at (decisions, options, events, endings, objectives) carry the
``Location`` of their YAML mapping; locations are excluded from equality so two
scenarios that differ only in layout compare equal.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from excomm_sim.scenario.expr import Assignment, Expression

FORMAT_VERSION = 2
"""The newest scenario format version this model reads (the ``format:`` key)."""
FORMAT_VERSIONS = (1, 2)
"""Every format version the loader reads: a format-1 file loads unchanged; the keys new in
format 2 (phases, dates, ...) need ``format: 2``."""


@frozen
class Location:
    """Where something stands in a scenario file: 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NOWHERE = Location("<built>", 0, 0)
"""Location of objects built in code (tests, generated scenarios)."""


@frozen
class Source:
    """A document the scenario draws on, cited by ``Citation.source``."""

    id: str
    title: str
    reference: str = ""
    """Full bibliographic reference or archive identifier."""
    document: str = ""
    """The document's number in its collection (FRUS style: "138"), or ""."""
    url: str = ""
    """Where the document can be read (an http or https address), or ""."""
    file: str = ""
    """A text file of the document kept beside the scenario (a relative path), or "": the
    shell reads it (``excomm_sim.source_texts``) and ``scenario.documents`` indexes it."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)

    def full(self) -> str:
        """The whole reference in one line, for a bibliography: title, reference, document
        number and address, each when given."""
        parts = [self.title]
        if self.reference:
            parts.append(self.reference)
        if self.document and f"doc. {self.document}" not in self.reference:
            parts.append(f"document {self.document}")
        text = ". ".join(part.rstrip(".") for part in parts) + "."
        return f"{text} {self.url}" if self.url else text


@frozen
class Reading:
    """An entry of the bibliography: further reading a report lists in full."""

    reference: str
    url: str = ""

    def full(self) -> str:
        return f"{self.reference} {self.url}" if self.url else self.reference


@frozen
class Citation:
    """A pointer into a source: shown to players as "record p.2 ¶4"."""

    source: str
    page: int | None = None
    paragraph: int | None = None
    note: str = ""
    document: str = field(default="", repr=False)
    """A document number within the source (FRUS style: the source is a volume), or ""
    (left out of the repr, which saves' golden logs hold: ``str`` shows it)."""
    url: str = field(default="", repr=False)
    """An address for this passage, or ""."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)

    def __str__(self) -> str:
        parts = [self.source]
        if self.document:
            parts.append(f"doc.{self.document}")
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.paragraph is not None:
            parts.append(f"¶{self.paragraph}")
        text = " ".join(parts)
        return f"{text} ({self.note})" if self.note else text


class VariableKind(enum.Enum):
    INT = "int"
    BOOL = "bool"
    ENUM = "enum"


class Display(enum.Enum):
    """How the dashboard shows a variable."""

    METER = "meter"
    """A bar between min and max (int only)."""
    FLAG = "flag"
    """Yes/no (bool only)."""
    STATUS = "status"
    """The current value's label (enum or int)."""
    HIDDEN = "hidden"
    """Not shown to players; the author inspector and debrief still show it."""


Value = int | bool | str
"""A variable's value: int for INT, bool for BOOL, the value id for ENUM."""


@frozen
class Variable:
    """A piece of game state that expressions read and effects change."""

    id: str
    kind: VariableKind
    label: str
    initial: Value
    description: str = ""
    display: Display = Display.STATUS
    minimum: int | None = None
    """INT only: effects clamp the value into [minimum, maximum]."""
    maximum: int | None = None
    values: tuple[str, ...] = ()
    """ENUM only: the allowed values, in display order."""
    value_labels: Mapping[str, str] = field(factory=lambda: MappingProxyType({}))
    """ENUM only: human labels for values (``gone`` -> "Gone from Cuba")."""
    good: str = "high"
    """Which direction is good for the dashboard trend arrow: high, low or none."""
    visible_to: tuple[str, ...] = ()
    """Role ids that alone see it during play (empty: as ``display`` says for everyone);
    everyone sees it at the end (``engine.observe`` decides)."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)

    def label_of(self, value: Value) -> str:
        """The text the UI shows for ``value`` of this variable."""
        if self.kind is VariableKind.BOOL:
            return "yes" if value else "no"
        if self.kind is VariableKind.ENUM:
            return self.value_labels.get(str(value), str(value).replace("_", " "))
        return str(value)


@frozen
class TextVariant:
    """One wording of a text (format 2): used when ``when`` holds (None: the fallback)."""

    text: str
    when: Expression | None = None


@frozen
class Objective:
    """One of a role's private aims, scored on the final state."""

    id: str
    text: str
    condition: Expression
    points: int = 1
    visibility: str = "private"
    """Who reads it: ``private`` (its own seat during play, everyone at the end),
    ``public`` (every seat, all game long) or ``secret`` (its own seat only, even at the
    end: the debrief shows the role's points, not this aim). See ``engine.observe``."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Role:
    """A seat at the table. Exactly one role in a scenario is the decider by default."""

    id: str
    name: str
    title: str
    bio: str
    briefing: str
    objectives: tuple[Objective, ...] = ()
    is_president: bool = False
    """The role that decides agenda items that do not name a decider."""
    influence: int = 1
    """How much a computer decider weighs this role's recommendation."""
    joins: str = ""
    """The decision or phase id it joins the table at (format 2), or "" (from the start)."""
    joins_at: int = 0
    """The index of the first decision it sits at (the loader resolves ``joins``): before
    it the role neither advises nor decides, and has no stances."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


class Position(enum.Enum):
    """An adviser's position on an option."""

    FAVOUR = "favour"
    OPPOSE = "oppose"


@frozen
class Stance:
    """A role's position on an option, with its reason; may hold only when ``when`` does."""

    role: str
    position: Position
    reason: str
    strength: int = 1
    """1 (leans) to 3 (insists); scales the weight a computer decider gives it."""
    when: Expression | None = None
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class ChanceOutcome:
    """One branch of a chance node; its weight may depend on the state."""

    id: str
    label: str
    weight: Expression
    """An int expression; negative results count as 0."""
    text: str = ""
    effects: tuple[Assignment, ...] = ()
    trigger: str | None = None
    """An event id fired when this outcome happens."""
    history: bool = False
    """True when this is what actually happened."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Chance:
    """Uncertainty after an option is chosen: exactly one outcome happens."""

    outcomes: tuple[ChanceOutcome, ...]
    visible: bool = False
    """When true, players see the odds before choosing (as a matrix-game umpire shows)."""


@frozen
class Delayed:
    """A consequence that lands ``after`` turns later, if ``when`` still holds then."""

    after: int
    text: str
    effects: tuple[Assignment, ...] = ()
    trigger: str | None = None
    """An event id fired when this consequence lands."""
    when: Expression | None = None
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Option:
    """A course of action on an agenda item."""

    id: str
    label: str
    text: str = ""
    when: Expression | None = None
    """Offered only while this holds."""
    unavailable: str = ""
    """Why it is withheld, shown greyed when ``when`` fails; empty hides it instead."""
    effects: tuple[Assignment, ...] = ()
    chance: Chance | None = None
    delayed: tuple[Delayed, ...] = ()
    trigger: str | None = None
    """An event id fired when this option is chosen."""
    stances: tuple[Stance, ...] = ()
    history: bool = False
    """True when this is what the administration actually did."""
    history_note: str = ""
    lean: str = ""
    """"hawk", "dove" or "" (middle): used by the hawk/dove simulation strategies."""
    text_variants: tuple[TextVariant, ...] = ()
    """Wordings of ``text`` chosen by the state (format 2); ``text`` is the fallback."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Decision:
    """An agenda item: a question put to one role, with the options it may take."""

    id: str
    title: str
    context: str
    options: tuple[Option, ...]
    decider: str
    """The role id that decides (the president role unless the file says otherwise)."""
    when: Expression | None = None
    """Posed only if this holds when its turn comes; otherwise skipped for good."""
    days: int = 1
    """How far the calendar moves once it is decided."""
    sources: tuple[Citation, ...] = ()
    history_note: str = ""
    phase: str = ""
    """The id of the phase it belongs to ("" outside any phase)."""
    context_variants: tuple[TextVariant, ...] = ()
    """Wordings of ``context`` chosen by the state (format 2); ``context`` is the fallback."""
    varies: bool = False
    """Its context or an option's text has variants or ``{name}`` placeholders (format 2):
    ``engine.observe`` renders them for the state."""
    date: dt.date | None = None
    """The date it comes up on: when its turn comes, the clock moves on to it (never back).
    The loader resolves it from ``date``, or the phase's start plus ``offset``, or the
    phase's start; None for an undated item (the clock stays where it is)."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


@frozen
class Event:
    """Something that happens to the players: fired by a condition, a delay, or an option."""

    id: str
    title: str
    text: str
    when: Expression | None = None
    """Checked after every decision; None means it fires only when triggered."""
    once: bool = True
    effects: tuple[Assignment, ...] = ()
    sources: tuple[Citation, ...] = ()
    date: dt.date | None = None
    """Fires once the clock has reached this date (and ``when``, if any, holds): checked
    with the watched events after every decision and whenever the clock moves."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Ending:
    """How the game can end; the first ending whose condition holds wins."""

    id: str
    title: str
    narrative: str
    debrief: str
    """The historical comparison shown in the debrief."""
    when: Expression | None = None
    """None marks the fallback ending (exactly one per scenario)."""
    early: bool = False
    """Checked after every decision (ends the game at once) rather than only at the end."""
    historical: bool = False
    """True for the ending that matches what actually happened."""
    questions: tuple[str, ...] = ()
    """Discussion questions for class."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Phase:
    """A stretch of the story under one heading: a day, or a range of days."""

    id: str
    heading: str
    start: dt.date
    end: dt.date | None = None
    """The last day of a range (None: the phase is one day, or open-ended)."""
    note: str = ""
    location: Location = field(default=NOWHERE, eq=False, repr=False)

    @property
    def dates(self) -> str:
        """``1962-11-03`` or ``1962-11-04 to 1962-11-20``, for headings and reports."""
        if self.end is None or self.end == self.start:
            return self.start.isoformat()
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


@frozen
class Person:
    """Someone the scenario names who has no seat at the table (who's who, ``people:``)."""

    name: str
    title: str
    about: str = ""
    also: tuple[str, ...] = ()
    """Other ways the text names them ("Kuznetsov"); the first mention of any is explained."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Term:
    """A word a student may not know (``glossary:``): an acronym, a weapon, a legal term."""

    term: str
    meaning: str
    also: tuple[str, ...] = ()
    """Other spellings the text uses ("IL-28s", "SAMs")."""
    location: Location = field(default=NOWHERE, eq=False, repr=False)


@frozen
class Calendar:
    """The in-game date: starts at ``start``; each decision adds its ``days``."""

    start: dt.date
    days_per_decision: int = 1


@frozen
class Scenario:
    """A whole validated scenario. Build it with ``load``; never mutate it."""

    id: str
    title: str
    version: str
    date: dt.date
    summary: str
    roles: tuple[Role, ...]
    variables: tuple[Variable, ...]
    decisions: tuple[Decision, ...]
    endings: tuple[Ending, ...]
    calendar: Calendar
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()
    phases: tuple[Phase, ...] = ()
    bibliography: tuple[Reading, ...] = ()
    people: tuple[Person, ...] = ()
    """Who's who beyond the seats (``scenario.glossary`` reads them)."""
    glossary: tuple[Term, ...] = ()
    format: int = FORMAT_VERSION
    content_hash: str = field(default="", eq=False)
    """sha256 of the file's bytes; saves use it to spot an edited scenario."""
    path: str = field(default="", eq=False)
    """Where it was loaded from (display only)."""

    @property
    def president(self) -> Role:
        for role in self.roles:
            if role.is_president:
                return role
        return self.roles[0]

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    def decision(self, decision_id: str) -> Decision:
        for decision in self.decisions:
            if decision.id == decision_id:
                return decision
        raise KeyError(decision_id)

    def variable(self, variable_id: str) -> Variable:
        for variable in self.variables:
            if variable.id == variable_id:
                return variable
        raise KeyError(variable_id)

    def event(self, event_id: str) -> Event:
        for event in self.events:
            if event.id == event_id:
                return event
        raise KeyError(event_id)

    def phase(self, phase_id: str) -> Phase:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def references(self) -> tuple[str, ...]:
        """The bibliography in full, as reports list it: every source, then the further
        reading, each in one line."""
        return (
            *(source.full() for source in self.sources),
            *(reading.full() for reading in self.bibliography),
        )

    def day_of(self, date: dt.date) -> int:
        """Days from the calendar's start to ``date`` (the ``day`` the clock shows then)."""
        return (date - self.calendar.start).days

    def ending(self, ending_id: str) -> Ending:
        for ending in self.endings:
            if ending.id == ending_id:
                return ending
        raise KeyError(ending_id)
