"""The HTTP and WebSocket API beside the UI (docs/live-api.md). Same hub, same access rules.

``GET /api/health`` for monitors; ``GET /api/boards/{id}/export?token=`` for the board as JSON, with
only what the token's holder may see; ``GET /api/boards/{id}/plan.pdf?token=`` for the
gezinsplan as PDF and ``GET /api/boards/{id}/call-list.pdf?token=`` for the call list for the fridge
(same filter); ``GET /api/boards/{id}/everything.zip?token=`` for everything a parent or the coordinator may see; ``GET /api/boards/{id}/elements/{element_id}/history?token=`` and
``GET /api/boards/{id}/search?q=&token=`` (same filter); ``WS /api/boards/{id}/live?token=`` for live operations.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Response, WebSocket, WebSocketDisconnect
from nicegui import app

from board import audit, call_list_pdf, plan_pdf, protocol, tokens
from board.boardfile import BoardFile, export_board, visible_board
from board.fonts import FontMissing
from board.history import history_for, versions
from board.hub import BoardHub
from board.identity import Actor
from board.search import search
from board.store import BoardNotFound

from . import cutoff, family_data, state

log = logging.getLogger(__name__)

OUTBOX_LIMIT = 5000
"""Messages queued for one slow connection before we close it; it reconnects and catches up by seq."""


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


def register() -> None:
    @app.get('/api/health')
    async def health() -> dict[str, Any]:
        """For monitors, who need no key: it loads no board and tells nothing about any."""
        return {'status': 'ok', 'protocol': protocol.PROTOCOL_VERSION}

    @app.get('/api/boards/{board_id}/export')
    async def export(board_id: str, token: str = '') -> dict[str, Any]:
        actor = _actor(board_id, token)
        try:
            board = await asyncio.to_thread(export_board, state.get().store, board_id)
        except BoardNotFound:
            raise HTTPException(status_code=404, detail='board_not_found') from None
        await family_data.note(board_id, actor, audit.EXPORTED, 'json')
        return visible_board(board, actor).model_dump(mode='json')

    @app.get('/api/boards/{board_id}/plan.pdf')
    async def plan(board_id: str, token: str = '') -> Response:
        """The gezinsplan as a PDF, with only what the token's holder may see."""
        return await _pdf(board_id, token, plan_pdf.plan_for, 'plan_pdf')

    @app.get('/api/boards/{board_id}/call-list.pdf')
    async def call_list(board_id: str, token: str = '') -> Response:
        """'Bij wie kunnen wij terecht?' as one A4 page, with only the people the token's holder may see."""
        return await _pdf(board_id, token, call_list_pdf.call_list_for, 'call_list_pdf')

    @app.get('/api/boards/{board_id}/everything.zip')
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
            log.error('no font for the PDF', exc_info=True)
            raise HTTPException(status_code=503, detail='font_missing') from None
        return _attachment(data, filename, 'application/zip')

    @app.get('/api/boards/{board_id}/elements/{element_id}/history')
    async def history(board_id: str, element_id: str, token: str = '') -> dict[str, Any]:
        """Every version of one element the token's holder may see; `not_found` alike for hidden and missing."""
        actor = _actor(board_id, token)
        hub = await _hub(board_id)
        found = await asyncio.to_thread(versions, state.get().store, board_id, element_id)
        shown = history_for(actor, found, hub.elements.get(element_id), hub.rights)
        if not shown:
            raise HTTPException(status_code=404, detail='not_found')
        return {'id': element_id, 'versions': [v.public() | {'deleted': v.deleted} for v in shown]}

    @app.get('/api/boards/{board_id}/search')
    async def find(board_id: str, q: str = '', token: str = '') -> dict[str, Any]:
        """Cards and people with every word of `q`, among what the token's holder may see."""
        actor = _actor(board_id, token)
        hub = await _hub(board_id)
        return {'query': q, 'results': [e.public() for e in search(hub.visible_elements(actor), q)]}

    @app.websocket('/api/boards/{board_id}/live')
    async def live(websocket: WebSocket, board_id: str, token: str = '') -> None:
        await websocket.accept()
        try:
            actor = state.get().verify(token, board_id)
            hub = await state.get().hubs.get(board_id)
        except tokens.TokenError as error:
            await _refuse(websocket, f'token_{error}', 4401)
            return
        except BoardNotFound:
            await _refuse(websocket, 'board_not_found', 4404)
            return
        outbox = _Outbox()
        session = hub.join(actor, outbox.send)
        credential, expires = cutoff.token_hold(token)

        def cut(reason: str) -> None:
            """The token was revoked or ran out: nothing more in or out, then the same close as a refused token."""
            hub.leave(session)
            outbox.close(4401, f'token_{reason}', protocol.error(f'token_{reason}'))

        cutoff.hold(credential, session.id, cut, expires)
        await family_data.note(board_id, actor, audit.VIEWED, 'live')
        writer = asyncio.create_task(_write(websocket, outbox))
        try:
            while (message := await websocket.receive())['type'] != 'websocket.disconnect':
                if not outbox.closing:  # once we said goodbye, we only wait for theirs
                    await _handle(hub, session, message.get('text'))
        finally:
            cutoff.release(credential, session.id)
            hub.leave(session)
            writer.cancel()


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
        log.error('no font for the PDF', exc_info=True)
        raise HTTPException(status_code=503, detail='font_missing') from None
    await family_data.note(board_id, actor, audit.EXPORTED, subject)
    return _attachment(data, filename, 'application/pdf')


