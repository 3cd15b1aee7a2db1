"""Everything in one zip (GET /api/boards/{id}/everything.zip?token=) and CSRF refusal, from a real server."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator

import httpx
import pytest

from board import tokens
from board.demo import create_demo_board
from board.identity import Actor, Role
from board.store import CommitRecord, Store
from tests.server import running_server

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
PRIVATE = 'note-bas-schulden'


@pytest.fixture(scope='module')
def server(tmp_path_factory: pytest.TempPathFactory):
    with running_server(f"sqlite:///{tmp_path_factory.mktemp('data')}/board.sqlite3") as server:
        yield server


@pytest.fixture(scope='module')
def board(server) -> Iterator[tuple[str, Store]]:
    """A demo board and the server's store (to issue tokens in)."""
    store = Store(server.database_url)
    try:
        yield create_demo_board(store).id, store
    finally:
        store.close()


def get(server, board: tuple[str, Store], actor: Actor | None, path: str = 'everything.zip') -> httpx.Response:
    board_id, store = board
    token = tokens.issue(store, board_id, actor, ttl_seconds=600) if actor else 'nep.nep'
    return httpx.get(f'{server}/api/boards/{board_id}/{path}', params={'token': token}, timeout=30)


def test_a_parent_who_manages_the_board_downloads_everything_in_one_zip(server, board) -> None:
    get(server, board, KARIM, 'plan.pdf')  # something for the log
    response = get(server, board, DERYA)
    assert response.status_code == 200, response.text
    assert response.headers['content-type'] == 'application/zip'
    assert response.headers['content-disposition'].startswith('attachment; filename="gegevens-yilmaz-de-vries-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {'bord.json', 'gezinsplan.pdf', 'logboek.csv'} <= set(archive.namelist())
    saved = json.loads(archive.read('bord.json'))
    assert PRIVATE not in {e['id'] for e in saved['elements']}  # Bas's own note stays his
    assert archive.read('gezinsplan.pdf').startswith(b'%PDF')
    log = list(csv.reader(io.StringIO(archive.read('logboek.csv').decode()), delimiter=';'))
    assert log[0] == ['datum', 'tijd', 'wie', 'wat']
    assert any(row[3].startswith('Meester Karim heeft het plan als PDF gedownload op') for row in log[1:])
    again = zipfile.ZipFile(io.BytesIO(get(server, board, DERYA).content))
    log = archive.read('logboek.csv').decode(), again.read('logboek.csv').decode()
    assert 'Derya Yılmaz heeft alle gegevens van het gezin gedownload' in log[1]  # the download is in the log


def test_a_parent_who_does_not_manage_the_board_downloads_nothing_whole(server, board) -> None:
    bas = get(server, board, BAS)
    assert (bas.status_code, bas.json()) == (403, {'detail': 'not_allowed'})


def test_the_school_and_a_bad_token_get_nothing(server, board) -> None:
    school = get(server, board, KARIM)
    assert (school.status_code, school.json()) == (403, {'detail': 'not_allowed'})
    forged = get(server, board, None)
    assert (forged.status_code, forged.json()) == (401, {'detail': 'token_tampered'})


def test_a_state_change_from_another_site_is_refused(server) -> None:
    url = f'{server}/api/health'
    assert httpx.post(url, headers={'Origin': 'https://evil.example'}).json() == {'detail': 'csrf_origin'}
    assert httpx.post(url, headers={'Referer': 'https://evil.example/page'}).status_code == 403
    assert httpx.post(url, headers={'Cookie': 'session=1'}).status_code == 403  # a browser, but from where?
    host = url.split('/')[2]
    assert httpx.post(url, headers={'Origin': f'http://{host}'}).status_code == 405  # ours: on to the route
    assert httpx.post(url).status_code == 405  # no browser: an API client with its token
    assert httpx.get(url, headers={'Origin': 'https://evil.example'}).status_code == 200  # reading changes nothing


def test_a_broken_photo_stored_by_an_older_version_does_not_break_the_download(server) -> None:
    store = Store(server.database_url)
    try:
        board_id = create_demo_board(store).id
        seq = store.load(board_id).seq
        store.append(board_id, [CommitRecord(seq=seq + 1, actor_id='fm-derya', at='2026-12-01T10:00:00+00:00', ops=[
            {'op': 'update', 'id': 'fm-elif', 'props': {'photo': 'data:image/jpeg;base64,A'}}])])
        derya = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)  # she manages the board
        response = get(server, (board_id, store), derya)
    finally:
        store.close()
    assert response.status_code == 200, response.text
    assert 'fotos/Elif.jpg' not in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
