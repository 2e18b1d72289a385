"""Stable codes for every problem ``validate`` reports (E104, W501, ...), and their meaning.

A code names a kind of finding, not its wording: messages may be reworded, codes never
change meaning, so scripts, editors and ``# excomm: ignore[W501]`` comments can rely on
them. The letter is the severity (E error, W warning); the first digit the family:

- 0: reading the file (size, encoding, YAML itself);
- 1: the keys and values of one mapping;
- 2: references and expressions;
- 3: rules across the file;
- 4: the logic checks on conditions (conditions that never or always hold, endings);
- 5: the logic checks on options and effects;
- 6: ignore comments themselves.

Problems found by the loader are classified here by their message (``classify``), so the
reader's modules need not thread a code through every report; the findings of the logic
checks carry their code explicitly. docs/codes.md lists every code with an example and
the fix, and a test holds the two together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen


@frozen
class Code:
    """One kind of finding: its code, a short name, and a one-line summary for docs."""

    code: str
    name: str
    summary: str
    pattern: str = ""
    """For the loader's problems: a regular expression its messages match (re.search)."""

    @property
    def severity(self) -> str:
        return "error" if self.code.startswith("E") else "warning"

    @property
    def logic(self) -> bool:
        """A finding of the logic checks (families 4 to 6): the file loads with it."""
        return self.code[1] in "456"


