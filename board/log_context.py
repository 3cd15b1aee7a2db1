"""Which board a log line is about: set around the work for one board, read by the app's log formatters.

A context variable, so it follows the work into its tasks and worker threads (`asyncio.to_thread` copies it) and
never leaks to another board's. Only an id: log lines never carry names or card text.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

BOARD_ID: ContextVar[str | None] = ContextVar('board_id', default=None)


@contextmanager
def about_board(board_id: str) -> Iterator[None]:
    """Every line logged inside (and in the tasks started there) names `board_id`."""
    token = BOARD_ID.set(board_id)
    try:
        yield
    finally:
        BOARD_ID.reset(token)
