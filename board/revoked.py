"""Token ids (``jti``) revoked before their expiry: a signed token stays valid by itself, so a revoked one must
be remembered until it would have expired anyway. Also which open credentials no longer let anyone in, so their
connections can be cut off (`cut_among`)."""
from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from .devices import devices
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


def credential(jti: str) -> str:
    """What an open connection made with a signed token is held under (a paired device's is `Device.credential`)."""
    return f'token:{jti}'


def cut_among(store: Store, credentials: Iterable[str]) -> set[str]:
    """Those of `credentials` that no longer let anyone in: revoked tokens, and devices revoked or gone with their
    board. Two queries, however many connections are open."""
    wanted = {kind: {c.partition(':')[2]: c for c in credentials if c.startswith(f'{kind}:')}
              for kind in ('token', 'device')}
    with store.engine.connect() as connection:
        gone = set(connection.execute(sa.select(revoked_tokens.c.jti)
                                      .where(revoked_tokens.c.jti.in_(wanted['token']))).scalars())
        live = set(connection.execute(sa.select(devices.c.token_hash).where(
            devices.c.token_hash.in_(wanted['device']), devices.c.revoked_at.is_(None))).scalars())
    return {c for jti, c in wanted['token'].items() if jti in gone} | \
        {c for token_hash, c in wanted['device'].items() if token_hash not in live}
