import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from board.access import ActorGuard, BoardRights
from board.elements import Element, ElementType, Visibility
from board.identity import Actor
from board.operations import MAX_BATCH, OperationError, apply_batch, changed_props, parse_batch
from tests.unit.test_photos import as_data_url, phone_photo

NOW = '2024-05-01T10:00:00.000+00:00'
NOT_A_CONCEPT = {'concept': False, 'concept_by': None, 'approved_by': None}


def apply(doc, raw_ops, *, actor='derya', seq=1, guard=None):
    """Apply a raw batch on top of `doc` and return the new document (the hub's make-current step)."""
    changed = apply_batch(doc, parse_batch(raw_ops), actor_id=actor, seq=seq, now=NOW, guard=guard)
    return {**doc, **changed}


def failure(doc, raw_ops, **kwargs):
    with pytest.raises(OperationError) as caught:
        apply(doc, raw_ops, **kwargs)
    return caught.value


def create(id_, type_='note', **props):
    return {'op': 'create', 'id': id_, 'type': type_, 'props': props}


def update(id_, **props):
    return {'op': 'update', 'id': id_, 'props': props}


def delete(id_):
    return {'op': 'delete', 'id': id_}


@pytest.fixture
def doc():
    """A board with one note, one goal and one family member, all created at seq 1."""
    return apply({}, [create('n1', text='Sem voetbalt graag', x=10, y=20),
                      create('g1', 'goal', text='Sem gaat naar school', start='2024-09-01'),
                      create('sem', 'family_member', name='Sem', role='child')])


# create, update, delete

def test_create_makes_a_first_version_with_canonical_props():
    element = apply({}, [create('n1', text='hoi', x=1)], actor='bas', seq=7)['n1']
    props = {'x': 1.0, 'y': 0.0, 'kind': 'note', 'text': 'hoi'} | NOT_A_CONCEPT
    assert element == Element(id='n1', type=ElementType.NOTE, props=props,
                              version=1, seq=7, created_by='bas', created_at=NOW, updated_by='bas', updated_at=NOW)


def test_apply_batch_returns_changes_and_leaves_the_document_alone(doc):
    before = dict(doc)
    changed = apply_batch(doc, parse_batch([update('n1', x=5), create('n2', text='nieuw')]),
                          actor_id='derya', seq=2, now=NOW)
    assert set(changed) == {'n1', 'n2'}
    assert doc == before


def test_update_is_a_patch(doc):
    after = apply(doc, [update('n1', x=99)], actor='bas', seq=2)['n1']
    assert after.props == doc['n1'].props | {'x': 99.0}
    assert (after.version, after.seq, after.updated_by) == (2, 2, 'bas')
    assert (after.created_by, after.created_at) == ('derya', NOW)


def test_update_can_change_visibility_and_keeps_it_otherwise(doc):
    family = {'scope': 'family', 'names': []}
    hidden = apply(doc, [{'op': 'update', 'id': 'n1', 'visibility': family}])['n1']
    assert hidden.visibility == Visibility(scope='family') and hidden.props == doc['n1'].props
    moved = apply({'n1': hidden}, [update('n1', x=1)])['n1']
    assert moved.visibility == Visibility(scope='family')


def test_update_checks_the_merged_record(doc):
    error = failure(doc, [update('g1', planned_end='2024-08-01')])
    assert error.code == 'invalid_props'
    assert error.fields == [{'field': 'planned_end', 'problem': 'end_before_start'}]


def test_update_of_an_unknown_prop(doc):
    error = failure(doc, [update('n1', colour='red')])
    assert (error.code, error.fields) == ('invalid_props', [{'field': 'colour', 'problem': 'unknown_field'}])


def test_delete_leaves_a_tombstone(doc):
    gone = apply(doc, [delete('n1')], seq=2)['n1']
    assert gone.deleted and gone.version == 2 and gone.props == doc['n1'].props


@pytest.mark.parametrize('op', [update('nope', x=1), delete('nope'), update('n1', x=1), delete('n1')])
def test_update_or_delete_of_a_missing_or_deleted_element_is_not_found(doc, op):
    doc = apply(doc, [delete('n1')], seq=2)
    error = failure(doc, [op], seq=3)
    assert (error.code, error.index, error.element_id) == ('not_found', 0, op['id'])


@pytest.mark.parametrize('element_id', ['n1', 'g1'])
def test_create_of_an_existing_or_deleted_id_is_refused(doc, element_id):
    assert failure(doc, [create(element_id, text='x')]).code == 'exists'
    doc = apply(doc, [delete(element_id)], seq=2)
    assert failure(doc, [create(element_id, text='x')], seq=3).code == 'exists'


def test_create_then_change_in_one_batch():
    element = apply({}, [create('n1', text='a'), update('n1', text='b'), update('n1', x=3)])['n1']
    assert (element.props['text'], element.props['x'], element.version) == ('b', 3.0, 3)


