"""Checking decoded JSON against a message's shape, with errors that name the field.

A shape is a ``Check``: a function of (value, path) that returns the value, cleaned, or
raises ``WireError`` saying where (``$.move.option``) and what was expected, as the
scenario loader reports a file's problems. Objects refuse keys they do not know, so a
typo or a field from a newer protocol is an error, never silently dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any, str], Any]

IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
"""Scenario ids: roles, decisions, options, events, variables."""


class WireError(ValueError):
    """A message that is not what the protocol says; ``code`` is the error frame's code,
    ``field`` the JSON path of the offending value (empty for the whole message)."""

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def kind_of(value: Any) -> str:
    """A JSON value's kind in a sentence's words ("a number", "text")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def invalid(path: str, expected: str, value: Any) -> WireError:
    return WireError("invalid", f"{path}: expected {expected}, got {kind_of(value)}", path)


def text(
    limit: int, pattern: re.Pattern[str] | None = None, what: str = "", blank: bool = True
) -> Check:
    """A string of at most ``limit`` characters, free of control characters (newlines
    and tabs allowed), matching ``pattern`` if given; ``blank`` False refuses "" and spaces."""

    def check(value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise invalid(path, what or "text", value)
        if len(value) > limit:
            raise WireError(
                "invalid", f"{path}: too long ({len(value)} characters; at most {limit})", path
            )
        if pattern is not None and not pattern.fullmatch(value):
            raise WireError("invalid", f"{path}: expected {what}, got {value[:40]!r}", path)
        if any((ord(c) < 32 and c not in "\n\t") or c == "\x7f" for c in value):
            raise WireError("invalid", f"{path}: holds a control character", path)
        if not blank and not value.strip():
            raise WireError("invalid", f"{path}: must not be empty", path)
        return value

    return check


def identifier(limit: int = 64) -> Check:
    return text(limit, IDENTIFIER, "an id (a-z, 0-9 and _, starting with a letter)")


def integer(minimum: int = 0, maximum: int = 2**53) -> Check:
    def check(value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise invalid(path, "a whole number", value)
        if not minimum <= value <= maximum:
            raise WireError(
                "invalid",
                f"{path}: expected a number from {minimum} to {maximum}, got {value}",
                path,
            )
        return value

    return check


def number(minimum: float, maximum: float) -> Check:
    def check(value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise invalid(path, "a number", value)
        if not math.isfinite(value) or not minimum <= value <= maximum:
            raise WireError(
                "invalid", f"{path}: expected a number from {minimum:g} to {maximum:g}", path
            )
        return float(value)

    return check


def boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise invalid(path, "true or false", value)
    return value


def one_of(*choices: str) -> Check:
    def check(value: Any, path: str) -> str:
        if value not in choices:
            shown = ", ".join(repr(c) for c in choices)
            raise WireError("invalid", f"{path}: expected one of {shown}, got {value!r}", path)
        return str(value)

    return check


def nullable(inner: Check) -> Check:
    def check(value: Any, path: str) -> Any:
        return None if value is None else inner(value, path)

    return check


def listing(inner: Check, limit: int) -> Check:
    def check(value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise invalid(path, "a list", value)
        if len(value) > limit:
            raise WireError("invalid", f"{path}: too many entries (at most {limit})", path)
        return [inner(item, f"{path}[{index}]") for index, item in enumerate(value)]

    return check


def mapping(keys: Check, values: Check, limit: int) -> Check:
    def check(value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise invalid(path, "an object", value)
        if len(value) > limit:
            raise WireError("invalid", f"{path}: too many entries (at most {limit})", path)
        return {keys(k, f"{path}.{k}"): values(v, f"{path}.{k}") for k, v in value.items()}

    return check


def obj(required: Mapping[str, Check], optional: Mapping[str, Check] | None = None) -> Check:
    """An object with every ``required`` key and any of the ``optional`` ones, no others."""
    optional = optional or {}
    known = (*required, *optional)

    def check(value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise invalid(path, "an object", value)
        for key in value:
            if key not in required and key not in optional:
                raise WireError(
                    "invalid",
                    f"{path}: unknown key {str(key)[:40]!r}; expected: {', '.join(known)}",
                    path,
                )
        cleaned = {}
        for key, inner in required.items():
            if key not in value:
                raise WireError("invalid", f"{path}: missing {key!r}", f"{path}.{key}")
            cleaned[key] = inner(value[key], f"{path}.{key}")
        for key, inner in optional.items():
            if key in value:
                cleaned[key] = inner(value[key], f"{path}.{key}")
        return cleaned

    return check
