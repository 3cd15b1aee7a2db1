"""Token ids (``jti``) revoked before their expiry: a signed token stays valid by itself, so a revoked one must
be remembered until it would have expired anyway."""
from __future__ import annotations

import sqlalchemy as sa

from .store import Store, metadata, now_iso

revoked_tokens = sa.Table(
    'revoked_tokens', metadata,
    sa.Column('jti', sa.String(64), primary_key=True),
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), nullable=False),
    sa.Column('revoked_at', sa.String(40), nullable=False),
)


def revoke(store: Store, board_id: str, jti: str) -> None:
    """Refuse this token from now on; revoking twice is harmless."""
    with store.engine.begin() as connection:
        if not is_revoked_in(connection, jti):
            connection.execute(revoked_tokens.insert().values(jti=jti, board_id=board_id, revoked_at=now_iso()))


def is_revoked(store: Store, jti: str) -> bool:
    with store.engine.connect() as connection:
        return is_revoked_in(connection, jti)


def is_revoked_in(connection: sa.Connection, jti: str) -> bool:
    return connection.execute(sa.select(revoked_tokens.c.jti).where(revoked_tokens.c.jti == jti)).first() is not None
