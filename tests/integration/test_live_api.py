"""The live API (docs/live-api.md) against a real `planbord serve` subprocess, over real WebSockets.

One server per module. Each test gets a fresh demo board (made in the same database while the server
runs), except the tests about the demo board the first start creates.
"""
from __future__ import annotations

import asyncio
import base64
import io
import json
import signal
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from PIL import Image
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from board import layout, revoked, tokens
from board.demo import create_demo_board
from board.identity import Actor, Role
from board.photos import PREFIX
from board.protocol import MAX_MESSAGE_BYTES
from board.store import Store
from tests.server import Server, running_server
from tests.unit.test_photos import as_data_url, phone_photo

PRIVATE_NOTE = 'note-bas-schulden'
"""Visible to fm-bas and np-jolien only."""

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
TIMEOUT = 5.0


@pytest.fixture(scope='module')
def server(tmp_path_factory: pytest.TempPathFactory) -> Server:
    with running_server(f"sqlite:///{tmp_path_factory.mktemp('live')}/board.sqlite3") as server:
        yield server


@pytest.fixture(scope='module')
def store(server: Server) -> Store:
    store = Store(server.database_url)
    yield store
    store.close()


@pytest.fixture(scope='module')
def first_board(store: Store) -> str:
    """The demo board the server made on its first start (the only board until a test makes another)."""
    return store.list_boards()[-1].id


def live_ids(store: Store, board_id: str) -> set[str]:
    """The ids of everything on a board now (a new plan's parts get random ids, the demo's too)."""
    return {id_ for id_, e in store.load(board_id).elements.items() if not e.deleted}


@pytest.fixture
def board_id(store: Store) -> str:
    """A fresh demo board for this test alone."""
    return create_demo_board(store).id


@pytest.fixture(scope='module')
def issue(store: Store) -> Callable[..., str]:
    def issue(board_id: str, actor: Actor = DERYA, ttl_seconds: int = 3600) -> str:
        return tokens.issue(store, board_id, actor, ttl_seconds=ttl_seconds)
    return issue


class Client:
    """One WebSocket connection; `welcome` is its first message. Presence messages are skipped throughout."""

    def __init__(self, ws: ClientConnection, welcome: dict[str, Any]) -> None:
        self.ws, self.welcome = ws, welcome

    async def send(self, message: dict[str, Any] | str) -> None:
        await self.ws.send(message if isinstance(message, str) else json.dumps(message))

    async def next(self) -> dict[str, Any]:
        while (message := json.loads(await asyncio.wait_for(self.ws.recv(), TIMEOUT)))['type'] == 'presence':
            pass
        return message

    async def push(self, ops: list[dict[str, Any]], cid: str | None = None) -> tuple[dict[str, Any], list[dict]]:
        """Send a batch; its ``ack`` or ``reject``, and what came before it (our own ``commit``)."""
        cid = cid or uuid.uuid4().hex
        await self.send({'type': 'push', 'cid': cid, 'ops': ops})
        before = []
        while (message := await self.next())['type'] not in {'ack', 'reject'}:
            before.append(message)
        assert message['cid'] == cid
        return message, before

    async def until_pong(self) -> list[dict[str, Any]]:
        """Everything (but presence) the server sent before answering a ping now: the server handles one
        connection's messages in order and queues per connection in order, so nothing pending is missed."""
        await self.send({'type': 'ping'})
        received = []
        while (message := await self.next())['type'] != 'pong':
            received.append(message)
        return received


@pytest.fixture
def client(server: Server, issue: Callable[..., str]):
    @asynccontextmanager
    async def client(board_id: str, actor: Actor = DERYA) -> AsyncIterator[Client]:
        async with connect(f'{server.ws_url}/api/boards/{board_id}/live?token={issue(board_id, actor)}',
                           max_size=None) as ws:
            welcome = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
            assert welcome['type'] == 'welcome', welcome
            yield Client(ws, welcome)
    return client


@pytest.fixture
def welcome(client):
    async def welcome(board_id: str, actor: Actor = DERYA) -> dict[str, Any]:
        async with client(board_id, actor) as fresh:
            return fresh.welcome
    return welcome


