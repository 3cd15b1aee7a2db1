"""The process-wide pieces every page and route shares: the store and the board hubs.

Kept in an importable module (not the main file), so pages, routes and tests reach the same objects.
"""
from __future__ import annotations

from dataclasses import dataclass

from board import tokens
from board.fanout import RedisFanout
from board.hub import HubRegistry
from board.identity import Actor
from board.store import Store


@dataclass
class AppState:
    store: Store
    hubs: HubRegistry
    secret: str
    fanout: RedisFanout | None = None
    """Set when several instances share one PostgreSQL database (``--redis-url``)."""

    def verify(self, token: str, board_id: str) -> Actor:
        """The actor of a signed access token for this board; `board.tokens.TokenError` if it is bad or revoked."""
        return tokens.verify(self.store, token, board_id)


_state: AppState | None = None


def init(database_url: str, redis_url: str | None = None) -> AppState:
    global _state  # noqa: PLW0603
    store = Store(database_url)
    fanout = RedisFanout(redis_url) if redis_url else None
    _state = AppState(store=store, hubs=HubRegistry(store, fanout.publish if fanout else None,
                                                    fanout.publish_drag if fanout else None),
                      secret=store.secret(), fanout=fanout)
    return _state


def get() -> AppState:
    if _state is None:
        raise RuntimeError('app.state.init() has not run')
    return _state
