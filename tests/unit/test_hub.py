import asyncio
import json
import uuid

import pytest

import board.hub as hub_module
from board import protocol
from board.hub import BoardHub, HubRegistry
from board.identity import Actor, Role
from board.plan import create_board_with
from board.store import BoardNotFound, Store, boards

PARENT = Actor(id='derya', name='Derya', role=Role.PARENT)
COORDINATOR = Actor(id='karin', name='Karin', role=Role.COORDINATOR)
PRO = Actor(id='piet', name='Piet', role=Role.PROFESSIONAL)
SCREEN = Actor(id='tv', name='Scherm', role=Role.SCREEN)
FAMILY = {'scope': 'family'}
EVERYONE = {'scope': 'everyone'}


class Client:
    """A connected session that keeps every message the hub sends it."""

    def __init__(self, hub: BoardHub, actor: Actor) -> None:
        self.hub = hub
        self.messages: list[dict] = []
        self.session = hub.join(actor, self.messages.append)

    async def push(self, *ops, cid=None):
        return await self.hub.push(self.session, cid or uuid.uuid4().hex[:8], list(ops))

    def of(self, type_):
        return [m for m in self.messages if m['type'] == type_]

    def changes(self):
        return [c for m in self.of('commit') for c in m['changes']]

    def since(self, mark):
        return self.messages[mark:]


def open_hub(store: Store) -> BoardHub:
    info = store.create_board('Gezin De Vries')
    return BoardHub(store, store.load(info.id))


def open_family_hub(store: Store) -> BoardHub:
    """A board whose first batch puts Derya on it as a parent who manages it (so family cards are hers to see)."""
    info = create_board_with(store, 'Gezin De Vries', 'De Vries', [[
        {'op': 'create', 'id': 'derya', 'type': 'family_member',
         'props': {'name': 'Derya', 'role': 'parent', 'manages': True}}]])
    return BoardHub(store, store.load(info.id))


def create(id_, text='hoi', visibility=EVERYONE, **props):
    """A note; a parent's note is for the family and coordinator by default, so these share it with everyone."""
    return {'op': 'create', 'id': id_, 'type': 'note', 'props': {'text': text, **props}, 'visibility': visibility}


def update(id_, visibility=None, **props):
    return {'op': 'update', 'id': id_, 'props': props} | ({'visibility': visibility} if visibility else {})


def delete(id_):
    return {'op': 'delete', 'id': id_}


def dumped(elements):
    return {i: e.model_dump(mode='json') for i, e in elements.items()}


def spy_on_append(store, monkeypatch):
    """Record the sequence numbers of every group commit."""
    groups, real = [], store.append

    def append(board_id, records):
        groups.append([r.seq for r in records])
        real(board_id, records)
    monkeypatch.setattr(store, 'append', append)
    return groups


@pytest.fixture
def hub(sqlite_store):
    return open_hub(sqlite_store)


@pytest.fixture
def family_hub(sqlite_store):
    return open_family_hub(sqlite_store)


# commit and answer

async def test_ack_comes_after_the_commit_and_the_batch_is_stored(store_url, store, monkeypatch):
    hub = open_hub(store)
    derya = Client(hub, PARENT)
    acks_at_commit, real = [], store.append
    monkeypatch.setattr(store, 'append', lambda *args: (acks_at_commit.append(len(derya.of('ack'))), real(*args)))

    answer = await derya.push(create('n1', text='Sem voetbalt'), cid='c1')

    assert answer == {'type': 'ack', 'cid': 'c1', 'seq': 1}
    assert acks_at_commit == [0] and derya.of('ack') == [answer]
    fresh = Store(store_url)
    try:
        loaded = fresh.load(hub.board_id)
    finally:
        fresh.close()
    assert loaded.seq == 1 and dumped(loaded.elements) == dumped(hub.elements)
    assert hub.elements['n1'].props['text'] == 'Sem voetbalt'


