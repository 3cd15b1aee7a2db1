"""The in-memory rate limiter: a sliding window per key."""
from __future__ import annotations

from app.rate_limit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_key_gets_its_limit_per_window_and_others_are_not_affected() -> None:
    clock = Clock()
    limiter = RateLimiter(limit=3, window=60, clock=clock)
    assert [limiter.hit('10.0.0.1') for _ in range(4)] == [True, True, True, False]
    assert limiter.hit('10.0.0.2')
    clock.now += 30
    assert not limiter.hit('10.0.0.1')
    clock.now += 30.5  # the first attempts slide out of the window
    assert [limiter.hit('10.0.0.1') for _ in range(4)] == [True, True, True, False]


def test_keys_without_recent_attempts_are_forgotten() -> None:
    clock = Clock()
    limiter = RateLimiter(limit=2, window=10, clock=clock)
    for n in range(100):
        limiter.hit(f'10.0.0.{n}')
    clock.now += 11
    limiter.hit('10.0.1.1')
    assert list(limiter._attempts) == ['10.0.1.1']
