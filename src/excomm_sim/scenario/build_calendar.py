"""Build the calendar's parts: the phases, and the date each decision and event comes on.

A phase is a heading over a run of agenda items with a date or a date range. A decision
names its phase (``phase: aftermath``), or stays in the phase of the decision before it,
and is dated by its own ``date``, by ``offset`` days from its phase's start, or by the
phase's start. The engine moves the clock to a decision's date when its turn comes, so
the dates resolved here are all the engine needs: a ``Decision.date`` and an
``Event.date``.
"""

from __future__ import annotations

import datetime as dt

from attrs import evolve

from excomm_sim.scenario.fields import Context, Fields, check_unique, join, mapping_of
from excomm_sim.scenario.model import Decision, Location, Phase, Role
from excomm_sim.scenario.problems import did_you_mean
from excomm_sim.scenario.spec import PHASE
from excomm_sim.scenario.spec.agenda import DATED
from excomm_sim.scenario.yamlnodes import YNode

DATED_KEYS = tuple(field.name for field in DATED)
"""The keys that date a decision or an event (format 2; declared in ``spec.agenda``)."""


def build_phases(ctx: Context, fields: Fields, start: dt.date) -> tuple[Phase, ...]:
    """The ``phases`` list: ids unique, each range in order, the phases in date order and
    none before the calendar's start."""
    phases: list[Phase] = []
    seen: dict[str, YNode] = {}
    for node, path in fields.items("phases"):
        mapping = mapping_of(ctx, node, path, "a phase")
        if mapping is None:
            continue
        phase = Fields(ctx, mapping, path, PHASE)
        ident = phase.identifier()
        check_unique(ctx, seen, ident, mapping, path + ".id", "phase")
        heading = phase.text("heading", required=True)
        first = phase.date("date", required=True) or start
        last = phase.date("until")
        if last is not None and last < first:
            ctx.report(
                phase.get("until") or mapping,
                path + ".until",
                f"phase '{ident}' ends on {last.isoformat()}, before it starts "
                f"({first.isoformat()})",
            )
            last = None
        if first < start:
            ctx.report(
                phase.get("date") or mapping,
                path + ".date",
                f"phase '{ident}' starts on {first.isoformat()}, before the calendar's start "
                f"({start.isoformat()})",
            )
        if phases and first < phases[-1].start:
            ctx.report(
                phase.get("date") or mapping,
                path + ".date",
                f"phase '{ident}' starts on {first.isoformat()}, before phase "
                f"'{phases[-1].id}' listed above it ({phases[-1].start.isoformat()}); "
                "list phases in date order",
            )
        phases.append(
            Phase(
                id=ident,
                heading=heading,
                start=first,
                end=last,
                note=phase.text("note"),
                location=Location(ctx.problems.filename, mapping.line, mapping.column),
            )
        )
    return tuple(phases)