def note(id_: str, x: float = 10, text: str = 'Een briefje', visibility: str | None = None) -> dict[str, Any]:
    return {'op': 'create', 'id': id_, 'type': 'note', 'props': {'kind': 'idea', 'text': text, 'x': x, 'y': 20}} \
        | ({'visibility': {'scope': visibility}} if visibility else {})


def element(welcome: dict[str, Any], id_: str) -> dict[str, Any] | None:
    return next((e for e in welcome['elements'] if e['id'] == id_), None)


# connecting

async def test_welcome_lists_the_first_start_demo_board(client, store: Store, first_board: str) -> None:
    async with client(first_board, BAS) as bas:
        welcome = bas.welcome
    assert welcome['protocol'] == 1 and welcome['board']['id'] == first_board and welcome['seq'] >= 1
    assert welcome['you']['id'] == 'fm-bas' and welcome['you']['role'] == 'parent'
    assert {e['id'] for e in welcome['elements']} == live_ids(store, first_board)
    assert {'deleted', 'seq'}.isdisjoint(welcome['elements'][0])


async def test_a_named_private_note_reaches_only_the_people_named(client, store: Store, first_board: str) -> None:
    async with client(first_board, KARIM) as karim, client(first_board, BAS) as bas:
        assert {e['id'] for e in karim.welcome['elements']} == live_ids(store, first_board) - {PRIVATE_NOTE}
        assert PRIVATE_NOTE not in json.dumps(karim.welcome)
        assert element(bas.welcome, PRIVATE_NOTE)['props']['text'].startswith('Bas heeft')


# pushing

async def test_a_create_is_acknowledged_and_reaches_the_other_client(client, board_id: str) -> None:
    async with client(board_id) as derya, client(board_id, KARIM) as karim:
        shared = note('n-new') | {'visibility': {'scope': 'everyone'}}  # a parent's note is the family's by default
        answer, own = await derya.push([shared], cid='c-1')
        assert answer == {'type': 'ack', 'cid': 'c-1', 'seq': derya.welcome['seq'] + 1}
        commit = await karim.next()
        assert commit['type'] == 'commit' and commit['seq'] == answer['seq'] and commit['by'] == 'fm-derya'
        [change] = commit['changes']
        assert change['kind'] == 'put' and change['element']['id'] == 'n-new'
        assert change['element']['props']['text'] == 'Een briefje' and change['element']['version'] == 1
        assert own == [commit]


async def test_a_card_made_without_a_place_gets_a_free_one_from_the_server(client, store: Store,
                                                                          board_id: str) -> None:
    async with client(board_id) as derya:
        goal = {'op': 'create', 'id': 'goal-new', 'type': 'goal',
                'props': {'text': 'Samen koken.', 'owners': ['fm-mees']}}
        answer, own = await derya.push([goal, {'op': 'create', 'id': 'agr-new', 'type': 'agreement',
                                               'props': {'text': 'Boodschappen doen.', 'goal_id': 'goal-new'}}])
        assert answer['type'] == 'ack'
        placed = {c['element']['id']: c['element']['props'] for c in own[0]['changes']}
    board = store.load(board_id).elements  # what Derya cannot see (Bas's own note) counts too
    for new_id in placed:
        spot = layout.box(board[new_id])
        assert spot[:2] == (placed[new_id]['x'], placed[new_id]['y'])
        assert not any(layout.overlap(spot, layout.box(e), layout.GAP) for e in board.values()
                       if (layout.drawn(e) and e.id != new_id) or e.type == 'zone')
    assert placed['agr-new']['x'] == placed['goal-new']['x'] and placed['agr-new']['y'] > placed['goal-new']['y']


async def test_a_drag_stream_arrives_in_order_and_ends_where_both_see_it(client, welcome, board_id: str) -> None:
    async with client(board_id) as derya, client(board_id, BAS) as bas:
        await derya.push([note('n-drag', x=0, visibility='everyone')])
        await bas.next()
        for step in range(1, 31):  # sent back to back, as a finger drags
            await derya.send({'type': 'push', 'cid': f'drag-{step}',
                              'ops': [{'op': 'update', 'id': 'n-drag', 'props': {'x': step * 7.5, 'y': step}}]})
        acks = [m for m in [await derya.next() for _ in range(60)] if m['type'] == 'ack']
        commits = [await bas.next() for _ in range(30)]
        assert [a['cid'] for a in acks] == [f'drag-{step}' for step in range(1, 31)]
        assert [c['seq'] for c in commits] == [a['seq'] for a in acks] == sorted({a['seq'] for a in acks})
        assert [c['changes'][0]['props'] for c in commits] == [{'x': s * 7.5, 'y': float(s)} for s in range(1, 31)]
        assert commits[-1]['changes'][0]['version'] == 31
        assert await derya.until_pong() == [] and await bas.until_pong() == []
    for actor in (DERYA, BAS):
        props = element(await welcome(board_id, actor), 'n-drag')['props']
        assert (props['x'], props['y']) == (225.0, 30.0)