async def test_concurrent_pushes_are_one_group_commit_with_consecutive_seqs(hub, monkeypatch):
    groups = spy_on_append(hub.store, monkeypatch)
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)

    answers = await asyncio.gather(derya.push(create('n1')), karin.push(create('n2')), derya.push(update('n1', x=3)))

    assert [a['seq'] for a in answers] == [1, 2, 3]
    assert groups == [[1, 2, 3]]
    for client in (derya, karin):
        assert [(m['seq'], m['by']) for m in client.of('commit')] == [(1, 'derya'), (2, 'karin'), (3, 'derya')]
    assert derya.changes()[2] == {'kind': 'patch', 'id': 'n1', 'props': {'x': 3.0}, 'version': 2,
                                  'updated_by': 'derya', 'updated_at': hub.elements['n1'].updated_at}


async def test_the_pushing_client_hears_its_own_commit_too(hub):
    derya = Client(hub, PARENT)
    await derya.push(create('n1'))
    assert derya.changes() == [{'kind': 'put', 'element': hub.elements['n1'].public()}]


async def test_a_reject_changes_nothing_and_tells_nobody_else(hub):
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)
    await derya.push(create('n1'))
    before, marks = dumped(hub.elements), (len(derya.messages), len(karin.messages))

    answer = await derya.push(update('n1', x=5), update('n1', text=''), cid='bad')

    assert answer == {'type': 'reject', 'cid': 'bad', 'error': {
        'code': 'invalid_props', 'index': 1, 'id': 'n1', 'fields': [{'field': 'text', 'problem': 'empty'}]}}
    assert derya.since(marks[0]) == [answer] and karin.since(marks[1]) == []
    assert dumped(hub.elements) == before and hub.seq == 1
    assert len(hub.store.commits_since(hub.board_id, 0)) == 1


async def test_a_rejected_batch_in_a_group_takes_no_sequence_number(hub):
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)
    answers = await asyncio.gather(derya.push(create('n1')), karin.push(update('nope', x=1)),
                                   karin.push(create('n2')))
    assert [a['type'] for a in answers] == ['ack', 'reject', 'ack']
    assert [answers[0]['seq'], answers[2]['seq']] == [1, 2]
    assert [m['seq'] for m in derya.of('commit')] == [1, 2]


@pytest.mark.parametrize(('raw', 'code'), [
    (None, 'invalid_operation'), ({'op': 'delete', 'id': 'n1'}, 'invalid_operation'), ([], 'invalid_operation'),
    ([{'op': 'create', 'id': 'x', 'type': 'ufo'}], 'unknown_type'),
])
async def test_a_malformed_batch_is_rejected(hub, raw, code):
    derya = Client(hub, PARENT)
    answer = await hub.push(derya.session, 'c1', raw)
    assert (answer['type'], answer['error']['code']) == ('reject', code)
    assert hub.seq == 0 and derya.of('commit') == []


async def test_a_resent_batch_is_acknowledged_and_not_applied_twice(hub):
    derya = Client(hub, PARENT)
    await derya.push(create('n1'), cid='c1')
    first = await derya.push(update('n1', x=5), cid='c2')
    again = await derya.push(update('n1', x=5), cid='c2')
    assert again == first == {'type': 'ack', 'cid': 'c2', 'seq': 2}
    assert (hub.seq, hub.elements['n1'].version) == (2, 2)
    assert [m['seq'] for m in derya.of('commit')] == [1, 2]
    assert len(hub.store.commits_since(hub.board_id, 0)) == 2


async def test_a_batch_resent_while_the_original_is_queued_is_applied_once(hub):
    derya = Client(hub, PARENT)
    await derya.push(create('n1'), cid='c1')
    first, again = await asyncio.gather(derya.push(update('n1', x=5), cid='c2'),
                                        derya.push(update('n1', x=5), cid='c2'))
    assert again == first == {'type': 'ack', 'cid': 'c2', 'seq': 2}
    assert hub.elements['n1'].version == 2


async def test_a_batch_resent_to_a_restarted_hub_is_not_applied_twice(sqlite_store):
    hub = open_hub(sqlite_store)
    await Client(hub, PARENT).push(create('n1'), cid='c1')
    restarted = BoardHub(sqlite_store, sqlite_store.load(hub.board_id))
    assert await Client(restarted, PARENT).push(create('n1'), cid='c1') == {'type': 'ack', 'cid': 'c1', 'seq': 1}


