"""GET /api/boards/{id}/plan.pdf?token=…: the gezinsplan as PDF for the token's holder, from a real server."""
from __future__ import annotations

import io

import httpx
import pytest
from pypdf import PdfReader

from board import tokens
from board.demo import create_demo_board
from board.identity import Actor, Role
from board.store import Store
from tests.server import running_server

BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
PRIVATE = 'Bas heeft een eigen schuldhulpverlener'


@pytest.fixture(scope='module')
def server(tmp_path_factory: pytest.TempPathFactory):
    with running_server(f"sqlite:///{tmp_path_factory.mktemp('pdf')}/board.sqlite3") as server:
        yield server


@pytest.fixture(scope='module')
def store(server):
    """The server's database, to make boards and issue tokens in."""
    store = Store(server.database_url)
    yield store
    store.close()


def test_the_plan_pdf_holds_only_what_the_reader_may_see(server, store: Store) -> None:
    board_id = create_demo_board(store).id
    texts = {}
    for actor in (BAS, KARIM):
        response = httpx.get(f'{server}/api/boards/{board_id}/plan.pdf',
                             params={'token': tokens.issue(store, board_id, actor, ttl_seconds=600)}, timeout=30)
        assert response.status_code == 200, response.text
        assert response.headers['content-type'] == 'application/pdf'
        disposition = response.headers['content-disposition']
        assert disposition.startswith('attachment; filename="gezinsplan-yilmaz-de-vries-') and disposition.isascii()
        reader = PdfReader(io.BytesIO(response.content))
        texts[actor.id] = ' '.join(' '.join(p.extract_text() for p in reader.pages).split())
    assert PRIVATE in texts[BAS.id]
    assert PRIVATE not in texts[KARIM.id] and 'Doelen' in texts[KARIM.id]


def test_the_plan_pdf_needs_a_valid_token(server, store: Store) -> None:
    board_id = store.list_boards()[-1].id
    assert httpx.get(f'{server}/api/boards/{board_id}/plan.pdf', params={'token': 'nep'}).status_code == 401


def test_the_call_list_pdf_is_one_page_for_the_token_holder_and_refuses_a_bad_token(server, store: Store) -> None:
    board_id = store.list_boards()[-1].id
    other_board = create_demo_board(store).id
    url = f'{server}/api/boards/{board_id}/call-list.pdf'
    response = httpx.get(url, params={'token': tokens.issue(store, board_id, BAS, ttl_seconds=600)}, timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers['content-type'] == 'application/pdf'
    assert response.headers['content-disposition'].startswith('attachment; filename="bellijst-yilmaz-de-vries-')
    reader = PdfReader(io.BytesIO(response.content))
    text = ' '.join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1 and 'Bij wie kunnen wij terecht?' in text and 'Anneanne Ayşe' in text
    for token, code in (('nep', 'token_malformed'), ('', 'token_malformed'),
                        (tokens.issue(store, other_board, BAS, ttl_seconds=600), 'token_wrong_board')):
        refused = httpx.get(url, params={'token': token}, timeout=30)
        assert (refused.status_code, refused.json()) == (401, {'detail': code}), token
    gone = tokens.issue(store, 'no-such-board', BAS, ttl_seconds=600)
    missing = httpx.get(f'{server}/api/boards/no-such-board/call-list.pdf', params={'token': gone}, timeout=30)
    assert (missing.status_code, missing.json()) == (404, {'detail': 'board_not_found'})
