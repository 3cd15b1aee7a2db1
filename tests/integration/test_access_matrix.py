"""Who sees what, on every channel: each person × each visibility × each way a board leaves the server.

One real server with the demo family. For each visibility there is a card (a strength, so it is in the plan PDF)
and a network person who gives practical help (so they are in the metrics' call list), each with a word of its
own. Then every person asks every channel for the board, and the word must be there exactly when the table below
(written out by hand, not computed with `board.access`) says they may see it — including the school case (a teacher
invited with her school's real name), the divorced-parents case (Derya manages the board and keeps something from
Bas, who lives elsewhere and is not "ons gezin"), a youth's card for the coordinator alone, and an invitee whose
consent reaches one topic only (the zone "Omgangsregeling").
"""
from __future__ import annotations

import asyncio
import io

import httpx
import pytest
import websockets
from pypdf import PdfReader

from board import tokens
from board.demo import create_demo_board
from board.hub import BoardHub
from board.identity import Actor, Consent, Role
from board.store import Store
from tests.server import running_server

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)  # manages the board
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)  # lives elsewhere, does not manage it
ELIF = Actor(id='fm-elif', name='Elif', role=Role.YOUTH)  # 14
NOOR = Actor(id='fm-noor', name='Noor', role=Role.CHILD)  # 6
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='Basisschool De Regenboog')
AYSE = Actor(id='np-ayse', name='Anneanne Ayşe', role=Role.NETWORK)
FEMKE = Actor(id='np-femke', name='Tante Femke', role=Role.NETWORK, consent=Consent(zones=('zone-omgang',)))
SCREEN = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)
ACTORS = (DERYA, BAS, ELIF, NOOR, JOLIEN, KARIM, AYSE, FEMKE, SCREEN)

VISIBILITIES = {  # keys are words of their own: none is part of another
    'Alle': {'scope': 'everyone'},
    'Gezin': {'scope': 'family'},
    'Coord': {'scope': 'family_coordinator'},
    'School': {'scope': 'named', 'names': ['fm-derya', 'org:school']},
    'Derya': {'scope': 'named', 'names': ['fm-derya', 'np-jolien']},  # kept from Bas, her ex
    'Jeugd': {'scope': 'named', 'names': ['fm-elif', 'coordinator']},  # Elif's, for the coordinator alone
    'Omgang': {'scope': 'everyone'},  # its card lies in the zone Omgangsregeling, the topic Femke may see
}
WRITER = {'Jeugd': ELIF}
"""Who makes the card and person of a visibility (Derya otherwise)."""
EVERYONE_AT_THE_TABLE = {a.id for a in ACTORS} - {'np-femke'}
SEES = {  # visibility → who may see its card
    'Alle': EVERYONE_AT_THE_TABLE,
    'Gezin': {'fm-derya', 'fm-elif', 'fm-noor'},
    'Coord': {'fm-derya', 'fm-elif', 'fm-noor', 'np-jolien'},
    'School': {'fm-derya', 'np-karim'},
    'Derya': {'fm-derya', 'np-jolien'},
    'Jeugd': {'fm-elif', 'np-jolien'},
    'Omgang': EVERYONE_AT_THE_TABLE | {'np-femke'},
}
SEES_PERSON = SEES | {'Omgang': EVERYONE_AT_THE_TABLE}
"""Who may see the person of a visibility: the same, but a person is not in a zone (Femke's topic holds cards)."""
OMGANG = {'op': 'create', 'id': 'zone-omgang', 'type': 'zone',
          'props': {'title': 'Omgangsregeling', 'x': 6000, 'y': 0, 'w': 600, 'h': 400}}
CHANNELS = ('websocket', 'export', 'pdf', 'board_page', 'plan_page', 'schema_page', 'metrics', 'history', 'search')


def card_word(key: str) -> str:
    return f'Kaart{key}woord'


def person_word(key: str) -> str:
    return f'Mens{key}naam'


async def _setup(store: Store) -> str:
    board_id = create_demo_board(store).id
    hub = BoardHub(store, store.load(board_id))
    ops: dict[Actor, list[dict]] = {DERYA: [OMGANG], ELIF: []}
    for key, visibility in VISIBILITIES.items():
        x = 6040 if key == 'Omgang' else 40
        ops[WRITER.get(key, DERYA)] += [
            {'op': 'create', 'id': f'card-{key}', 'type': 'note', 'visibility': visibility,
             'props': {'kind': 'strength', 'text': f'{card_word(key)} gaat goed', 'x': x, 'y': 40}},
            {'op': 'create', 'id': f'person-{key}', 'type': 'network_person', 'visibility': visibility,
             'props': {'name': person_word(key), 'ring': 2, 'sector': 'vrienden', 'practical': 'almost_always',
                       'phone': '06-11112222'}}]
    for writer, batch in ops.items():
        answer = await hub.push(hub.join(writer, lambda message: None), f'matrix-{writer.id}', batch)
        assert answer['type'] == 'ack', answer
    return board_id


