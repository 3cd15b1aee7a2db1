"""Seeded fuzzing of sync: random concurrent edits, and every client ends with the same board as the hub and the log.

Each client keeps its own copy of the board built only from the messages it received, the way a browser does.
Now and then a client drops everything it is sent for a round and catches up with ``resync`` afterwards.
"""
import asyncio
import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from board.access import BoardRights
from board.hub import BoardHub
from board.identity import Actor, Role
from board.numbering import seen_by
from board.plan import create_board_with
from board.protocol import apply_message
from board.store import Store
from tests.unit.live_sync_node import browser_boards

FUZZ = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
"""Fixed seed, so CI runs the same cases every time; each example plays on its own board in the same store."""

FAMILY_SIDE = [Actor(id='derya', name='Derya', role=Role.PARENT), Actor(id='bas', name='Bas', role=Role.PARENT),
               Actor(id='karin', name='Karin', role=Role.COORDINATOR),
               Actor(id='jolien', name='Jolien', role=Role.PARENT)]
MIXED = [Actor(id='derya', name='Derya', role=Role.PARENT), Actor(id='karin', name='Karin', role=Role.COORDINATOR),
         Actor(id='ans', name='Juf Ans', role=Role.PROFESSIONAL, organisation='school')]
VISIBILITIES = [{'scope': 'family'}, {'scope': 'family_coordinator'}, {'scope': 'everyone'},
                {'scope': 'named', 'names': ['org:school']}, {'scope': 'named', 'names': ['derya']}]


class ReferenceClient:
    def __init__(self, hub: BoardHub, actor: Actor) -> None:
        self.actor, self.doc, self.seq, self.online = actor, {}, 0, True
        self.known: list[str] = []
        """Every id this client has heard of, deleted ones included: what its user might still act on."""
        self.made = 0
        """How many ids this client has made; its new ids are ``<actor id>-<n>``."""
        self.stream: list[dict] = []
        """Every message this client took in, for the browser's reading of them (`assert_the_browser_agrees`)."""
        self.session = hub.join(actor, self.receive)

    def receive(self, message: dict) -> None:
        if not self.online:
            return
        message = json.loads(json.dumps(message))
        if message['type'] == 'commit':  # a commit only patches or removes what this client holds
            assert all(c['kind'] == 'put' or c['id'] in self.doc for c in message['changes'])
        self.stream.append(message)
        self.seq = apply_message(self.doc, self.seq, message)
        self.known += [i for i in self.doc if i not in self.known]

    def resolve(self, templates: list[dict]) -> list[dict]:
        """Turn generated operations into a batch on this client's board.

        ``pick`` chooses among the elements on the client's board (and those made earlier in the batch), or with
        ``stale`` among every id it has heard of, deleted ones too. A create without a ``pick`` makes a new id.
        """
        batch, made = [], []
        for template in templates:
            op = {k: v for k, v in template.items() if k not in ('pick', 'stale')}
            if op['op'] == 'create' and template['pick'] is None:
                self.made += 1
                op['id'] = f'{self.actor.id}-{self.made}'
                made.append(op['id'])
            else:
                pool = self.known + made if template.get('stale') else [*self.doc, *made]
                op['id'] = pool[template['pick'] % len(pool)] if pool else 'unknown'
            batch.append(op)
        return batch


def operations(with_visibility: bool) -> st.SearchStrategy:
    """Operations with an abstract target, resolved by `ReferenceClient.resolve` when they are pushed."""
    pick, stale = st.integers(0, 50), st.sampled_from([False, False, False, True])
    texts = st.text(st.characters(codec='utf-8'), min_size=1, max_size=12)
    coordinates = st.integers(-5, 5) | st.floats(-1e4, 1e4, allow_nan=False)
    visibility = st.sampled_from(VISIBILITIES) if with_visibility else st.nothing()
    create = st.fixed_dictionaries(
        {'op': st.just('create'), 'pick': st.sampled_from([None] * 6 + [0, 1]),  # now and then an id in use
         'type': st.sampled_from(['goal', 'note']),
         'props': st.fixed_dictionaries({'text': texts}, optional={'x': coordinates, 'y': coordinates})},
        optional={'visibility': visibility})
    update = st.fixed_dictionaries(
        {'op': st.just('update'), 'pick': pick, 'stale': stale,
         'props': st.fixed_dictionaries({}, optional={'x': coordinates, 'y': coordinates, 'text': texts})},
        optional={'visibility': visibility})
    delete = st.fixed_dictionaries({'op': st.just('delete'), 'pick': pick, 'stale': stale})
    invalid = st.fixed_dictionaries({'op': st.just('update'), 'pick': pick, 'props': st.just({'text': ''})})
    kinds = {'create': create, 'update': update, 'delete': delete, 'invalid': invalid}
    return st.sampled_from(['create'] * 4 + ['update'] * 4 + ['delete'] * 2 + ['invalid']).flatmap(kinds.get)


