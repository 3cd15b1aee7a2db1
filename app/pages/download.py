"""The plan as a PDF, made for the person who taps the button: it holds only what they may see."""
from __future__ import annotations

import asyncio
import logging

from nicegui import ui

from board import plan_pdf
from board.boardfile import board_file
from board.fonts import FontMissing
from board.hub import BoardHub
from board.identity import Actor

from ..people import t

log = logging.getLogger(__name__)


async def download_plan(hub: BoardHub, actor: Actor) -> None:
    ui.notify(t('pdf.making'))
    board = board_file(hub.info, hub.seq, hub.elements.values())
    try:
        data, filename = await asyncio.to_thread(plan_pdf.plan_for, board, actor)
    except FontMissing:
        log.error('no font for the PDF plan', exc_info=True)
        ui.notify(t('pdf.font_missing'), type='negative', multi_line=True)
        return
    ui.download.content(data, filename, 'application/pdf')
