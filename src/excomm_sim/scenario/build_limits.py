"""Checks that every game a scenario can give can be played and saved: calendar, seats, length.

The engine poses each decision at most once, so these bounds hold for every game without
playing one: the calendar never runs past the last date there is, and a game's actions
(one per decision from each seated player) always fit in a save.
"""

from __future__ import annotations

from excomm_sim.scenario.fields import Fields
from excomm_sim.scenario.limits import LAST_DATE, MAX_ACTIONS, MAX_ROLES
from excomm_sim.scenario.model import Calendar, Decision, Role


def check_calendar(fields: Fields, calendar: Calendar, decisions: list[Decision]) -> None:
    """Refuse a calendar that a game could run past 9999-12-31, the last date there is.

    Every decision is posed at most once, moves the clock to its date (if it has one) and
    then on by its ``days``, so the latest date any game can reach is found by doing all of
    that in order. The error stands at the decision that would go past the end.
    """
    last = LAST_DATE.toordinal()
    day = calendar.start.toordinal()
    for index, decision in enumerate(decisions):
        if decision.date is not None:
            day = max(day, decision.date.toordinal())
        day += decision.days
        if day > last:
            where = decision.location
            fields.ctx.report_at(
                where.line,
                where.column,
                f"decisions[{index}]",
                f"the calendar runs past {LAST_DATE.isoformat()}, the last date there is: "
                f"starting {calendar.start.isoformat()}, decision '{decision.id}' would "
                f"come {day - calendar.start.toordinal():,} days later; use fewer 'days' "
                "or an earlier start",
            )
            return


def check_game_size(fields: Fields, roles: tuple[Role, ...], decisions: list[Decision]) -> None:
    """Refuse a scenario with more roles than a save seats (MAX_ROLES), or whose longest
    game would not fit in a save (MAX_ACTIONS).

    A game takes at most one action per decision from each person seated, and every role
    may be seated, so decisions times roles bounds every game.
    """
    roles_node = fields.get("roles")
    if len(roles) > MAX_ROLES and roles_node is not None:
        fields.ctx.report(
            roles_node,
            "roles",
            f"the scenario has {len(roles):,} roles, more than a game seats ({MAX_ROLES:,})",
        )
    most = len(decisions) * len(roles)
    node = fields.get("decisions")
    if most > MAX_ACTIONS and node is not None:
        fields.ctx.report(
            node,
            "decisions",
            f"a game of this scenario could take {most:,} actions ({len(decisions):,} "
            f"decisions for each of {len(roles):,} roles), more than a save holds "
            f"({MAX_ACTIONS:,}); split it into shorter scenarios",
        )