@pytest.fixture(scope='module')
def world(tmp_path_factory: pytest.TempPathFactory):
    url = f"sqlite:///{tmp_path_factory.mktemp('matrix')}/board.sqlite3"
    store = Store(url)
    try:
        board_id = asyncio.run(_setup(store))
        with running_server(url) as server:
            yield server, board_id, store
    finally:
        store.close()


def _token(store: Store, board_id: str, actor: Actor) -> str:
    return tokens.issue(store, board_id, actor, ttl_seconds=3600)


async def _welcome(server: str, board_id: str, token: str) -> str:
    url = server.replace('http://', 'ws://') + f'/api/boards/{board_id}/live?token={token}'
    async with websockets.connect(url) as socket:
        return await asyncio.wait_for(socket.recv(), timeout=10)


def _pdf_text(content: bytes) -> str:
    return ' '.join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).replace('\n', ' ')


def what_each_channel_says(server: str, board_id: str, token: str) -> dict[str, str]:
    """Everything one person gets from the board, per channel, as text to look for words in."""
    api = f'{server}/api/boards/{board_id}'
    with httpx.Client(timeout=30, params={'token': token}, follow_redirects=True) as http:  # a page link, as a browser
        said = {
            'websocket': asyncio.run(_welcome(server, board_id, token)),
            'export': http.get(f'{api}/export').text,
            'pdf': _pdf_text(http.get(f'{api}/plan.pdf').content),
            'board_page': http.get(f'{server}/board/{board_id}').text,
            'plan_page': http.get(f'{server}/board/{board_id}/plan').text,
            'schema_page': http.get(f'{server}/board/{board_id}/schema').text,
            'metrics': _pdf_text(http.get(f'{api}/call-list.pdf').content),
            'search': http.get(f'{api}/search', params={'q': 'kaart', 'token': token}).text
            + http.get(f'{api}/search', params={'q': 'mens', 'token': token}).text,
        }
        history = []
        for key in VISIBILITIES:
            for element_id in (f'card-{key}', f'person-{key}'):
                response = http.get(f'{api}/elements/{element_id}/history')
                assert response.status_code in (200, 404), response.text
                history.append(response.text)
        said['history'] = '\n'.join(history)
    return said


@pytest.fixture(scope='module')
def seen(world) -> dict[str, dict[str, str]]:
    server, board_id, store = world
    return {actor.id: what_each_channel_says(server, board_id, _token(store, board_id, actor)) for actor in ACTORS}


WORDS_PER_CHANNEL = {  # which words a channel carries at all: the people are not cards, the cards not people
    'websocket': (card_word, person_word), 'export': (card_word, person_word), 'pdf': (card_word, person_word),
    'board_page': (card_word, person_word), 'plan_page': (person_word,), 'schema_page': (person_word,),
    'metrics': (person_word,), 'history': (card_word, person_word), 'search': (card_word, person_word),
}


@pytest.mark.parametrize('channel', CHANNELS)
@pytest.mark.parametrize('actor', ACTORS, ids=lambda a: a.id)
def test_each_person_gets_exactly_what_they_may_see_on_each_channel(seen, actor: Actor, channel: str) -> None:
    text = seen[actor.id][channel]
    for key in VISIBILITIES:
        for word in WORDS_PER_CHANNEL[channel]:
            expected = actor.id in (SEES if word is card_word else SEES_PERSON)[key]
            assert (word(key) in text) == expected, \
                f"{actor.id} {'should' if expected else 'must not'} see {word(key)} on {channel}"


def test_the_channels_really_carry_the_board(seen) -> None:
    """A channel that showed nothing at all would pass the matrix: Derya sees all her words everywhere."""
    derya = seen['fm-derya']
    assert all(card_word('Alle') in derya[c] for c in CHANNELS if card_word in WORDS_PER_CHANNEL[c])
    assert all(person_word('Derya') in derya[c] for c in CHANNELS)


def test_a_hidden_card_is_refused_alike_as_a_card_that_never_was(world) -> None:
    server, board_id, store = world
    token = _token(store, board_id, KARIM)
    api = f'{server}/api/boards/{board_id}'
    hidden = httpx.get(f'{api}/elements/card-Gezin/history', params={'token': token})
    missing = httpx.get(f'{api}/elements/card-nooit/history', params={'token': token})
    assert (hidden.status_code, hidden.text) == (missing.status_code, missing.text) == (404, '{"detail":"not_found"}')
