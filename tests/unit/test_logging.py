"""Logging set up in one place: JSON lines on request, the board each line is about, and no person's words."""
from __future__ import annotations

import io
import json
import logging

import pytest

from app.logging_setup import BoardFromPath, LogFormat, configure
from board.hub import BoardHub
from board.identity import Actor, Role
from board.log_context import about_board
from board.store import Store

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.fixture
def json_lines(kept_logging) -> io.StringIO:
    stream = io.StringIO()
    configure(LogFormat.JSON, 'debug', stream)
    return stream


def test_a_json_line_names_the_board_it_is_about_and_only_then(json_lines: io.StringIO) -> None:
    with about_board('b0a4d'):
        logging.getLogger('board.hub').info('committed %d batches', 2)
    logging.getLogger('app.cutoff').warning('no board here')
    about, other = lines(json_lines)
    assert about == {'time': about['time'], 'level': 'info', 'logger': 'board.hub', 'message': 'committed 2 batches',
                     'board_id': 'b0a4d'}
    assert 'board_id' not in other and other['level'] == 'warning'
    assert about['time'].endswith('+00:00')


def test_an_exception_is_logged_by_type_and_place_never_by_its_message(json_lines: io.StringIO) -> None:
    goal, name = 'Elif gaat weer elke dag naar school.', DERYA.name
    try:
        try:
            raise KeyError(goal)
        except KeyError as cause:
            raise ValueError(name) from cause
    except ValueError:
        logging.getLogger('app.live_element').exception('could not take a %s message', 'push')
    [line] = lines(json_lines)
    assert line['message'] == 'could not take a push message'
    assert 'builtins.KeyError' in line['exception'] and 'builtins.ValueError' in line['exception']
    assert 'test_logging.py' in line['exception']
    assert 'Derya' not in json.dumps(line, ensure_ascii=False) and 'school' not in line['exception']


def test_text_lines_say_the_same(kept_logging) -> None:
    stream = io.StringIO()
    configure(LogFormat.TEXT, 'info', stream)
    with about_board('b0a4d'):
        logging.getLogger('app.family_data').info('board erased')
    assert stream.getvalue().rstrip().endswith('INFO app.family_data [board b0a4d]: board erased')


def test_the_level_is_for_planbords_own_lines_other_libraries_write_from_warning_up(kept_logging) -> None:
    stream = io.StringIO()
    configure(LogFormat.JSON, 'info', stream)
    logging.getLogger('board.hub').debug('not written')
    logging.getLogger('board.hub').info('written')
    logging.getLogger('alembic.runtime.migration').info('Running upgrade, not written')
    logging.getLogger('uvicorn.error').warning('written too')
    assert [line['message'] for line in lines(stream)] == ['written', 'written too']


async def test_the_hubs_commit_line_names_its_board(json_lines: io.StringIO, sqlite_store: Store) -> None:
    hub = BoardHub(sqlite_store, sqlite_store.load(sqlite_store.create_board('Familie Yılmaz-de Vries').id))
    session = hub.join(DERYA, lambda message: None)
    answer = await hub.push(session, 'c1', [{'op': 'create', 'id': 'note-1', 'type': 'note',
                                             'props': {'text': 'Noor slaapt slecht.'}}])
    assert answer['type'] == 'ack', answer
    committed = [line for line in lines(json_lines) if line['logger'] == 'board.hub']
    assert committed == [{**committed[0], 'message': 'committed seq 1 to 1', 'board_id': hub.board_id}]
    assert 'Noor' not in json_lines.getvalue() and 'Derya' not in json_lines.getvalue()


@pytest.mark.parametrize(('path', 'board_id'), [('/api/boards/b0a4d/live', 'b0a4d'), ('/board/b0a4d/plan', 'b0a4d'),
                                                ('/invite/b0a4d', 'b0a4d'), ('/api/health', None), ('/login', None)])
async def test_a_request_under_a_boards_path_names_that_board(json_lines: io.StringIO, path: str,
                                                              board_id: str | None) -> None:
    async def route(scope, receive, send) -> None:
        logging.getLogger('app.live_api').error('no font for the PDF')

    await BoardFromPath(route)({'type': 'websocket' if path.endswith('live') else 'http', 'path': path}, None, None)
    [line] = [line for line in lines(json_lines) if line['logger'] == 'app.live_api']
    assert line.get('board_id') == board_id
