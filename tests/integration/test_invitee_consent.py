"""Invitees see exactly what the family consented to, on every channel and live (board/invitations.py, board/access.py).

Meester Karim is invited, with an account, for one goal: 'Mees speelt weer voetbal.' Through a real server he gets
that goal, its agreement and the people named on them (Mees, Trainer Ruud, Ilse) and himself — nothing else: not the
family's details, not the other goals, not the notes for everyone — on the live API welcome, the export, the plan PDF
and the plan page. Tante Femke is invited for the topic "Omgangsregeling": she sees the cards in that zone, and a
card dragged into it reaches her at once (the hub resends every session that has a consent on every commit).
"""
from __future__ import annotations

import asyncio
import io
import json

import httpx
import pytest
import websockets
from pypdf import PdfReader

from board import accounts, invitations, tokens
from board.demo import create_demo_board
from board.hub import BoardHub
from board.identity import Actor, Consent, Role
from board.store import Store
from tests.server import running_server
from tests.unit.hub_client import Client, create, update

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
KARIM_SEES = {'goal-4', 'agr-4', 'fm-mees', 'np-ruud', 'np-ilse', 'np-karim'}
"""Goal 4, its agreement (Ilse brings Mees to training), Mees (its owner), Ruud and Ilse (its supporters), himself."""
ZONE = create('zone-omgang', 'zone', title='Omgangsregeling', kind='free', x=2000, y=1200, w=600, h=400)
IN_ZONE = [
    create('note-omgang', 'note', visibility={'scope': 'everyone'}, kind='note',
           text='Omgangwoord: de kinderen zijn om het weekend bij Bas.', x=2050, y=1250),
    create('note-omgang-gezin', 'note', kind='worry', text='Alleen voor ons gezin en Jolien.', x=2050, y=1450),
    create('agr-omgang', 'agreement', who='Bas', who_ids=['fm-bas'],
           text='Bas haalt de kinderen op zaterdag om 10 uur.', x=2300, y=1250),
]
ELSEWHERE = create('note-iedereen', 'note', visibility={'scope': 'everyone'}, kind='note',
                   text='Iedereenwoord: voor iedereen aan tafel.', x=100, y=1500)


async def _family_writes(store: Store, board_id: str) -> None:
    hub = BoardHub(store, store.load(board_id))
    await Client(hub, DERYA).ok(ZONE, *IN_ZONE, ELSEWHERE)


def _karim(store: Store, board_id: str) -> Actor:
    """Invited by Derya for the football goal, accepted with his account: who he is on the board."""
    rights = BoardHub(store, store.load(board_id)).rights
    account = accounts.create_account(store, 'karim@deregenboog.example.nl', 'Meester Karim', 'een-lang-wachtwoord')
    _, link = invitations.invite(store, board_id, DERYA, role=Role.PROFESSIONAL, name='Meester Karim',
                                 organisation='Basisschool De Regenboog', network_person='np-karim',
                                 consent=Consent(goals=('goal-4',)), rights=rights)
    invitations.accept(store, board_id, link, account_id=account.id)
    return accounts.actor_on(store, account.id, board_id)


@pytest.fixture(scope='module')
def karim_world(tmp_path_factory: pytest.TempPathFactory):
    url = f"sqlite:///{tmp_path_factory.mktemp('consent')}/board.sqlite3"
    store = Store(url)
    try:
        board_id = create_demo_board(store).id
        asyncio.run(_family_writes(store, board_id))
        karim = _karim(store, board_id)
        token = tokens.issue(store, board_id, karim, ttl_seconds=3600)
    finally:
        store.close()
    with running_server(url) as server:
        yield server, board_id, token


async def _welcome(server: str, board_id: str, token: str) -> dict:
    url = server.replace('http://', 'ws://') + f'/api/boards/{board_id}/live?token={token}'
    async with websockets.connect(url) as socket:
        return json.loads(await asyncio.wait_for(socket.recv(), timeout=10))


def test_karim_gets_exactly_the_football_goal_and_its_people_on_the_live_api_and_the_export(karim_world) -> None:
    server, board_id, token = karim_world
    welcome = asyncio.run(_welcome(server, board_id, token))
    assert {e['id'] for e in welcome['elements']} == KARIM_SEES
    export = httpx.get(f'{server}/api/boards/{board_id}/export', params={'token': token}, timeout=30)
    assert export.status_code == 200
    assert {e['id'] for e in export.json()['elements']} == KARIM_SEES


def test_karim_s_plan_pdf_and_pages_hold_only_the_football_goal(karim_world) -> None:
    server, board_id, token = karim_world
    pdf = httpx.get(f'{server}/api/boards/{board_id}/plan.pdf', params={'token': token}, timeout=60)
    assert pdf.status_code == 200, pdf.text
    text = ' '.join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).replace('\n', ' ')
    pages = [httpx.get(f'{server}/board/{board_id}{face}', params={'token': token}, timeout=30, follow_redirects=True)
             for face in ('', '/plan', '/schema')]  # a link, as a browser follows it to the clean URL
    assert [page.status_code for page in pages] == [200, 200, 200]
    for said in (text, *(page.text for page in pages)):
        assert 'Ilse' in said
        for hidden in ('Elif gaat weer elke dag naar school', 'overzicht over ons geld', 'Lindelaan',
                       'Derya is warm', 'Iedereenwoord', 'Omgangwoord', 'Tom Hendriks'):
            assert hidden not in said, hidden
    assert 'Mees speelt weer voetbal' in text and 'Trainer Ruud' in text


async def test_femke_sees_the_topic_she_was_invited_for_and_a_card_dragged_into_it_at_once(sqlite_store) -> None:
    board_id = create_demo_board(sqlite_store).id
    hub = BoardHub(sqlite_store, sqlite_store.load(board_id))
    derya = Client(hub, DERYA)
    await derya.ok(ZONE, *IN_ZONE, ELSEWHERE)
    _, link = invitations.invite(sqlite_store, board_id, DERYA, role=Role.NETWORK,
                                 name='Tante Femke', network_person='np-femke', consent=Consent(zones=('zone-omgang',)),
                                 rights=hub.rights)
    _, (device, _) = invitations.accept(sqlite_store, board_id, link)
    femke = Client(hub, device.actor)
    welcome = femke.messages[0]
    assert welcome['type'] == 'welcome'
    # the zone, the cards in it she may see (not the family's own note there), Bas (named on the agreement),
    # herself and the line between them on the schema
    assert {e['id'] for e in welcome['elements']} == {'zone-omgang', 'note-omgang', 'agr-omgang', 'fm-bas',
                                                     'np-femke', 'tie-2'}

    femke.messages.clear()
    await derya.ok(update('note-iedereen', x=2100, y=1400))  # dragged into the zone
    puts = [c['element']['id'] for m in femke.messages if m['type'] == 'catchup' for c in m['changes']
            if c['kind'] == 'put']
    assert puts == ['note-iedereen']

    femke.messages.clear()
    await derya.ok(update('note-iedereen', x=100, y=1500))  # and out again
    removes = [c['id'] for m in femke.messages if m['type'] == 'catchup' for c in m['changes'] if c['kind'] == 'remove']
    assert removes == ['note-iedereen']
    assert 'goal-4' not in {e.id for e in hub.visible_elements(device.actor)}
