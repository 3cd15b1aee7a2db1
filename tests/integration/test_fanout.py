"""Two Planbord instances on one PostgreSQL database, sharing a board through Redis pub/sub."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess

import pytest
import redis
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from board import tokens
from board.demo import create_demo_board
from board.fanout import RedisFanout
from board.hub import HubRegistry
from board.identity import Actor, Role
from board.store import Store
from tests.server import PLANBORD, running_server
from tests.services import require_service

REDIS_URL = os.environ.get('PLANBORD_TEST_REDIS_URL', 'redis://127.0.0.1:6379/0')
pytestmark = [pytest.mark.postgres, pytest.mark.redis]

PARENT = Actor(id='fm-derya', name='Derya', role=Role.PARENT)
COACH = Actor(id='np-jolien', name='Jolien', role=Role.COORDINATOR)


@pytest.fixture
def redis_url() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        require_service(f'Redis at {REDIS_URL}', str(error))
    return REDIS_URL


class Instance:
    """One 'process': its own store connection, hubs and Redis fan-out."""

    def __init__(self, database_url: str, redis_url: str) -> None:
        self.store = Store(database_url)
        self.fanout = RedisFanout(redis_url)
        self.hubs = HubRegistry(self.store, self.fanout.publish, self.fanout.publish_drag)
        self.cut: list[str] = []
        """The credentials this instance was told to cut off."""

    async def close(self) -> None:
        await self.fanout.close()
        self.store.close()


@pytest.fixture
async def instances(postgres_url: str, redis_url: str):
    pair = [Instance(postgres_url, redis_url), Instance(postgres_url, redis_url)]
    for instance in pair:
        await instance.fanout.start(instance.hubs, instance.cut.append)
    yield pair
    for instance in pair:
        await instance.close()


async def wait_for(condition, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError('condition not met in time')


async def test_a_commit_on_one_instance_reaches_clients_of_the_other(instances) -> None:
    a, b = instances
    board = a.store.create_board('Twee instanties')
    hub_a, hub_b = await a.hubs.get(board.id), await b.hubs.get(board.id)
    seen_on_b: list[dict] = []
    session_a = hub_a.join(PARENT, lambda m: None)
    hub_b.join(COACH, seen_on_b.append)

    reply = await hub_a.push(session_a, 'c1', [{'op': 'create', 'id': 'g1', 'type': 'goal', 'props': {'text': 'Rust'}}])

    assert reply['type'] == 'ack'
    await wait_for(lambda: any(m['type'] == 'commit' for m in seen_on_b))
    commit = next(m for m in seen_on_b if m['type'] == 'commit')
    assert commit['seq'] == reply['seq']
    assert commit['changes'][0]['element']['props']['text'] == 'Rust'
    assert hub_b.elements['g1'].props['text'] == 'Rust'


async def test_a_drag_on_one_instance_shows_on_the_other_to_whom_may_see_the_card(instances) -> None:
    a, b = instances
    board = a.store.create_board('Twee instanties')
    hub_a, hub_b = await a.hubs.get(board.id), await b.hubs.get(board.id)
    session_a, seen_on_b, hidden_on_b = hub_a.join(COACH, lambda m: None), [], []
    hub_b.join(COACH, seen_on_b.append)
    hub_b.join(Actor(id='piet', name='Piet', role=Role.PROFESSIONAL), hidden_on_b.append)
    await hub_a.push(session_a, 'c1', [{'op': 'create', 'id': 'n1', 'type': 'note', 'props': {'text': 'Rust'},
                                        'visibility': {'scope': 'family_coordinator'}}])
    seq = hub_a.seq
    await wait_for(lambda: hub_b.seq == seq)  # notices may overtake each other: a card's drag shows where it is known

    hub_a.drag(session_a, 'n1', {'x': 120, 'y': 80})

    await wait_for(lambda: any(m['type'] == 'drag' for m in seen_on_b))
    assert [m for m in seen_on_b if m['type'] == 'drag'] == [{'type': 'drag', 'id': 'n1', 'x': 120, 'y': 80}]
    assert not [m for m in hidden_on_b if m['type'] == 'drag']
    assert hub_a.seq == hub_b.seq == seq


async def test_simultaneous_commits_on_both_instances_converge(instances) -> None:
    a, b = instances
    board = a.store.create_board('Gelijktijdig')
    hub_a, hub_b = await a.hubs.get(board.id), await b.hubs.get(board.id)
    session_a, session_b = hub_a.join(PARENT, lambda m: None), hub_b.join(COACH, lambda m: None)

    replies = await asyncio.gather(*(
        hub.push(session, f'{name}{i}', [{'op': 'create', 'id': f'{name}{i}', 'type': 'note', 'props': {'text': name}}])
        for i in range(10) for hub, session, name in ((hub_a, session_a, 'a'), (hub_b, session_b, 'b'))))

    assert all(r['type'] == 'ack' for r in replies)
    assert sorted(r['seq'] for r in replies) == list(range(1, 21))
    await wait_for(lambda: hub_a.seq == hub_b.seq == 20)
    stored = a.store.load(board.id)
    assert set(hub_a.elements) == set(hub_b.elements) == set(stored.elements) and len(stored.elements) == 20
    assert {k: v.model_dump() for k, v in hub_a.elements.items()} == \
        {k: v.model_dump() for k, v in hub_b.elements.items()}


async def test_a_revoke_and_an_erase_on_one_instance_reach_the_other(instances) -> None:
    a, b = instances
    board = a.store.create_board('Ingetrokken')
    await a.hubs.get(board.id)
    hub_b = await b.hubs.get(board.id)
    seen_on_b: list[dict] = []
    hub_b.join(COACH, seen_on_b.append)

    a.fanout.publish_cut(board.id, 'device:abc')
    a.fanout.publish_closed(board.id, 'erased')

    await wait_for(lambda: b.hubs.loaded(board.id) is None)
    assert b.cut == ['device:abc'] and a.cut == []
    assert seen_on_b[-1] == {'type': 'closed', 'reason': 'erased'} and hub_b.sessions == {}


async def test_planbord_revoke_cuts_the_live_connections_on_every_instance(postgres_url: str, redis_url: str) -> None:
    """Two real `planbord serve` processes; the token is revoked from a terminal, with the servers' Redis."""
    store = Store(postgres_url)
    board_id = create_demo_board(store).id
    token = tokens.issue(store, board_id, PARENT)
    store.close()
    with running_server(postgres_url, redis_url=redis_url) as one, \
            running_server(postgres_url, redis_url=redis_url) as two:
        path = f'/api/boards/{board_id}/live?token={token}'
        async with connect(one.ws_url + path) as first, connect(two.ws_url + path) as second:
            for ws in (first, second):
                assert json.loads(await asyncio.wait_for(ws.recv(), 5))['type'] == 'welcome'
            env = {k: v for k, v in os.environ.items() if k != 'PYTEST_CURRENT_TEST'}
            env.update(PLANBORD_DATABASE_URL=postgres_url, PLANBORD_REDIS_URL=redis_url)
            subprocess.run([str(PLANBORD), 'revoke', board_id, token], env=env, check=True, capture_output=True)
            for ws in (first, second):
                last = None
                with pytest.raises(ConnectionClosed) as closed:
                    while True:
                        last = json.loads(await asyncio.wait_for(ws.recv(), 5))
                assert last == {'type': 'error', 'error': {'code': 'token_revoked'}}
                assert closed.value.rcvd.code == 4401