async def test_a_reloaded_hub_continues_where_the_log_ends(hub):
    await Client(hub, PARENT).push(create('n1'))
    restarted = BoardHub(hub.store, hub.store.load(hub.board_id))
    assert dumped(restarted.elements) == dumped(hub.elements)
    assert await Client(restarted, PARENT).push(update('n1', x=1), cid='c9') == {'type': 'ack', 'cid': 'c9', 'seq': 2}


# who hears what

async def test_welcome_holds_what_the_session_may_see(family_hub):
    hub = family_hub
    derya = Client(hub, PARENT)
    await derya.push(create('n1'), create('n2', visibility=FAMILY), create('n3'), delete('n3'))
    piet = Client(hub, PRO)
    welcome = piet.messages[0]
    assert welcome['type'] == 'welcome' and welcome['seq'] == 2 and welcome['board']['id'] == hub.board_id
    assert welcome['elements'] == [hub.elements['derya'].public(), hub.elements['n1'].public()]
    assert [e['id'] for e in Client(hub, PARENT).messages[0]['elements']] == ['derya', 'n1', 'n2']


async def test_hidden_text_never_reaches_a_session_that_may_not_see_it(family_hub):
    hub = family_hub
    derya, piet = Client(hub, PARENT), Client(hub, PRO)
    await derya.push(create('n1', text='GEHEIM-1', visibility=FAMILY))
    await derya.push(update('n1', text='GEHEIM-2', x=4))
    await derya.push(update('n1', text='openbaar', visibility=EVERYONE))
    assert piet.changes()[-1]['kind'] == 'put' and piet.changes()[-1]['element']['props']['text'] == 'openbaar'
    await derya.push(update('n1', visibility=FAMILY))
    assert piet.changes()[-1] == {'kind': 'remove', 'id': 'n1'}
    await derya.push(update('n1', text='GEHEIM-3'))
    await derya.push(update('n1', y=9))
    await piet.push(update('n1', text='poging'))
    hub.resync(piet.session, 0)
    late = Client(hub, PRO)

    for secret in ('GEHEIM-1', 'GEHEIM-2', 'GEHEIM-3'):
        assert secret in json.dumps(derya.messages)
        assert secret not in json.dumps(piet.messages)
        assert secret not in json.dumps(late.messages)
    assert piet.of('reject')[0]['error']['code'] == 'not_found'


async def test_hiding_removes_and_showing_puts(family_hub):
    hub = family_hub
    derya, karin, piet = Client(hub, PARENT), Client(hub, COORDINATOR), Client(hub, PRO)
    await derya.push(create('n1'))
    marks = [len(c.messages) for c in (derya, karin, piet)]

    await derya.push(update('n1', visibility={'scope': 'family_coordinator'}))

    assert piet.since(marks[2]) == [protocol.commit(3, 'derya', [{'kind': 'remove', 'id': 'n1'}])]
    patch = karin.since(marks[1])[0]['changes'][0]
    assert (patch['kind'], patch['props'], patch['visibility']) == ('patch', {}, {'scope': 'family_coordinator',
                                                                                   'names': []})
    mark = len(piet.messages)
    await derya.push(update('n1', visibility=EVERYONE, x=5))
    assert piet.since(mark) == [protocol.commit(4, 'derya', [{'kind': 'put', 'element': hub.elements['n1'].public()}])]


async def test_changes_to_hidden_elements_send_nothing(family_hub):
    hub = family_hub
    derya, piet = Client(hub, PARENT), Client(hub, PRO)
    await derya.push(create('n1', visibility=FAMILY))
    await derya.push(update('n1', x=1))
    await derya.push(delete('n1'))
    assert piet.of('commit') == [] and len(derya.of('commit')) == 3