def scripts(with_visibility: bool = False) -> st.SearchStrategy:
    """Rounds of concurrent pushes ``(client, ops, delay)``, and the clients that are cut off during the round."""
    push = st.tuples(st.integers(0, 3), st.lists(operations(with_visibility), min_size=1, max_size=3),
                     st.integers(0, 3))
    return st.lists(st.tuples(st.lists(push, min_size=1, max_size=6), st.sets(st.integers(0, 3), max_size=2)),
                    min_size=4, max_size=12)


async def play(store: Store, actors: list[Actor], script) -> tuple[BoardHub, list[ReferenceClient]]:
    """Play the script on a board whose first batch puts the family-role actors on it (the first one manages it)."""
    members = [{'op': 'create', 'id': a.id, 'type': 'family_member',
                'props': {'name': a.name, 'role': str(a.role), 'manages': i == 0}}
               for i, a in enumerate(actors) if a.in_family]
    hub = BoardHub(store, store.load(create_board_with(store, 'Gezin', 'Gezin', [members]).id))
    clients = [ReferenceClient(hub, actor) for actor in actors]

    async def push(client, templates, delay):
        for _ in range(delay):  # lets other pushes overtake this one, so groups form differently
            await asyncio.sleep(0)
        return await hub.push(client.session, uuid.uuid4().hex, client.resolve(templates))

    answers = []
    for pushes, cut_off in script:
        for index in cut_off:
            clients[index % len(clients)].online = False
        answers += await asyncio.gather(*(push(clients[c % len(clients)], ops, d) for c, ops, d in pushes))
        for client in clients:
            if not client.online:
                client.online = True
                hub.resync(client.session, client.seq, list(client.doc))

    logged = {record.cid for record in store.commits_since(hub.board_id, 1)}
    acks = [a for a in answers if a['type'] == 'ack']
    assert sorted(a['seq'] for a in acks if a['cid'] in logged) == list(range(2, hub.seq + 1))
    assert all(a['seq'] <= hub.seq for a in acks if a['cid'] not in logged)  # changed nothing: no number of its own
    assert {a['error']['code'] for a in answers if a['type'] == 'reject'} <= {
        'exists', 'not_found', 'invalid_props', 'visibility_forbidden', 'family_words', 'family_accepts', 'only_own',
        'managers_decide'}
    return hub, clients


def assert_converged(url: str, hub: BoardHub, clients: list[ReferenceClient]) -> None:
    fresh = Store(url)
    try:
        loaded = fresh.load(hub.board_id)
    finally:
        fresh.close()
    assert loaded.seq == hub.seq
    assert {i: e.model_dump(mode='json') for i, e in loaded.elements.items()} == \
        {i: e.model_dump(mode='json') for i, e in hub.elements.items()}
    for client in clients:
        expected = {e.id: e.public() for e in seen_by(client.actor, list(loaded.elements.values()),
                                                       BoardRights(loaded.elements))}  # numbered their way
        assert client.doc == expected == {e.id: e.public() for e in hub.visible_elements(client.actor)}
        late = ReferenceClient(hub, client.actor)
        assert late.doc == expected
    assert_the_browser_agrees(clients)


def assert_the_browser_agrees(clients: list[ReferenceClient]) -> None:
    """assets/live_sync.js, run under Node on the same messages, ends with the same board as `apply_message`."""
    assert browser_boards([c.stream for c in clients]) == [c.doc for c in clients]


@FUZZ
@given(clients=st.integers(2, 4), script=scripts())
def test_every_client_ends_with_the_board_of_the_hub_and_the_log(sqlite_url, sqlite_store, clients, script):
    hub, peers = asyncio.run(play(sqlite_store, FAMILY_SIDE[:clients], script))
    assert_converged(sqlite_url, hub, peers)


@FUZZ
@given(script=scripts(with_visibility=True))
def test_a_client_that_sees_less_ends_with_what_it_may_see(sqlite_url, sqlite_store, script):
    hub, peers = asyncio.run(play(sqlite_store, MIXED, script))
    assert_converged(sqlite_url, hub, peers)


def create(text, visibility):
    return {'op': 'create', 'pick': None, 'type': 'note', 'props': {'text': text}, 'visibility': visibility}


def update(visibility=None, **props):
    """An update of the first card on the client's board (the family member Derya is element 0 everywhere)."""
    return {'op': 'update', 'pick': 1, 'props': props} | ({'visibility': visibility} if visibility else {})


async def test_a_hidden_and_reshown_element_converges(sqlite_url, sqlite_store):
    """A hand-written walk through the visibility changes, as a readable example of the cases above."""
    derya, karin, ans = 0, 1, 2
    hub, peers = await play(sqlite_store, MIXED, [
        ([(derya, [create('a', {'scope': 'family_coordinator'})], 0)], set()),
        ([(derya, [update(x=1)], 0), (karin, [update({'scope': 'everyone'}, x=2)], 0)], {ans}),
        ([(ans, [update(text='b')], 1), (derya, [update({'scope': 'named', 'names': ['org:school']})], 0)], set()),
        ([(ans, [{'op': 'delete', 'pick': 1}], 0)], {derya}),
    ])
    assert hub.elements['derya-1'].deleted and hub.seq == 7
    assert_converged(sqlite_url, hub, peers)
