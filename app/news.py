"""What others changed on the board, said politely to a screen reader (WCAG 4.1.3) without a flood.

Someone else's drag is 25 commits a second, and a tidy-up moves thirty cards at once: spoken one by one that would
drown everything else. `News` gathers who changed which cards and says it as one short summary ("Derya heeft 3 kaarten
veranderd.") once things are quiet for a moment, but at most once and at the latest every `every` seconds.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from typing import Any

from .i18n import translate

EVERY = 5.0
"""Seconds between two summaries at least."""
SETTLE = 1.5
"""Seconds without a change before it is said, so a drag or a burst is told whole."""


def _call_later(delay: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback)


class News:
    """Gathers changes per person and hands `say` one summary at a time.

    :param say: gets ``{name: number of cards}`` in the order people first changed something
    :param schedule: ``(delay, callback)`` → a handle with ``cancel()``; the event loop's timer by default
    :param clock: seconds, for `every`
    """

    def __init__(self, say: Callable[[dict[str, int]], None], *, every: float = EVERY, settle: float = SETTLE,
                 schedule: Callable[[float, Callable[[], None]], Any] = _call_later,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.say, self.every, self.settle, self.schedule, self.clock = say, every, settle, schedule, clock
        self.changed: dict[str, set[str]] = {}
        self.pending: Any = None
        self.first_untold = 0.0
        self.last_said = float('-inf')

    def note(self, name: str, card_ids: Iterable[str]) -> None:
        """`name` changed these cards; said with the next summary."""
        now = self.clock()
        if not self.changed:
            self.first_untold = now
        self.changed.setdefault(name, set()).update(card_ids)
        due = max(min(now + self.settle, self.first_untold + self.every), self.last_said + self.every)
        if self.pending is not None:
            self.pending.cancel()
        self.pending = self.schedule(max(0.0, due - now), self.tell)

    def tell(self) -> None:
        self.pending = None
        changed, self.changed = self.changed, {}
        counts = {name: len(ids) for name, ids in changed.items() if ids}
        if counts:
            self.last_said = self.clock()
            self.say(counts)

    def stop(self) -> None:
        """Nothing more is said (the page went away)."""
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None
        self.changed = {}


def changed_cards(message: dict[str, Any]) -> list[str]:
    """The ids of the elements a commit put, patched or removed."""
    return [c['element']['id'] if c['kind'] == 'put' else c['id'] for c in message.get('changes', [])]


def sentence(counts: dict[str, int], language: str) -> str:
    """One summary in words, e.g. 'Derya heeft 3 kaarten veranderd. Jolien heeft een kaart veranderd.'"""
    return ' '.join(translate('board.news', language, name=name, count=count) for name, count in counts.items())