# bad input: an answer for the sender, nothing stored, nothing for anyone else

def _push(*ops: dict[str, Any]) -> str:
    return json.dumps({'type': 'push', 'cid': 'bad', 'ops': list(ops)}, ensure_ascii=False)


BAD_INPUT = {
    'not JSON': ('{"type": "push", "cid": ', 'error', {'code': 'invalid_message'}),
    'unknown message type': (json.dumps({'type': 'teleport', 'to': 'mars'}), 'error', {'code': 'invalid_message'}),
    'JSON but not an object': ('[1, 2, 3]', 'error', {'code': 'invalid_message'}),
    'cid too long': (json.dumps({'type': 'push', 'cid': 'c' * 65, 'ops': [note('n-x')]}), 'error',
                     {'code': 'invalid_message'}),
    'unknown element type': (_push({'op': 'create', 'id': 'ufo', 'type': 'spaceship', 'props': {}}), 'reject',
                             {'code': 'unknown_type', 'index': 0}),
    'unknown op': (_push({'op': 'explode', 'id': 'goal-1'}), 'reject', {'code': 'invalid_operation'}),
    'empty batch': (_push(), 'reject', {'code': 'invalid_operation'}),
    'batch too large': (_push(*[note(f'n-{i}') for i in range(201)]), 'reject', {'code': 'batch_too_large'}),
    '3,000-character goal text': (
        _push(note('n-ok'), {'op': 'create', 'id': 'goal-long', 'type': 'goal', 'props': {'text': 'g' * 3000}}),
        'reject', {'code': 'invalid_props', 'index': 1, 'id': 'goal-long',
                   'fields': [{'field': 'text', 'problem': 'too_long', 'max': 2000}]}),
    'end before start': (_push({'op': 'update', 'id': 'goal-1', 'props': {'planned_end': '2020-01-01'}}), 'reject',
                         {'code': 'invalid_props', 'index': 0, 'id': 'goal-1',
                          'fields': [{'field': 'planned_end', 'problem': 'end_before_start'}]}),
    'unknown prop': (_push({'op': 'update', 'id': 'goal-1', 'props': {'colour': 'red'}}), 'reject',
                     {'code': 'invalid_props', 'fields': [{'field': 'colour', 'problem': 'unknown_field'}]}),
    "another board's element": (_push({'op': 'update', 'id': 'other-board-note', 'props': {'x': 1}}), 'reject',
                                {'code': 'not_found', 'index': 0, 'id': 'other-board-note'}),
    'delete of a missing id': (_push({'op': 'delete', 'id': 'nothing-here'}), 'reject', {'code': 'not_found'}),
    'create of an existing id': (_push(note('goal-1')), 'reject', {'code': 'exists'}),
    'tie to nobody': (_push({'op': 'create', 'id': 'tie-x', 'type': 'tie', 'props': {'a': 'fm-bas', 'b': 'ghost'}}),
                      'reject', {'code': 'bad_reference'}),
    'over 512 KiB': (_push(note('n-big', text='x' * (MAX_MESSAGE_BYTES + 1))), 'error', {'code': 'message_too_large'}),
}


@pytest.mark.parametrize('text, kind, error', BAD_INPUT.values(), ids=BAD_INPUT.keys())
async def test_bad_input_is_answered_and_changes_nothing(client, welcome, store: Store, board_id: str, text: str,
                                                         kind: str, error: dict[str, Any]) -> None:
    other_board = create_demo_board(store).id
    async with client(other_board) as elsewhere:
        assert (await elsewhere.push([note('other-board-note')]))[0]['type'] == 'ack'
    async with client(board_id) as derya, client(board_id, BAS) as bas:
        seq = derya.welcome['seq']
        await derya.send(text)
        answer = await derya.next()
        assert answer['type'] == kind and answer['error'].items() >= error.items(), answer
        assert answer.get('cid', 'bad') == 'bad'
        assert await derya.until_pong() == []
        assert await bas.until_pong() == []
        again = await welcome(board_id)
        assert again['seq'] == seq and again['elements'] == derya.welcome['elements']
        assert await bas.until_pong() == []


