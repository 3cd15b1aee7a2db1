"""What the AVG asks of the app, shared by the pages and the API: the audit log in the reader's words,
everything about the family in one zip, and erasing a board for good. The rules themselves live in `board/`.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging

from board import audit
from board.boardfile import export_board
from board.erase import erase_board
from board.hub import BoardHub
from board.identity import Actor

from . import state
from .i18n import DEFAULT_LANGUAGE, translate
from .printing.everything import everything_zip

log = logging.getLogger(__name__)


async def note(board_id: str, actor: Actor, action: str, subject: str = '') -> None:
    """Write down a view or an export; a failing audit write is logged and never stops what the person does."""
    try:
        await asyncio.to_thread(audit.record, state.get().store, board_id, actor, action, subject)
    except Exception:
        log.exception('board %s: could not write the audit log', board_id)


async def log_for(hub: BoardHub, reader: Actor, language: str = DEFAULT_LANGUAGE) -> list[tuple[audit.Line, str]]:
    """The audit log as `reader` may read it, newest first, each line with its sentence."""
    entries = await asyncio.to_thread(audit.entries, state.get().store, hub.board_id)
    return [(line, audit.describe(line, lambda key, **values: translate(key, language, **values)))
            for line in audit.for_reader(entries, reader, hub.elements)]


async def everything(board_id: str, actor: Actor) -> tuple[bytes, str]:
    """Everything `actor` may see about the family as a zip (with the log in Dutch), written down as an export.

    Raises `board.store.BoardNotFound` and `app.printing.fonts.FontMissing`.
    """
    hub = await state.get().hubs.get(board_id)
    lines = await log_for(hub, actor)
    board = await asyncio.to_thread(export_board, state.get().store, board_id)
    data = await asyncio.to_thread(everything_zip, board, actor, [(line.at, line.who, text) for line, text in lines],
                                   dt.date.today())
    await note(board_id, actor, audit.EXPORTED, 'everything')
    return data


def confirms(hub: BoardHub, typed: str) -> bool:
    """Whether what was typed is the family's name (the confirmation before erasing), ignoring case and spaces."""
    expected = hub.info.family_name or hub.info.name
    return ' '.join(typed.split()).casefold() == ' '.join(expected.split()).casefold()


async def erase(board_id: str) -> None:
    """Erase the board for good, then let go of its hub here and on every other instance: connected clients hear
    ``closed`` (``erased``)."""
    current = state.get()
    await asyncio.to_thread(erase_board, current.store, board_id)
    current.hubs.close(board_id, 'erased')
    if current.fanout is not None:
        current.fanout.publish_closed(board_id, 'erased')
    log.info('board %s erased', board_id)
