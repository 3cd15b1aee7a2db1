"""Fan-out between processes: several Planbord instances on one PostgreSQL database share a board.

PostgreSQL orders (a sequence number can be committed once; the loser catches up and retries) and
Redis pub/sub tells the other instances that a batch was committed, so their clients see it at once.
A missed notice is harmless: the next gap or conflict makes the hub read the log.
"""
from __future__ import annotations

import asyncio
import json
import logging
import uuid
from dataclasses import asdict

import redis.asyncio as aioredis

from .hub import HubRegistry
from .store import CommitRecord, SeqConflict

log = logging.getLogger(__name__)

CHANNEL_PREFIX = 'planbord:board:'


class RedisFanout:
    def __init__(self, url: str) -> None:
        self.redis = aioredis.from_url(url)
        self.origin = uuid.uuid4().hex
        self.registry: HubRegistry | None = None
        self._tasks: set[asyncio.Task] = set()
        self._listener: asyncio.Task | None = None

    def publish(self, board_id: str, records: list[CommitRecord]) -> None:
        """Called by a hub after its commit; sending happens in the background."""
        payload = json.dumps({'origin': self.origin, 'records': [asdict(r) for r in records]})
        task = asyncio.create_task(self._send(CHANNEL_PREFIX + board_id, payload))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send(self, channel: str, payload: str) -> None:
        try:
            await self.redis.publish(channel, payload)
        except Exception:
            log.warning('could not publish to Redis; other instances catch up on their next commit', exc_info=True)

    async def start(self, registry: HubRegistry) -> None:
        """Listen for other instances' commits; returns once the subscription is active."""
        self.registry = registry
        pubsub = self.redis.pubsub()
        await pubsub.psubscribe(CHANNEL_PREFIX + '*')
        self._listener = asyncio.create_task(self._listen(pubsub))

    async def _listen(self, pubsub: aioredis.client.PubSub) -> None:
        async for message in pubsub.listen():
            if message['type'] != 'pmessage':
                continue
            try:
                await self._receive(message['channel'].decode()[len(CHANNEL_PREFIX):], json.loads(message['data']))
            except Exception:
                log.exception('could not take in a commit from another instance')

    async def _receive(self, board_id: str, payload: dict) -> None:
        hub = self.registry.loaded(board_id) if self.registry else None
        if hub is None or payload['origin'] == self.origin:
            return
        try:
            hub.absorb([CommitRecord(**r) for r in payload['records']])
        except SeqConflict:
            await hub.catch_up_from_store()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
        await self.redis.aclose()
