"""PDFs made for the person who taps the button: the plan and the call list hold only what they may see."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from nicegui import ui

from board import audit
from board.boardfile import BoardFile, board_file
from board.hub import BoardHub
from board.identity import Actor

from .. import family_data
from ..people import t
from ..printing import call_list_pdf, plan_pdf
from ..printing.fonts import FontMissing

log = logging.getLogger(__name__)


async def download_plan(hub: BoardHub, actor: Actor) -> None:
    await _download(hub, actor, plan_pdf.plan_for, 'pdf.making', 'plan_pdf')


async def download_call_list(hub: BoardHub, actor: Actor) -> None:
    """'Bij wie kunnen wij terecht?' as one A4 page for the fridge."""
    await _download(hub, actor, call_list_pdf.call_list_for, 'pdf.making_call_list', 'call_list_pdf')


async def _download(hub: BoardHub, actor: Actor, make: Callable[[BoardFile, Actor], tuple[bytes, str]],
                    making: str, subject: str) -> None:
    """Make the PDF off the event loop from the hub's board as it is now, and hand it to the browser
    (written down in the audit log as export `subject`)."""
    ui.notify(t(making))
    board = board_file(hub.info, hub.seq, hub.elements.values())
    try:
        data, filename = await asyncio.to_thread(make, board, actor)
    except FontMissing:
        log.exception('no font for the PDF')
        ui.notify(t('pdf.font_missing'), type='negative', multi_line=True)
        return
    await family_data.note(hub.board_id, actor, audit.EXPORTED, subject)
    ui.download.content(data, filename, 'application/pdf')
