"""Two Planbord instances on one PostgreSQL database, sharing a board through Redis pub/sub."""
from __future__ import annotations

import asyncio
import os

import pytest
import redis

from board.fanout import RedisFanout
from board.hub import HubRegistry
from board.identity import Actor, Role
from board.store import Store
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
        self.hubs = HubRegistry(self.store, self.fanout.publish)

    async def close(self) -> None:
        await self.fanout.close()
        self.store.close()


@pytest.fixture
async def instances(postgres_url: str, redis_url: str):
    pair = [Instance(postgres_url, redis_url), Instance(postgres_url, redis_url)]
    for instance in pair:
        await instance.fanout.start(instance.hubs)
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
