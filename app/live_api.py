"""The live API: ``WS /api/boards/{id}/live?token=`` for live operations (docs/live-api.md). Same hub, same access
rules as the pages; the HTTP routes beside it are `app.api`'s.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from board import audit, protocol, tokens
from board.hub import BoardHub, Session
from board.store import BoardNotFound

from . import cutoff, family_data, state

OUTBOX_LIMIT = 5000
"""Messages queued for one slow connection before we close it; it reconnects and catches up by seq."""

router = APIRouter(prefix='/api')


@router.websocket('/boards/{board_id}/live')
async def live(websocket: WebSocket, board_id: str, token: str = '') -> None:
    """One connection: join the hub as the token's holder, then answer each frame until either side leaves."""
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


async def _handle(hub: BoardHub, session: Session, text: str | None) -> None:
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