def test_a_batch_is_all_or_nothing(doc):
    error = failure(doc, [update('n1', x=1), update('n1', text=''), create('n9', text='x')])
    assert (error.code, error.index, error.element_id) == ('invalid_props', 1, 'n1')
    assert error.as_dict() == {'code': 'invalid_props', 'index': 1, 'id': 'n1',
                               'fields': [{'field': 'text', 'problem': 'empty'}]}


# references

def agreement(id_='a1', goal_id='g1', **props):
    return create(id_, 'agreement', text='Oma brengt Sem', goal_id=goal_id, **props)


def test_agreement_may_point_at_a_goal_made_in_the_same_batch():
    doc = apply({}, [create('g2', 'goal', text='x'), agreement(goal_id='g2')])
    assert doc['a1'].props['goal_id'] == 'g2'


@pytest.mark.parametrize('goal_id', ['missing', 'n1', 'sem'])
def test_agreement_must_point_at_an_existing_goal(doc, goal_id):
    error = failure(doc, [agreement(goal_id=goal_id)])
    assert (error.code, error.element_id) == ('bad_reference', 'a1')
    assert error.fields == [{'field': 'goal_id', 'problem': 'bad_reference'}]


def test_agreement_may_not_point_at_a_deleted_goal(doc):
    doc = apply(doc, [delete('g1')], seq=2)
    assert failure(doc, [agreement()], seq=3).code == 'bad_reference'


def test_agreement_may_not_point_at_a_goal_deleted_in_the_same_batch(doc):
    assert failure(doc, [delete('g1'), agreement()], seq=2).code == 'bad_reference'


def test_agreement_whose_goal_was_deleted_later_can_still_move(doc):
    doc = apply(doc, [agreement()], seq=2)
    doc = apply(doc, [delete('g1')], seq=3)
    doc = apply(doc, [update('a1', x=50, text='Opa brengt Sem')], seq=4)
    assert doc['a1'].props['goal_id'] == 'g1' and doc['a1'].props['x'] == 50.0
    assert failure(doc, [update('a1', goal_id='g9')], seq=5).code == 'bad_reference'


def test_tie_and_goal_owners_point_at_people(doc):
    doc = apply(doc, [create('oma', 'network_person', name='Oma'), create('t1', 'tie', a='sem', b='oma'),
                      update('g1', owners=['sem'])], seq=2)
    assert doc['t1'].props['a'] == 'sem'
    assert failure(doc, [create('t2', 'tie', a='sem', b='n1')], seq=3).code == 'bad_reference'
    assert failure(doc, [update('g1', owners=['sem', 'oma'])], seq=3).code == 'bad_reference'


def test_a_reference_to_a_hidden_goal_is_bad_for_whoever_cannot_see_it(doc):
    doc = apply(doc, [{'op': 'update', 'id': 'g1', 'visibility': {'scope': 'family'}}], seq=2)
    ans = ActorGuard(Actor(id='ans', name='Ans', role='professional'), BoardRights(doc))
    assert failure(doc, [agreement()], seq=3, guard=ans).code == 'bad_reference'
    sem = ActorGuard(Actor(id='sem', name='Sem', role='child'), BoardRights(doc))  # in the household
    assert apply(doc, [agreement()], seq=3, guard=sem)['a1'].props['goal_id'] == 'g1'


def test_creating_on_a_hidden_elements_id_answers_like_any_taken_id(doc):
    doc = apply(doc, [{'op': 'update', 'id': 'g1', 'visibility': {'scope': 'family'}}, delete('n1'),
                      create('n2', text='Voor iedereen')], seq=2)
    ans = ActorGuard(Actor(id='ans', name='Ans', role='professional'), BoardRights.of(doc))
    answers = {id_: failure(doc, [create(id_, text='Van Ans')], seq=3, guard=ans).as_dict()
               for id_ in ('g1', 'n1', 'n2')}  # hidden, deleted, visible
    assert answers == {id_: {'code': 'exists', 'index': 0, 'id': id_, 'fields': []} for id_ in answers}
    screen = ActorGuard(Actor(id='tv', name='Scherm', role='screen'), BoardRights.of(doc))
    assert {failure(doc, [create(id_, text='x')], seq=3, guard=screen).code for id_ in ('g1', 'n2', 'new')} == \
        {'read_only'}


def test_a_photo_in_a_live_edit_is_cleaned_and_a_broken_one_refused(doc):
    karin = ActorGuard(Actor(id='karin', name='Karin', role='coordinator'), BoardRights.of(doc))
    assert failure(doc, [update('sem', photo='data:image/jpeg;base64,A')], guard=karin).as_dict() == {
        'code': 'invalid_props', 'index': 0, 'id': 'sem', 'fields': [{'field': 'photo', 'problem': 'not_an_image'}]}
    effective = []
    changed = apply_batch(doc, parse_batch([update('sem', photo=as_data_url(phone_photo()))]), actor_id='karin',
                          seq=2, now=NOW, guard=karin, effective=effective)
    photo = changed['sem'].props['photo']
    assert 'GPS' not in base64.b64decode(photo.split(',')[1]).decode('latin-1')
    assert effective[0]['props']['photo'] == photo  # the log holds the clean photo, so a replay ends the same


