"""The storage contract, run against SQLite and PostgreSQL alike."""
import uuid

import pytest
import sqlalchemy as sa

from board.store import (
    SNAPSHOTS_KEPT,
    BoardExists,
    BoardInfo,
    BoardNotFound,
    CommitRecord,
    SeqConflict,
    Store,
    normalise_url,
    replay,
    snapshots,
)

AT = '2024-05-01T10:00:00.000+00:00'


def record(seq, ops, actor='derya'):
    return CommitRecord(seq=seq, actor_id=actor, at=AT, ops=ops)


def note(id_, text):
    return {'op': 'create', 'id': id_, 'type': 'note', 'props': {'text': text}}


LOG = [
    record(1, [note('n1', 'één'), note('n2', 'twee')]),
    record(2, [{'op': 'update', 'id': 'n1', 'props': {'x': 10}}], actor='bas'),
    record(3, [{'op': 'create', 'id': 'g1', 'type': 'goal', 'props': {'text': 'doel'}}]),
    record(4, [{'op': 'delete', 'id': 'n2'}]),
    record(5, [{'op': 'create', 'id': 'a1', 'type': 'agreement', 'props': {'text': 'afspraak', 'goal_id': 'g1'}}]),
    record(6, [{'op': 'delete', 'id': 'g1'}, {'op': 'update', 'id': 'n1', 'props': {'text': 'één!'}}]),
    record(7, [{'op': 'update', 'id': 'a1', 'props': {'y': -3}}]),
]


def state_after(seq):
    elements = {}
    for r in LOG[:seq]:
        elements.update(replay(elements, r))
    return elements


def dumped(elements):
    return {i: e.model_dump(mode='json') for i, e in elements.items()}


@pytest.fixture
def board(store):
    return store.create_board('Gezin De Vries', family_name='De Vries')


def test_create_list_get_board(store, board):
    assert (board.name, board.family_name, len(board.id)) == ('Gezin De Vries', 'De Vries', 12)
    assert store.get_board(board.id) == board
    assert board in store.list_boards()
    named = store.create_board('Ander gezin', board_id=f'b-{uuid.uuid4().hex[:8]}')
    assert store.get_board(named.id).name == 'Ander gezin'


def test_board_ids_are_unique(store, board):
    with pytest.raises(BoardExists):
        store.create_board('Dubbel', board_id=board.id)


def test_unknown_board(store):
    with pytest.raises(BoardNotFound):
        store.get_board('nope')
    with pytest.raises(BoardNotFound):
        store.load('nope')


def test_new_board_loads_empty(store, board):
    loaded = store.load(board.id)
    assert (loaded.info, loaded.elements, loaded.seq, loaded.snapshot_seq) == (board, {}, 0, 0)


def test_append_and_commits_since(store, board):
    store.append(board.id, LOG[:2])
    store.append(board.id, LOG[2:3])
    assert store.commits_since(board.id, 0) == LOG[:3]
    assert store.commits_since(board.id, 2) == LOG[2:3]
    assert store.commits_since(board.id, 3) == []
    assert store.get_board(board.id).seq == 3


def test_logs_of_boards_are_separate(store, board):
    other = store.create_board('Ander gezin')
    store.append(board.id, LOG[:1])
    store.append(other.id, [record(1, [note('n1', 'ander')])])
    assert store.commits_since(board.id, 0) == LOG[:1]
    assert store.commits_since(other.id, 0)[0].ops[0]['props']['text'] == 'ander'


def test_a_sequence_number_is_taken_once(store, board):
    store.append(board.id, LOG[:1])
    with pytest.raises(SeqConflict):
        store.append(board.id, [record(1, [note('n9', 'later')], actor='bas')])
    assert store.commits_since(board.id, 0) == LOG[:1]


def test_a_group_commit_is_all_or_nothing(store, board):
    store.append(board.id, LOG[:1])
    with pytest.raises(SeqConflict):
        store.append(board.id, [LOG[1], LOG[0]])
    assert store.commits_since(board.id, 0) == LOG[:1]
    assert store.get_board(board.id).seq == 1


