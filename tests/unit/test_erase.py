"""Erasing a board for good: afterwards no row, no byte of the database file and no log line holds the family's data."""
from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from board import audit
from board.demo import FAMILY, NETWORK, create_demo_board
from board.erase import erase_board
from board.hub import BoardHub
from board.identity import Actor, Role
from board.store import BoardNotFound, Store
from tests.unit.hub_client import Client, create, update

JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
NAMES = ['Yılmaz', 'Derya', *(name for _, name, *_ in FAMILY if len(name) > 4),
         *(name for _, name, *_ in NETWORK)]
"""What would give the family away: their surname, every person on their schema (short first names like 'Noor'
also occur as ordinary Dutch words)."""


def every_text(store) -> str:
    """All values in all tables of the database, as one text."""
    found = []
    with store.engine.connect() as connection:
        for name in sa.inspect(store.engine).get_table_names():
            for row in connection.execute(sa.text(f'SELECT * FROM "{name}"')):
                found.extend(str(value) for value in row)
    return '\n'.join(found)


@pytest.fixture
def own_store(store_url: str) -> Iterator[Store]:
    """A store with no other test's boards in it: on PostgreSQL a schema of its own, dropped afterwards."""
    if not store_url.startswith('postgresql'):
        store = Store(store_url)
        yield store
        store.close()
        return
    schema = f'erase_{uuid.uuid4().hex[:8]}'
    admin = sa.create_engine(store_url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA {schema}')
    store = Store(sa.make_url(store_url).update_query_dict({'options': f'-csearch_path={schema}'})
                  .render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.close()
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA {schema} CASCADE')
        admin.dispose()


async def test_erasing_leaves_no_trace_in_any_table_or_log(own_store, caplog) -> None:
    store = own_store
    caplog.set_level(logging.DEBUG)
    family = create_demo_board(store)
    other = store.create_board('Familie Jansen', 'Jansen')
    hub = BoardHub(store, store.load(family.id))
    jolien = Client(hub, JOLIEN)
    await jolien.ok(update('goal-1', progress=4), create('note-x', 'note', kind='idea', text='Yılmaz-dag plannen'))
    audit.record(store, family.id, JOLIEN, audit.VIEWED, 'plan')
    audit.record(store, other.id, Actor(id='c-2', name='Coach Jansen', role=Role.COORDINATOR), audit.VIEWED, 'plan')
    store.save_snapshot(family.id, hub.seq, hub.elements)
    assert 'Yılmaz' in every_text(store)

    tables = erase_board(store, family.id)

    assert {'ops', 'snapshots', 'audit_log', 'boards'} <= set(tables)
    left = every_text(store)
    assert not [name for name in NAMES if name in left]
    assert family.id not in left
    with pytest.raises(BoardNotFound):
        store.get_board(family.id)
    assert store.get_board(other.id).family_name == 'Jansen'  # another family keeps everything
    assert len(audit.entries(store, other.id)) == 1
    assert not [name for name in NAMES if name in caplog.text]
    if store.engine.dialect.name == 'sqlite':
        database = Path(store.engine.url.database)
        written = b''.join(p.read_bytes() for p in database.parent.glob(database.name + '*'))
        assert not [name for name in NAMES if name.encode() in written]


def test_erasing_an_unknown_board_touches_nothing(sqlite_store) -> None:
    board = sqlite_store.create_board('Familie Jansen', 'Jansen')
    with pytest.raises(BoardNotFound):
        erase_board(sqlite_store, 'nope')
    assert sqlite_store.get_board(board.id).name == 'Familie Jansen'