class Dating:
    """Dates the agenda in file order: which phase each decision is in, and its date."""

    def __init__(self, ctx: Context, phases: tuple[Phase, ...], start: dt.date) -> None:
        self.ctx = ctx
        self.phases = {phase.id: phase for phase in phases}
        self.order = {phase.id: index for index, phase in enumerate(phases)}
        self.start = start
        self.current: Phase | None = None
        """The phase of the decision read last (a decision without ``phase`` stays in it)."""
        self.latest: tuple[dt.date, str] | None = None
        """The latest date given so far, and the decision it was given to."""

    def decision(self, fields: Fields, ident: str) -> tuple[str, dt.date | None]:
        """The phase id and date of the decision ``fields`` reads (reported problems give
        the phase it is in and no date of its own)."""
        named = self._phase(fields)
        if named is not None:
            current = self.current
            if current is not None and self.order[named.id] < self.order[current.id]:
                self.ctx.report(
                    fields.get("phase") or fields.node,
                    join(fields.path, "phase"),
                    f"decision '{ident}' goes back to phase '{named.id}' after phase "
                    f"'{current.id}': the agenda runs through the phases in order",
                )
            self.current = named
        date = self._date(fields, self.current, f"decision '{ident}'")
        if date is None and self.current is not None:
            date = self.current.start
        if date is not None and fields.has("date") and self.latest is not None:
            latest, where = self.latest
            if date < latest:
                self.ctx.report(
                    fields.get("date") or fields.node,
                    join(fields.path, "date"),
                    f"decision '{ident}' is dated {date.isoformat()}, before decision "
                    f"'{where}' above it ({latest.isoformat()}); the clock never goes back, "
                    f"so it would come up on {latest.isoformat()}",
                    "warning",
                )
        if date is not None and (self.latest is None or date > self.latest[0]):
            self.latest = (date, ident)
        return (self.current.id if self.current is not None else ""), date

    def event(self, fields: Fields, ident: str) -> dt.date | None:
        """The date an event waits for: its ``date``, or its phase's start plus ``offset``."""
        return self._date(fields, self._phase(fields), f"event '{ident}'")

    def _phase(self, fields: Fields) -> Phase | None:
        node = fields.get("phase")
        if node is None:
            return None
        path = join(fields.path, "phase")
        text = fields.text("phase")
        phase = self.phases.get(text)
        if phase is None:
            self.ctx.report(node, path, f"unknown phase '{text}'{did_you_mean(text, self.phases)}")
        return phase

    def _date(self, fields: Fields, phase: Phase | None, what: str) -> dt.date | None:
        """``date``, or ``offset`` days after ``phase``'s start; checked against the
        calendar's start and the phase's range."""
        given = fields.date("date")
        offset_node = fields.get("offset")
        offset = fields.integer("offset", 0, minimum=0)
        if given is not None and offset_node is not None:
            self.ctx.report(
                offset_node,
                join(fields.path, "offset"),
                f"{what} has both 'date' and 'offset': give one",
            )
            return given
        if offset_node is not None:
            if phase is None:
                self.ctx.report(
                    offset_node,
                    join(fields.path, "offset"),
                    f"{what} has an 'offset' but no phase to count it from: "
                    "name its phase, or give a 'date'",
                )
                return None
            date = phase.start + dt.timedelta(days=offset)
            node, path = offset_node, join(fields.path, "offset")
        elif given is not None:
            date = given
            node, path = fields.get("date") or fields.node, join(fields.path, "date")
        else:
            return None
        if date < self.start:
            self.ctx.report(
                node,
                path,
                f"{what} is dated {date.isoformat()}, before the calendar's start "
                f"({self.start.isoformat()})",
            )
            return None
        late = phase is not None and phase.end is not None and date > phase.end
        if phase is not None and (date < phase.start or late):
            self.ctx.report(
                node,
                path,
                f"{what} is dated {date.isoformat()}, outside its phase '{phase.id}' "
                f"({phase.dates})",
            )
        return date


def seat_late_roles(
    ctx: Context, roles: tuple[Role, ...], decisions: tuple[Decision, ...]
) -> tuple[Role, ...]:
    """Resolve each role's ``joins`` (a decision id, or a phase id: its first decision) to
    the index it sits from; a role cannot decide, or hold a stance on, a decision before it
    joins (nobody would hear it)."""
    first_of_phase: dict[str, int] = {}
    for index, decision in enumerate(decisions):
        if decision.phase:
            first_of_phase.setdefault(decision.phase, index)
    by_id = {decision.id: index for index, decision in enumerate(decisions)}
    seated = []
    for role in roles:
        if not role.joins:
            seated.append(role)
            continue
        at = by_id.get(role.joins, first_of_phase.get(role.joins))
        where = role.location
        if at is None:
            known = [*by_id, *first_of_phase]
            ctx.report_at(
                where.line,
                where.column,
                "roles",
                f"role '{role.id}' joins at '{role.joins}', which is no decision or phase "
                f"with items{did_you_mean(role.joins, known)}",
            )
            seated.append(role)
            continue
        for index, decision in enumerate(decisions[:at]):
            if decision.decider == role.id:
                ctx.report_at(
                    decision.location.line,
                    decision.location.column,
                    f"decisions[{index}]",
                    f"decision '{decision.id}' is decided by '{role.id}', who joins only at "
                    f"'{role.joins}' (after it)",
                )
            for option in decision.options:
                for stance in option.stances:
                    if stance.role == role.id:
                        ctx.report_at(
                            stance.location.line,
                            stance.location.column,
                            f"decisions[{index}]",
                            f"'{role.id}' has a stance on decision '{decision.id}' but joins "
                            f"only at '{role.joins}' (after it): nobody would hear it",
                        )
        seated.append(evolve(role, joins_at=at))
    return tuple(seated)