def _attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A download that no cache keeps."""
    return Response(content=data, media_type=media_type,
                    headers={'Content-Disposition': f'attachment; filename="{filename}"', 'Cache-Control': 'no-store'})


async def _handle(hub: Any, session: Any, text: str | None) -> None:
    """Answer one frame from the client (``None``: a binary frame)."""
    if text is None:
        session.deliver(protocol.error('binary_message'))
        return
    if len(text.encode()) > protocol.MAX_MESSAGE_BYTES:
        session.deliver(protocol.error('message_too_large'))
        return
    try:
        message = protocol.parse_client_message(protocol.load_json(text))
    except protocol.ProtocolError as error:
        session.deliver(protocol.error(str(error)))
        return
    match message:
        case protocol.Push():
            await hub.push(session, message.cid, message.ops)
        case protocol.Resync():
            hub.resync(session, message.since, message.known)
        case protocol.Ping():
            session.deliver({'type': 'pong'})


@dataclass(frozen=True)
class _Close:
    code: int
    reason: str


class _Outbox:
    """What one connection still has to send, in order. It ends with a close: when the hub lets go of us
    (``closed``: 4410), when we fall too far behind (4408: the client reconnects and catches up by seq), or when
    the token is cut off (4401, after an error naming why); whatever was still queued then is dropped."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[dict[str, Any] | _Close] = asyncio.Queue()
        self.closing = False

    def send(self, message: dict[str, Any]) -> None:
        if message['type'] == 'closed':  # e.g. the board was erased
            self.close(4410, message['reason'], message)
        elif self.queue.qsize() >= OUTBOX_LIMIT:
            self.close(4408, 'too slow')
        elif not self.closing:
            self.queue.put_nowait(message)

    def close(self, code: int, reason: str, last: dict[str, Any] | None = None) -> None:
        """Drop what is queued, send `last` (if any), then close with `code`."""
        if self.closing:
            return
        self.closing = True
        while not self.queue.empty():
            self.queue.get_nowait()
        if last is not None:
            self.queue.put_nowait(last)
        self.queue.put_nowait(_Close(code, reason))


async def _write(websocket: WebSocket, outbox: _Outbox) -> None:
    """Send queued messages in order, until the close."""
    try:
        while not isinstance(message := await outbox.queue.get(), _Close):
            await websocket.send_text(json.dumps(message, ensure_ascii=False, separators=(',', ':')))
        await websocket.close(code=message.code, reason=message.reason)
    except WebSocketDisconnect:  # the peer went away; the reader hears it and cleans up
        pass


async def _refuse(websocket: WebSocket, code: str, close_code: int) -> None:
    """Say why not and close; a client that left before hearing it is no error."""
    with contextlib.suppress(WebSocketDisconnect):
        await websocket.send_text(json.dumps(protocol.error(code)))
        await websocket.close(code=close_code)
