"""Durations as a teacher types them on the command line: ``90s``, ``3m``, ``1m30s``."""

from __future__ import annotations

import argparse
import re

_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?")


def duration(text: str) -> float:
    """``"90"``, ``"60s"``, ``"3m"``, ``"1m30s"``, ``"1h"`` -> seconds (argparse type)."""
    match = _DURATION.fullmatch(text.strip().lower())
    if not text.strip() or match is None or not any(match.groups()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration (examples: 90s, 3m, 1m30s)")
    hours, minutes, seconds = match.groups()
    total = int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds or 0)
    if total <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: a duration must be more than zero")
    return total