async def test_a_message_over_512_kib_in_multibyte_characters_is_too_large(client, board_id: str) -> None:
    text = _push(note('n-big', text='é' * (MAX_MESSAGE_BYTES // 2 + 1000)))  # ~263,000 chars, ~527,000 bytes
    assert len(text) < MAX_MESSAGE_BYTES < len(text.encode())
    async with client(board_id) as derya:
        await derya.send(text)
        answer = await derya.next()
        assert answer['type'] == 'error' and answer['error']['code'] == 'message_too_large'


async def test_a_screen_is_read_only_and_a_professional_may_not_hide_things(client, board_id: str) -> None:
    screen = Actor(id='screen', name='Scherm', role=Role.SCREEN)
    async with client(board_id, screen) as tv, client(board_id, KARIM) as karim:
        assert (await tv.push([note('n-tv')]))[0]['error']['code'] == 'read_only'
        hidden = note('n-hidden') | {'visibility': {'scope': 'family'}}
        assert (await karim.push([hidden]))[0]['error']['code'] == 'visibility_forbidden'
        assert (await karim.push([{'op': 'update', 'id': PRIVATE_NOTE, 'props': {'x': 1}}]))[0]['error'] == {
            'code': 'not_found', 'index': 0, 'id': PRIVATE_NOTE, 'fields': []}
        assert await tv.until_pong() == []


async def test_creating_on_a_hidden_elements_id_answers_like_any_taken_id(client, board_id: str) -> None:
    async with client(board_id, KARIM) as karim:
        hidden = (await karim.push([note(PRIVATE_NOTE)]))[0]['error']
        seen = (await karim.push([note('goal-1')]))[0]['error']
    assert hidden == {'code': 'exists', 'index': 0, 'id': PRIVATE_NOTE, 'fields': []}
    assert seen == hidden | {'id': 'goal-1'}


async def test_a_photo_through_the_live_api_is_checked_and_cleaned(client, board_id: str) -> None:
    async with client(board_id) as derya:
        answer, _ = await derya.push([{'op': 'update', 'id': 'fm-elif',
                                       'props': {'photo': 'data:image/jpeg;base64,A'}}])
        assert answer['error'] == {'code': 'invalid_props', 'index': 0, 'id': 'fm-elif',
                                   'fields': [{'field': 'photo', 'problem': 'not_an_image'}]}
        answer, before = await derya.push([{'op': 'update', 'id': 'fm-elif',
                                            'props': {'photo': as_data_url(phone_photo())}}])
        assert answer['type'] == 'ack'
        photo = before[0]['changes'][0]['props']['photo']
    jpeg = base64.b64decode(photo.removeprefix(PREFIX))
    assert b'GPS' not in jpeg and b'Exif' not in jpeg and Image.open(io.BytesIO(jpeg)).size == (256, 256)


# tokens

@pytest.mark.parametrize('kind, code, close_code', [
    ('tampered', 'token_tampered', 4401), ('expired', 'token_expired', 4401), ('malformed', 'token_malformed', 4401),
    ('other board', 'token_wrong_board', 4401), ('no board', 'board_not_found', 4404)])
async def test_an_invalid_token_or_unknown_board_is_refused(server: Server, issue, store: Store, board_id: str,
                                                            kind: str, code: str, close_code: int) -> None:
    token = issue(board_id)
    path = board_id
    if kind == 'tampered':
        payload, signature = token.split('.')
        token = f"{payload}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    elif kind == 'expired':
        token = issue(board_id, ttl_seconds=-10)
    elif kind == 'malformed':
        token = 'not-a-token'
    elif kind == 'other board':
        token = issue(create_demo_board(store).id)
    elif kind == 'no board':
        path = 'no-such-board'
        token = issue(path)
    async with connect(f'{server.ws_url}/api/boards/{path}/live?token={token}') as ws:
        assert json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT)) == {'type': 'error', 'error': {'code': code}}
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), TIMEOUT)
    assert closed.value.rcvd.code == close_code


