"""Fan-out between processes: several Planbord instances on one PostgreSQL database share a board.

PostgreSQL orders (a sequence number can be committed once; the loser catches up and retries) and
Redis pub/sub tells the other instances what happened on a board, so they act at once. A notice is one of
- ``commits``: batches were committed, so their clients see them (a missed notice is harmless: the next gap or
  conflict makes the hub read the log);
- ``cut``: a credential (a token's id or a device) was revoked, so every instance cuts the connections it let in
  (a missed notice is caught by each instance's sweep, `app.cutoff`);
- ``closed``: the board is gone (erased), so every instance lets go of its hub and tells its clients;
- ``drag``: where a card someone is dragging is now, for the clients of the other instances who may see it (a
  missed notice is harmless: the drop is a commit).
"""
from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import redis
import redis.asyncio as aioredis

from .hub import HubRegistry
from .store import CommitRecord, SeqConflict

log = logging.getLogger(__name__)

CHANNEL_PREFIX = 'planbord:board:'


def _notice(origin: str, kind: str, **fields: Any) -> str:
    return json.dumps({'origin': origin, 'kind': kind} | fields)


def announce_cut(url: str, board_id: str, credential: str) -> None:
    """Tell every running instance that `credential` was revoked, from outside a server (`planbord revoke`)."""
    client = redis.Redis.from_url(url)
    try:
        client.publish(CHANNEL_PREFIX + board_id, _notice('', 'cut', credential=credential))
    finally:
        client.close()


class RedisFanout:
    def __init__(self, url: str) -> None:
        self.redis = aioredis.from_url(url)
        self.origin = uuid.uuid4().hex
        self.registry: HubRegistry | None = None
        self.cut: Callable[[str], None] = lambda credential: None
        self._tasks: set[asyncio.Task] = set()
        self._listener: asyncio.Task | None = None

    def publish(self, board_id: str, records: list[CommitRecord]) -> None:
        """Called by a hub after its commit; sending happens in the background."""
        self._send(board_id, 'commits', records=[asdict(r) for r in records])

    def publish_drag(self, board_id: str, message: dict[str, Any]) -> None:
        """A card is on its way on a board here (`BoardHub.drag`): the other instances show it to their clients."""
        self._send(board_id, 'drag', message=message)

    def publish_cut(self, board_id: str, credential: str) -> None:
        """A credential was revoked here: the other instances cut their connections too."""
        self._send(board_id, 'cut', credential=credential)

    def publish_closed(self, board_id: str, reason: str) -> None:
        """The board was closed here (e.g. erased): the other instances let go of it too."""
        self._send(board_id, 'closed', reason=reason)

    def _send(self, board_id: str, kind: str, **fields: Any) -> None:
        task = asyncio.create_task(self._publish(CHANNEL_PREFIX + board_id, _notice(self.origin, kind, **fields)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish(self, channel: str, payload: str) -> None:
        try:
            await self.redis.publish(channel, payload)
        except Exception:
            log.warning('could not publish to Redis; other instances catch up on their next commit or sweep',
                        exc_info=True)

    async def start(self, registry: HubRegistry, cut: Callable[[str], None]) -> None:
        """Listen for other instances' notices; `cut` ends this process's connections under a revoked credential.
        Returns once the subscription is active."""
        self.registry, self.cut = registry, cut
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
                log.exception('could not take in a notice from another instance')

    async def _receive(self, board_id: str, payload: dict) -> None:
        if payload['origin'] == self.origin or self.registry is None:
            return
        kind = payload.get('kind', 'commits')  # an instance of an older version sends commits without a kind
        if kind == 'cut':
            self.cut(payload['credential'])
        elif kind == 'closed':
            self.registry.close(board_id, payload['reason'])
        elif kind == 'drag':
            if (hub := self.registry.loaded(board_id)) is not None:
                hub.show_drag(payload['message'])
        elif (hub := self.registry.loaded(board_id)) is not None:
            try:
                hub.absorb([CommitRecord(**r) for r in payload['records']])
            except SeqConflict:
                await hub.catch_up_from_store()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
        await self.redis.aclose()