def test_a_bad_reference_names_the_operation_that_made_it(doc):
    error = failure(doc, [update('n1', x=1), agreement(goal_id='missing')])
    assert (error.code, error.index) == ('bad_reference', 1)


# parsing untrusted batches

@pytest.mark.parametrize(('raw', 'code', 'index'), [
    (None, 'invalid_operation', None),
    ({'op': 'create'}, 'invalid_operation', None),
    ('[]', 'invalid_operation', None),
    ([], 'invalid_operation', None),
    ([create('n1', text='x')] * (MAX_BATCH + 1), 'batch_too_large', None),
    ([create('n1', text='x'), create('n2', 'rocket')], 'unknown_type', 1),
    ([{'op': 'explode', 'id': 'n1'}], 'invalid_operation', 0),
    ([create('n1', text='x'), {'op': 'update'}], 'invalid_operation', 1),
    ([{'op': 'delete', 'id': 'n1', 'props': {}}], 'invalid_operation', 0),
    ([{'op': 'update', 'id': 'n1', 'type': 'note'}], 'invalid_operation', 0),
    ([delete('with space')], 'invalid_operation', 0),
    ([{'op': 'update', 'id': 'n1', 'props': []}], 'invalid_operation', 0),
    (['delete'], 'invalid_operation', 0),
])
def test_parse_batch_refuses_what_is_not_a_batch(raw, code, index):
    with pytest.raises(OperationError) as caught:
        parse_batch(raw)
    assert (caught.value.code, caught.value.index) == (code, index)


def test_parse_batch_takes_a_full_batch():
    assert len(parse_batch([delete(f'n{i}') for i in range(MAX_BATCH)])) == MAX_BATCH


# the conflict rule: the server orders batches, a patch only carries the props it names

@pytest.mark.parametrize(('first', 'second', 'expected'), [
    (update('n1', x=1), update('n1', y=2), {'x': 1.0, 'y': 2.0, 'text': 'Sem voetbalt graag'}),
    (update('n1', x=1), update('n1', x=2), {'x': 2.0, 'y': 20.0, 'text': 'Sem voetbalt graag'}),
    (update('n1', x=1, text='A'), update('n1', x=2), {'x': 2.0, 'y': 20.0, 'text': 'A'}),
    (update('n1', text='A'), update('n1', text='B', y=5), {'x': 10.0, 'y': 5.0, 'text': 'B'}),
    (update('n1', x=1), delete('n1'), 'deleted'),
    (delete('n1'), update('n1', x=2), 'not_found'),
    (delete('n1'), delete('n1'), 'not_found'),
], ids=['different-props', 'same-prop', 'overlap', 'text', 'patch-then-delete', 'delete-then-patch', 'delete-twice'])
def test_conflict_rule(doc, first, second, expected):
    doc = apply(doc, [first], actor='derya', seq=2)
    if expected == 'not_found':
        assert failure(doc, [second], actor='bas', seq=3).code == 'not_found'
        return
    doc = apply(doc, [second], actor='bas', seq=3)
    if expected == 'deleted':
        assert doc['n1'].deleted
        return
    assert {k: doc['n1'].props[k] for k in expected} == expected
    assert (doc['n1'].version, doc['n1'].updated_by) == (3, 'bas')


# changed_props is the diff a client receives; applying it as a patch must give the same record

note_props = st.fixed_dictionaries({
    'x': st.floats(-1e6, 1e6, allow_nan=False), 'y': st.floats(-1e6, 1e6, allow_nan=False),
    'kind': st.sampled_from(['note', 'strength', 'worry']), 'text': st.text(min_size=1, max_size=40),
})


@settings(max_examples=50, deadline=None, derandomize=True, database=None)
@given(a=note_props, b=note_props)
def test_applying_the_diff_as_a_patch_gives_the_new_record(a, b):
    doc = apply({}, [create('n1', **a)])
    target = apply(doc, [update('n1', **b)], seq=2)['n1']
    patched = apply(doc, [update('n1', **changed_props(doc['n1'], target))], seq=2)['n1']
    assert patched == target
    assert changed_props(None, target) == target.props


def test_a_side_points_at_a_family_member_the_writer_can_see(doc):
    doc = apply(doc, [create('oma', 'network_person', name='Oma', sector='familie', side='sem')], seq=2)
    assert doc['oma'].props['side'] == 'sem'
    assert failure(doc, [update('oma', side='n1')], seq=3).code == 'bad_reference'  # a note is nobody's side
    doc = apply(doc, [{'op': 'update', 'id': 'sem', 'visibility': {'scope': 'family'}}], seq=3)
    ans = ActorGuard(Actor(id='ans', name='Ans', role='professional'), BoardRights(doc))
    assert failure(doc, [create('opa', 'network_person', name='Opa', side='sem')], seq=4, guard=ans).code \
        == 'bad_reference'