async def closing(client: Client) -> tuple[list[dict[str, Any]], int]:
    """Everything (but presence) the server still sends, and the code it closes with."""
    received = []
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            received.append(await client.next())
    return received, closed.value.rcvd.code


async def test_a_revoked_tokens_open_connection_is_cut_off(client, store: Store, board_id: str) -> None:
    async with client(board_id) as derya, client(board_id, BAS) as bas:
        token = derya.ws.request.path.split('token=')[1]
        revoked.revoke(store, board_id, tokens.token_id(store, token))  # as `planbord revoke` does
        received, code = await closing(derya)
        assert received == [{'type': 'error', 'error': {'code': 'token_revoked'}}] and code == 4401
        await bas.push([note('n-after')])  # the others go on as before


async def test_a_connection_is_cut_off_when_its_token_expires(server: Server, issue, board_id: str) -> None:
    async with connect(f'{server.ws_url}/api/boards/{board_id}/live?token={issue(board_id, ttl_seconds=2)}') as ws:
        derya = Client(ws, json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT)))
        received, code = await closing(derya)
    assert received == [{'type': 'error', 'error': {'code': 'token_expired'}}] and code == 4401


# what the server must take calmly

@pytest.fixture
def server_log(server: Server) -> Callable[[], str]:
    """What the server logged since the test began."""
    start = server.log.stat().st_size
    return lambda: server.log.read_bytes()[start:].decode(errors='replace')


@pytest.mark.parametrize('frame, code', [
    (b'{"type": "ping"}', 'binary_message'),
    ('[' * 100_000 + ']' * 100_000, 'message_too_deep'),
    ('{"type": "push", "cid": "c", "ops": [' + '[' * 500 + ']' * 500 + ']}', 'message_too_deep')],
    ids=['binary', 'deep beyond the parser', 'deep within the parser'])
async def test_a_binary_frame_or_absurdly_deep_json_is_answered_calmly(client, server_log, board_id: str,
                                                                      frame: bytes | str, code: str) -> None:
    async with client(board_id) as derya:
        await derya.send(frame) if isinstance(frame, str) else await derya.ws.send(frame)
        assert await derya.next() == {'type': 'error', 'error': {'code': code}}
        assert await derya.until_pong() == []
    assert 'Traceback' not in server_log() and 'ERROR' not in server_log()


async def test_a_client_that_leaves_while_the_server_writes_is_no_error(server: Server, client, server_log,
                                                                        issue, board_id: str) -> None:
    for i in range(5):
        async with client(board_id) as derya:
            await derya.send({'type': 'push', 'cid': f'c{i}', 'ops': [note(f'n-left-{i}')]})
            await asyncio.sleep(0.001)  # the push is on its way: the answer is being written
            derya.ws.transport.abort()  # gone without a goodbye
    async with client(board_id) as derya:
        await derya.until_pong()
    assert 'Traceback' not in server_log() and 'ERROR' not in server_log()


# reconnecting

async def test_resync_after_a_reconnect_brings_the_changes_and_removals(client, board_id: str) -> None:
    async with client(board_id) as derya:
        await derya.push([note('n-stays', x=1), note('n-goes')])
        since = (await derya.push([note('n-moves', x=1)]))[0]['seq']
    async with client(board_id, JOLIEN) as jolien:
        await jolien.push([note('n-new')])
        await jolien.push([{'op': 'update', 'id': 'n-moves', 'props': {'x': 99}}])
        await jolien.push([{'op': 'delete', 'id': 'n-goes'}])
        last = (await jolien.push([{'op': 'update', 'id': 'n-moves', 'props': {'text': 'Verplaatst'}}]))[0]['seq']
    async with client(board_id) as derya:
        await derya.send({'type': 'resync', 'since': since, 'known': ['n-stays', 'n-goes', 'n-moves']})
        catchup = await derya.next()
    assert catchup['type'] == 'catchup' and catchup['seq'] == last
    changes = {c.get('id') or c['element']['id']: c for c in catchup['changes']}
    assert set(changes) == {'n-new', 'n-moves', 'n-goes'}
    assert changes['n-goes'] == {'kind': 'remove', 'id': 'n-goes'}
    assert changes['n-new']['kind'] == 'put' and changes['n-new']['element']['version'] == 1
    moved = changes['n-moves']['element']
    assert (moved['props']['x'], moved['props']['text'], moved['version'], moved['updated_by']) == (
        99, 'Verplaatst', 3, 'np-jolien')


