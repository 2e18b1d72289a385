"""Characters that must never reach a terminal raw, and the invisible ones an author is told of.

A control character (ESC, BEL, CSI, ...) in a name or a briefing would drive the player's
terminal: set its title, clear the screen, hide text. The loader refuses them in scenario
text, the save reader in saves, and every text output escapes any that still arrive
(``visible``). Invisible and direction-changing characters (U+200B ZERO WIDTH SPACE,
U+202E RIGHT-TO-LEFT OVERRIDE, ...) are legal text but make a file read differently from
what it does, so the loader warns about each with its code point and column.
"""

from __future__ import annotations

import re
import unicodedata

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters other than tab and newline (C0, DEL, C1), and lone surrogates (a
Python string may hold them; UTF-8 text cannot, so printing one fails)."""

INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)
"""Format characters that show as nothing or reorder the text around them: the soft
hyphen, zero-width spaces and joiners, direction marks, embeddings, overrides and isolates,
the word joiner and invisible operators, the byte-order mark inside text, interlinear
annotation marks and tag characters."""

BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""The direction-changing ones among INVISIBLE (marks, embeddings, overrides, isolates)."""

_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x09: "TAB",
    0x0A: "LINE FEED",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESC",
    0x7F: "DELETE",
    0x9B: "CSI",
}


def character_name(character: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: a character as a message names it."""
    code = ord(character)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(character, "")
    if not name:
        name = "a surrogate, not a character" if 0xD800 <= code <= 0xDFFF else "a control"
    return f"U+{code:04X} ({name})"


def first_control(text: str) -> str | None:
    """The first control character or lone surrogate in ``text``, or None."""
    found = CONTROL.search(text)
    return found.group() if found is not None else None


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character and lone surrogate written as an escape.

    Tab and newline stay; ``\\x1b`` stands where ESC was, so the text shows what it holds
    and can never drive the terminal (or fail to encode) when printed.
    """
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(_escaped, text)


def invisible_warning(character: str) -> str:
    """What a warning about one invisible or direction-changing character says."""
    named = character_name(character)
    if character in BIDI:
        return (
            f"the text holds {named}, an invisible character that changes the direction "
            "the text around it is shown in; remove it unless you mean it"
        )
    return f"the text holds {named}, an invisible character; remove it unless you mean it"
