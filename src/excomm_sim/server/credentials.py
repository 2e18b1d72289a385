"""The host's secrets: join codes to read aloud, seat tokens, the teacher's key.

Everything comes from ``secrets``. A code is a way in, not a secret kept long (it is said
aloud to a room), so it is short and easy to say; a seat token is the only way to act for
a seat and the teacher's key the only way to run the tables, so both are long and random.
The host keeps only a token's hash: a copied store cannot be used to take a seat.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from excomm_sim.wire.protocol import CODE_DIGITS, CODE_LETTERS


def join_code(taken: Iterable[str] = ()) -> str:
    """A fresh code like ``KMR-472`` that is not in ``taken``."""
    used = set(taken)
    while True:
        letters = "".join(secrets.choice(CODE_LETTERS) for _ in range(3))
        digits = "".join(secrets.choice(CODE_DIGITS) for _ in range(3))
        code = f"{letters}-{digits}"
        if code not in used:
            return code


def seat_token() -> str:
    return secrets.token_urlsafe(24)


def teacher_key() -> str:
    return secrets.token_urlsafe(18)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    """Compare two secrets in constant time."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
