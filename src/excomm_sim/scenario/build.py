"""Located YAML nodes -> a Scenario: every field typed, every reference and rule checked.

The builder reports into the file's ``Problems`` and always runs to the end, building with
defaults where a value was wrong; the caller keeps the model only when no error was found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from excomm_sim.scenario.build_calendar import DATED_KEYS, Dating, build_phases, seat_late_roles
from excomm_sim.scenario.build_decisions import build_decision
from excomm_sim.scenario.build_limits import check_calendar, check_game_size
from excomm_sim.scenario.build_variables import build_variables
from excomm_sim.scenario.compiling import ExpressionCompiler
from excomm_sim.scenario.documents import source_file
from excomm_sim.scenario.expr import Names, Type
from excomm_sim.scenario.fields import (
    Context,
    Fields,
    check_unique,
    mapping_of,
    shortened,
    text_of,
)
from excomm_sim.scenario.glossary import build_glossary, build_people
from excomm_sim.scenario.limits import MAX_VERSION_LENGTH
from excomm_sim.scenario.model import (
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    Calendar,
    Ending,
    Event,
    Location,
    Objective,
    Reading,
    Role,
    Scenario,
    Source,
)
from excomm_sim.scenario.problems import did_you_mean
from excomm_sim.scenario.refs import Refs, declared_id, declared_ids, newer_keys, url_of
from excomm_sim.scenario.spec import (
    CALENDAR,
    ENDING,
    EVENT,
    OBJECTIVE,
    READING,
    ROLE,
    SCENARIO,
    SOURCE,
)
from excomm_sim.scenario.spec.top import VISIBILITIES
from excomm_sim.scenario.yamlnodes import YMap, YNode, YScalar, YSeq

SOURCE_KEYS_2 = ("document", "url", "file")
"""The source keys new in format 2."""
_PLACEHOLDER_DATE = dt.date(1962, 11, 3)


def build_scenario(ctx: Context, root: YNode | None) -> Scenario | None:
    """The Scenario, or None when the document is not even a mapping (problems reported)."""
    if root is None:
        ctx.report_at(1, 1, "", "the file is empty: expected a scenario (format: 1, id: ..., ...)")
        return None
    top = mapping_of(ctx, root, "", "a scenario")
    if top is None:
        return None
    fields = Fields(ctx, top, "", SCENARIO)
    version_format = fields.integer("format", FORMAT_VERSION)
    if fields.has("format") and version_format not in FORMAT_VERSIONS:
        node = fields.get("format")
        assert node is not None
        ctx.report(
            node,
            "format",
            f"format {version_format} is not supported: this excomm-sim reads formats "
            f"{', '.join(map(str, FORMAT_VERSIONS))}",
        )
        version_format = FORMAT_VERSION
    ident = fields.identifier()
    title = fields.text("title")
    version = _version(fields)
    date = fields.date("date") or _PLACEHOLDER_DATE
    summary = fields.text("summary")
    calendar = _calendar(fields, date, phased=fields.has("phases"))
    phases = build_phases(ctx, fields, calendar.start)
    dating = Dating(ctx, phases, calendar.start)

    sources = _sources(fields, version_format)
    bibliography = _bibliography(fields)
    variables = build_variables(fields)
    variable_map = {variable.id: variable for variable in variables}
    names = Names(
        variables={
            variable.id: Type(variable.kind.value, frozenset(variable.values))
            for variable in variables
        },
        choices=_declared_choices(top),
    )
    role_ids = set(declared_ids(_entry(top, "roles")))
    refs = Refs(
        ctx,
        ExpressionCompiler(ctx, names, variable_map),
        role_ids,
        _declared_president(top),
        set(declared_ids(_entry(top, "events"))),
        {source.id for source in sources},
    )
    refs.format = version_format
    refs.newer(fields, ("phases", "bibliography"))
    roles = _roles(refs, fields)
    _check_visible_to(refs, fields)
    decisions = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("decisions"):
        decision = build_decision(refs, node, path, calendar.days_per_decision, dating)
        if decision is not None:
            refs.unique(seen, decision.id, node, path + ".id", "decision")
            decisions.append(decision)
    roles = seat_late_roles(fields.ctx, roles, tuple(decisions))
    events = _events(refs, fields, dating)
    endings = _endings(refs, fields)
    people, glossary = build_people(ctx, fields), build_glossary(ctx, fields)
    check_calendar(fields, calendar, decisions)
    check_game_size(fields, roles, decisions)
    return Scenario(
        id=ident,
        title=title,
        version=version,
        date=date,
        summary=summary,
        roles=roles,
        variables=variables,
        decisions=tuple(decisions),
        endings=endings,
        calendar=calendar,
        events=events,
        sources=sources,
        phases=phases,
        bibliography=bibliography,
        people=people,
        glossary=glossary,
        format=version_format,
    )


def _entry(top: YMap, key: str) -> YNode | None:
    entry = top.entries.get(key)
    return entry.value if entry is not None else None


def _declared_choices(top: YMap) -> Mapping[str, frozenset[str]]:
    """decision id -> option ids, scanned silently so chose() can name any decision."""
    choices: dict[str, frozenset[str]] = {}
    decisions = _entry(top, "decisions")
    if isinstance(decisions, YSeq):
        for item in decisions.items:
            if isinstance(item, YMap):
                ident = declared_id(item)
                if ident and ident not in choices:
                    choices[ident] = frozenset(declared_ids(_entry(item, "options")))
    return choices


def _declared_president(top: YMap) -> str:
    roles = _entry(top, "roles")
    if isinstance(roles, YSeq):
        for item in roles.items:
            if isinstance(item, YMap):
                flag = _entry(item, "president")
                if isinstance(flag, YScalar) and flag.kind == "bool" and flag.value:
                    ident = declared_id(item)
                    if ident:
                        return ident
    return ""


def _version(fields: Fields) -> str:
    node = fields.get("version")
    if node is None:
        return ""
    if isinstance(node, YScalar) and node.kind in ("int", "float"):
        shown = shortened(node.text)
        fields.ctx.report(
            node,
            "version",
            f'version must be text: YAML reads {shown} as a number; quote it (version: "{shown}")',
        )
        return node.text
    version = fields.text("version")
    if len(version) > MAX_VERSION_LENGTH:
        fields.ctx.report(
            node,
            "version",
            f"the version is too long ({len(version):,} characters; at most "
            f"{MAX_VERSION_LENGTH}): saves record it",
        )
    return version


def _calendar(fields: Fields, date: dt.date, phased: bool) -> Calendar:
    """The calendar; in a file with phases the dates move the clock, so a decision moves
    it on by no days of its own unless the file says ``days_per_decision``."""
    default = 0 if phased else 1
    mapping = fields.mapping("calendar")
    if mapping is None:
        return Calendar(start=date, days_per_decision=default)
    calendar = Fields(fields.ctx, mapping, "calendar", CALENDAR)
    return Calendar(
        start=calendar.date("start") or date,
        days_per_decision=calendar.integer("days_per_decision", default, minimum=0),
    )


def _sources(fields: Fields, version: int) -> tuple[Source, ...]:
    sources = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("sources"):
        mapping = mapping_of(fields.ctx, node, path, "a source")
        if mapping is None:
            continue
        source = Fields(fields.ctx, mapping, path, SOURCE)
        newer_keys(source, SOURCE_KEYS_2, version)
        ident = source.identifier()
        check_unique(fields.ctx, seen, ident, mapping, path + ".id", "source")
        sources.append(
            Source(
                ident,
                source.text("title"),
                source.text("reference"),
                document=source.text("document"),
                url=url_of(source),
                file=source_file(source),
                location=Location(fields.ctx.problems.filename, mapping.line, mapping.column),
            )
        )
    return tuple(sources)


def _bibliography(fields: Fields) -> tuple[Reading, ...]:
    """Further reading: each entry a full reference, or a mapping with ``reference`` and
    ``url``."""
    found = []
    for node, path in fields.items("bibliography"):
        if isinstance(node, YScalar):
            text = text_of(fields.ctx, node, path)
            if text:
                found.append(Reading(text))
            continue
        mapping = mapping_of(fields.ctx, node, path, "a bibliography entry")
        if mapping is None:
            continue
        entry = Fields(fields.ctx, mapping, path, READING)
        found.append(Reading(entry.text("reference"), url_of(entry)))
    return tuple(found)


def _roles(refs: Refs, fields: Fields) -> tuple[Role, ...]:
    roles = []
    seen: dict[str, YNode] = {}
    presidents: list[YNode] = []
    for node, path in fields.items("roles"):
        mapping = mapping_of(refs.ctx, node, path, "a role")
        if mapping is None:
            continue
        role = Fields(refs.ctx, mapping, path, ROLE)
        ident = role.identifier()
        refs.unique(seen, ident, mapping, path + ".id", "role")
        is_president = role.boolean("president")
        flag = role.get("president")
        if isinstance(flag, YScalar) and flag.kind == "bool" and flag.value:
            is_president = True  # ``president: yes`` is already reported; do not cascade
        if is_president:
            presidents.append(mapping)
        roles.append(
            Role(
                id=ident,
                name=role.text("name"),
                title=role.text("title"),
                bio=role.text("bio"),
                briefing=role.text("briefing"),
                objectives=_objectives(refs, role),
                is_president=is_president,
                influence=role.integer("influence", 1, minimum=0),
                joins=_joins(refs, role),
                location=refs.location(mapping),
            )
        )
    roles_node = fields.get("roles")
    if isinstance(roles_node, YSeq) and roles_node.items and not presidents:
        refs.ctx.report(roles_node, "roles", "no role has president: true (exactly one must)")
    for extra in presidents[1:]:
        refs.ctx.report(
            extra,
            "roles",
            "more than one role has president: true "
            f"(the first is on line {presidents[0].line}); exactly one must",
        )
    return tuple(roles)


def _joins(refs: Refs, role: Fields) -> str:
    refs.newer(role, ("joins",))
    return role.text("joins")


def _check_visible_to(refs: Refs, fields: Fields) -> None:
    """Every ``visible_to`` names a role (format 2)."""
    for index, node_path in enumerate(fields.items("variables")):
        node = node_path[0]
        if not isinstance(node, YMap) or "visible_to" not in node.entries:
            continue
        entry = node.entries["visible_to"]
        path = f"variables[{index}].visible_to"
        if refs.format < 2:
            refs.ctx.report_at(
                entry.key_line,
                entry.key_column,
                path,
                "'visible_to' is new in format 2: write format: 2 at the top of the file "
                f"(it says format: {refs.format})",
            )
        items = entry.value.items if isinstance(entry.value, YSeq) else [entry.value]
        for item in items:
            if isinstance(item, YScalar) and item.text not in refs.role_ids and item.text:
                refs.ctx.report(
                    item,
                    path,
                    f"unknown role '{item.text}'{did_you_mean(item.text, refs.role_ids)}",
                )


def _objectives(refs: Refs, role: Fields) -> tuple[Objective, ...]:
    objectives = []
    seen: dict[str, YNode] = {}
    for node, path in role.items("objectives"):
        mapping = mapping_of(refs.ctx, node, path, "an objective")
        if mapping is None:
            continue
        fields = Fields(refs.ctx, mapping, path, OBJECTIVE)
        ident = fields.identifier()
        refs.unique(seen, ident, mapping, path + ".id", "objective")
        text = fields.text("text")
        condition = refs.condition(fields)
        points = fields.integer("points", 1)
        refs.newer(fields, ("visibility",))
        visibility = fields.choice("visibility", VISIBILITIES, "private")
        if condition is None:  # reported, so the file is refused: nothing needs the objective
            continue
        objectives.append(
            Objective(
                id=ident,
                text=text,
                condition=condition,
                points=points,
                visibility=visibility,
                location=refs.location(mapping),
            )
        )
    return tuple(objectives)


def _events(refs: Refs, fields: Fields, dating: Dating) -> tuple[Event, ...]:
    events = []
    placed: list[tuple[Event, YNode, str]] = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("events"):
        mapping = mapping_of(refs.ctx, node, path, "an event")
        if mapping is None:
            continue
        event = Fields(refs.ctx, mapping, path, EVENT)
        ident = event.identifier()
        refs.unique(seen, ident, mapping, path + ".id", "event")
        refs.newer(event, DATED_KEYS)
        built = Event(
            id=ident,
            title=event.text("title"),
            text=event.text("text"),
            when=refs.condition(event),
            once=event.boolean("once", True),
            effects=refs.effects(event),
            sources=refs.citations(event),
            date=dating.event(event, ident),
            location=refs.location(mapping),
        )
        events.append(built)
        placed.append((built, mapping, path))
    for built, node, path in placed:
        if (
            built.when is None
            and built.date is None
            and built.id
            and built.id not in refs.triggered
        ):
            refs.ctx.report(
                node,
                path,
                f"event '{built.id}' never fires: it has no 'when' and no trigger names it",
                "warning",
            )
    return tuple(events)


def _endings(refs: Refs, fields: Fields) -> tuple[Ending, ...]:
    endings = []
    seen: dict[str, YNode] = {}
    fallbacks: list[YNode] = []
    historical: list[YNode] = []
    for node, path in fields.items("endings"):
        mapping = mapping_of(refs.ctx, node, path, "an ending")
        if mapping is None:
            continue
        ending = Fields(refs.ctx, mapping, path, ENDING)
        ident = ending.identifier()
        refs.unique(seen, ident, mapping, path + ".id", "ending")
        early = ending.boolean("early")
        is_historical = ending.boolean("historical")
        if not ending.has("when"):
            fallbacks.append(mapping)
            if early:
                refs.ctx.report(
                    mapping,
                    path + ".early",
                    f"the fallback ending '{ident}' (no "
                    "'when') cannot be early: it would end the game at once",
                )
        if is_historical:
            historical.append(mapping)
        endings.append(
            Ending(
                id=ident,
                title=ending.text("title"),
                narrative=ending.text("narrative"),
                debrief=ending.text("debrief"),
                when=refs.condition(ending),
                early=early,
                historical=is_historical,
                questions=refs.texts(ending, "questions"),
                location=refs.location(mapping),
            )
        )
    endings_node = fields.get("endings")
    if isinstance(endings_node, YSeq) and endings_node.items and not fallbacks:
        refs.ctx.report(
            endings_node,
            "endings",
            "no ending is the fallback: exactly one ending must have no 'when'",
        )
    for extra in fallbacks[1:]:
        refs.ctx.report(
            extra,
            "endings",
            "more than one ending has no 'when' (the first is on "
            f"line {fallbacks[0].line}); exactly one fallback is allowed",
        )
    for extra in historical[1:]:
        refs.ctx.report(
            extra,
            "endings",
            "more than one ending has historical: true (the first "
            f"is on line {historical[0].line})",
        )
    return tuple(endings)