def test_load_replays_the_log(store, board):
    store.append(board.id, LOG)
    loaded = store.load(board.id)
    assert (loaded.seq, loaded.snapshot_seq) == (7, 0)
    assert dumped(loaded.elements) == dumped(state_after(7))
    assert loaded.elements['n2'].deleted and loaded.elements['a1'].props['goal_id'] == 'g1'


@pytest.mark.parametrize('snapshot_at', [1, 4, 7])
def test_snapshot_plus_replay_equals_full_replay(store, board, snapshot_at):
    store.append(board.id, LOG)
    store.save_snapshot(board.id, snapshot_at, state_after(snapshot_at))
    loaded = store.load(board.id)
    assert (loaded.seq, loaded.snapshot_seq) == (7, snapshot_at)
    assert dumped(loaded.elements) == dumped(state_after(7))


def test_load_starts_from_the_newest_snapshot(store, board):
    """A snapshot that disagrees with the log shows which one load used."""
    store.append(board.id, LOG[:4])
    store.save_snapshot(board.id, 2, state_after(2))
    store.save_snapshot(board.id, 4, {})
    assert store.load(board.id).elements == {}


def test_old_snapshots_are_pruned(store, board):
    store.append(board.id, LOG)
    for seq in range(1, 8):
        store.save_snapshot(board.id, seq, state_after(seq))
    other = store.create_board('Ander gezin')
    store.save_snapshot(other.id, 0, {})
    with store.engine.connect() as connection:
        kept = connection.execute(sa.select(snapshots.c.board_id, snapshots.c.seq)
                                  .where(snapshots.c.board_id.in_([board.id, other.id]))).all()
    newest = [(board.id, seq) for seq in range(8 - SNAPSHOTS_KEPT, 8)]
    assert sorted(tuple(row) for row in kept) == sorted(newest + [(other.id, 0)])


def test_replace_board_writes_a_whole_board(store):
    info = BoardInfo(id=f'imp-{uuid.uuid4().hex[:8]}', name='Import', family_name='', created_at=AT)
    store.replace_board(info, 7, state_after(7))
    loaded = store.load(info.id)
    assert (loaded.seq, loaded.snapshot_seq) == (7, 7)
    assert dumped(loaded.elements) == dumped(state_after(7))
    with pytest.raises(BoardExists):
        store.replace_board(info, 1, {})


def test_any_text_a_card_may_hold_survives_the_round_trip(store, board):
    text = 'nul\x00 tab\t "quote" \\ 😀 ש ﷽ ' + 'x' * 1900
    store.append(board.id, [record(1, [note('n1', text)])])
    elements = store.load(board.id).elements
    assert elements['n1'].props['text'] == text
    store.save_snapshot(board.id, 1, elements)
    assert store.load(board.id).elements['n1'].props['text'] == text


def test_secret_is_made_once_and_kept(store_url, store):
    secret = store.secret()
    assert len(secret) >= 32
    again = Store(store_url)
    try:
        assert again.secret() == secret == store.secret()
    finally:
        again.close()


def test_a_second_store_on_the_same_database_sees_the_same_boards(store_url, store, board):
    store.append(board.id, LOG[:2])
    again = Store(store_url)
    try:
        assert again.get_board(board.id).seq == 2
        assert again.commits_since(board.id, 0) == LOG[:2]
    finally:
        again.close()


@pytest.mark.parametrize(('url', 'expected'), [
    ('postgresql://u@h/db', 'postgresql+psycopg://u@h/db'),
    ('postgres://u@h/db', 'postgresql+psycopg://u@h/db'),
    ('postgresql+psycopg://u@h/db', 'postgresql+psycopg://u@h/db'),
    ('sqlite:///board.sqlite3', 'sqlite:///board.sqlite3'),
])
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected
