"""A small in-memory rate limiter: at most `limit` attempts per key (e.g. an IP address) in a sliding window.

Used for logins (pairing codes are counted in the database, operation floods by `board.flood`'s token bucket per
session). It lives in one process's memory: fine for one instance; behind a sticky proxy each instance limits its
own share.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """Counts attempts per key over the last `window` seconds.

    :param limit: attempts allowed per key within the window
    :param window: the window in seconds
    :param clock: seconds as a float (monotonic by default; tests pass their own)
    """

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._attempts: dict[str, deque[float]] = {}
        self._swept = clock()

    def hit(self, key: str) -> bool:
        """Count one attempt for `key`; ``False`` when it is one too many (a refused attempt is not counted)."""
        now = self.clock()
        if now - self._swept > self.window:
            self._sweep(now - self.window)
        attempts = self._attempts.setdefault(key, deque())
        _drop_until(attempts, now - self.window)
        if len(attempts) >= self.limit:
            return False
        attempts.append(now)
        return True

    def _sweep(self, cutoff: float) -> None:
        """Once a window, forget keys with no recent attempts, so memory stays bounded by recent traffic."""
        self._swept = cutoff + self.window
        for key in list(self._attempts):
            _drop_until(self._attempts[key], cutoff)
            if not self._attempts[key]:
                del self._attempts[key]


def _drop_until(attempts: deque[float], cutoff: float) -> None:
    while attempts and attempts[0] <= cutoff:
        attempts.popleft()
