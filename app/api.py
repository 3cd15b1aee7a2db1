"""The HTTP API beside the UI (docs/live-api.md): one router, included by `app.main`. Same hub, same access rules.

``GET /api/health`` for monitors; ``GET /api/boards/{id}/export?token=`` for the board as JSON, with
only what the token's holder may see; ``GET /api/boards/{id}/plan.pdf?token=`` for the
gezinsplan as PDF and ``GET /api/boards/{id}/call-list.pdf?token=`` for the call list for the fridge
(same filter); ``GET /api/boards/{id}/everything.zip?token=`` for everything a parent or the coordinator may see;
``GET /api/boards/{id}/elements/{element_id}/history?token=`` and ``GET /api/boards/{id}/search?q=&token=``
(same filter). The live operations have a router of their own (`app.live_api`).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Response

from board import audit, protocol, tokens
from board.boardfile import BoardFile, export_board, visible_board
from board.history import history_for, versions
from board.hub import BoardHub
from board.identity import Actor
from board.search import search
from board.store import BoardNotFound

from . import family_data, state
from .printing import call_list_pdf, plan_pdf
from .printing.fonts import FontMissing

log = logging.getLogger(__name__)

router = APIRouter(prefix='/api')


def _actor(board_id: str, token: str) -> Actor:
    try:
        return state.get().verify(token, board_id)
    except tokens.TokenError as error:
        raise HTTPException(status_code=401, detail=f'token_{error}') from None


async def _hub(board_id: str) -> BoardHub:
    try:
        return await state.get().hubs.get(board_id)
    except BoardNotFound:
        raise HTTPException(status_code=404, detail='board_not_found') from None


@router.get('/health')
async def health() -> dict[str, Any]:
    """For monitors, who need no key: it loads no board and tells nothing about any."""
    return {'status': 'ok', 'protocol': protocol.PROTOCOL_VERSION}


@router.get('/boards/{board_id}/export')
async def export(board_id: str, token: str = '') -> dict[str, Any]:
    actor = _actor(board_id, token)
    try:
        board = await asyncio.to_thread(export_board, state.get().store, board_id)
    except BoardNotFound:
        raise HTTPException(status_code=404, detail='board_not_found') from None
    await family_data.note(board_id, actor, audit.EXPORTED, 'json')
    return visible_board(board, actor).model_dump(mode='json')


@router.get('/boards/{board_id}/plan.pdf')
async def plan(board_id: str, token: str = '') -> Response:
    """The gezinsplan as a PDF, with only what the token's holder may see."""
    return await _pdf(board_id, token, plan_pdf.plan_for, 'plan_pdf')


@router.get('/boards/{board_id}/call-list.pdf')
async def call_list(board_id: str, token: str = '') -> Response:
    """'Bij wie kunnen wij terecht?' as one A4 page, with only the people the token's holder may see."""
    return await _pdf(board_id, token, call_list_pdf.call_list_for, 'call_list_pdf')


@router.get('/boards/{board_id}/everything.zip')
async def everything(board_id: str, token: str = '') -> Response:
    """The board file, the plan, the photos and the audit log in one zip, for a parent or the coordinator."""
    actor = _actor(board_id, token)
    if not audit.may_read(actor, (await _hub(board_id)).rights):
        raise HTTPException(status_code=403, detail='not_allowed')
    try:
        data, filename = await family_data.everything(board_id, actor)
    except BoardNotFound:
        raise HTTPException(status_code=404, detail='board_not_found') from None
    except FontMissing:
        log.exception('no font for the PDF')
        raise HTTPException(status_code=503, detail='font_missing') from None
    return _attachment(data, filename, 'application/zip')


@router.get('/boards/{board_id}/elements/{element_id}/history')
async def history(board_id: str, element_id: str, token: str = '') -> dict[str, Any]:
    """Every version of one element the token's holder may see; `not_found` alike for hidden and missing."""
    actor = _actor(board_id, token)
    hub = await _hub(board_id)
    found = await asyncio.to_thread(versions, state.get().store, board_id, element_id)
    shown = history_for(actor, found, hub.elements.get(element_id), hub.rights)
    if not shown:
        raise HTTPException(status_code=404, detail='not_found')
    return {'id': element_id, 'versions': [v.public() | {'deleted': v.deleted} for v in shown]}


@router.get('/boards/{board_id}/search')
async def find(board_id: str, q: str = '', token: str = '') -> dict[str, Any]:
    """Cards and people with every word of `q`, among what the token's holder may see."""
    actor = _actor(board_id, token)
    hub = await _hub(board_id)
    return {'query': q, 'results': [e.public() for e in search(hub.visible_elements(actor), q)]}


async def _pdf(board_id: str, token: str, make: Callable[[BoardFile, Actor], tuple[bytes, str]],
               subject: str) -> Response:
    """A PDF made by `make` for the token's holder, written down in the audit log as export `subject`."""
    actor = _actor(board_id, token)
    try:
        board = await asyncio.to_thread(export_board, state.get().store, board_id)
        data, filename = await asyncio.to_thread(make, board, actor)
    except BoardNotFound:
        raise HTTPException(status_code=404, detail='board_not_found') from None
    except FontMissing:
        log.exception('no font for the PDF')
        raise HTTPException(status_code=503, detail='font_missing') from None
    await family_data.note(board_id, actor, audit.EXPORTED, subject)
    return _attachment(data, filename, 'application/pdf')


def _attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A download that no cache keeps."""
    return Response(content=data, media_type=media_type,
                    headers={'Content-Disposition': f'attachment; filename="{filename}"', 'Cache-Control': 'no-store'})