async def test_resync_sends_the_current_state_of_what_changed_since(hub):
    derya, piet = Client(hub, PARENT), Client(hub, PRO)
    await derya.push(create('same'), create('moved'), create('gone'), create('hidden'))
    await derya.push(update('moved', x=1))
    since = hub.seq
    await derya.push(update('moved', x=2), update('moved', text='verplaatst'))
    await derya.push(delete('gone'), update('hidden', visibility=FAMILY), create('new'))
    mark = len(piet.messages)

    hub.resync(piet.session, since, known=['same', 'moved', 'gone', 'hidden'])

    [catchup] = piet.since(mark)
    assert catchup['type'] == 'catchup' and catchup['seq'] == hub.seq == 4
    assert sorted(catchup['changes'], key=json.dumps) == sorted([
        {'kind': 'put', 'element': hub.elements['moved'].public()},
        {'kind': 'remove', 'id': 'gone'},
        {'kind': 'remove', 'id': 'hidden'},
        {'kind': 'put', 'element': hub.elements['new'].public()},
    ], key=json.dumps)
    hub.resync(piet.session, hub.seq)
    assert piet.messages[-1] == protocol.catchup(4, [])


async def test_resync_names_only_removed_ids_the_client_holds(family_hub):
    hub = family_hub
    derya, piet = Client(hub, PARENT), Client(hub, PRO)
    await derya.push(create('secret', visibility=FAMILY), create('open'))
    await derya.push(update('secret', x=3), delete('open'))

    hub.resync(piet.session, 1)
    hub.resync(piet.session, 1, known=['open', 'never-seen'])

    without_known, with_known = piet.messages[-2:]
    assert without_known == protocol.catchup(3, [])
    assert sorted(with_known['changes'], key=json.dumps) == [{'kind': 'remove', 'id': 'never-seen'},
                                                             {'kind': 'remove', 'id': 'open'}]
    assert 'secret' not in json.dumps(piet.messages)


async def test_presence_on_join_and_leave(family_hub):
    hub = family_hub
    derya = Client(hub, PARENT)
    assert [m['type'] for m in derya.messages] == ['welcome', 'presence']
    assert derya.messages[1]['peers'] == [protocol.presence_entry(derya.session.id, PARENT)]
    karin = Client(hub, COORDINATOR)
    both = protocol.presence([protocol.presence_entry(derya.session.id, PARENT),
                              protocol.presence_entry(karin.session.id, COORDINATOR)])
    assert derya.messages[-1] == karin.messages[-1] == both

    hub.leave(derya.session)
    hub.leave(derya.session)

    assert karin.since(2) == [protocol.presence([protocol.presence_entry(karin.session.id, COORDINATOR)])]
    assert len(derya.messages) == 3


async def test_a_session_that_left_hears_nothing_but_its_push_is_answered(hub):
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)
    hub.leave(derya.session)
    mark = len(derya.messages)
    assert (await derya.push(create('n1')))['type'] == 'ack'
    assert derya.since(mark) == [] and len(karin.of('commit')) == 1


async def test_a_broken_client_does_not_stop_the_others(hub):
    def broken(message):
        raise ConnectionError('gone')
    hub.join(PARENT, broken)
    karin = Client(hub, COORDINATOR)
    await karin.push(create('n1'))
    assert len(karin.of('commit')) == 1


# refused pushes

async def test_the_screen_is_read_only(hub):
    derya, screen = Client(hub, PARENT), Client(hub, SCREEN)
    await derya.push(create('n1'))
    for ops in ([create('n2')], [update('n1', x=1)], [delete('n1')]):
        answer = await hub.push(screen.session, 'c', ops)
        assert answer['error']['code'] == 'read_only'
    assert hub.seq == 1 and len(screen.of('commit')) == 1


async def test_another_boards_element_is_not_found(sqlite_store):
    mine, theirs = open_hub(sqlite_store), open_hub(sqlite_store)
    await Client(theirs, PARENT).push(create('n1', text='van een ander gezin'))
    derya = Client(mine, PARENT)
    for op in (update('n1', x=1), delete('n1')):
        assert (await derya.push(op))['error'] == {'code': 'not_found', 'index': 0, 'id': 'n1', 'fields': []}
    assert (await derya.push(create('n1')))['seq'] == 1
    assert theirs.elements['n1'].props['text'] == 'van een ander gezin'


