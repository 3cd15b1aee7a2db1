"""The netwerkschema's data through the hub: placing people, ties, the VIP view, and bad input that stores nothing."""
import pytest

from board.hub import BoardHub
from board.identity import Actor, Role
from board.plan import create_family_board, remove_person_operations
from tests.unit.hub_client import Client, assert_replays, create, delete, fields, props_of, update

KARIN = Actor(id='karin', name='Karin', role=Role.COORDINATOR)
PEOPLE = [
    create('elif', 'family_member', name='Elif', role='youth'),
    create('derya', 'family_member', name='Derya', role='parent'),
    create('oma', 'network_person', name='Oma', sector='familie'),
    create('visser', 'network_person', name='Mevrouw Visser', ring=3, sector='werk_school'),
]


@pytest.fixture
async def coach(sqlite_store):
    info = create_family_board(sqlite_store, 'De Vries')
    hub = BoardHub(sqlite_store, sqlite_store.load(info.id))
    client = Client(hub, KARIN)
    await client.ok(*PEOPLE)
    return client


async def test_a_drag_between_rings_is_stored_as_ring_sector_and_distance(coach):
    await coach.ok(update('visser', ring=2, sector='kennissen', distance=0.2))
    assert {k: props_of(coach.hub, 'visser')[k] for k in ('ring', 'sector', 'distance')} == \
        {'ring': 2, 'sector': 'kennissen', 'distance': 0.2}
    assert_replays(coach.hub)


async def test_a_youth_gets_her_own_schema_beside_the_family_schema(coach):
    await coach.ok(update('oma', vip=[{'member': 'elif', 'ring': 1, 'sector': 'familie', 'distance': 0.1}]))
    props = props_of(coach.hub, 'oma')
    assert props['vip'] == [{'member': 'elif', 'ring': 1, 'sector': 'familie', 'distance': 0.1}]
    assert (props['ring'], props['sector']) == (2, 'familie'), 'the family schema stays as it was'


@pytest.mark.parametrize('vip, problem', [
    ([{'member': 'oma'}], 'bad_reference'),  # a schema round someone who is not in the family
    ([{'member': 'gone'}], 'bad_reference'),
    ([{'member': 'elif'}, {'member': 'elif', 'ring': 3}], 'duplicate'),
    ([{'member': 'elif', 'distance': 1.5}], 'out_of_range'),
])
async def test_a_bad_vip_placement_is_refused(coach, vip, problem):
    error = await coach.refused(update('oma', vip=vip))
    assert problem in [f['problem'] for f in error['fields']]


async def test_a_tie_to_a_deleted_person_is_refused_and_nothing_is_stored(coach):
    await coach.ok(delete('oma'))
    error = await coach.refused(create('t1', 'tie', a='elif', b='oma'))
    assert error['code'] == 'bad_reference'
    assert fields(error) == [{'field': 'b', 'problem': 'bad_reference'}]


@pytest.mark.parametrize('props, field, problem', [
    ({'sector': None}, 'sector', 'not_allowed'),
    ({'sector': 'nergens'}, 'sector', 'not_allowed'),
    ({'ring': 4}, 'ring', 'not_allowed'),
    ({'distance': -0.1}, 'distance', 'out_of_range'),
    ({'practical': 'always'}, 'practical', 'not_allowed'),
    ({'contact': 7}, 'contact', 'not_allowed'),
    ({'known': 'lang'}, 'known', 'not_allowed'),
])
async def test_a_person_in_no_sector_or_with_a_netwerklijst_value_out_of_range_is_refused(coach, props, field, problem):
    error = await coach.refused(update('oma', **props))
    assert error['code'] == 'invalid_props'
    assert {'field': field, 'problem': problem} in fields(error)


async def test_a_tie_can_be_marked_tense_or_conflicting_but_not_anything_else(coach):
    await coach.ok(create('t1', 'tie', a='elif', b='oma'))
    await coach.ok(update('t1', kind='conflict'))
    assert props_of(coach.hub, 't1')['kind'] == 'conflict'
    assert fields(await coach.refused(update('t1', kind='boos'))) == [{'field': 'kind', 'problem': 'not_allowed'}]


async def test_removing_a_family_member_removes_their_own_schema(coach):
    await coach.ok(update('oma', vip=[{'member': 'elif'}, {'member': 'derya', 'ring': 3}]))
    await coach.ok(*remove_person_operations(coach.hub.elements, 'elif'))
    assert [p['member'] for p in props_of(coach.hub, 'oma')['vip']] == ['derya']
    assert_replays(coach.hub)


async def test_a_grandmother_is_on_a_parents_side_until_that_parent_leaves_the_plan(coach):
    await coach.ok(update('oma', side='derya'), update('visser', side='elif'))
    assert props_of(coach.hub, 'oma')['side'] == 'derya'
    await coach.refused(update('oma', side='visser'))  # a side is a family member's
    await coach.ok(*remove_person_operations(coach.hub.elements, 'derya'))
    assert props_of(coach.hub, 'oma')['side'] is None and props_of(coach.hub, 'visser')['side'] == 'elif'
    assert_replays(coach.hub)
