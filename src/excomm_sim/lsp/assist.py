"""Completion, hover and go to definition at a position in a scenario file.

Where the cursor stands is read from the text itself, line by line (the key it belongs to
and the keys above it, by indentation), so it works while the file is half typed and the
YAML does not parse. What is declared comes from the last ``Outline`` that did parse.
Positions are 0-based lines and columns in code points; the server converts them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from excomm_sim.lsp.keys import Key, key_at, keys_at
from excomm_sim.lsp.outline import Declared, Outline

EXPRESSION_KEYS = frozenset({"when", "weight", "effects"})
FUNCTIONS = {
    "min": "min(a, b, ...): the smallest of two or more numbers",
    "max": "max(a, b, ...): the largest of two or more numbers",
    "abs": "abs(a): the absolute value",
    "chose": 'chose("decision", "option"): true once that option was taken',
    "decided": 'decided("decision"): true once that decision was taken',
}
KEYWORDS = ("and", "or", "not", "in", "if", "else", "true", "false")
BUILT_IN = {
    "turn": "**turn**: number of decisions taken so far (read-only)",
    "day": "**day**: days since the calendar's start (read-only)",
}
REFERENCES = {
    "decider": "role",
    "role": "role",
    "trigger": "event",
    "source": "source",
    "phase": "phase",
}

_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_]\w*)\s*:(?P<rest>.*)$")
_ITEM_LINE = re.compile(r"^(?P<indent>\s*)-\s+(?P<rest>.*)$")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CALL = re.compile(r"""(chose|decided)\(\s*["'](\w*)["']?(?:\s*,\s*["'](\w*)["']?)?""")


@frozen
class Suggestion:
    label: str
    kind: str
    """key, value, variable, function, keyword, decision, option, role, event, source or phase."""
    detail: str = ""
    documentation: str = ""


@frozen
class Spot:
    line: int
    column: int
    end_line: int
    end_column: int


@frozen
class Context:
    """Where the cursor is: completing a key, a key's value, or inside an expression."""

    what: str
    path: tuple[str, ...]
    key: str = ""
    text: str = ""
    """The value or expression typed so far, up to the cursor."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(match: re.Match[str]) -> int:
    return len(match.group("indent")) + len(match.group("dash") or "")


def key_path(lines: Sequence[str], row: int, column: int) -> tuple[str, ...]:
    """The keys that hold the mapping whose keys start at ``column`` on line ``row``.

    Walking up: a key further left is a parent; a list item's dash at our level means the
    list's own key is further left still (at or before the dash).
    """
    path: list[str] = []
    current = column
    for index in range(row - 1, -1, -1):
        match = _KEY_LINE.match(lines[index].rstrip("\r\n"))
        if match is None:
            continue
        key_column = _key_column(match)
        if key_column < current:
            path.insert(0, match.group("key"))
            current = key_column
        if key_column <= current and match.group("dash"):
            current = len(match.group("indent")) + 1
        if current == 0:
            break
    return tuple(path)


def _block_owner(lines: Sequence[str], row: int) -> tuple[str, int] | None:
    """(key, its column) when line ``row`` continues a block scalar (``when: >``)."""
    mine = _indent(lines[row])
    for index in range(row - 1, -1, -1):
        line = lines[index].rstrip("\r\n")
        if not line.strip():
            continue
        if _indent(line) >= mine:
            continue
        match = _KEY_LINE.match(line)
        if match is not None and match.group("rest").strip()[:1] in ("|", ">"):
            return match.group("key"), _key_column(match)
        return None
    return None


def context_at(lines: Sequence[str], row: int, column: int) -> Context | None:
    """What the cursor at (row, column) is completing, or None (inside prose, comments)."""
    if row >= len(lines):
        return None
    before = lines[row].rstrip("\r\n")[:column]
    if "#" in before and re.search(r"(^|\s)#", before):
        return None
    block = _block_owner(lines, row)
    if block is not None:
        key, at = block
        if key in ("when", "weight"):
            return Context("expression", key_path(lines, row, at), key, before.strip())
        return None
    typing_key = re.match(r"^(\s*)(-\s+)?([A-Za-z_]\w*)?$", before)
    if typing_key is not None:
        at = len(typing_key.group(1)) + len(typing_key.group(2) or "")
        path = key_path(lines, row, at)
        if typing_key.group(2) and path and path[-1] == "effects":
            return Context("expression", path, "effects", typing_key.group(3) or "")
        if keys_at(path) is not None:
            return Context("key", path, text=typing_key.group(3) or "")
        return None
    match = _KEY_LINE.match(before)
    if match is not None:
        path = key_path(lines, row, _key_column(match))
        key, rest = match.group("key"), match.group("rest").lstrip()
        if key in EXPRESSION_KEYS:
            return Context("expression", path, key, _expression_text(rest, key))
        return Context("value", path, key, rest.strip("'\""))
    item = _ITEM_LINE.match(before)
    if item is not None:
        path = key_path(lines, row, len(item.group("indent")) + 1)
        owner = path[-1] if path else ""
        if owner == "effects":
            return Context("expression", path, "effects", item.group("rest").strip("'\""))
        if owner == "sources":
            return Context("value", path[:-1], "source", item.group("rest").strip("'\""))
        return None
    return None


def _expression_text(rest: str, key: str) -> str:
    text = rest
    if text[:1] in ("|", ">"):
        return ""
    if key == "effects" and text.startswith("["):
        text = text[1:].rsplit(",", 1)[-1]
    if text[:1] in ("'", '"') and text.count(text[0]) % 2 == 1:
        text = text[1:]
    return text.lstrip()


def complete(lines: Sequence[str], row: int, column: int, outline: Outline) -> list[Suggestion]:
    """What may be typed at (row, column)."""
    context = context_at(lines, row, column)
    if context is None:
        return []
    if context.what == "key":
        present = _sibling_keys(lines, row)
        return [
            Suggestion(key.name, "key", "required" if key.required else "", key.description)
            for key in keys_at(context.path) or ()
            if key.name not in present
        ]
    if context.what == "value":
        return _values(context, outline)
    return _in_expression(context, outline)


def _sibling_keys(lines: Sequence[str], row: int) -> set[str]:
    """Keys already given in the mapping the cursor's line belongs to."""
    match = re.match(r"^(\s*)(-\s+)?", lines[row])
    assert match is not None
    column = len(match.group(1)) + len(match.group(2) or "")
    found: set[str] = set()
    upward = range(row - 1, -1, -1) if not match.group(2) else range(0)
    for indices in (upward, range(row + 1, len(lines))):
        for index in indices:
            line = lines[index].rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            other = _KEY_LINE.match(line)
            if other is not None and _key_column(other) == column:
                if other.group("dash") and index > row:
                    break  # the next item of the list
                found.add(other.group("key"))
                if other.group("dash"):
                    break  # the first key of this item
                continue
            if _indent(line) < column:
                break
    return found


def _values(context: Context, outline: Outline) -> list[Suggestion]:
    kind = REFERENCES.get(context.key)
    if kind is not None:
        return [_declared(declared) for declared in outline.of(kind)]
    key = key_at(context.path, context.key)
    if key is None:
        return []
    return [Suggestion(word, "value", f"{context.key}: {word}") for word in key.words if word]


def _declared(declared: Declared) -> Suggestion:
    detail = declared.type or declared.kind
    return Suggestion(declared.name, declared.kind, detail, declared.hover)


def _in_expression(context: Context, outline: Outline) -> list[Suggestion]:
    text = context.text
    opening = _open_quote(text)
    if opening is not None:
        return _in_string(text[:opening].rstrip(), context, outline)
    variables = [_declared(declared) for declared in outline.of("variable")]
    if context.key == "effects" and not re.search(r"(\+=|-=|=)", text):
        return variables
    return [
        *variables,
        *(Suggestion(name, "variable", "int", doc) for name, doc in BUILT_IN.items()),
        *(Suggestion(name, "function", "function", doc) for name, doc in FUNCTIONS.items()),
        *(Suggestion(word, "keyword") for word in KEYWORDS),
    ]


def _open_quote(text: str) -> int | None:
    """Where the string the cursor is inside opens, or None when it is not in one."""
    quote, start = "", None
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote, start = "", None
        elif char in ("'", '"'):
            quote, start = char, index
    return start


def _in_string(before: str, context: Context, outline: Outline) -> list[Suggestion]:
    if re.search(r"(chose|decided)\(\s*$", before):
        return [_declared(declared) for declared in outline.of("decision")]
    chosen = re.search(r"""chose\(\s*["'](\w+)["']\s*,\s*$""", before)
    if chosen is not None:
        return [_declared(declared) for declared in outline.of("option", chosen.group(1))]
    compared = re.search(r"(\w+)\s*(?:==|!=|=)\s*$", before) or re.search(
        r"(\w+)\s+(?:not\s+)?in\s*\((?:[^()]*,)?\s*$", before
    )
    if compared is not None:
        variable = outline.find("variable", compared.group(1))
        if variable is not None:
            return [
                Suggestion(value, "value", f"a value of {variable.name}")
                for value in variable.values
            ]
    return []


def _word_at(line: str, column: int) -> tuple[str, int, int] | None:
    for match in _WORD.finditer(line):
        if match.start() <= column <= match.end():
            return match.group(), match.start(), match.end()
    return None


def target_at(lines: Sequence[str], row: int, column: int, outline: Outline) -> Declared | None:
    """The declaration the name at (row, column) refers to (or is), if any."""
    line = lines[row].rstrip("\r\n") if row < len(lines) else ""
    for call in _CALL.finditer(line):
        if call.start(2) <= column <= call.end(2):
            return outline.find("decision", call.group(2))
        if call.group(3) is not None and call.start(3) <= column <= call.end(3):
            return outline.find("option", call.group(3), call.group(2))
    word = _word_at(line, column)
    if word is None:
        return None
    name, start, _ = word
    for declared in outline.names:
        if declared.line == row + 1 and declared.column <= start + 1 <= declared.end_column:
            return declared
    match = _KEY_LINE.match(line)
    key = match.group("key") if match is not None else ""
    if key in REFERENCES and match is not None and start >= match.start("rest"):
        return outline.find(REFERENCES[key], name)
    context = context_at(lines, row, start + len(name))
    if context is not None and context.what == "expression":
        return outline.find("variable", name)
    if key == "source" or (context is not None and context.key == "source"):
        return outline.find("source", name)
    return None


def definition(lines: Sequence[str], row: int, column: int, outline: Outline) -> Spot | None:
    declared = target_at(lines, row, column, outline)
    if declared is None:
        return None
    return Spot(
        declared.line - 1, declared.column - 1, declared.end_line - 1, declared.end_column - 1
    )


def hover(lines: Sequence[str], row: int, column: int, outline: Outline) -> tuple[str, Spot] | None:
    """Markdown for the name or key at (row, column), and the span it covers."""
    line = lines[row].rstrip("\r\n") if row < len(lines) else ""
    word = _word_at(line, column)
    if word is None:
        return None
    name, start, end = word
    spot = Spot(row, start, row, end)
    match = _KEY_LINE.match(line)
    if match is not None and match.start("key") <= column <= match.end("key"):
        key = _key_here(lines, row, match)
        if key is not None:
            need = "required" if key.required else "optional"
            return f"**{key.name}** ({need}): {key.description}", spot
    declared = target_at(lines, row, column, outline)
    if declared is not None:
        return declared.hover, spot
    context = context_at(lines, row, end)
    if context is not None and context.what == "expression":
        if name in BUILT_IN:
            return BUILT_IN[name], spot
        if name in FUNCTIONS:
            return FUNCTIONS[name], spot
    return None


def _key_here(lines: Sequence[str], row: int, match: re.Match[str]) -> Key | None:
    path = key_path(lines, row, _key_column(match))
    return key_at(path, match.group("key"))
