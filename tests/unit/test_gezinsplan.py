"""The gezinsplan's parts: family info, goals, agreements and evaluations, with the rules that go with them.

Most tests go through a hub on a new family board, because that is where the rules (who wrote a goal,
its number, who may accept or change it) are applied; each ends by checking that the op log replays to
exactly what the hub holds, stamps and numbers included.
"""
import datetime as dt
import json

import pytest

from board.demo import create_demo_board, demo_operations
from board.elements import MAX_TEXT, Agreement, ElementType
from board.hub import BoardHub
from board.identity import SYSTEM, Actor, Role
from board.operations import OperationError, apply_batch, parse_batch
from board.plan import ZONES, create_family_board, new_plan_operations, remove_person_operations
from tests.unit.hub_client import Client, assert_replays, create, delete, fields, props_of, update

START = dt.date(2026, 9, 1)
DERYA = Actor(id='derya', name='Derya', role=Role.PARENT)
ELIF = Actor(id='elif', name='Elif', role=Role.YOUTH)
SEM = Actor(id='sem', name='Sem', role=Role.CHILD)
KARIN = Actor(id='karin', name='Karin', role=Role.COORDINATOR)
PIET = Actor(id='piet', name='Piet', role=Role.PROFESSIONAL)
OMA = Actor(id='oma', name='Oma', role=Role.NETWORK)

PEOPLE = [
    {'op': 'create', 'id': 'derya', 'type': 'family_member', 'props': {'name': 'Derya', 'role': 'parent',
                                                                     'manages': True}},
    {'op': 'create', 'id': 'elif', 'type': 'family_member', 'props': {'name': 'Elif', 'role': 'youth'}},
    {'op': 'create', 'id': 'sem', 'type': 'family_member', 'props': {'name': 'Sem', 'role': 'child'}},
    {'op': 'create', 'id': 'karin', 'type': 'network_person',
     'props': {'name': 'Karin', 'organisation': 'Wijkteam', 'ring': 3, 'days': ['ma', 'di', 'do']}},
    {'op': 'create', 'id': 'piet', 'type': 'network_person', 'props': {'name': 'Piet', 'ring': 3}},
    {'op': 'create', 'id': 'oma', 'type': 'network_person', 'props': {'name': 'Oma', 'sector': 'familie'}},
]


def goal(id_, text='Sem gaat weer naar school.', **props):
    return create(id_, 'goal', text=text, **props)


def agreement(id_, text='Oma brengt Sem op dinsdag.', **props):
    return create(id_, 'agreement', text=text, **props)


def evaluation(id_, date='2026-11-15', **props):
    return create(id_, 'evaluation', date=date, **props)


def standard(hub, kind='eindevaluatie'):
    """The id of one of the two agreements every plan has (random, like every new plan part's)."""
    return next(e.id for e in hub.elements.values() if e.props.get('standard') == kind)


@pytest.fixture
async def hub(sqlite_store):
    """A new family board (family info, zones, the two standard agreements) with a few people on it."""
    info = create_family_board(sqlite_store, 'De Vries', START)
    hub = BoardHub(sqlite_store, sqlite_store.load(info.id))
    await Client(hub, KARIN).ok(*PEOPLE)
    return hub


# a new plan

def test_new_plan_operations_make_a_gezinsplan():
    elements = apply_batch({}, parse_batch(new_plan_operations(START)), actor_id=SYSTEM.id, seq=1, now='t')
    assert elements['family-info'].type == ElementType.FAMILY_INFO
    assert elements['family-info'].props['start_date'] == '2026-09-01'
    zones = [e.props['kind'] for e in elements.values() if e.type == ElementType.ZONE]
    assert zones == ['hulpvraag', 'toekomst', 'krachten', 'zorgen'] == [kind for _, kind, *_ in ZONES]
    standard = [e.props for e in elements.values() if e.type == ElementType.AGREEMENT]
    assert [(p['number'], p['standard']) for p in standard] == [(1, 'eindevaluatie'), (2, 'informeren')]
    assert all(p['start'] == '2026-09-01' and p['goal_id'] is None for p in standard)
    assert not any(e.type in (ElementType.GOAL, ElementType.EVALUATION) for e in elements.values())


