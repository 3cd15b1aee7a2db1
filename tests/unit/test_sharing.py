"""Sharing per card and concepts, through the hub: defaults per type, who may choose what, the divorced-parents
case, and a professional's concept that only the family (and its author) see until a parent approves it.
Each test that changes the board ends by checking that the op log replays to exactly what the hub holds."""
import pytest

from board import sharing
from board.access import DEFAULT_SCOPES, can_see, default_visibility
from board.elements import ElementType, Visibility
from board.hub import BoardHub
from board.identity import Actor, Role
from board.plan import create_family_board
from tests.unit.hub_client import Client, assert_replays, create, update

DERYA = Actor(id='fm-derya', name='Derya', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas', role=Role.PARENT)
ELIF = Actor(id='fm-elif', name='Elif', role=Role.YOUTH)
JOLIEN = Actor(id='np-jolien', name='Jolien', role=Role.COORDINATOR, organisation='wijkteam')
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
TOM = Actor(id='np-tom', name='Tom', role=Role.PROFESSIONAL, organisation='schuldhulp')
OMA = Actor(id='np-ayse', name='Anneanne', role=Role.NETWORK)
SCREEN = Actor(id='tv', name='Scherm', role=Role.SCREEN)
EVERYBODY = (DERYA, BAS, ELIF, JOLIEN, KARIM, TOM, OMA, SCREEN)


@pytest.fixture
async def hub(sqlite_store):
    info = create_family_board(sqlite_store, 'Yılmaz-de Vries')
    return BoardHub(sqlite_store, sqlite_store.load(info.id))


def seen_by(hub, element_id):
    return {a.id for a in EVERYBODY if can_see(a, hub.elements[element_id])}


def note(id_, text='Geld.', **props):
    return create(id_, 'note', text=text, **props)


def share(id_, scope, *names):
    return {'op': 'update', 'id': id_, 'visibility': {'scope': scope, 'names': list(names)}}


# defaults per type

def test_every_type_has_a_default():
    assert set(DEFAULT_SCOPES) == set(ElementType)


@pytest.mark.parametrize(('actor', 'type_', 'scope'), [
    (DERYA, 'note', 'family_coordinator'), (ELIF, 'note', 'family_coordinator'), (KARIM, 'note', 'everyone'),
    (DERYA, 'goal', 'everyone'), (KARIM, 'agreement', 'everyone'), (JOLIEN, 'network_person', 'everyone'),
    (DERYA, 'family_member', 'everyone'), (OMA, 'tie', 'everyone'), (JOLIEN, 'evaluation', 'everyone'),
])
async def test_a_new_card_gets_its_types_default(hub, actor, type_, scope):
    assert default_visibility(actor, type_) == Visibility(scope=scope)
    props = {'note': {'text': 'x'}, 'goal': {'text': 'x'}, 'agreement': {'text': 'x'}, 'evaluation': {'date': '2026-11-15'},
             'network_person': {'name': 'x'}, 'family_member': {'name': 'x'},
             'tie': {'a': 'p1', 'b': 'p2'}}[type_]
    if type_ == 'tie':
        await Client(hub, JOLIEN).ok(create('p1', 'family_member', name='A'), create('p2', 'family_member', name='B'))
    await Client(hub, actor).ok(create('c1', type_, **props))
    assert hub.elements['c1'].visibility.scope == scope
    assert_replays(hub)


async def test_a_parents_note_stays_with_the_family_and_the_coordinator(hub):
    await Client(hub, DERYA).ok(note('n1'))
    assert seen_by(hub, 'n1') == {'fm-derya', 'fm-bas', 'fm-elif', 'np-jolien'}


async def test_the_default_is_always_allowed_anything_else_only_for_parents_and_the_coordinator(hub):
    await Client(hub, ELIF).ok(note('n1', visibility={'scope': 'family_coordinator'}))
    assert (await Client(hub, ELIF).refused(note('n2', visibility={'scope': 'everyone'})))['code'] == \
        'visibility_forbidden'
    assert (await Client(hub, KARIM).refused(note('n3', visibility={'scope': 'family'})))['code'] == \
        'visibility_forbidden'
    await Client(hub, KARIM).ok(note('n4', visibility={'scope': 'everyone'}))
    await Client(hub, DERYA).ok(note('n5', visibility={'scope': 'everyone'}))
    await Client(hub, JOLIEN).ok(share('n4', 'named', 'org:school'))
    assert seen_by(hub, 'n4') == {'np-karim'}
    assert_replays(hub)


# the divorced-parents case

async def test_a_parent_keeps_her_own_support_from_the_other_parent(hub):
    derya = Client(hub, DERYA)
    bas = Client(hub, BAS)
    await derya.ok(note('n1', text='Mijn eigen schuldhulp', visibility={'scope': 'named',
                                                                        'names': ['fm-derya', 'np-jolien']}))
    assert seen_by(hub, 'n1') == {'fm-derya', 'np-jolien'}
    assert 'Mijn eigen schuldhulp' not in str(bas.messages)
    assert (await bas.refused(update('n1', text='?')))['code'] == 'not_found'


async def test_with_me_keeps_the_chooser_in_a_named_choice():
    assert sharing.with_me(Visibility(scope='family'), 'fm-derya') == Visibility(scope='named', names=('fm-derya',))
    chosen = Visibility(scope='named', names=('np-jolien', 'fm-derya'))
    assert sharing.with_me(chosen, 'fm-derya') == chosen


@pytest.mark.parametrize(('organisation', 'key'), [
    ('Basisschool De Regenboog', 'school'), ('Het Nieuwe Lyceum', 'school'), ('GGZ', 'ggz'),
    ('Wijkteam Amersfoort', 'wijkteam'), ('Schuldhulpverlening Eemland', 'schuldhulp'),
    ('Huisartsenpraktijk Lindelaan', 'huisarts'), ('Voetbalclub Hoogland', 'voetbalclub-hoogland'), ('', ''),
])
def test_an_organisation_is_shared_with_by_its_kind(organisation, key):
    assert sharing.organisation_key(organisation) == key


# concepts

async def test_a_concept_is_seen_by_the_family_and_its_author_until_a_parent_approves(hub):
    karim, derya, jolien = Client(hub, KARIM), Client(hub, DERYA), Client(hub, JOLIEN)
    await karim.ok(note('v1', kind='verslag', text='Verslag van het gesprek', concept=True))
    assert seen_by(hub, 'v1') == {'fm-derya', 'fm-bas', 'fm-elif', 'np-karim'}
    assert 'Verslag van het gesprek' not in str(jolien.messages)
    assert hub.elements['v1'].props['concept_by']['id'] == 'np-karim'

    await derya.ok(update('v1', concept=False))
    assert seen_by(hub, 'v1') == {a.id for a in EVERYBODY}
    approved = hub.elements['v1'].props['approved_by']
    assert (approved['id'], approved['name']) == ('fm-derya', 'Derya') and approved['at']
    assert jolien.messages[-1]['changes'] == [{'kind': 'put', 'element': hub.elements['v1'].public()}]
    assert_replays(hub)


@pytest.mark.parametrize('actor', [ELIF, KARIM, JOLIEN], ids=lambda a: a.role)
async def test_only_a_parent_approves(hub, actor):
    await Client(hub, KARIM).ok(create('g1', 'goal', text='Elif maakt een rooster.', concept=True))
    assert (await Client(hub, actor).refused(update('g1', concept=False)))['code'] in ('parent_approves', 'not_found')
    assert hub.elements['g1'].props['concept']


async def test_a_professional_cannot_forge_an_approval_or_an_author(hub):
    karim = Client(hub, KARIM)
    signature = {'id': 'fm-derya', 'name': 'Derya', 'at': '2026-11-15T10:00:00'}
    await karim.ok(create('a1', 'agreement', text='Bellen', concept=True, approved_by=signature,
                          concept_by={'id': 'np-jolien'}))
    assert hub.elements['a1'].props['approved_by'] is None
    assert hub.elements['a1'].props['concept_by']['id'] == 'np-karim'
    error = await karim.refused(update('a1', approved_by=signature))
    assert error['code'] == 'invalid_props' and error['fields'] == [{'field': 'approved_by', 'problem': 'read_only'}]
    assert_replays(hub)


async def test_only_a_professional_marks_a_concept(hub):
    assert (await Client(hub, DERYA).refused(note('n1', concept=True)))['code'] == 'concept_professionals_only'


async def test_a_concept_follows_its_visibility_too(hub):
    """A concept shared only with one parent is not shown to the other one."""
    await Client(hub, JOLIEN).ok(create('e1', 'evaluation', date='2026-11-15', concept=True,
                                        summary='Alleen voor Derya'),
                                 share('e1', 'named', 'fm-derya', 'np-jolien'))
    assert seen_by(hub, 'e1') == {'fm-derya', 'np-jolien'}


def test_the_organisations_to_share_with_are_the_kinds_on_the_board():
    from board.demo import demo_operations
    from board.operations import apply_batch, parse_batch
    elements = apply_batch({}, parse_batch(demo_operations()), actor_id='system', seq=1, now='')
    assert sharing.organisations(elements.values()) == ['org:ggz', 'org:huisarts', 'org:school', 'org:schuldhulp',
                                                        'org:wijkteam']
