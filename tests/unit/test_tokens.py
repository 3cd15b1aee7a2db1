"""Signed tokens (board/tokens.py): opaque claims only; who a token stands for is kept on the server."""
from __future__ import annotations

import base64
import json
import time

import pytest
import sqlalchemy as sa

from board import revoked, tokens
from board.erase import erase_board
from board.identity import Actor, Role
from board.store import Store

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='Basisschool De Regenboog')


@pytest.fixture
def board_id(store: Store) -> str:
    return store.create_board('Familie Test').id


def claims_of(token: str) -> dict:
    payload = token.split('.')[0]
    return json.loads(base64.urlsafe_b64decode(payload + '=' * (-len(payload) % 4)))


def test_a_decoded_token_holds_no_name_only_opaque_claims(store: Store, board_id: str) -> None:
    for actor in (DERYA, KARIM):
        token = tokens.issue(store, board_id, actor)
        claims = claims_of(token)
        assert set(claims) == {'board', 'jti', 'purpose', 'exp'}
        shown = json.dumps(claims, ensure_ascii=False)
        assert all(told not in shown for told in (actor.name, actor.id, actor.organisation) if told)
        assert all(word not in shown for word in ('Derya', 'Karim', 'Regenboog', 'parent', 'professional'))
        assert tokens.verify(store, token, board_id) == actor  # the server knows who it stands for


def test_a_token_is_refused_when_tampered_expired_foreign_or_for_another_purpose(store: Store, board_id: str) -> None:
    token = tokens.issue(store, board_id, DERYA, ttl_seconds=60)
    with pytest.raises(tokens.TokenError, match='tampered'):
        tokens.verify(store, token[:-2] + 'xx', board_id)
    with pytest.raises(tokens.TokenError, match='malformed'):
        tokens.verify(store, 'nonsense', board_id)
    with pytest.raises(tokens.TokenError, match='expired'):
        tokens.verify(store, token, board_id, now=time.time() + 61)
    with pytest.raises(tokens.TokenError, match='wrong_board'):
        tokens.verify(store, token, 'another-board')
    with pytest.raises(tokens.TokenError, match='wrong_purpose'):
        tokens.verify(store, token, board_id, purpose='invite')


def test_a_revoked_token_is_refused(store: Store, board_id: str) -> None:
    token = tokens.issue(store, board_id, DERYA)
    assert tokens.verify(store, token, board_id) == DERYA
    revoked.revoke(store, board_id, tokens.token_id(store, token))
    revoked.revoke(store, board_id, tokens.token_id(store, token))  # twice is harmless
    with pytest.raises(tokens.TokenError, match='revoked'):
        tokens.verify(store, token, board_id)
    assert tokens.token_id(store, tokens.issue(store, board_id, DERYA)) != tokens.token_id(store, token)


def test_a_token_from_another_server_is_refused(store: Store, board_id: str, tmp_path) -> None:
    other = Store(f'sqlite:///{tmp_path}/other-server.sqlite3')
    try:
        with pytest.raises(tokens.TokenError, match='tampered'):
            tokens.verify(store, tokens.issue(other, board_id, DERYA), board_id)
    finally:
        other.close()


def test_erasing_the_board_forgets_who_its_tokens_stood_for(store: Store, board_id: str) -> None:
    token = tokens.issue(store, board_id, DERYA)
    assert 'token_holders' in erase_board(store, board_id)
    with store.engine.connect() as connection:
        assert connection.execute(sa.select(tokens.token_holders).where(
            tokens.token_holders.c.board_id == board_id)).first() is None
    with pytest.raises(tokens.TokenError, match='revoked'):
        tokens.verify(store, token, board_id)


def test_expired_tokens_are_forgotten_when_a_new_one_is_issued(store: Store, board_id: str) -> None:
    old = tokens.issue(store, board_id, DERYA, ttl_seconds=60, now=time.time() - 120)
    tokens.issue(store, board_id, KARIM)
    with store.engine.connect() as connection:
        assert connection.execute(sa.select(tokens.token_holders).where(
            tokens.token_holders.c.jti == tokens.token_id(store, old))).first() is None
