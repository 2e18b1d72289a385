"""The limits on everything a scenario file or a save may hold, named once for every reader.

A scenario and a save are untrusted input: each limit below keeps a hostile or damaged
file from exhausting memory or time, or from writing what cannot be read back. The
scenario loader, the save writer and the save reader import these same constants, so a
game the loader accepts can always be saved, and a save the writer writes can always be
read (docs/reliability.md lists every limit and the test that holds it).
"""

from __future__ import annotations

import datetime as dt

from excomm_sim.scenario._expr_lex import MAX_INT_LITERAL

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest scenario file accepted: 8 MiB. Meeting 19 is well under 1 MiB; the benchmark's
1,000-decision, 5,000-option scenario is about 4 MiB, the largest we aim to load fast."""

MAX_INTEGER = MAX_INT_LITERAL
"""Largest magnitude of any integer in a scenario (999,999,999), the same bound as a number
in an expression: YAML's hex and binary literals are not bound by Python's 4,300-digit
limit, and a sum of huge points cannot become a float for the debrief."""

MAX_ID_LENGTH = 64
"""Longest id (scenario, role, variable, decision, option, ...): ids are saved in every
action of a save. The longest in the bundled scenarios has 28 characters."""

MAX_VERSION_LENGTH = 100
"""Longest scenario ``version`` text; saves record it."""

MAX_PLAYER_NAME = 100
"""Longest player name, in characters (a name shows on every hand-over screen)."""

MAX_ROLES = 500
"""Most roles (seats) a scenario has, and so most players a save names."""

MAX_ACTIONS = 10_000
"""Most actions a save holds. Every decision is posed at most once and takes one action
from each person seated, so the loader refuses a scenario whose decisions times roles
exceed this: any game it can give fits in a save."""

MAX_SAVE_TEXT = 10_000
"""Longest free text in a save (the note, the scenario's path), in characters."""

SEED_MIN = -(2**63)
SEED_MAX = 2**64 - 1
"""The seeds a save may record (a 64-bit integer, signed or not)."""

LAST_DATE = dt.date.max
"""The last date the calendar can show (9999-12-31): the loader refuses a calendar that a
game could run past."""
