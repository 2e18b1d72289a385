"""Checks on a scenario's characters before YAML reads it: surrogates, tabs, invisible text.

These look at the file as text, so they find every occurrence, with its line and column,
whichever YAML parser is installed: a lone surrogate refuses the file, every line with a
tab where YAML wants spaces is an error ("use spaces"), every invisible or
direction-changing character a warning with its code point.
"""

from __future__ import annotations

import re

from excomm_sim.scenario.characters import INVISIBLE, invisible_warning
from excomm_sim.scenario.problems import Problems
from excomm_sim.scenario.yamlnodes import SourceText
from excomm_sim.scenario.yamltabs import MAX_LISTED_LINES, find_tab_slips

MAX_LISTED_CHARACTERS = 200
"""Invisible characters warned about one by one; past this, one warning counts the rest."""

_SURROGATE = re.compile("[\ud800-\udfff]")
"""Lone surrogates: a Python string may hold them, YAML (and UTF-8) cannot."""


def check_characters(source: SourceText, problems: Problems) -> bool:
    """Report what the text's characters get wrong; False when the file cannot be read on.

    Tab slips stop the reading here: each parser would report them differently (or not
    at all), and once they are fixed the rest of the file is checked as usual.
    """
    text = source.text
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        line, column = source.position(surrogate.start())
        problems.add(
            line,
            column,
            "",
            f"the text holds U+{ord(surrogate.group()):04X}, half of a surrogate pair and "
            "not a character; save the file as UTF-8",
        )
        return False
    _warn_invisible(source, problems)
    slips = find_tab_slips(text)
    for slip in slips[:MAX_LISTED_LINES]:
        problems.add(slip.line, slip.column, "", slip.message)
    if len(slips) > MAX_LISTED_LINES:
        rest = slips[MAX_LISTED_LINES:]
        problems.add(
            rest[0].line,
            rest[0].column,
            "",
            f"... and {len(rest):,} more lines with a tab where YAML expects spaces "
            f"(the last on line {rest[-1].line}); use spaces",
        )
    return not slips


def _warn_invisible(source: SourceText, problems: Problems) -> None:
    found = 0
    first_unlisted = 0
    for match in INVISIBLE.finditer(source.text):
        found += 1
        if found > MAX_LISTED_CHARACTERS:
            first_unlisted = first_unlisted or match.start()
            continue
        line, column = source.position(match.start())
        problems.add(line, column, "", invisible_warning(match.group()), "warning")
    if found > MAX_LISTED_CHARACTERS:
        line, column = source.position(first_unlisted)
        problems.add(
            line,
            column,
            "",
            f"... and {found - MAX_LISTED_CHARACTERS:,} more invisible characters in the file",
            "warning",
        )
