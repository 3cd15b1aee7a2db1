"""A tiny hub client and op builders for tests that go through `BoardHub` with the gezinsplan's rules."""
import datetime as dt
import uuid

from board.hub import BoardHub
from board.identity import Actor
from board.plan import create_board_with, new_plan_operations
from board.store import Store


class Client:
    """A connected session that checks whether its batches are taken or refused."""

    def __init__(self, hub: BoardHub, actor: Actor) -> None:
        self.hub = hub
        self.messages: list[dict] = []
        self.session = hub.join(actor, self.messages.append)

    async def push(self, *ops):
        return await self.hub.push(self.session, uuid.uuid4().hex[:8], list(ops))

    async def ok(self, *ops):
        answer = await self.push(*ops)
        assert answer['type'] == 'ack', answer
        return answer

    async def refused(self, *ops):
        """The error of a rejected batch; the board and its log are left as they were."""
        hub = self.hub
        before, seq, logged = dumped(hub.elements), hub.seq, len(hub.store.commits_since(hub.board_id, 0))
        answer = await self.push(*ops)
        assert answer['type'] == 'reject', answer
        assert dumped(hub.elements) == before and hub.seq == seq
        assert len(hub.store.commits_since(hub.board_id, 0)) == logged
        return answer['error']


def create(id_, type_, visibility=None, **props):
    op = {'op': 'create', 'id': id_, 'type': type_, 'props': props}
    return op | ({'visibility': visibility} if visibility else {})


def update(id_, **props):
    return {'op': 'update', 'id': id_, 'props': props}


def delete(id_):
    return {'op': 'delete', 'id': id_}


def dumped(elements):
    return {i: e.model_dump(mode='json') for i, e in elements.items()}


def props_of(hub, id_):
    return hub.elements[id_].props


def fields(error):
    return [{k: f[k] for k in ('field', 'problem')} for f in error['fields']]


def assert_replays(hub):
    """The log alone, replayed without any guard, gives exactly what the hub holds."""
    loaded = hub.store.load(hub.board_id)
    assert loaded.seq == hub.seq
    assert dumped(loaded.elements) == dumped(hub.elements)


def family_hub(store: Store, *members: tuple[str, str, dict], name: str = 'De Vries') -> BoardHub:
    """A new family board (the parts every plan has) whose first batch also puts family members on it:
    ``(id, role, extra props)``, e.g. ``('derya', 'parent', {'manages': True})``. Rights follow from the board, so an
    actor is a parent in the household only when their id is a family member on it."""
    ops = [{'op': 'create', 'id': id_, 'type': 'family_member', 'props': {'name': id_.title(), 'role': role} | extra}
           for id_, role, extra in members]
    info = create_board_with(store, name, name, [new_plan_operations(dt.date(2026, 9, 1)) + ops])
    return BoardHub(store, store.load(info.id))
