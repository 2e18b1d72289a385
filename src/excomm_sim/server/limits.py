"""Per-address limits on wrong guesses: a wrong join code, seat token or teacher key.

A join code is short enough to read aloud, so guessing must be slow: each address may
get ``FAILURES`` wrong in ``WINDOW`` seconds; past that every try from it is refused until
the oldest failure is ``WINDOW`` seconds old. The allowance is generous because a whole
class often shares one address (the school's network), and typing a code wrong is common.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

FAILURES = 30
WINDOW = 60.0
MAX_ADDRESSES = 10_000
"""Addresses remembered at once (the oldest are forgotten first)."""


class FailureLimit:
    """Counts each address's recent failures."""

    def __init__(
        self,
        failures: int = FAILURES,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures = failures
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def _recent(self, address: str) -> deque[float]:
        now = self.clock()
        times = self._seen.get(address)
        if times is None:
            if len(self._seen) >= MAX_ADDRESSES:
                self._seen.pop(next(iter(self._seen)))
            times = self._seen[address] = deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, address: str) -> float:
        """Seconds until ``address`` may try again (0: now)."""
        times = self._recent(address)
        if len(times) < self.failures:
            return 0.0
        return max(0.0, times[0] + self.window - self.clock())

    def fail(self, address: str) -> None:
        self._recent(address).append(self.clock())
