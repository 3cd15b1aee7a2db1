"""Saved moments: the server stamps where in the log they were saved, the store brings the board back as it was
then (SQLite and PostgreSQL alike), and a viewer sees of the past only what they may see then and now."""
import pytest

from board import boardfile
from board.demo import create_demo_board
from board.elements import Element, ElementType, Scope, Visibility
from board.identity import Actor, Role
from board.moments import seen_then
from board.store import HistoryMissing
from network_graph.compare import compare
from tests.unit.hub_client import Client, assert_replays, create, delete, dumped, family_hub, fields, props_of, update

DERYA = Actor(id='derya', name='Derya', role=Role.PARENT)
KARIN = Actor(id='karin', name='Karin', role=Role.COORDINATOR)
SCHOOL = Actor(id='karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
FAMILY_ONLY = {'scope': 'family'}


@pytest.fixture
async def hub(store):
    return family_hub(store, ('derya', 'parent', {'manages': True}))


def moment(id_='m1', name='Start', **props):
    return create(id_, 'moment', name=name, **props)


# stamping

async def test_a_moment_remembers_the_sequence_number_it_was_saved_at(hub):
    derya = Client(hub, DERYA)
    await derya.ok(create('oma', 'network_person', name='Oma'))
    answer = await derya.ok(moment(date='2026-09-01'))
    assert props_of(hub, 'm1') == {'name': 'Start', 'date': '2026-09-01', 'seq': answer['seq']}
    assert_replays(hub)


async def test_a_client_cannot_forge_or_change_where_a_moment_was_saved(hub):
    derya = Client(hub, DERYA)
    answer = await derya.ok(moment(seq=1))
    assert props_of(hub, 'm1')['seq'] == answer['seq'] != 1
    error = await derya.refused(update('m1', seq=1))
    assert fields(error) == [{'field': 'seq', 'problem': 'read_only'}]
    await derya.ok(update('m1', name='Bij de start'))  # the name may change, the place in the log not
    assert props_of(hub, 'm1')['seq'] == answer['seq']


@pytest.mark.parametrize('name, problem', [('', 'empty'), ('x' * 121, 'too_long')])
async def test_a_moment_without_a_fitting_name_is_refused_and_nothing_is_stored(hub, name, problem):
    error = await Client(hub, DERYA).refused(moment(name=name))
    assert fields(error) == [{'field': 'name', 'problem': problem}]


# the board as it was

async def test_the_board_as_it_was_is_the_log_replayed_up_to_that_point(hub):
    derya = Client(hub, DERYA)
    await derya.ok(create('oma', 'network_person', name='Oma'), create('juf', 'network_person', name='Juf', ring=3))
    saved = (await derya.ok(moment()))['seq']
    then = dumped(hub.elements)
    await derya.ok(update('juf', ring=2), delete('oma'), create('buur', 'network_person', name='Buurman'))

    assert dumped(hub.store.elements_at(hub.board_id, saved)) == then
    change = compare(hub.store.elements_at(hub.board_id, saved).values(), hub.elements.values())
    assert ([p['name'] for p in change['added']], [p['name'] for p in change['gone']]) == (['Buurman'], ['Oma'])
    assert change['moved'] == [{'id': 'juf', 'name': 'Juf', 'ring': 2, 'from_ring': 3, 'to_ring': 2}]


async def test_a_snapshot_before_the_moment_is_used_and_gives_the_same_board(hub):
    derya = Client(hub, DERYA)
    await derya.ok(create('oma', 'network_person', name='Oma'))
    hub.store.save_snapshot(hub.board_id, hub.seq, {'oma': hub.elements['oma']})  # disagrees with the log on purpose
    await derya.ok(create('juf', 'network_person', name='Juf'))
    assert set(hub.store.elements_at(hub.board_id, hub.seq)) == {'oma', 'juf'}, 'started from the snapshot'
    assert 'juf' not in hub.store.elements_at(hub.board_id, hub.seq - 1)


def test_a_board_imported_from_a_file_has_no_history_before_the_file(sqlite_store):
    text = boardfile.dumps(boardfile.export_board(sqlite_store, create_demo_board(sqlite_store).id))
    imported = boardfile.import_board(sqlite_store, boardfile.loads(text), new_id='kopie')
    start = sqlite_store.load(imported.id).elements['moment-start'].props['seq']
    assert start < imported.seq
    with pytest.raises(HistoryMissing):
        sqlite_store.elements_at(imported.id, start)
    assert 'moment-start' in sqlite_store.elements_at(imported.id, imported.seq)


# what a viewer sees of it

def element(id_, scope=Scope.EVERYONE, deleted=False, name='Oma'):
    return Element(id=id_, type=ElementType.NETWORK_PERSON, props={'name': name},
                   visibility=Visibility(scope=scope), deleted=deleted)


@pytest.mark.parametrize('then_scope, now, seen', [
    (Scope.EVERYONE, None, True),  # not on the board any more (never was, after an import): then decides
    (Scope.EVERYONE, element('oma'), True),
    (Scope.EVERYONE, element('oma', Scope.FAMILY), False),  # hidden now: it must not come back in the past
    (Scope.EVERYONE, element('oma', Scope.FAMILY, deleted=True), False),  # hidden, then removed: still hidden
    (Scope.EVERYONE, element('oma', deleted=True), True),  # just removed: it was there then
    (Scope.FAMILY, element('oma'), False),  # hidden then: the past stays as it was shown
])
def test_the_school_sees_the_past_only_where_it_may_see_then_and_now(then_scope, now, seen):
    then = [element('oma', then_scope)]
    assert [e.id for e in seen_then(SCHOOL, then, {'oma': now} if now else {})] == (['oma'] if seen else [])


def test_the_family_sees_what_it_hid_from_others_and_nobody_sees_what_was_already_gone():
    derya = Element(id='derya', type=ElementType.FAMILY_MEMBER, props={'name': 'Derya', 'role': 'parent'})
    then = [element('oma'), element('ex', deleted=True), derya]
    now = {'oma': element('oma', Scope.FAMILY), 'derya': derya}
    assert [e.id for e in seen_then(DERYA, then, now)] == ['oma', 'derya']
    assert [e.id for e in seen_then(SCHOOL, then, now)] == ['derya']


async def test_a_person_hidden_now_does_not_reappear_in_the_then_view_through_the_store(hub):
    karin = Client(hub, KARIN)
    await karin.ok(create('oma', 'network_person', name='Oma'), create('juf', 'network_person', name='Juf', ring=3))
    saved = (await karin.ok(moment()))['seq']
    await karin.ok({'op': 'update', 'id': 'oma', 'visibility': FAMILY_ONLY})
    then = hub.store.elements_at(hub.board_id, saved).values()
    assert {e.id for e in seen_then(SCHOOL, then, hub.elements) if e.type == 'network_person'} == {'juf'}
    assert {e.id for e in seen_then(DERYA, then, hub.elements) if e.type == 'network_person'} == {'juf', 'oma'}


# the demo family

def test_the_demo_family_started_smaller_and_more_professional(sqlite_store):
    info = create_demo_board(sqlite_store)
    now = sqlite_store.load(info.id).elements
    start = now['moment-start'].props
    assert (start['name'], start['date']) == ('Start', '2026-09-01')
    change = compare(sqlite_store.elements_at(info.id, start['seq']).values(), now.values())
    assert {p['id'] for p in change['added']} == {'np-ilse', 'np-samira'} and change['gone'] == []
    assert [(p['id'], p['from_ring'], p['to_ring']) for p in change['moved']] == [('np-ruud', 3, 2)]
    assert change['share_informal']['before'] < change['share_informal']['after']