async def test_a_storage_failure_rejects_the_whole_group_and_changes_nothing(hub, monkeypatch):
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)
    await derya.push(create('n1'))
    before, mark = dumped(hub.elements), len(karin.messages)

    def fail(board_id, records):
        raise OSError('disk full')
    monkeypatch.setattr(hub.store, 'append', fail)
    answers = await asyncio.gather(derya.push(update('n1', x=1), cid='a'), karin.push(create('n2'), cid='b'),
                                   karin.push(update('nope', x=1), cid='c'))

    assert answers[:2] == [protocol.reject('a', {'code': 'storage_unavailable'}),
                           protocol.reject('b', {'code': 'storage_unavailable'})]
    assert answers[2]['error']['code'] == 'not_found'
    assert dumped(hub.elements) == before and hub.seq == 1
    assert sorted(karin.since(mark), key=json.dumps) == sorted(answers[1:], key=json.dumps)
    monkeypatch.undo()
    assert await derya.push(update('n1', x=1), cid='a') == protocol.ack('a', 2)


async def test_a_push_to_a_board_whose_row_is_gone_is_answered(hub):
    derya = Client(hub, PARENT)
    with hub.store.engine.begin() as connection:
        connection.execute(boards.delete().where(boards.c.id == hub.board_id))
    try:
        answer = await asyncio.wait_for(derya.push(create('n1')), timeout=1)
    finally:
        hub._drain_task.cancel()
        await asyncio.gather(hub._drain_task, return_exceptions=True)
    assert answer['type'] == 'reject'


# more than one process, snapshots, the registry

async def test_a_sequence_conflict_takes_in_the_other_commit_and_retries(sqlite_store):
    """Two hubs on one board stand in for two server processes."""
    info = sqlite_store.create_board('Gezin')
    first, second = (BoardHub(sqlite_store, sqlite_store.load(info.id)) for _ in range(2))
    derya, karin = Client(first, PARENT), Client(second, COORDINATOR)
    await derya.push(create('n1'))

    assert (await karin.push(create('n2')))['seq'] == 2
    assert (await karin.push(create('n1', text='ook n1')))['error']['code'] == 'exists'

    assert [m['seq'] for m in karin.of('commit')] == [1, 2]
    await first.catch_up_from_store()
    assert [m['seq'] for m in derya.of('commit')] == [1, 2]
    assert dumped(first.elements) == dumped(second.elements) == dumped(sqlite_store.load(info.id).elements)


async def test_snapshots_are_taken_and_load_matches_the_hub(store_url, store, monkeypatch):
    monkeypatch.setattr(hub_module, 'SNAPSHOT_EVERY', 3)
    hub = open_hub(store)
    derya = Client(hub, PARENT)
    for i in range(10):
        await derya.push(create(f'n{i}', text=f'kaart {i}') if i % 2 == 0 else update(f'n{i - 1}', x=i))

    fresh = Store(store_url)
    try:
        loaded = fresh.load(hub.board_id)
    finally:
        fresh.close()
    assert (loaded.snapshot_seq, loaded.seq) == (9, 10)
    assert dumped(loaded.elements) == dumped(hub.elements)


async def test_the_registry_keeps_one_hub_per_board(sqlite_store):
    info = sqlite_store.create_board('Gezin')
    registry = HubRegistry(sqlite_store)
    hubs = await asyncio.gather(registry.get(info.id), registry.get(info.id))
    assert hubs[0] is hubs[1] is registry.loaded(info.id)
    with pytest.raises(BoardNotFound):
        await registry.get('nope')
    registry.close(info.id, 'erased')
    assert hubs[0].closed == 'erased'
    assert registry.loaded(info.id) is None and await registry.get(info.id) is not hubs[0]


async def test_a_conflict_whose_winner_arrived_during_the_commit_is_retried(sqlite_store, monkeypatch):
    """Another instance's batch reaches us (over Redis) while our own append is on its way and loses."""
    info = sqlite_store.create_board('Gezin')
    ours, theirs = (BoardHub(sqlite_store, sqlite_store.load(info.id)) for _ in range(2))
    derya, karin = Client(ours, PARENT), Client(theirs, COORDINATOR)
    real_append = sqlite_store.append

    def append_after_the_other_instance(board_id, records):
        if records[0].actor_id == PARENT.id and ours.seq == 0:
            asyncio.run(karin.push(create('n-theirs')))  # the other instance wins seq 1 ...
            ours.absorb(sqlite_store.commits_since(board_id, 0))  # ... and Redis tells us at once
        return real_append(board_id, records)

    monkeypatch.setattr(sqlite_store, 'append', append_after_the_other_instance)
    answer = await derya.push(create('n-ours'))

    assert answer['type'] == 'ack' and answer['seq'] == 2
    assert set(ours.elements) == {'n-theirs', 'n-ours'}