async def test_resync_does_not_name_elements_hidden_from_you(client, board_id: str) -> None:
    async with client(board_id, KARIM) as karim:
        since = karim.welcome['seq']
    async with client(board_id, BAS) as bas:
        await bas.push([{'op': 'update', 'id': PRIVATE_NOTE, 'props': {'x': 5}}])
    async with client(board_id, KARIM) as karim:
        await karim.send({'type': 'resync', 'since': since})
        catchup = await karim.next()
    assert 'Bas heeft' not in json.dumps(catchup)
    assert PRIVATE_NOTE not in json.dumps(catchup)


async def test_a_batch_resent_after_a_reconnect_is_acknowledged_once(client, welcome, board_id: str) -> None:
    batch = [note('n-once'), {'op': 'update', 'id': 'goal-1', 'props': {'x': 5}}]
    async with client(board_id) as derya:
        first, _ = await derya.push(batch, cid='same-cid')
    async with client(board_id) as derya, client(board_id, BAS) as bas:
        again, own = await derya.push(batch, cid='same-cid')
        assert again == first and own == []
        assert await bas.until_pong() == []
    state = await welcome(board_id)
    assert state['seq'] == first['seq']
    assert element(state, 'n-once')['version'] == 1 and element(state, 'goal-1')['version'] == 2


# durability

@pytest.mark.parametrize('kill', [False, True], ids=['sigterm', 'sigkill'])
async def test_an_acknowledged_change_survives_a_restart(server: Server, client, welcome, board_id: str,
                                                         kill: bool) -> None:
    try:
        async with client(board_id) as derya:
            answer, _ = await derya.push([note('n-durable', text='Blijft staan'),
                                          {'op': 'delete', 'id': 'note-z1'}])
            assert answer['type'] == 'ack'
            await asyncio.to_thread(server.stop, kill)  # right after the ack, the connection still open
        # uvicorn re-raises SIGTERM after a graceful shutdown; -SIGKILL would mean it hung and was killed
        assert server.process.returncode == -(signal.SIGKILL if kill else signal.SIGTERM)
    finally:
        server.start()
    state = await welcome(board_id)
    assert state['seq'] == answer['seq']
    assert element(state, 'n-durable')['props']['text'] == 'Blijft staan' and element(state, 'note-z1') is None


# HTTP

def test_health(server: Server) -> None:
    response = httpx.get(f'{server}/api/health')
    assert response.status_code == 200
    assert response.json() == {'status': 'ok', 'protocol': 1}


def test_export_holds_only_what_the_token_holder_may_see(server: Server, issue, store: Store, board_id: str) -> None:
    everything = live_ids(store, board_id)
    for actor, expected in [(KARIM, everything - {PRIVATE_NOTE}), (BAS, everything)]:
        response = httpx.get(f'{server}/api/boards/{board_id}/export', params={'token': issue(board_id, actor)})
        assert response.status_code == 200
        board = response.json()
        assert board['format'] == 'planbord.board' and board['board']['id'] == board_id
        assert {e['id'] for e in board['elements']} == expected
        if actor is KARIM:
            assert 'Bas heeft' not in response.text


@pytest.mark.parametrize('kind', ['none', 'tampered', 'expired', 'other board'])
def test_export_without_a_valid_token_is_401(server: Server, issue, store: Store, board_id: str, kind: str) -> None:
    token = {'none': '', 'tampered': issue(board_id)[:-2] + 'xx', 'expired': issue(board_id, ttl_seconds=-10),
             'other board': issue(create_demo_board(store).id)}[kind]
    response = httpx.get(f'{server}/api/boards/{board_id}/export', params={'token': token})
    assert response.status_code == 401
    assert 'Bas heeft' not in response.text


def test_export_of_an_unknown_board_is_404(server: Server, issue) -> None:
    response = httpx.get(f'{server}/api/boards/nope/export', params={'token': issue('nope')})
    assert response.status_code == 404