def test_create_family_board_stores_the_plan_as_batch_one(sqlite_store):
    info = create_family_board(sqlite_store, 'De Vries', START)
    loaded = sqlite_store.load(info.id)
    assert (info.name, info.family_name, loaded.seq) == ('De Vries', 'De Vries', 1)
    parts = sorted((e.type, e.props.get('kind') or e.props.get('standard') or '') for e in loaded.elements.values())
    assert parts == sorted((op['type'], op['props'].get('kind') or op['props'].get('standard') or '')
                           for op in new_plan_operations(START))
    another = create_family_board(sqlite_store, 'Bakker', START)
    assert set(loaded.elements) & set(sqlite_store.load(another.id).elements) == {'family-info'}  # nothing to guess


async def test_the_next_agreement_is_numbered_after_the_standard_ones(hub):
    await Client(hub, DERYA).ok(agreement('a1'))
    assert props_of(hub, 'a1')['number'] == 3


@pytest.mark.parametrize(('planned_end', 'done', 'overdue'), [
    (None, None, False), ('2026-11-30', None, True), ('2026-12-01', None, False), ('2026-12-02', None, False),
    ('2026-11-30', '2026-11-30', False), ('2026-11-30', '2026-12-01', False)])
def test_an_agreement_is_overdue_after_its_planned_end_until_it_is_done(planned_end, done, overdue):
    agreed = Agreement(text='x', start='2026-09-01', planned_end=planned_end, done=done)
    assert agreed.overdue(dt.date(2026, 12, 1)) is overdue


# algemene informatie gezin

async def test_family_info_is_a_singleton(hub):
    karin = Client(hub, KARIN)
    assert (await karin.refused(create('info-2', 'family_info', phone='06')))['code'] == 'singleton'
    assert (await karin.refused(create('family-info', 'family_info', phone='06')))['code'] == 'exists'
    with pytest.raises(OperationError) as caught:
        apply_batch({}, parse_batch([create('family-info', 'family_info'), create('family-info', 'family_info')]),
                    actor_id='system', seq=1, now='t')
    assert (caught.value.code, caught.value.index) == ('exists', 1)


async def test_family_info_can_be_filled_in_and_names_the_coordinator(hub):
    await Client(hub, DERYA).ok(update(
        'family-info', address='Lindelaan 12', phone='06-12345678', mail='derya@example.nl',
        important='Bel na 15:00.', coordinator_id='karin', afstemming=['overleg', 'mail'],
        afstemming_text='Elke zes weken een rondetafelgesprek.'))
    info = props_of(hub, 'family-info')
    assert (info['coordinator_id'], info['afstemming'], info['start_date']) == ('karin', ['overleg', 'mail'],
                                                                               '2026-09-01')
    assert_replays(hub)


@pytest.mark.parametrize('target', ['derya', 'nobody', 'an agreement'])
async def test_the_coordinator_must_be_a_network_person(hub, target):
    target = standard(hub) if target == 'an agreement' else target
    error = await Client(hub, KARIN).refused(update('family-info', coordinator_id=target))
    assert error['code'] == 'bad_reference' and fields(error) == [
        {'field': 'coordinator_id', 'problem': 'bad_reference'}]


async def test_the_coordinator_must_not_be_deleted(hub):
    karin = Client(hub, KARIN)
    await karin.ok(delete('piet'))
    assert (await karin.refused(update('family-info', coordinator_id='piet')))['code'] == 'bad_reference'


async def test_a_network_person_has_days_and_hours(hub):
    await Client(hub, KARIN).ok(update('karin', hours='9:00-17:00'))
    assert (props_of(hub, 'karin')['days'], props_of(hub, 'karin')['hours']) == (['ma', 'di', 'do'], '9:00-17:00')
    error = await Client(hub, KARIN).refused(update('karin', days=['maandag']))
    assert fields(error) == [{'field': 'days.0', 'problem': 'not_allowed'}]


# doelen: numbers and who wrote them

