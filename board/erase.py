"""Erasing a board for good (the AVG's right to be forgotten): every row about the family, in every table.

Which tables hold board data is read from the database itself, not from a list here: any table with a
``board_id`` column is emptied of the board's rows (devices, invitations, memberships, the audit log, the op
log, snapshots, and whatever is added later), children before parents, then the board row and any setting
whose key names the board. Afterwards the database is vacuumed, so the deleted rows do not linger in free pages
of the file (SQLite) or in dead tuples (PostgreSQL).
"""
from __future__ import annotations

import sqlalchemy as sa

from .store import BoardNotFound, Store, boards, settings


def erase_board(store: Store, board_id: str) -> list[str]:
    """Delete everything about `board_id`; the names of the tables that held some of it.

    Raises `BoardNotFound` for an unknown board (nothing is touched).
    """
    store.get_board(board_id)
    reflected = sa.MetaData()
    reflected.reflect(store.engine)
    holding = [t for t in reversed(reflected.sorted_tables) if 'board_id' in t.c]
    with store.engine.begin() as connection:
        for table in holding:
            connection.execute(table.delete().where(table.c.board_id == board_id))
        connection.execute(settings.delete().where(settings.c.key.contains(board_id, autoescape=True)))
        if connection.execute(boards.delete().where(boards.c.id == board_id)).rowcount == 0:
            raise BoardNotFound(board_id)
    names = [t.name for t in holding] + ['settings', 'boards']
    _vacuum(store, names)
    return names


def _vacuum(store: Store, tables: list[str]) -> None:
    """Make the database let go of deleted rows: rebuild the SQLite file (and empty its WAL), or vacuum the
    PostgreSQL tables that held them."""
    with store.engine.connect().execution_options(isolation_level='AUTOCOMMIT') as connection:
        if store.engine.dialect.name == 'sqlite':
            connection.exec_driver_sql('VACUUM')
            connection.exec_driver_sql('PRAGMA wal_checkpoint(TRUNCATE)')
        elif store.engine.dialect.name == 'postgresql':
            quote = store.engine.dialect.identifier_preparer.quote
            connection.exec_driver_sql(f"VACUUM {', '.join(quote(t) for t in tables)}")
