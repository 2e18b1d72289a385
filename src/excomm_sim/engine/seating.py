"""Who sits at the table when: roles that join later (format 2's ``joins``).

A role that joins at a decision or a phase is not at the table before it: it is not asked
to recommend, offers no computer advice and (the loader makes sure) neither decides nor
holds a stance before then. The turn order reads the masks computed here.
"""

from __future__ import annotations

from excomm_sim.scenario.model import Scenario

__all__ = ["present"]


def present(scenario: Scenario) -> tuple[int, ...]:
    """For each decision, a bit per role seated at the table by then (``Role.joins_at``)."""
    return tuple(
        sum(1 << index for index, role in enumerate(scenario.roles) if role.joins_at <= k)
        for k in range(len(scenario.decisions))
    )
