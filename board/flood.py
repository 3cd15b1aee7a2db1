"""A token bucket per session, so one client flooding a board with operations cannot drown the others.

A fast drag on the canvas sends about 25 single-operation batches a second (`SEND_EVERY_MS` = 40 in
assets/board_canvas.js) and the benchmark's clients 10; the largest batch allowed is 200 operations (removing a
person with all their ties). So: 60 operations a second sustained, with a burst of 240 on top.
"""
from __future__ import annotations

import time
from collections.abc import Callable

RATE = 60.0
"""Operations per second a session may send, sustained."""
BURST = 240.0
"""Operations a session may send at once after a quiet moment; more than the largest batch."""


class TokenBucket:
    """`take(n)` spends n tokens if there are that many; the bucket refills at `rate` a second up to `burst`."""

    def __init__(self, rate: float = RATE, burst: float = BURST, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens = burst
        self.checked = clock()

    def take(self, cost: float = 1.0) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.checked) * self.rate)
        self.checked = now
        if self.tokens < cost:
            return False
        self.tokens -= cost
        return True
