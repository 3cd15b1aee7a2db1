"""Signed, expiring tokens that say who someone is on which board (used by the live API).

A token is ``base64url(claims).base64url(hmac-sha256)``, signed with the server's secret
(`board.store.Store.secret`). Invitations and device pairing build on this later.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

from .identity import Actor


class TokenError(ValueError):
    """The token is `malformed`, `tampered` or `expired` (the message is that code)."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def _sign(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def issue(secret: str, board_id: str, actor: Actor, ttl_seconds: int = 30 * 24 * 3600,
          now: float | None = None) -> str:
    claims = {'board': board_id, 'actor': actor.model_dump(mode='json'),
              'exp': int((now or time.time()) + ttl_seconds)}
    payload = _b64(json.dumps(claims, separators=(',', ':'), sort_keys=True).encode())
    return f'{payload}.{_sign(secret, payload)}'


def verify(secret: str, token: str, board_id: str, now: float | None = None) -> Actor:
    """The actor a token names, if it is genuine, unexpired and for this board."""
    try:
        payload, signature = token.split('.')
    except ValueError:
        raise TokenError('malformed') from None
    if not hmac.compare_digest(_sign(secret, payload), signature):
        raise TokenError('tampered')
    try:
        claims: dict[str, Any] = json.loads(_unb64(payload))
        actor = Actor.model_validate(claims['actor'])
        expires, board = int(claims['exp']), claims['board']
    except (ValueError, KeyError, TypeError):
        raise TokenError('malformed') from None
    if expires < (now or time.time()):
        raise TokenError('expired')
    if board != board_id:
        raise TokenError('wrong_board')
    return actor
