"""Durable storage: an append-only op log per board plus periodic snapshots, through SQLAlchemy 2.x.

SQLite (a local file) by default, PostgreSQL via a URL. The schema is managed by Alembic
(`board/migrations`); `Store` brings any database up to date when it opens it. All methods are
synchronous: the hub runs them in a worker thread so the event loop stays free.
"""
from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.exc import IntegrityError

from .elements import Element
from .operations import apply_batch, parse_batch

metadata = sa.MetaData()

boards = sa.Table(
    'boards', metadata,
    sa.Column('id', sa.String(64), primary_key=True),
    sa.Column('name', sa.String(200), nullable=False),
    sa.Column('family_name', sa.String(200), nullable=False, server_default=''),
    sa.Column('created_at', sa.String(40), nullable=False),
    sa.Column('seq', sa.Integer, nullable=False, server_default='0'),
)
ops = sa.Table(
    'ops', metadata,
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
    sa.Column('seq', sa.Integer, primary_key=True),
    sa.Column('actor_id', sa.String(64), nullable=False),
    sa.Column('created_at', sa.String(40), nullable=False),
    sa.Column('ops', sa.Text, nullable=False),
    sa.Column('cid', sa.String(64), nullable=True),
)
snapshots = sa.Table(
    'snapshots', metadata,
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
    sa.Column('seq', sa.Integer, primary_key=True),
    sa.Column('created_at', sa.String(40), nullable=False),
    sa.Column('elements', sa.Text, nullable=False),
)
settings = sa.Table(
    'settings', metadata,
    sa.Column('key', sa.String(64), primary_key=True),
    sa.Column('value', sa.Text, nullable=False),
)

MIGRATIONS = Path(__file__).parent / 'migrations'
SNAPSHOTS_KEPT = 2
BATCH_IDS_REMEMBERED = 10_000
"""Recent client batch ids a hub knows, so a batch resent after a lost ack is acknowledged, not applied twice."""


class BoardNotFound(LookupError):
    pass


class BoardExists(ValueError):
    pass


class HistoryMissing(LookupError):
    """The op log does not hold the board at this sequence number."""


class SeqConflict(Exception):
    """Another process committed this sequence number first; reload and try again."""


@dataclass(frozen=True)
class BoardInfo:
    id: str
    name: str
    family_name: str
    created_at: str
    seq: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {'id': self.id, 'name': self.name, 'family_name': self.family_name, 'created_at': self.created_at}


@dataclass(frozen=True)
class CommitRecord:
    """One accepted batch as it sits in the log; `cid` is the client's own id for it."""
    seq: int
    actor_id: str
    at: str
    ops: list[dict[str, Any]]
    cid: str | None = None


@dataclass
class LoadedBoard:
    info: BoardInfo
    elements: dict[str, Element] = field(default_factory=dict)
    seq: int = 0
    snapshot_seq: int = 0
    batch_ids: list[tuple[str, str, int]] = field(default_factory=list)
    """(actor id, cid, seq) of the most recent batches, oldest first."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec='milliseconds')


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and use the psycopg 3 driver we install."""
    if url.startswith(('postgresql://', 'postgres://')):
        return 'postgresql+psycopg://' + url.split('://', 1)[1]
    return url


