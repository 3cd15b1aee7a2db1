"""Signed, expiring tokens that say who someone is on which board (used by the live API and invitations).

A token is ``base64url(claims).base64url(hmac-sha256)``, signed with the server's secret
(`board.store.Store.secret`). Each token has an id (``jti``), so one token can be revoked before it expires
(`board.revoked`), and a purpose: an ``access`` token opens a board, an ``invite`` token only the invitation page.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from typing import Any

from .identity import Actor


class TokenError(ValueError):
    """The token is `malformed`, `tampered`, `expired`, `wrong_board`, `wrong_purpose` or `revoked` (the message
    is that code)."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def _sign(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def new_id() -> str:
    return secrets.token_urlsafe(12)


def issue(secret: str, board_id: str, actor: Actor, ttl_seconds: int = 30 * 24 * 3600,
          now: float | None = None, jti: str | None = None, purpose: str = 'access') -> str:
    """A signed token; `jti` names it for revocation (a fresh id by default)."""
    claims = {'board': board_id, 'actor': actor.model_dump(mode='json'), 'jti': jti or new_id(),
              'purpose': purpose, 'exp': int((now or time.time()) + ttl_seconds)}
    payload = _b64(json.dumps(claims, separators=(',', ':'), sort_keys=True).encode())
    return f'{payload}.{_sign(secret, payload)}'


def verify(secret: str, token: str, board_id: str, now: float | None = None,
           is_revoked: Callable[[str], bool] = lambda jti: False, purpose: str = 'access') -> Actor:
    """The actor a token names, if it is genuine, unexpired, for this board and purpose, and not revoked."""
    claims = _claims(secret, token)
    try:
        actor = Actor.model_validate(claims['actor'])
        expires, board, jti = int(claims['exp']), claims['board'], str(claims['jti'])
    except (ValueError, KeyError, TypeError):
        raise TokenError('malformed') from None
    if expires < (now or time.time()):
        raise TokenError('expired')
    if board != board_id:
        raise TokenError('wrong_board')
    if claims.get('purpose') != purpose:
        raise TokenError('wrong_purpose')
    if is_revoked(jti):
        raise TokenError('revoked')
    return actor


def token_id(secret: str, token: str) -> str:
    """The id (``jti``) of a genuine token, expired or not: what revoking it needs."""
    try:
        return str(_claims(secret, token)['jti'])
    except (KeyError, TypeError):
        raise TokenError('malformed') from None


def expires_at(secret: str, token: str) -> int:
    """When a genuine token expires (seconds since the epoch): an open connection made with it is cut off then."""
    try:
        return int(_claims(secret, token)['exp'])
    except (KeyError, TypeError, ValueError):
        raise TokenError('malformed') from None


def _claims(secret: str, token: str) -> dict[str, Any]:
    try:
        payload, signature = token.split('.')
    except ValueError:
        raise TokenError('malformed') from None
    if not hmac.compare_digest(_sign(secret, payload), signature):
        raise TokenError('tampered')
    try:
        claims = json.loads(_unb64(payload))
    except ValueError:
        raise TokenError('malformed') from None
    if not isinstance(claims, dict):
        raise TokenError('malformed')
    return claims