async def test_goals_are_numbered_in_order_and_numbers_are_never_reused(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1'), goal('g2'))
    await derya.ok(goal('g3'))
    assert [props_of(hub, g)['number'] for g in ('g1', 'g2', 'g3')] == [1, 2, 3]
    await derya.ok(delete('g2'))
    await derya.ok(goal('g4'))
    assert props_of(hub, 'g4')['number'] == 4
    await derya.ok(delete('g4'))
    await derya.ok(goal('g5'))
    assert props_of(hub, 'g5')['number'] == 5
    assert [props_of(hub, g)['number'] for g in ('g1', 'g3')] == [1, 3]
    assert_replays(hub)


async def test_a_goal_number_or_author_sent_by_a_client_is_ignored_on_create(hub):
    await Client(hub, DERYA).ok(goal('g1', number=7, written_by='karin', written_by_name='Karin',
                                     written_by_role='coordinator'))
    written = props_of(hub, 'g1')
    assert (written['number'], written['written_by'], written['written_by_name'], written['written_by_role']) == (
        1, 'derya', 'Derya', 'parent')
    assert_replays(hub)


@pytest.mark.parametrize('prop', ['number', 'written_by', 'written_by_name', 'written_by_role'])
async def test_server_props_of_a_goal_are_read_only(hub, prop):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1'))
    error = await derya.refused(update('g1', **{prop: 2 if prop == 'number' else 'x'}))
    assert error['code'] == 'invalid_props' and fields(error) == [{'field': prop, 'problem': 'read_only'}]


async def test_the_number_of_an_agreement_is_read_only(hub):
    error = await Client(hub, KARIN).refused(update(standard(hub), number=9))
    assert error['code'] == 'invalid_props' and fields(error) == [{'field': 'number', 'problem': 'read_only'}]


@pytest.mark.parametrize('actor', [DERYA, ELIF, SEM, KARIN, PIET, OMA], ids=lambda a: a.role)
async def test_the_author_of_a_goal_is_stamped(hub, actor):
    await Client(hub, actor).ok(goal('g1'))
    written = props_of(hub, 'g1')
    assert (written['written_by'], written['written_by_name'], written['written_by_role']) == (
        actor.id, actor.name, str(actor.role))
    assert written['status'] == ('active' if actor.in_family else 'proposal')
    assert hub.elements['g1'].created_by == actor.id
    assert_replays(hub)


# doelen: proposals, the family's words, kaders

async def test_a_professionals_goal_is_a_proposal_until_the_family_accepts_it(hub):
    await Client(hub, PIET).ok(goal('g1', text='Elif maakt een huiswerkrooster.', owners=['elif'], status='active'))
    assert props_of(hub, 'g1')['status'] == 'proposal'
    assert (await Client(hub, PIET).refused(update('g1', status='active')))['code'] == 'family_accepts'
    for actor in (KARIN, OMA):  # a professional's new goal is also a concept: the family reads it first
        assert (await Client(hub, actor).refused(update('g1', status='active')))['code'] == 'not_found'
    assert (await Client(hub, ELIF).refused(update('g1', status='active')))['code'] == 'family_accepts'  # hers, yet
    await Client(hub, DERYA).ok(update('g1', status='active'))
    assert props_of(hub, 'g1')['status'] == 'active'
    assert_replays(hub)


async def test_only_a_family_member_who_manages_the_board_accepts_a_proposal(hub):
    await Client(hub, KARIN).ok(goal('g1'), goal('g2'))
    await Client(hub, DERYA).ok(update('g1', status='active'))
    for child in (SEM, ELIF):
        assert (await Client(hub, child).refused(update('g2', status='active')))['code'] == 'only_own'
    assert props_of(hub, 'g1')['status'] == 'active' and props_of(hub, 'g2')['status'] == 'proposal'


async def test_a_professional_may_change_their_own_proposal(hub):
    piet = Client(hub, PIET)
    await piet.ok(goal('g1', text='Elif maakt een rooster.'))
    await piet.ok(update('g1', text='Elif maakt een rooster voor huiswerk.'))
    await piet.ok(delete('g1'))


async def test_a_professional_cannot_accept_their_own_proposal_by_way_of_removed(hub):
    piet = Client(hub, PIET)
    await piet.ok(goal('g1'))
    assert (await piet.refused(update('g1', status='removed'), update('g1', status='active')))['code'] == \
        'family_accepts'


async def test_the_familys_words_are_changed_or_removed_only_by_the_family(hub):
    await Client(hub, DERYA).ok(goal('g1', text='We hebben overzicht over ons geld.', owners=['derya']))
    for actor in (PIET, KARIN, OMA):
        client = Client(hub, actor)
        assert (await client.refused(update('g1', text='Derya leert budgetteren.')))['code'] == 'family_words'
        assert (await client.refused(delete('g1')))['code'] == 'family_words'
    piet = Client(hub, PIET)
    await piet.ok(update('g1', x=300, y=270))
    await piet.ok(update('g1', progress=6, supporters=['piet', 'oma']))
    assert (props_of(hub, 'g1')['x'], props_of(hub, 'g1')['progress']) == (300.0, 6)
    assert (await Client(hub, ELIF).refused(update('g1', text='Anders.')))['code'] == 'only_own'
    await Client(hub, DERYA).ok(update('g1', text='We weten wat er binnenkomt en wat eruit gaat.'))
    await Client(hub, DERYA).ok(delete('g1'))
    assert hub.elements['g1'].deleted
    assert_replays(hub)


async def test_the_text_sent_unchanged_is_no_change(hub):
    await Client(hub, DERYA).ok(goal('g1', text='Noor slaapt in haar eigen bed.'))
    await Client(hub, KARIN).ok(update('g1', text='Noor slaapt in haar eigen bed.', progress=3))


async def test_a_kader_is_set_by_professionals_only(hub):
    derya = Client(hub, DERYA)
    error = await derya.refused(goal('k1', text='Geen fysiek straffen.', kind='kader'))
    assert error['code'] == 'kader_professionals_only'
    await Client(hub, KARIN).ok(goal('k1', text='Geen fysiek straffen.', kind='kader'))
    kader = props_of(hub, 'k1')
    assert (kader['kind'], kader['status'], kader['number'], kader['written_by_role']) == (
        'kader', 'active', 1, 'coordinator')
    assert (await derya.refused(update('k1', text='Niet slaan.')))['code'] == 'kader_professionals_only'
    assert (await derya.refused(delete('k1')))['code'] == 'kader_professionals_only'
    assert (await Client(hub, OMA).refused(update('k1', text='x')))['code'] == 'kader_professionals_only'
    await Client(hub, PIET).ok(update('k1', text='Niemand in het gezin wordt geslagen.'))
    assert_replays(hub)


async def test_a_goal_never_changes_kind(hub):
    derya, karin = Client(hub, DERYA), Client(hub, KARIN)
    await derya.ok(goal('g1'))
    await karin.ok(goal('k1', text='Geen fysiek straffen.', kind='kader'))
    assert (await derya.refused(update('g1', kind='kader')))['code'] == 'kind_fixed'
    assert (await karin.refused(update('g1', kind='kader')))['code'] == 'kind_fixed'
    assert (await karin.refused(update('k1', kind='goal')))['code'] == 'kind_fixed'


async def test_the_family_may_move_a_kader_card_but_not_change_it(hub):
    await Client(hub, KARIN).ok(goal('k1', text='Geen fysiek straffen.', kind='kader'))
    await Client(hub, DERYA).ok(update('k1', x=300, y=40))
    assert (props_of(hub, 'k1')['x'], props_of(hub, 'k1')['y']) == (300, 40)


async def test_outside_the_family_nobody_removes_or_demotes_a_family_goal(hub):
    await Client(hub, DERYA).ok(goal('g1'))
    piet = Client(hub, PIET)
    assert (await piet.refused(update('g1', status='removed')))['code'] == 'family_words'
    assert (await piet.refused(update('g1', status='proposal')))['code'] == 'family_words'
    assert props_of(hub, 'g1')['status'] == 'active'


async def test_only_the_family_brings_a_removed_goal_back(hub):
    await Client(hub, PIET).ok(goal('g1'))
    derya = Client(hub, DERYA)
    await derya.ok(update('g1', status='active', concept=False))
    await Client(hub, PIET).ok(update('g1', status='removed'))
    assert (await Client(hub, KARIN).refused(update('g1', status='active')))['code'] == 'family_accepts'
    await derya.ok(update('g1', status='active'))


async def test_progress_runs_from_0_to_10(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1', progress=0))
    await derya.ok(update('g1', progress=10))
    error = await derya.refused(update('g1', progress=11))
    assert fields(error) == [{'field': 'progress', 'problem': 'out_of_range'}]


async def test_owners_and_supporters_must_be_people_on_the_board(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1', owners=['sem'], supporters=['oma', 'piet', 'derya']))
    error = await derya.refused(update('g1', owners=['oma']))
    assert fields(error) == [{'field': 'owners', 'problem': 'bad_reference'}]
    error = await derya.refused(update('g1', supporters=['oma', standard(hub)]))
    assert fields(error) == [{'field': 'supporters', 'problem': 'bad_reference'}]


async def test_a_goal_ending_before_it_starts_is_refused(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1', start='2026-09-01', planned_end='2027-01-31'))
    error = await derya.refused(update('g1', planned_end='2026-08-31'))
    assert error['code'] == 'invalid_props' and fields(error) == [
        {'field': 'planned_end', 'problem': 'end_before_start'}]
    error = await derya.refused(goal('g2', start='2026-09-01', reached='2026-01-01'))
    assert fields(error) == [{'field': 'reached', 'problem': 'end_before_start'}]


async def test_a_goal_of_50000_characters_is_too_long(hub):
    error = await Client(hub, DERYA).refused(goal('g1', text='g' * 50_000))
    assert error['code'] == 'invalid_props' and error['fields'] == [
        {'field': 'text', 'problem': 'too_long', 'max': MAX_TEXT}]


# afspraken

async def test_an_agreement_names_its_goal_and_who_does_it(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1'), agreement('a1', goal_id='g1', who='Oma', who_ids=['oma', 'sem'],
                                         start='2026-09-15'))
    assert (props_of(hub, 'a1')['goal_id'], props_of(hub, 'a1')['who_ids']) == ('g1', ['oma', 'sem'])
    error = await derya.refused(update('a1', who_ids=['oma', 'nobody']))
    assert fields(error) == [{'field': 'who_ids', 'problem': 'bad_reference'}]
    assert_replays(hub)


async def test_an_agreement_cannot_point_at_a_deleted_goal(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1'), goal('g2'))
    await derya.ok(delete('g2'))
    error = await derya.refused(agreement('a1', goal_id='g2'))
    assert (error['code'], error['id']) == ('bad_reference', 'a1')
    assert fields(error) == [{'field': 'goal_id', 'problem': 'bad_reference'}]
    assert 'a1' not in hub.elements
    assert (await derya.refused(agreement('a1', goal_id=standard(hub))))['code'] == 'bad_reference'


async def test_an_old_link_to_a_since_deleted_goal_may_stay(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1'), agreement('a1', goal_id='g1'))
    await derya.ok(delete('g1'))
    await derya.ok(update('a1', done='2026-12-01'))
    assert props_of(hub, 'a1')['goal_id'] == 'g1'


async def test_an_agreement_done_before_it_started_is_refused(hub):
    error = await Client(hub, DERYA).refused(update(standard(hub, 'informeren'), done='2026-08-01'))
    assert fields(error) == [{'field': 'done', 'problem': 'end_before_start'}]


# evaluatie en vervolgafspraken

SCORES = [{'domain': 'onderwijs', 'family': 3}, {'domain': 'inkomen_schulden', 'family': 2}]


async def test_an_evaluation_holds_points_per_goal_and_scores(hub):
    await Client(hub, DERYA).ok(goal('g1'), evaluation(
        'ev1', kind='start', summary='De start.', next_steps='Over zes weken weer.',
        goals=[{'goal_id': 'g1', 'points': 'Twee dagen per week op school.'}], scores=SCORES))
    await Client(hub, KARIN).ok(update('ev1', scores=[s | {'coach': 2} for s in SCORES]))
    props = props_of(hub, 'ev1')
    assert props['goals'] == [{'goal_id': 'g1', 'points': 'Twee dagen per week op school.', 'next_steps': ''}]
    assert props['scores'] == [{'domain': 'onderwijs', 'family': 3, 'coach': 2},
                               {'domain': 'inkomen_schulden', 'family': 2, 'coach': 2}]
    assert_replays(hub)


async def test_a_domain_is_scored_once_per_evaluation(hub):
    error = await Client(hub, DERYA).refused(evaluation('ev1', scores=[{'domain': 'wonen', 'family': 3},
                                                                      {'domain': 'wonen', 'family': 4}]))
    assert error['code'] == 'invalid_props' and fields(error) == [{'field': 'scores', 'problem': 'duplicate'}]


@pytest.mark.parametrize('score', [0, 6, 2.5, 'goed'])
async def test_a_score_runs_from_1_to_5(hub, score):
    error = await Client(hub, DERYA).refused(evaluation('ev1', scores=[{'domain': 'wonen', 'family': score}]))
    assert error['code'] == 'invalid_props' and [f['field'] for f in error['fields']] == ['scores.0.family']


async def test_the_family_scores_only_for_the_family(hub):
    await Client(hub, DERYA).ok(evaluation('ev1', scores=SCORES))
    for actor in (KARIN, PIET, OMA):
        error = await Client(hub, actor).refused(update('ev1', scores=[SCORES[0] | {'family': 4}, SCORES[1]]))
        assert error['code'] == 'family_scores'
        error = await Client(hub, actor).refused(evaluation('ev2', scores=[{'domain': 'wonen', 'family': 4}]))
        assert error['code'] == 'family_scores'
        assert (await Client(hub, actor).refused(update('ev1', scores=SCORES[:1])))['code'] == 'family_scores'
    assert (await Client(hub, SEM).refused(update('ev1', scores=SCORES[:1])))['code'] == 'only_own'
    await Client(hub, DERYA).ok(update('ev1', scores=[SCORES[0] | {'family': 4}, SCORES[1]]))


async def test_an_evaluation_with_the_familys_scores_is_not_deleted_by_others(hub):
    await Client(hub, DERYA).ok(evaluation('ev1', scores=SCORES))
    assert (await Client(hub, KARIN).refused(delete('ev1')))['code'] == 'family_scores'
    await Client(hub, DERYA).ok(delete('ev1'))
    await Client(hub, DERYA).ok(evaluation('ev2', scores=[{'domain': 'wonen', 'family': 2}]))
    await Client(hub, KARIN).ok(update('ev2', scores=[{'domain': 'wonen', 'family': 2, 'coach': 3}]))
    await Client(hub, DERYA).ok(delete('ev2'))


async def test_the_coach_scores_only_for_coordinator_and_professionals(hub):
    await Client(hub, KARIN).ok(evaluation('ev1', scores=[{'domain': 'wonen', 'coach': 3}]))
    await Client(hub, PIET).ok(update('ev1', scores=[{'domain': 'wonen', 'coach': 4}]))
    for actor in (DERYA, ELIF, OMA):
        error = await Client(hub, actor).refused(update('ev1', scores=[{'domain': 'wonen', 'coach': 5}]))
        assert error['code'] == ('only_own' if actor == ELIF else 'coach_scores')
    await Client(hub, DERYA).ok(update('ev1', scores=[{'domain': 'wonen', 'coach': 4, 'family': 2}],
                                       summary='Samen besproken.'))
    assert props_of(hub, 'ev1')['scores'] == [{'domain': 'wonen', 'family': 2, 'coach': 4}]
    assert_replays(hub)


async def test_anyone_may_write_an_evaluation_without_scores(hub):
    await Client(hub, OMA).ok(evaluation('ev1', summary='Het gaat beter.'))
    await Client(hub, DERYA).ok(delete('ev1'))


async def test_an_evaluation_points_at_goals_on_the_board(hub):
    derya = Client(hub, DERYA)
    await derya.ok(goal('g1'), goal('g2'))
    await derya.ok(delete('g2'))
    for missing in ('nope', 'g2', standard(hub)):
        error = await derya.refused(evaluation('ev1', goals=[{'goal_id': 'g1'}, {'goal_id': missing}]))
        assert error['code'] == 'bad_reference' and fields(error) == [
            {'field': 'goals.goal_id', 'problem': 'bad_reference'}]


# the log

async def test_the_whole_plan_replays_to_what_the_hub_holds(hub):
    derya, elif_, karin, piet = (Client(hub, a) for a in (DERYA, ELIF, KARIN, PIET))
    await karin.ok(update('family-info', coordinator_id='karin', afstemming=['overleg'], phone='06-1'))
    await elif_.ok(goal('g1', text='Ik ga weer elke dag naar school.', owners=['elif'], supporters=['piet'],
                        start='2026-09-01', planned_end='2027-01-31', progress=3))
    await derya.ok(goal('g2', owners=['derya']), goal('g3'))
    await piet.ok(goal('g4', text='Elif maakt een huiswerkrooster.', owners=['elif'], number=1))
    await karin.ok(goal('k1', text='Geen fysiek straffen.', kind='kader'))
    await derya.ok(delete('g3'))
    await derya.ok(update('g4', status='active', concept=False))
    await piet.ok(update('g1', progress=4, x=10))
    await karin.ok(agreement('a1', goal_id='g1', who_ids=['piet'], start='2026-09-01', planned_end='2026-12-01'))
    await derya.ok(evaluation('ev1', kind='start', date='2026-09-01', goals=[{'goal_id': 'g1', 'points': 'x'}],
                              scores=[{'domain': 'onderwijs', 'family': 2}]))
    await karin.ok(update('ev1', scores=[{'domain': 'onderwijs', 'family': 2, 'coach': 1}]))
    await derya.ok(goal('g5'))
    numbers = {g: props_of(hub, g)['number'] for g in ('g1', 'g2', 'g4', 'k1', 'g5')}
    assert numbers == {'g1': 1, 'g2': 2, 'g4': 4, 'k1': 5, 'g5': 6}
    assert props_of(hub, 'a1')['number'] == 3
    assert (props_of(hub, 'g4')['written_by'], props_of(hub, 'g4')['status']) == ('piet', 'active')
    assert_replays(hub)
    restarted = BoardHub(hub.store, hub.store.load(hub.board_id))
    await Client(restarted, DERYA).ok(goal('g6'))
    assert restarted.elements['g6'].props['number'] == 7


# the demo family

def demo_elements():
    return apply_batch({}, parse_batch(demo_operations()), actor_id=SYSTEM.id, seq=1, now='t')


def test_the_demo_is_a_new_plan_filled_in():
    elements = demo_elements()
    assert elements['family-info'].type == ElementType.FAMILY_INFO
    assert {'goal-1', 'goal-2', 'goal-3', 'goal-4', 'agr-1', 'agr-2', 'agr-3', 'agr-4', 'note-z3',
            'note-bas-schulden', 'picto-huis', 'fm-derya', 'fm-bas', 'np-jolien', 'np-karim'} <= set(elements)
    assert sorted(e.props['kind'] for e in elements.values() if e.type == ElementType.ZONE) == [
        'hulpvraag', 'krachten', 'toekomst', 'zorgen']
    info = elements['family-info'].props
    assert (info['start_date'], info['coordinator_id'], info['afstemming']) == ('2026-09-01', 'np-jolien',
                                                                                ['overleg', 'mail'])
    assert elements['np-jolien'].props['days'] == ['ma', 'di', 'do']
    assert elements['note-bas-schulden'].visibility.names == ('fm-bas', 'np-jolien')


def test_the_demo_goals_are_numbered_and_written_by_the_family():
    goals = {e.id: e.props for e in demo_elements().values() if e.type == ElementType.GOAL}
    assert {g: (p['number'], p['written_by'], p['written_by_role'], p['status']) for g, p in goals.items()} == {
        'goal-1': (1, 'fm-elif', 'youth', 'active'), 'goal-2': (2, 'fm-derya', 'parent', 'active'),
        'goal-3': (3, 'fm-derya', 'parent', 'active'), 'goal-4': (4, 'fm-mees', 'child', 'active'),
        'goal-5': (5, 'np-visser', 'professional', 'proposal')}
    assert goals['goal-4']['progress'] == 10 and goals['goal-4']['reached'] == '2026-11-12'
    assert goals['goal-1']['supporters'] == ['np-visser', 'np-sanne', 'np-femke']
    assert {p['y'] for p in goals.values()} == {270.0}


def test_the_demo_agreements_sit_under_their_goals():
    elements = demo_elements()
    agreements = {e.id: e.props for e in elements.values() if e.type == ElementType.AGREEMENT}
    assert sorted(p['number'] for p in agreements.values()) == [1, 2, 3, 4, 5, 6]
    assert sorted(p['standard'] for p in agreements.values() if p['standard']) == ['eindevaluatie', 'informeren']
    for props in agreements.values():
        if props['goal_id']:
            assert props['x'] == elements[props['goal_id']].props['x'] and props['y'] == 420
        assert props['who_ids']


def test_the_demo_evaluations_show_progress_since_the_start():
    evaluations = sorted((e.props for e in demo_elements().values() if e.type == ElementType.EVALUATION),
                         key=lambda p: p['date'])
    assert [(p['kind'], p['date']) for p in evaluations] == [('start', '2026-09-01'), ('tussentijds', '2026-11-15')]
    start, now = ({s['domain']: s for s in p['scores']} for p in evaluations)
    assert start.keys() == now.keys() and len(start) >= 5
    assert all(now[d]['family'] >= start[d]['family'] and now[d]['coach'] >= start[d]['coach'] for d in start)
    assert sum(s['family'] for s in now.values()) > sum(s['family'] for s in start.values())
    assert {g['goal_id'] for g in evaluations[1]['goals']} == {'goal-1', 'goal-2', 'goal-3', 'goal-4', 'goal-5'}


async def test_on_the_demo_board_the_family_accepts_the_mentors_proposal(sqlite_store):
    info = create_demo_board(sqlite_store)
    hub = BoardHub(sqlite_store, sqlite_store.load(info.id))
    visser = Actor(id='np-visser', name='Mevrouw Visser', role=Role.PROFESSIONAL, organisation='school')
    assert (await Client(hub, visser).refused(update('goal-5', status='active')))['code'] == 'family_accepts'
    assert (await Client(hub, visser).refused(update('goal-1', text='Elif gaat naar school.')))['code'] == \
        'family_words'
    elif_ = Client(hub, Actor(id='fm-elif', name='Elif', role=Role.YOUTH))
    assert (await elif_.refused(update('goal-5', status='active')))['code'] == 'family_accepts'
    await Client(hub, Actor(id='fm-derya', name='Derya', role=Role.PARENT)).ok(update('goal-5', status='active'))
    await Client(hub, visser).ok(goal('goal-6', text='Elif leert voor haar toetsen.', owners=['fm-elif']))
    assert (props_of(hub, 'goal-6')['number'], props_of(hub, 'goal-6')['status']) == (6, 'proposal')
    assert_replays(hub)


async def test_removing_a_person_takes_them_out_of_the_whole_plan_at_once(sqlite_store):
    hub = BoardHub(sqlite_store, sqlite_store.load(create_demo_board(sqlite_store).id))
    coach = Client(hub, KARIN)
    named = [e.id for e in hub.elements.values() if 'np-ayse' in json.dumps(e.props)]
    await coach.ok(*remove_person_operations(hub.elements, 'np-ayse'))
    await coach.ok(*remove_person_operations(hub.elements, 'np-jolien'))

    assert hub.elements['np-ayse'].deleted and hub.elements['np-jolien'].deleted
    assert all(hub.elements[i].deleted for i in named if hub.elements[i].type == 'tie')
    live = [e for e in hub.elements.values() if not e.deleted]
    assert not any(p in json.dumps(e.props) for e in live for p in ('np-ayse', 'np-jolien'))
    assert hub.elements['family-info'].props['coordinator_id'] is None
    assert_replays(hub)