class Store:
    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = sa.create_engine(self.url, pool_pre_ping=True)
        self._secret: str | None = None
        if self.engine.dialect.name == 'sqlite':
            sa.event.listen(self.engine, 'connect', _sqlite_pragmas)
        self.migrate()

    def migrate(self) -> None:
        config = Config()
        config.set_main_option('script_location', str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes['connection'] = connection
            command.upgrade(config, 'heads')  # independent tables may branch from the same revision

    def close(self) -> None:
        self.engine.dispose()

    # boards

    def create_board(self, name: str, family_name: str = '', board_id: str | None = None) -> BoardInfo:
        info = BoardInfo(id=board_id or uuid.uuid4().hex[:12], name=name, family_name=family_name,
                         created_at=now_iso())
        try:
            with self.engine.begin() as connection:
                connection.execute(boards.insert().values(**info.as_dict(), seq=0))
        except IntegrityError:
            raise BoardExists(info.id) from None
        return info

    def list_boards(self) -> list[BoardInfo]:
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(boards).order_by(boards.c.created_at.desc())).all()
        return [BoardInfo(**row._mapping) for row in rows]

    def get_board(self, board_id: str) -> BoardInfo:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(boards).where(boards.c.id == board_id)).first()
        if row is None:
            raise BoardNotFound(board_id)
        return BoardInfo(**row._mapping)

    # the log

    def append(self, board_id: str, records: list[CommitRecord]) -> None:
        """Commit accepted batches in one transaction; `SeqConflict` if another process got there first."""
        try:
            with self.engine.begin() as connection:
                connection.execute(ops.insert(), [
                    {'board_id': board_id, 'seq': r.seq, 'actor_id': r.actor_id, 'created_at': r.at, 'cid': r.cid,
                     'ops': json.dumps(r.ops, ensure_ascii=False, separators=(',', ':'))} for r in records])
                connection.execute(boards.update().where(boards.c.id == board_id).values(seq=records[-1].seq))
        except IntegrityError:
            raise SeqConflict(board_id) from None

    def commits_since(self, board_id: str, seq: int, until: int | None = None) -> list[CommitRecord]:
        """The logged batches after `seq` (up to and including `until`), in order."""
        query = sa.select(ops).where(ops.c.board_id == board_id, ops.c.seq > seq)
        if until is not None:
            query = query.where(ops.c.seq <= until)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(ops.c.seq)).all()
        return [CommitRecord(seq=r.seq, actor_id=r.actor_id, at=r.created_at, ops=json.loads(r.ops), cid=r.cid)
                for r in rows]

    def save_snapshot(self, board_id: str, seq: int, elements: dict[str, Element]) -> None:
        with self.engine.begin() as connection:
            _write_snapshot(connection, board_id, seq, elements)

    def load(self, board_id: str) -> LoadedBoard:
        """The board as of its last commit: the newest snapshot with the log after it replayed."""
        loaded = LoadedBoard(info=self.get_board(board_id))
        loaded.seq = loaded.snapshot_seq = self._snapshot(board_id, loaded.elements)
        for record in self.commits_since(board_id, loaded.seq):
            loaded.elements.update(replay(loaded.elements, record))
            loaded.seq = record.seq
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(ops.c.actor_id, ops.c.cid, ops.c.seq)
                .where(ops.c.board_id == board_id, ops.c.cid.is_not(None))
                .order_by(ops.c.seq.desc()).limit(BATCH_IDS_REMEMBERED)).all()
        loaded.batch_ids = [(r.actor_id, r.cid, r.seq) for r in reversed(rows)]
        return loaded

    def elements_at(self, board_id: str, seq: int) -> dict[str, Element]:
        """The board's elements (deleted ones included) as they were right after batch `seq`: what a saved
        moment shows. Starts from the newest snapshot at or before `seq` (or the empty board) and replays the log.

        Raises `HistoryMissing` when the log does not reach back that far: an imported board begins with a
        snapshot, and the history before it stayed on the board it was exported from.
        """
        elements: dict[str, Element] = {}
        start = self._snapshot(board_id, elements, at_most=seq)
        records = self.commits_since(board_id, start, until=seq)
        if [r.seq for r in records] != list(range(start + 1, seq + 1)):
            raise HistoryMissing(board_id, seq)
        for record in records:
            elements.update(replay(elements, record))
        return elements

    def _snapshot(self, board_id: str, into: dict[str, Element], at_most: int | None = None) -> int:
        """Read the newest snapshot (at or before `at_most`) into `into`; its sequence number, 0 if none."""
        query = sa.select(snapshots).where(snapshots.c.board_id == board_id)
        if at_most is not None:
            query = query.where(snapshots.c.seq <= at_most)
        with self.engine.connect() as connection:
            row = connection.execute(query.order_by(snapshots.c.seq.desc()).limit(1)).first()
        if row is None:
            return 0
        into.update((e['id'], Element.model_validate(e)) for e in json.loads(row.elements))
        return row.seq

    def replace_board(self, info: BoardInfo, seq: int, elements: dict[str, Element]) -> None:
        """Write a whole board (an import) as a board row and one snapshot; `BoardExists` if the id is taken."""
        try:
            with self.engine.begin() as connection:
                connection.execute(boards.insert().values(**info.as_dict(), seq=seq))
                _write_snapshot(connection, info.id, seq, elements)
        except IntegrityError:
            raise BoardExists(info.id) from None

    def secret(self) -> str:
        """The server's signing key, made once and kept with the data it protects (read once per store: every
        token signed or checked needs it)."""
        if self._secret is None:
            with self.engine.begin() as connection:
                value = connection.execute(sa.select(settings.c.value).where(settings.c.key == 'secret')).scalar()
                if value is None:
                    value = secrets.token_urlsafe(32)
                    connection.execute(settings.insert().values(key='secret', value=value))
            self._secret = value
        return self._secret


def replay(elements: dict[str, Element], record: CommitRecord) -> dict[str, Element]:
    """The elements a logged batch changes; it was checked when it was accepted, so it must apply cleanly."""
    return apply_batch(elements, parse_batch(record.ops), actor_id=record.actor_id, seq=record.seq, now=record.at)


def _write_snapshot(connection: sa.Connection, board_id: str, seq: int, elements: dict[str, Element]) -> None:
    """Store a snapshot and prune older ones, inside the caller's transaction."""
    payload = json.dumps([e.model_dump(mode='json') for e in elements.values()], ensure_ascii=False)
    connection.execute(snapshots.insert().values(board_id=board_id, seq=seq, created_at=now_iso(), elements=payload))
    kept = sa.select(snapshots.c.seq).where(snapshots.c.board_id == board_id) \
        .order_by(snapshots.c.seq.desc()).limit(SNAPSHOTS_KEPT).scalar_subquery()
    connection.execute(snapshots.delete().where(snapshots.c.board_id == board_id, snapshots.c.seq.not_in(kept)))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute('PRAGMA journal_mode=WAL')
    cursor.execute('PRAGMA synchronous=FULL')
    cursor.execute('PRAGMA foreign_keys=ON')
    cursor.execute('PRAGMA busy_timeout=5000')
    cursor.close()
