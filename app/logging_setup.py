"""Logging, set up in one place for the server and every command: readable lines or JSON lines, each naming the
board it is about, and never a person's words.

The board comes from `board.log_context`: the hub sets it for its own work, `BoardFromPath` for every request and
WebSocket under a board's path, and a page's own events find it through the page they belong to. Log calls name ids
and counts, never names or card text; exceptions are written by type and place only, because their messages can
carry what someone typed (pydantic repeats the input it refused).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import traceback
from enum import StrEnum
from typing import IO, Any

from board.log_context import BOARD_ID, about_board

HANDLER = 'planbord'
OWN_LOGGERS = ('app', 'board', 'network_graph')
"""Whose lines the level setting is for; other libraries' lines are written from WARNING up (all of them at debug)."""
BOARD_PATH = re.compile(r'^/(?:board|invite|api/boards)/([^/]+)')


class LogFormat(StrEnum):
    TEXT = 'text'
    JSON = 'json'


def configure(log_format: LogFormat, level: str, stream: IO[str] | None = None) -> None:
    """Write every log line to `stream` (stderr) in `log_format`; Planbord's own from `level` up. Calling it again
    replaces what it set up before (and nothing else, so a test's capture stays)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == HANDLER]:
        root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.set_name(HANDLER)
    handler.setFormatter(JsonLines() if log_format == LogFormat.JSON else TextLines())
    root.addHandler(handler)
    own = logging.getLevelName(level.upper())
    root.setLevel(logging.DEBUG if own <= logging.DEBUG else logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(own)


class BoardFromPath:
    """ASGI middleware: the log lines a request or WebSocket under /board/{id}, /invite/{id} or /api/boards/{id}
    causes name that board."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        found = BOARD_PATH.match(scope.get('path', '')) if scope['type'] in {'http', 'websocket'} else None
        if found is None:
            await self.app(scope, receive, send)
            return
        with about_board(found.group(1)):
            await self.app(scope, receive, send)


def board_id() -> str | None:
    """The board this line is about: set by the hub or a request, else the board of the page whose event runs."""
    return BOARD_ID.get() or _page_board()


def _page_board() -> str | None:
    if 'nicegui' not in sys.modules:  # a command, not the server
        return None
    from nicegui import context
    try:
        found = BOARD_PATH.match(context.client.request.url.path)
    except RuntimeError:  # not inside a page's work
        return None
    return found.group(1) if found else None


def without_messages(error: BaseException) -> str:
    """The traceback of `error` and its causes: where it happened and the exceptions' types, not their messages."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return '\n'.join('Traceback (most recent call last):\n' + ''.join(traceback.format_tb(e.__traceback__))
                     + f'{type(e).__module__}.{type(e).__qualname__}' for e in reversed(chain))


class TextLines(logging.Formatter):
    """``2026-12-05 10:00:00,123 INFO board.hub [board 6e5a0f9351cf]: committed …``"""

    def format(self, record: logging.LogRecord) -> str:
        board = board_id()
        line = (f'{self.formatTime(record)} {record.levelname} {record.name}'
                f'{f" [board {board}]" if board else ""}: {record.getMessage()}')
        return line + ('\n' + without_messages(record.exc_info[1]) if record.exc_info and record.exc_info[1] else '')


class JsonLines(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, board_id when there is one, and
    exception (type and place) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {'time': dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
                                'level': record.levelname.lower(), 'logger': record.name,
                                'message': record.getMessage()}
        if board := board_id():
            line['board_id'] = board
        if record.exc_info and record.exc_info[1]:
            line['exception'] = without_messages(record.exc_info[1])
        return json.dumps(line, ensure_ascii=False)
