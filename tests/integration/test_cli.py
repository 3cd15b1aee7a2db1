"""The `planbord` command as a user runs it: the installed console script in a subprocess, SQLite in tmp_path."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from board import boardfile, tokens
from board.demo import demo_batches
from board.store import Store

PLANBORD = Path(sys.executable).parent / 'planbord'
ROOT = Path(__file__).resolve().parents[2]


def planbord(*args: str, database: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = os.environ | {'COLUMNS': '200', 'NO_COLOR': '1'}
    env.pop('PLANBORD_DATABASE_URL', None)
    command = [str(PLANBORD), *args] + (['--database-url', f'sqlite:///{database}'] if database else [])
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope='module')
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for the module: tests only add boards to it, and compare what they add."""
    return tmp_path_factory.mktemp('cli') / 'board.sqlite3'


@pytest.fixture(scope='module')
def demo(database: Path) -> str:
    return planbord('demo', database=database).stdout.strip()


def boards(database: Path) -> str:
    """What `planbord boards` prints, read in this process (a subprocess per check makes the tests slow)."""
    store = Store(f'sqlite:///{database}')
    try:
        return ''.join(f'{b.id}\t{b.seq}\t{b.name}\n' for b in store.list_boards())
    finally:
        store.close()


def test_help_lists_every_command() -> None:
    out = planbord('--help').stdout
    for command in ('serve', 'demo', 'export', 'import', 'token', 'boards', 'pdf', 'metrics', 'network'):
        assert f' {command} ' in out, out


def test_demo_prints_the_id_of_a_new_board(tmp_path: Path) -> None:
    database = tmp_path / 'demo.sqlite3'
    demo = planbord('demo', database=database).stdout.strip()
    assert len(demo.split()) == 1 and len(demo) >= 8
    listed = f'{demo}\t{len(demo_batches())}\tFamilie Yılmaz-de Vries\n'
    assert planbord('boards', database=database).stdout == listed
    assert boards(database) == listed


def test_export_prints_the_board_as_json(database: Path, demo: str) -> None:
    board = json.loads(planbord('export', demo, database=database).stdout)
    assert board['format'] == 'planbord.board' and board['version'] == 1
    assert board['board']['id'] == demo and board['seq'] == len(demo_batches())
    store = Store(f'sqlite:///{database}')
    try:
        assert [e['id'] for e in board['elements']] == sorted(store.load(demo).elements)
    finally:
        store.close()


def test_export_import_export_is_identical_apart_from_the_id(tmp_path: Path, database: Path, demo: str) -> None:
    exported = planbord('export', demo, database=database).stdout
    file = tmp_path / 'board.json'
    file.write_text(exported, encoding='utf-8')
    assert planbord('import', str(file), '--new-id', 'kopie-1', database=database).stdout == 'kopie-1\n'
    copy = json.loads(planbord('export', 'kopie-1', database=database).stdout)
    assert copy['board']['id'] == 'kopie-1'
    copy['board']['id'] = demo
    assert copy == json.loads(exported)
    fresh = tmp_path / 'fresh.sqlite3'
    assert planbord('import', str(file), database=fresh).stdout == f'{demo}\n'
    assert planbord('export', demo, database=fresh).stdout == exported  # byte for byte


def _broken_files() -> dict[str, str]:
    board = boardfile.BoardFile(board={'id': 'b1', 'name': 'Bord', 'created_at': '2026-01-01T00:00:00+00:00'},
                                seq=1, elements=[]).model_dump(mode='json')
    goal = {'id': 'goal-long', 'type': 'goal', 'props': {'text': 'g' * 3000, 'x': 0, 'y': 0}}
    tie = {'id': 'tie-1', 'type': 'tie', 'props': {'a': 'p1', 'b': 'p1'}}
    return {
        'not JSON': '{"format": "planbord.board", "board": ',
        'empty': '',
        'another format': json.dumps(board | {'format': 'trello.board'}),
        'unknown field': json.dumps(board | {'owner': 'me'}),
        'bad board id': json.dumps(board | {'board': board['board'] | {'id': '../etc'}}),
        'a deleted element': json.dumps(board | {'elements': [goal | {'props': {'text': 'kort'}, 'deleted': True}]}),
        'an id twice': json.dumps(board | {'elements': [goal | {'props': {'text': 'kort'}}] * 2}),
        '3,000-character goal text': json.dumps(board | {'elements': [goal]}),
        'a tie to itself': json.dumps(board | {'elements': [tie]}),
    }


@pytest.mark.parametrize('text', _broken_files().values(), ids=_broken_files().keys())
def test_import_of_a_broken_file_fails_clearly_and_stores_nothing(tmp_path: Path, database: Path, demo: str,
                                                                   text: str) -> None:
    before = boards(database)
    file = tmp_path / 'broken.json'
    file.write_text(text, encoding='utf-8')
    result = planbord('import', str(file), database=database, check=False)
    assert result.returncode == 1
    assert boards(database) == before
    assert result.stderr.startswith('planbord: ') and 'Traceback' not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ''


def test_import_of_a_missing_file_or_a_taken_id_fails(tmp_path: Path, database: Path, demo: str) -> None:
    before = boards(database)
    result = planbord('import', str(tmp_path / 'nope.json'), database=database, check=False)
    assert (result.returncode, result.stderr.split(':')[0]) == (1, 'planbord')
    assert 'cannot read' in result.stderr
    file = tmp_path / 'board.json'
    file.write_text(planbord('export', demo, database=database).stdout, encoding='utf-8')
    result = planbord('import', str(file), database=database, check=False)
    assert result.returncode == 1 and f'a board with id {demo} exists already' in result.stderr
    assert boards(database) == before


def test_import_refuses_a_new_id_that_is_not_a_valid_id(tmp_path: Path, database: Path, demo: str) -> None:
    before = boards(database)
    file = tmp_path / 'board.json'
    file.write_text(planbord('export', demo, database=database).stdout, encoding='utf-8')
    result = planbord('import', str(file), '--new-id', 'bad id/..', database=database, check=False)
    assert result.returncode == 1 and result.stderr.startswith('planbord: ')
    assert boards(database) == before


def test_export_of_an_unknown_board_fails(database: Path, demo: str) -> None:
    result = planbord('export', 'no-such-board', database=database, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (1, '', 'planbord: no board with id no-such-board\n')


def test_token_names_the_person_on_the_board(database: Path, demo: str) -> None:
    token = planbord('token', demo, '--name', 'Meester Karim', '--role', 'professional', '--organisation', 'school',
                     database=database).stdout.strip()
    store = Store(f'sqlite:///{database}')
    actor = tokens.verify(store, token, demo)
    assert (actor.id, actor.name, actor.role, actor.organisation) == ('meester-karim', 'Meester Karim',
                                                                      'professional', 'school')
    result = planbord('token', 'no-such-board', '--name', 'X', database=database, check=False)
    assert result.returncode == 1 and result.stderr == 'planbord: no board with id no-such-board\n'
    assert planbord('revoke', demo, token, database=database).stdout == 'revoked\n'
    with pytest.raises(tokens.TokenError, match='revoked'):
        tokens.verify(store, token, demo)
    result = planbord('revoke', demo, token[:-3] + 'abc', database=database, check=False)
    assert result.returncode == 1 and result.stderr == 'planbord: not a token of this server (tampered)\n'
    store.close()


def test_the_documented_json_schema_is_the_one_the_code_makes() -> None:
    documented = json.loads((ROOT / 'docs' / 'board-format.schema.json').read_text(encoding='utf-8'))
    assert documented == boardfile.json_schema(), 'regenerate docs/board-format.schema.json from json_schema()'
