"""Fixtures shared by every test suite: storage backends and the rule for services that are not there."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from board.store import Store
from tests.services import require_service

POSTGRES_URL = os.environ.get('PLANBORD_TEST_POSTGRES_URL', 'postgresql+psycopg://root@127.0.0.1:5432/test')


@pytest.fixture(scope='session')
def postgres_url() -> str:
    """The test PostgreSQL server, checked once per run."""
    engine = sa.create_engine(POSTGRES_URL, connect_args={'connect_timeout': 3})
    try:
        with engine.connect():
            pass
    except Exception as error:  # noqa: BLE001 - any reason means the same thing here
        shown = sa.make_url(POSTGRES_URL).render_as_string(hide_password=True)
        require_service(f'PostgreSQL at {shown}', str(error).strip().splitlines()[0])
    finally:
        engine.dispose()
    return POSTGRES_URL


@pytest.fixture(params=['sqlite', pytest.param('postgresql', marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A database URL for each backend; board ids are random, so tests may share the PostgreSQL database."""
    if request.param == 'sqlite':
        return f'sqlite:///{tmp_path}/board.sqlite3'
    return request.getfixturevalue('postgres_url')


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = Store(store_url)
    yield store
    store.close()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f'sqlite:///{tmp_path}/board.sqlite3'


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Store]:
    """A store on SQLite only, for tests that are about the board rather than the storage."""
    store = Store(sqlite_url)
    yield store
    store.close()


@pytest.fixture
def kept_logging() -> Iterator[None]:
    """Logging as it was, back after a test that sets it up (`app.logging_setup` changes it for the whole process)."""
    from app.logging_setup import OWN_LOGGERS
    root = logging.getLogger()
    handlers = list(root.handlers)
    levels = {name: logging.getLogger(name).level for name in ('', *OWN_LOGGERS)}
    yield
    root.handlers[:] = handlers
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
