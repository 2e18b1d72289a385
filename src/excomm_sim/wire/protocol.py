"""The classroom protocol, version 1: every message, both ways, and how each is checked.

Frames are JSON objects with ``"v"`` (the protocol version) and ``"type"``. ``read`` turns
a frame's text into a checked dict or raises ``WireError`` with the error frame's code:
``too_large``, ``malformed`` (not JSON, not an object), ``version``, ``unknown_type`` or
``invalid`` (naming the field and what was expected). The server reads students' frames
with ``CLIENT``, clients read the host's with ``SERVER``: neither trusts the other.
docs/protocol.md is this module in prose; keep the two together.

The ``error`` frame and the ``v`` and ``type`` keys are fixed for every version to come,
so a client and a host of different versions can always tell each other so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from excomm_sim.saves.moves import MAX_ARGUMENT
from excomm_sim.wire.checks import (
    Check,
    WireError,
    boolean,
    identifier,
    integer,
    kind_of,
    listing,
    nullable,
    number,
    obj,
    one_of,
    text,
)

PROTOCOL_VERSION = 1

MAX_FRAME_BYTES = 16 * 1024
"""The largest frame a client may send; larger ones get a ``too_large`` error frame (the
largest real one, an act with a full argument, is under 3 KiB)."""

TRANSPORT_FRAME_BYTES = 1024 * 1024
"""Past this the host does not even read a frame: the connection is closed (code 1009)."""

MAX_SERVER_FRAME_BYTES = 32 * 1024 * 1024
"""The largest frame a client accepts from a host (a scenario is at most 8 MiB)."""

MAX_NAME = 40
"""The longest player name, in characters."""

CODE_LETTERS = "ACDEFGHJKMNPQRTUVWXY"
CODE_DIGITS = "23456789"
"""Join codes: three letters and three digits ("KMR-472"), none of 0/O, 1/I/l, and none of
B, S, Z (read as 8, 5, 2)."""

CODE = re.compile(f"[{CODE_LETTERS}]{{3}}-[{CODE_DIGITS}]{{3}}")
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")

STATUSES = ("seating", "playing", "ended", "stopped")
"""A table's life: people take seats; the game is played; it reached an ending; or the
teacher stopped it first."""

ERROR_CODES = (
    "too_large",
    "malformed",
    "version",
    "unknown_type",
    "invalid",
    "rate_limited",
    "slow_down",
    "bad_code",
    "bad_token",
    "no_seat",
    "seat_taken",
    "table_full",
    "already_seated",
    "not_seated",
    "not_your_seat",
    "not_started",
    "paused",
    "game_over",
    "stale",
    "illegal",
    "store",
    "replaced",
    "freed",
    "forbidden",
    "not_found",
)
"""Every code an error frame may carry (docs/protocol.md says what each means)."""


def normal_code(typed: str) -> str:
    """A join code as a student may type it ("kmr 472", "KMR472") in its one spelling."""
    letters = "".join(c for c in typed.upper() if c.isalnum())
    return f"{letters[:3]}-{letters[3:]}" if len(letters) == 6 else typed.strip().upper()


_name = text(MAX_NAME, what="a name", blank=False)
_seq = integer(0, 2**31)

ACTION: Check = obj(
    {"role": identifier(), "option": identifier()},
    {"argument": text(MAX_ARGUMENT, what="the argument")},
)

CLIENT: Mapping[str, Check] = {
    "hello": obj(
        {"code": text(16, what="a join code")},
        {"token": text(128, TOKEN, "a seat token")},
    ),
    "sit": obj({"seat": identifier(), "name": _name}),
    "act": obj(
        {"seq": _seq, "turn": integer(1), "decision": identifier(), "move": ACTION},
    ),
}
"""What a student's client may send: join a table, take a seat, act for it."""

SEAT: Check = obj(
    {
        "role": identifier(),
        "name": text(200),
        "title": text(200),
        "player": nullable(_name),
        "connected": boolean,
    }
)

SERVER: Mapping[str, Check] = {
    "welcome": obj(
        {
            "table": integer(1),
            "title": text(500),
            "status": one_of(*STATUSES),
            "seats": listing(SEAT, 64),
            "server": text(100),
        }
    ),
    "seated": obj(
        {
            "table": integer(1),
            "seat": identifier(),
            "name": _name,
            "token": text(128, TOKEN, "a seat token"),
            "scenario": text(MAX_SERVER_FRAME_BYTES),
        }
    ),
    "scenario": obj({"scenario": text(MAX_SERVER_FRAME_BYTES)}),
    "update": obj(
        {
            "revision": integer(0),
            "status": one_of(*STATUSES),
            "paused": boolean,
            "timer": nullable(number(0, 10**7)),
            "seats": listing(SEAT, 64),
            "observation": nullable(lambda value, path: _object(value, path)),
        }
    ),
    "ack": obj({"seq": _seq, "revision": integer(0)}),
    "notice": obj({"text": text(2000)}),
    "error": obj(
        {"code": text(40), "message": text(2000)},
        {"field": text(200), "seq": _seq, "version": integer(0)},
    ),
}
"""What a host may send (``observation`` is checked by ``wire.codec`` as it decodes)."""


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise WireError("invalid", f"{path}: expected an object, got {kind_of(value)}", path)
    return value


def read(frame: str | bytes, shapes: Mapping[str, Check], limit: int) -> dict[str, Any]:
    """The checked message in ``frame``; raises WireError (see the module's docstring)."""
    size = len(frame.encode("utf-8") if isinstance(frame, str) else frame)
    if size > limit:
        raise WireError("too_large", f"the frame is {size:,} bytes; at most {limit:,} are read")
    try:
        data = json.loads(frame)
    except (ValueError, RecursionError) as error:
        raise WireError("malformed", f"the frame is not JSON: {error}"[:300]) from None
    if not isinstance(data, dict):
        raise WireError("malformed", f"a frame is a JSON object, not {kind_of(data)}")
    version = data.get("v")
    if version != PROTOCOL_VERSION:
        shown = "no version" if "v" not in data else f"version {str(version)[:20]}"
        raise WireError(
            "version",
            f"this host speaks protocol version {PROTOCOL_VERSION}; the frame has {shown}",
            "$.v",
        )
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in shapes:
        known = ", ".join(shapes)
        raise WireError(
            "unknown_type", f"unknown message type {str(kind)[:40]!r}; known: {known}", "$.type"
        )
    body = {key: value for key, value in data.items() if key not in ("v", "type")}
    message: dict[str, Any] = shapes[kind](body, "$")
    message["type"] = kind
    return message


def frame(kind: str, **fields: Any) -> str:
    """A message of ``kind`` as frame text."""
    return json.dumps(
        {"v": PROTOCOL_VERSION, "type": kind, **fields}, ensure_ascii=False, separators=(",", ":")
    )


def error_frame(error: WireError, seq: int | None = None) -> str:
    fields: dict[str, Any] = {"code": error.code, "message": error.message}
    if error.field:
        fields["field"] = error.field
    if seq is not None:
        fields["seq"] = seq
    if error.code == "version":
        fields["version"] = PROTOCOL_VERSION
    return frame("error", **fields)
