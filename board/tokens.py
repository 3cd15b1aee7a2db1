"""Signed, expiring tokens for one board (used by the live API, `?token=` links and invitations).

A token is ``base64url(claims).base64url(hmac-sha256)``, signed with the server's secret
(`board.store.Store.secret`). Its claims are opaque: the board, an id (``jti``), a purpose and an expiry. Who
it stands for (the actor, with a name) is kept on the server under its id (`token_holders`), so a token copied
from a browser's history, a log or a screenshot says nothing about the family. The id also lets one token be
revoked before it expires (`board.revoked`); the purpose keeps an ``invite`` token from opening a board as an
``access`` token does.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import time
from typing import Any

import sqlalchemy as sa

from .identity import Actor
from .revoked import revoked_tokens
from .store import Store, metadata

token_holders = sa.Table(
    'token_holders', metadata,
    sa.Column('jti', sa.String(64), primary_key=True),
    sa.Column('board_id', sa.String(64), nullable=False, index=True),
    sa.Column('actor', sa.Text, nullable=False),
    sa.Column('expires_at', sa.String(40), nullable=False, index=True),
)
"""Who each token stands for. No foreign key: a token may name a board that is not there (it then finds none);
erasing a board removes its rows all the same (`board.erase` empties every table with a ``board_id``)."""


class TokenError(ValueError):
    """The token is `malformed`, `tampered`, `expired`, `wrong_board`, `wrong_purpose` or `revoked` (the message
    is that code). A genuine token the server no longer knows (its board was erased) counts as revoked."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def _sign(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def _iso(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).isoformat(timespec='milliseconds')


def new_id() -> str:
    return secrets.token_urlsafe(12)


def issue(store: Store, board_id: str, actor: Actor, ttl_seconds: int = 30 * 24 * 3600,
          now: float | None = None, jti: str | None = None, purpose: str = 'access') -> str:
    """A signed token for `actor` on this board, who is written down under its `jti` (a fresh id by default).

    Holders of tokens that have expired are forgotten here, so the table keeps only names that still open
    something.
    """
    now = now or time.time()
    expires = int(now + ttl_seconds)
    claims = {'board': board_id, 'jti': jti or new_id(), 'purpose': purpose, 'exp': expires}
    with store.engine.begin() as connection:
        connection.execute(token_holders.delete().where(token_holders.c.expires_at < _iso(now)))
        connection.execute(token_holders.insert().values(
            jti=claims['jti'], board_id=board_id, expires_at=_iso(expires),
            actor=json.dumps(actor.model_dump(mode='json'), ensure_ascii=False)))
    payload = _b64(json.dumps(claims, separators=(',', ':'), sort_keys=True).encode())
    return f'{payload}.{_sign(store.secret(), payload)}'


def verify(store: Store, token: str, board_id: str, now: float | None = None, purpose: str = 'access') -> Actor:
    """The actor a token stands for, if it is genuine, unexpired, for this board and purpose, and not revoked."""
    claims = _claims(store.secret(), token)
    try:
        expires, board, jti = int(claims['exp']), claims['board'], str(claims['jti'])
    except (ValueError, KeyError, TypeError):
        raise TokenError('malformed') from None
    if expires < (now or time.time()):
        raise TokenError('expired')
    if board != board_id:
        raise TokenError('wrong_board')
    if claims.get('purpose') != purpose:
        raise TokenError('wrong_purpose')
    with store.engine.connect() as connection:
        found = connection.execute(
            sa.select(token_holders.c.actor, revoked_tokens.c.jti.label('revoked'))
            .outerjoin(revoked_tokens, revoked_tokens.c.jti == token_holders.c.jti)
            .where(token_holders.c.jti == jti, token_holders.c.board_id == board_id)).first()
    if found is None or found.revoked is not None:
        raise TokenError('revoked')
    return Actor.model_validate_json(found.actor)


def token_id(store: Store, token: str) -> str:
    """The id (``jti``) of a genuine token, expired or not: what revoking it needs."""
    try:
        return str(_claims(store.secret(), token)['jti'])
    except (KeyError, TypeError):
        raise TokenError('malformed') from None


def expires_at(store: Store, token: str) -> int:
    """When a genuine token expires (seconds since the epoch): an open connection made with it is cut off then."""
    try:
        return int(_claims(store.secret(), token)['exp'])
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
