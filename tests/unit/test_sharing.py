"""Sharing per card and concepts, through the hub: defaults per type and per board, who may choose what, the
divorced-parents case, a youth's card for the coordinator alone, and a professional's concept that only the
household (and its author) see until a parent who manages the board approves it.
Each test that changes the board ends by checking that the op log replays to exactly what the hub holds.
On these boards Derya manages the board, Bas is a parent who lives elsewhere and Elif is a youth."""
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
    hub = BoardHub(sqlite_store, sqlite_store.load(info.id))
    await Client(hub, JOLIEN).ok(
        create('fm-derya', 'family_member', name='Derya', role='parent', manages=True),
        create('fm-bas', 'family_member', name='Bas', role='parent', household=False),
        create('fm-elif', 'family_member', name='Elif', role='youth'))
    return hub


def seen_by(hub, element_id):
    return {a.id for a in EVERYBODY if can_see(a, hub.elements[element_id], hub.rights)}


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
    assert default_visibility(actor, type_, hub.rights) == Visibility(scope=scope)
    props = {'note': {'text': 'x'}, 'goal': {'text': 'x'}, 'agreement': {'text': 'x'},
             'evaluation': {'date': '2026-11-15'},
             'network_person': {'name': 'x'}, 'family_member': {'name': 'x'},
             'tie': {'a': 'p1', 'b': 'p2'}}[type_]
    if type_ == 'tie':
        await Client(hub, JOLIEN).ok(create('p1', 'family_member', name='A'), create('p2', 'family_member', name='B'))
    await Client(hub, actor).ok(create('c1', type_, **props))
    assert hub.elements['c1'].visibility.scope == scope
    assert_replays(hub)


async def test_a_parents_note_stays_with_the_household_and_the_coordinator(hub):
    await Client(hub, DERYA).ok(note('n1'))
    assert seen_by(hub, 'n1') == {'fm-derya', 'fm-elif', 'np-jolien'}  # Bas lives elsewhere


async def test_the_default_is_always_allowed_anything_else_only_for_who_may_share_that_card(hub):
    elif_ = Client(hub, ELIF)
    await elif_.ok(note('n1', visibility={'scope': 'family_coordinator'}))
    await elif_.ok(note('n2', visibility={'scope': 'everyone'}))  # her own card
    assert (await Client(hub, KARIM).refused(note('n3', visibility={'scope': 'family'})))['code'] == \
        'visibility_forbidden'
    await Client(hub, KARIM).ok(note('n4', visibility={'scope': 'everyone'}))
    await Client(hub, DERYA).ok(note('n5', visibility={'scope': 'everyone'}))
    await Client(hub, DERYA).ok(share('n4', 'named', 'org:school'))  # a concept: Jolien does not see it yet
    assert seen_by(hub, 'n4') == {'np-karim'}
    assert (await elif_.refused(share('n5', 'family')))['code'] == 'visibility_forbidden'  # Derya's card
    assert (await Client(hub, BAS).refused(share('n5', 'family')))['code'] == 'visibility_forbidden'
    assert_replays(hub)


async def test_a_youth_shares_a_card_with_the_coordinator_alone(hub):
    await Client(hub, ELIF).ok(note('n1', text='Ik wil met iemand praten', visibility={
        'scope': 'named', 'names': ['fm-elif', 'coordinator']}))
    assert seen_by(hub, 'n1') == {'fm-elif', 'np-jolien'}
    assert (await Client(hub, DERYA).refused(share('n1', 'everyone')))['code'] == 'not_found'


async def test_the_board_chooses_what_a_new_card_shows_and_only_who_manages_it(hub):
    assert (await Client(hub, BAS).refused(update('family-info', default_scope='family')))['code'] == 'only_own'
    await Client(hub, DERYA).ok(update('family-info', default_scope='family'))
    await Client(hub, KARIM).ok(note('n1', text='Voor het gezin'))
    assert hub.elements['n1'].visibility == Visibility(scope='family')
    assert seen_by(hub, 'n1') == {'fm-derya', 'fm-elif', 'np-karim'}  # and its author
    assert_replays(hub)


async def test_what_a_professional_writes_starts_as_a_concept_until_the_family_switches_that_off(hub):
    karim = Client(hub, KARIM)
    await karim.ok(note('n1', text='Elif was er vandaag'))
    assert hub.elements['n1'].props['concept'] and seen_by(hub, 'n1') == {'fm-derya', 'fm-elif', 'np-karim'}
    assert (await Client(hub, JOLIEN).refused(update('family-info', concepts_first=False)))['code'] == \
        'managers_decide'
    await Client(hub, DERYA).ok(update('family-info', concepts_first=False))
    await karim.ok(note('n2', text='Elif was er weer'))
    assert not hub.elements['n2'].props['concept']
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

async def test_a_concept_is_seen_by_the_household_and_its_author_until_a_parent_approves(hub):
    karim, derya, jolien = Client(hub, KARIM), Client(hub, DERYA), Client(hub, JOLIEN)
    await karim.ok(note('v1', kind='verslag', text='Verslag van het gesprek', concept=True))
    assert seen_by(hub, 'v1') == {'fm-derya', 'fm-elif', 'np-karim'}
    assert 'Verslag van het gesprek' not in str(jolien.messages)
    assert hub.elements['v1'].props['concept_by']['id'] == 'np-karim'

    await derya.ok(update('v1', concept=False))
    assert seen_by(hub, 'v1') == {a.id for a in EVERYBODY}
    approved = hub.elements['v1'].props['approved_by']
    assert (approved['id'], approved['name']) == ('fm-derya', 'Derya') and approved['at']
    commits = [m for m in jolien.messages if m['type'] == 'commit']
    assert commits[-1]['changes'] == [{'kind': 'put', 'element': hub.elements['v1'].public()}]
    assert_replays(hub)


@pytest.mark.parametrize('actor', [ELIF, BAS, KARIM, JOLIEN], ids=lambda a: a.name)
async def test_only_a_parent_who_manages_the_board_approves(hub, actor):
    await Client(hub, KARIM).ok(create('g1', 'goal', text='Elif maakt een rooster.', concept=True))
    assert (await Client(hub, actor).refused(update('g1', concept=False)))['code'] in (
        'parent_approves', 'not_found', 'only_own')
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