_TABLE = (
    # -- 0: reading the file ---------------------------------------------------------
    Code("E001", "file-too-large", "the file is over the size limit", r"^the file is too large"),
    Code("E002", "not-utf8", "the file is not UTF-8 text", r"^the file is not UTF-8"),
    Code("E003", "not-text", "the text holds half a surrogate pair", r"half of a surrogate pair"),
    Code("E004", "yaml-syntax", "the YAML cannot be parsed", r"^YAML syntax error"),
    Code("E005", "too-deep", "the document nests too deeply", r"^the document nests deeper"),
    Code(
        "E006",
        "alias-bomb",
        "aliases expand the document past the value limit",
        r"values once aliases are expanded",
    ),
    Code("E007", "alias-cycle", "an alias contains itself", r"^an alias refers to a node"),
    Code("E008", "yaml-tag", "a YAML tag (!!python/..., !custom)", r"^the YAML tag .* not allowed"),
    Code(
        "E009",
        "bad-scalar",
        "an explicitly tagged value is not valid",
        r"^'.*' is not a valid (int|float|bool|date)$",
    ),
    Code("E010", "complex-key", "a key that is a list or mapping", r"^a key must be a plain name"),
    Code("E011", "duplicate-key", "a key given twice in one mapping", r"^duplicate key '"),
    Code("E012", "bad-merge", "a merge key (<<) with the wrong value", r"^a merge key \(<<\)"),
    Code("E013", "empty-file", "the file holds no scenario", r"^the file is empty"),
    Code(
        "E014",
        "tab",
        "a tab where YAML reads structure (every such line is listed)",
        r"^(a tab character |\.\.\. and .* more lines with a tab)",
    ),
    Code(
        "E015",
        "control-character",
        "a control character (ESC, NUL, ...) made by a double-quoted escape",
        r"written as an escape: a control character",
    ),
    Code(
        "W016",
        "invisible-character",
        "an invisible or direction-changing character (U+200B, U+202E, ...)",
        r"(an invisible character|more invisible characters in the file)",
    ),
    # -- 1: keys and values ------------------------------------------------------------
    Code("E101", "unknown-key", "a key the format does not have", r"^unknown key '"),
    Code("E102", "missing-key", "a required key is missing", r"^missing required key '"),
    Code("E103", "no-value", "a required key has no value", r"^'[^']+' must have a value$"),
    Code("E104", "empty-text", "a required text is empty", r"^'[^']+' must not be empty$"),
    Code(
        "E105",
        "wrong-type",
        "a value of the wrong type (text, integer, boolean, list, ...)",
        r"^expected .*\bgot\b",
    ),
    Code("E106", "bad-id", "an id that is not lowercase letters, digits and _", r"not a valid id"),
    Code(
        "E107",
        "not-a-choice",
        "a value not among the allowed words",
        r"^'.*' is not one of (?!this variable)",
    ),
    Code(
        "E108", "out-of-bounds", "a number outside the key's limits", r"^'[^']+' is -?\d+; expected"
    ),
    Code("E109", "base-60", "YAML 1.1 read 1:30 as a base-60 number", r"as a base-60 number"),
    Code(
        "W110",
        "yaml-boolean-word",
        "yes/no/on/off in a text field (YAML reads a boolean)",
        r"^YAML reads .* as a boolean",
    ),
    Code("E111", "version-number", "version written as a number", r"^version must be text"),
    Code("E112", "format-version", "an unsupported format version", r"^format .* is not supported"),
    Code("E113", "empty-list", "a required list with no items", r"needs at least one item$"),
    Code(
        "E114",
        "key-for-other-type",
        "min/max/values/value_labels on the wrong variable type",
        r"^'[a-z_]+' applies only to",
    ),
    Code(
        "E115",
        "display-type",
        "a display that does not suit the type",
        r"^display .* does not suit",
    ),
    Code("E116", "duplicate-value", "an enum value listed twice", r"^duplicate value '"),
    Code(
        "E117",
        "label-for-unknown-value",
        "a value label for a value the variable does not have",
        r"is not one of this variable's values$",
    ),
    Code("E118", "bad-citation", "a citation that cannot be read", r"^cannot read the citation"),
    Code("E119", "builtin-name", "a variable named turn or day", r"is built in \(turns/days"),
    Code("E120", "duplicate-id", "an id used twice in one list", r"^duplicate [a-z ]+ id '"),
    Code(
        "E121",
        "number-too-large",
        "an integer beyond +-999,999,999 (hex and binary too)",
        r"^the number .* is too large \(the limit is",
    ),
    Code("E122", "id-too-long", "an id over 64 characters", r"^the id '.*' is too long"),
    Code("E123", "version-too-long", "a version over 100 characters", r"^the version is too long"),
    Code(
        "E124",
        "newer-key",
        "a key of a later format in a file that declares an older one",
        r"is new in format \d+: write format:",
    ),
    Code(
        "E125", "bad-url", "a url that is not an http or https address", r"^'url' must be an http"
    ),
    Code(
        "E126",
        "bad-source-file",
        "a source file outside the scenario's folder, or not a relative path",
        r"^'file' must name a file beside the scenario",
    ),
    Code(
        "E127",
        "nested-conditional-effect",
        "a conditional effect inside another",
        r"^a conditional effect cannot hold another",
    ),
    Code(
        "E128",
        "bad-placeholder",
        "a {name} in a text that names no variable, or one not every seat may see",
        r"(^unknown variable '.*' in \{|would show '.*', which not every seat may see)",
    ),
    Code(
        "E129",
        "variant-order",
        "text variants whose fallback (no 'when') is not last",
        r"(^the last text variant is the fallback|^a text variant without 'when' must come)",
    ),
    # -- 2: references and expressions ----------------------------------------------------
    Code(
        "E201",
        "unknown-reference",
        "an unknown role, event, source or phase",
        r"^unknown (role|event|source|phase) '",
    ),
    Code(
        "E202", "unknown-name", "an unknown variable, function, decision or option in an expression"
    ),
    Code("E203", "expression-syntax", "an expression that cannot be parsed"),
    Code("E204", "expression-type", "an expression whose types do not fit"),
    # -- 3: rules across the file ---------------------------------------------------------
    Code(
        "E301", "president", "not exactly one role has president: true", r"role has president: true"
    ),
    Code(
        "E302",
        "fallback-ending",
        "not exactly one fallback ending, or an early one",
        r"(is the fallback|ending has no 'when'|\(no 'when'\) cannot be early)",
    ),
    Code(
        "E303",
        "history-marks",
        "more than one history: true option or outcome, or historical ending",
        r"^more than one .* has (history|historical): true",
    ),
    Code("E304", "bad-initial", "an initial value the variable cannot hold", r"^initial value "),
    Code("E305", "bad-range", "max below min", r"^max -?\d+ is below min"),
    Code(
        "E306",
        "effect-out-of-range",
        "an effect assigns a number outside the variable's range",
        r"^-?\d+ is outside [a-z0-9_]+'s range -?\d+\.\.-?\d+$",
    ),
    Code(
        "W307",
        "literal-out-of-range",
        "a comparison with a number the variable never reaches",
        r"'s range .*, so '.*' is always (true|false)$",
    ),
    Code(
        "W308",
        "unavailable-without-when",
        "'unavailable' on an option that has no 'when'",
        r"^'unavailable' is shown only when",
    ),
    Code(
        "W309",
        "event-never-triggered",
        "an event with no 'when' that no trigger names",
        r"never fires: it has no 'when' and no trigger names it$",
    ),
    Code(
        "E310",
        "calendar-past-end",
        "the calendar can run past 9999-12-31",
        r"^the calendar runs past",
    ),
    Code(
        "E311",
        "too-many-roles",
        "more roles than a game seats (500)",
        r"^the scenario has .* roles",
    ),
    Code(
        "E312",
        "game-too-long",
        "decisions x roles over what a save holds (10,000 actions)",
        r"^a game of this scenario could take",
    ),
    Code(
        "E313",
        "bad-date",
        "a phase or a dated item whose date does not fit the calendar",
        r"(is dated \S+, (before the calendar's start|outside its phase)|has both 'date' and "
        r"'offset'|has an 'offset' but no phase|goes back to phase|^phase '.*' (ends|starts) on)",
    ),
    Code(
        "W314",
        "date-before-earlier-item",
        "a decision dated before one above it (the clock never goes back)",
        r"the clock never goes back, so it",
    ),
    Code(
        "E316",
        "source-text-unreadable",
        "a source's text file that cannot be read",
        r"^cannot read the text of source '",
    ),
    Code(
        "E317",
        "page-marker-order",
        "a page marker in a source text out of order",
        r"^the page marker says page \d+",
    ),
    Code(
        "E318",
        "cited-paragraph-missing",
        "a citation of a page or paragraph the source's text does not have",
        r"' cites (page|paragraph) \d+.*, but (the|that page of the) text of '",
    ),
    Code(
        "E319",
        "late-role",
        "a role that joins later, named where it is not yet at the table",
        r"(joins at '.*', which is no decision or phase|but joins only at|who joins only at)",
    ),
    # -- 4: logic checks on conditions -----------------------------------------------------
    Code("E401", "option-never-offered", "an option whose 'when' can never hold"),
    Code("W402", "option-always-offered", "an option whose 'when' always holds"),
    Code("E403", "decision-never-posed", "a decision whose 'when' can never hold"),
    Code("W404", "decision-always-posed", "a decision whose 'when' always holds"),
    Code("E405", "decision-without-options", "a decision none of whose options can be offered"),
    Code("W406", "event-never-fires", "an event whose 'when' can never hold"),
    Code("W407", "event-always-fires", "an event whose 'when' always holds"),
    Code("E408", "ending-never-happens", "an ending whose 'when' can never hold"),
    Code("E409", "ending-shadowed", "an ending that an earlier ending always pre-empts"),
    Code("W410", "ending-always-holds", "an ending whose 'when' always holds"),
    Code("W411", "objective-never-met", "an objective that can never be won"),
    Code("W412", "objective-always-met", "an objective that can never be lost"),
    Code("W413", "stance-never-holds", "a stance whose 'when' can never hold"),
    Code("W414", "stance-always-holds", "a stance whose 'when' always holds"),
    Code("W415", "consequence-never-lands", "a delayed consequence whose 'when' can never hold"),
    Code("W416", "consequence-always-lands", "a delayed consequence whose 'when' always holds"),
    Code("W417", "part-never-matters", "part of a condition that cannot change its result"),
    Code("W418", "outcome-never-happens", "a chance outcome whose weight is never above 0"),
    # -- 5: logic checks on options and effects ---------------------------------------------
    Code("W501", "effect-cannot-change", "an effect that can never change its variable"),
    Code("W502", "option-changes-nothing", "an option that changes nothing"),
    # -- 6: ignore comments ---------------------------------------------------------------
    Code("W601", "unused-ignore", "an ignore comment that silences nothing"),
    Code("W602", "bad-ignore", "an ignore comment naming no code, or an unknown one"),
)

CODES: Mapping[str, Code] = MappingProxyType({code.code: code for code in _TABLE})
"""Every code, by its text."""

UNCLASSIFIED = {"error": "E000", "warning": "W000"}
"""What a problem no pattern matches gets; a test holds that none does."""

_PATTERNS = tuple((code, re.compile(code.pattern)) for code in _TABLE if code.pattern)


def classify(message: str, severity: str) -> str:
    """The code of a loader problem, from its message; E000/W000 when nothing matches."""
    letter = "E" if severity == "error" else "W"
    for code, pattern in _PATTERNS:
        if code.code[0] == letter and pattern.search(message):
            return code.code
    return UNCLASSIFIED.get(severity, "E000")


def expression_code(message: str, parses: bool) -> str:
    """The code of an expression's load-time error: syntax, an unknown name, or types.

    ``parses`` says whether the text tokenizes and parses: if it does not, the error is
    about syntax whatever its words.
    """
    if not parses:
        return "E203"
    if _UNKNOWN_NAME.search(message):
        return "E202"
    return "E204"


_UNKNOWN_NAME = re.compile(
    r"^unknown (variable|function|decision) '|is not an option of decision|"
    r"is a function: call it|is a variable, not a function"
)