async def test_who_is_the_household_changes_what_is_sent_at_once(family_hub):
    hub = family_hub
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)
    await karin.push({'op': 'create', 'id': 'bas', 'type': 'family_member',
                      'props': {'name': 'Bas', 'role': 'parent', 'household': False}})
    await derya.push(create('thuis', text='Alleen voor ons', visibility=FAMILY))
    bas = Client(hub, Actor(id='bas', name='Bas', role=Role.PARENT))
    assert 'Alleen voor ons' not in json.dumps(bas.messages)

    await derya.push(update('bas', household=True))
    assert bas.of('catchup')[-1]['changes'][-1] == {'kind': 'put', 'element': hub.elements['thuis'].public()}
    await derya.push(update('bas', household=False))
    assert {'kind': 'remove', 'id': 'thuis'} in bas.of('catchup')[-1]['changes']


async def test_presence_is_for_who_manages_the_board_and_never_of_someone_whose_cards_are_hidden(family_hub):
    hub = family_hub
    derya, karin, piet = Client(hub, PARENT), Client(hub, COORDINATOR), Client(hub, PRO)
    assert [p['id'] for p in piet.of('presence')[-1]['peers']] == ['piet']
    assert [p['id'] for p in derya.of('presence')[-1]['peers']] == ['derya', 'karin', 'piet']
    await karin.push(create('eigen', visibility={'scope': 'named', 'names': ['karin']}))
    Client(hub, SCREEN)  # someone joins: presence is sent again
    assert [p['id'] for p in derya.of('presence')[-1]['peers']] == ['derya', 'piet', 'tv']
    assert [p['id'] for p in karin.of('presence')[-1]['peers']] == ['derya', 'karin', 'piet', 'tv']


async def test_a_youth_is_never_shown_to_the_family(family_hub):
    hub = family_hub
    derya, karin = Client(hub, PARENT), Client(hub, COORDINATOR)
    Client(hub, Actor(id='elif', name='Elif', role=Role.YOUTH))
    assert [p['id'] for p in derya.of('presence')[-1]['peers']] == ['derya', 'karin']
    assert [p['id'] for p in karin.of('presence')[-1]['peers']] == ['derya', 'karin', 'elif']


async def test_a_side_naming_a_family_member_hidden_from_a_session_never_reaches_it(family_hub, sqlite_store):
    """Tante Femke is on Bas's side; Bas's card is for the coordinator alone: Piet sees Femke, never Bas's id."""
    hub = family_hub
    karin, piet = Client(hub, COORDINATOR), Client(hub, PRO)
    bas = {'op': 'create', 'id': 'bas-xyz', 'type': 'family_member', 'props': {'name': 'Bas', 'role': 'parent'},
           'visibility': {'scope': 'named', 'names': ['karin']}}
    femke = {'op': 'create', 'id': 'femke', 'type': 'network_person',
             'props': {'name': 'Tante Femke', 'sector': 'familie', 'side': 'bas-xyz'}}
    await karin.push(bas, femke)
    await karin.push({'op': 'update', 'id': 'femke', 'props': {'side': None}},
                     {'op': 'update', 'id': 'femke', 'props': {'side': 'bas-xyz', 'x': 3}})
    hub.resync(piet.session, 0)
    late = Client(hub, PRO)
    assert 'bas-xyz' in json.dumps(karin.messages)
    for client in (piet, late):
        assert 'bas-xyz' not in json.dumps(client.messages)
    assert hub.element_for(PRO, 'femke').props['side'] is None
    assert next(e for e in hub.visible_elements(PRO) if e.id == 'femke').props['side'] is None
    assert hub.element_for(COORDINATOR, 'femke').props['side'] == 'bas-xyz'
    from board.boardfile import export_board, visible_board
    exported = visible_board(export_board(sqlite_store, hub.board_id), PRO)
    assert 'bas-xyz' not in exported.model_dump_json()
