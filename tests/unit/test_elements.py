import math

import pytest
from pydantic import ValidationError

from board.elements import (
    COORDINATE_LIMIT,
    MAX_TEXT,
    PROPS_MODELS,
    Element,
    ElementType,
    PropsError,
    Visibility,
    validate_props,
)

VALID = {
    ElementType.FAMILY_MEMBER: {'name': 'Derya', 'role': 'parent', 'birth_date': '1986-04-02', 'color': '#aa00ff'},
    ElementType.NETWORK_PERSON: {'name': 'Juf Ans', 'organisation': 'school', 'sector': 'werk_school', 'ring': 3},
    ElementType.TIE: {'a': 'derya', 'b': 'ans', 'kind': 'tense'},
    ElementType.GOAL: {'text': 'Sem gaat weer naar school', 'domain': 'onderwijs', 'owners': ['sem'],
                       'start': '2024-09-01', 'planned_end': '2024-12-01'},
    ElementType.AGREEMENT: {'text': 'Oma brengt Sem op dinsdag', 'who': 'oma', 'goal_id': 'g1'},
    ElementType.NOTE: {'kind': 'strength', 'text': 'Sem kan goed voetballen'},
    ElementType.ZONE: {'title': 'Krachten', 'kind': 'krachten', 'w': 800, 'h': 500},
    ElementType.PICTOGRAM: {'icon': 'school', 'label': 'School'},
    ElementType.FAMILY_INFO: {'start_date': '2024-09-01', 'address': 'Dorpsstraat 1, 1234 AB Ergens',
                              'phone': '06-12345678', 'mail': 'gezin@example.nl',
                              'important': 'Bel na 15:00.', 'coordinator_id': 'karin',
                              'afstemming': ['overleg', 'mail'], 'afstemming_text': 'Elke zes weken overleg.'},
    ElementType.EVALUATION: {'date': '2024-11-15', 'kind': 'tussentijds', 'summary': 'Sem gaat vaker naar school.',
                             'goals': [{'goal_id': 'g1', 'points': 'Drie dagen per week.', 'next_steps': 'Elke dag.'}],
                             'scores': [{'domain': 'onderwijs', 'family': 3, 'coach': 2},
                                        {'domain': 'wonen', 'family': 4, 'coach': 4}]},
    ElementType.MOMENT: {'name': 'Start', 'date': '2024-09-01', 'seq': 12},
}

INVALID = [
    (ElementType.FAMILY_MEMBER, {'name': ''}, 'name', 'empty'),
    (ElementType.FAMILY_MEMBER, {'name': 'Derya', 'color': 'red'}, 'color', 'invalid'),
    (ElementType.NETWORK_PERSON, {'name': 'Ans', 'ring': 4}, 'ring', 'not_allowed'),
    (ElementType.NETWORK_PERSON, {'name': 'Ans', 'sector': 'mars'}, 'sector', 'not_allowed'),
    (ElementType.TIE, {'a': 'derya'}, 'b', 'missing'),
    (ElementType.TIE, {'a': 'derya', 'b': 'not an id!'}, 'b', 'invalid'),
    (ElementType.GOAL, {}, 'text', 'missing'),
    (ElementType.GOAL, {'text': 'x', 'domain': 'ruimtevaart'}, 'domain', 'not_allowed'),
    (ElementType.GOAL, {'text': 'x', 'owners': ['sem'] * 21}, 'owners', 'too_many'),
    (ElementType.AGREEMENT, {'text': 'x', 'start': '2024-05-01', 'done': '2024-04-30'}, 'done', 'end_before_start'),
    (ElementType.NOTE, {'text': 'x', 'kind': 'rant'}, 'kind', 'not_allowed'),
    (ElementType.ZONE, {'w': 10}, 'w', 'out_of_range'),
    (ElementType.PICTOGRAM, {'icon': 'rocket'}, 'icon', 'not_allowed'),
    (ElementType.NETWORK_PERSON, {'name': 'Ans', 'days': ['maandag']}, 'days.0', 'not_allowed'),
    (ElementType.GOAL, {'text': 'x', 'progress': 11}, 'progress', 'out_of_range'),
    (ElementType.GOAL, {'text': 'x', 'status': 'maybe'}, 'status', 'not_allowed'),
    (ElementType.GOAL, {'text': 'x', 'kind': 'wish'}, 'kind', 'not_allowed'),
    (ElementType.AGREEMENT, {'text': 'x', 'standard': 'borrel'}, 'standard', 'not_allowed'),
    (ElementType.FAMILY_INFO, {'afstemming': ['postduif']}, 'afstemming.0', 'not_allowed'),
    (ElementType.FAMILY_INFO, {'coordinator_id': 'not an id!'}, 'coordinator_id', 'invalid'),
    (ElementType.EVALUATION, {}, 'date', 'missing'),
    (ElementType.EVALUATION, {'date': '2024-11-15', 'kind': 'halfway'}, 'kind', 'not_allowed'),
    (ElementType.EVALUATION, {'date': '2024-11-15', 'goals': [{'points': 'x'}]}, 'goals.0.goal_id', 'missing'),
    (ElementType.EVALUATION, {'date': '2024-11-15', 'scores': [{'domain': 'wonen', 'family': 6}]},
     'scores.0.family', 'out_of_range'),
    (ElementType.EVALUATION, {'date': '2024-11-15', 'scores': [{'domain': 'wonen', 'coach': 0}]},
     'scores.0.coach', 'out_of_range'),
    (ElementType.EVALUATION, {'date': '2024-11-15', 'scores': [{'domain': 'wonen'}, {'domain': 'wonen'}]},
     'scores', 'duplicate'),
    (ElementType.MOMENT, {'name': ''}, 'name', 'empty'),
    (ElementType.MOMENT, {'name': 'x' * 121}, 'name', 'too_long'),
    (ElementType.MOMENT, {'name': 'Start', 'seq': -1}, 'seq', 'out_of_range'),
]


def problems(type_, props):
    with pytest.raises(PropsError) as caught:
        validate_props(type_, props)
    return caught.value.fields


@pytest.mark.parametrize('type_', list(ElementType))
def test_every_type_accepts_a_valid_record_and_fills_in_defaults(type_):
    props = validate_props(type_, VALID[type_])
    assert set(props) == set(PROPS_MODELS[type_].model_fields)
    assert {k: v for k, v in props.items() if k in VALID[type_]} == VALID[type_]


def test_validated_props_are_canonical_json():
    props = validate_props(ElementType.NOTE, {'text': 'hoi', 'x': 3})
    assert props == {'x': 3.0, 'y': 0.0, 'kind': 'note', 'text': 'hoi', 'concept': False, 'concept_by': None,
                     'approved_by': None}
    assert validate_props(ElementType.NOTE, props) == props


@pytest.mark.parametrize(('type_', 'props', 'field', 'problem'), INVALID)
def test_each_type_rejects_what_does_not_fit(type_, props, field, problem):
    assert {'field': field, 'problem': problem} in [{k: f[k] for k in ('field', 'problem')}
                                                    for f in problems(type_, props)]


def test_text_longer_than_the_limit_is_too_long():
    assert validate_props(ElementType.NOTE, {'text': 'a' * MAX_TEXT})['text'] == 'a' * MAX_TEXT
    assert problems(ElementType.NOTE, {'text': 'a' * (MAX_TEXT + 1)}) == [
        {'field': 'text', 'problem': 'too_long', 'max': MAX_TEXT}]


@pytest.mark.parametrize('end_field', ['planned_end', 'reached'])
def test_goal_end_before_start(end_field):
    fields = problems(ElementType.GOAL, {'text': 'x', 'start': '2024-05-02', end_field: '2024-05-01'})
    assert fields == [{'field': end_field, 'problem': 'end_before_start'}]


def test_goal_may_end_on_its_start_day():
    validate_props(ElementType.GOAL, {'text': 'x', 'start': '2024-05-02', 'planned_end': '2024-05-02'})


def test_unknown_field():
    assert problems(ElementType.NOTE, {'text': 'x', 'colour': 'red'}) == [
        {'field': 'colour', 'problem': 'unknown_field'}]


def test_a_tie_needs_two_different_people():
    fields = problems(ElementType.TIE, {'a': 'derya', 'b': 'derya'})
    assert len(fields) == 1 and fields[0]['problem'] == 'invalid'


@pytest.mark.parametrize(('value', 'problem'), [(math.inf, 'invalid'), (-math.inf, 'invalid'), (math.nan, 'invalid'),
                                               (COORDINATE_LIMIT * 1.01, 'out_of_range'), (-1e300, 'out_of_range'),
                                               ('far', 'invalid')])
@pytest.mark.parametrize('axis', ['x', 'y'])
def test_coordinates_must_be_finite_and_on_the_canvas(axis, value, problem):
    assert problems(ElementType.NOTE, {'text': 'x', axis: value}) == [{'field': axis, 'problem': problem}]


def test_coordinates_on_the_edge_are_fine():
    props = validate_props(ElementType.NOTE, {'text': 'x', 'x': COORDINATE_LIMIT, 'y': -COORDINATE_LIMIT})
    assert (props['x'], props['y']) == (COORDINATE_LIMIT, -COORDINATE_LIMIT)


def test_public_record_leaves_out_server_bookkeeping():
    element = Element(id='n1', type=ElementType.NOTE, props={'text': 'x'}, seq=4, created_by='derya',
                      created_at='2024-01-01T00:00:00.000+00:00', updated_by='derya', deleted=False)
    assert set(element.public()) == {'id', 'type', 'props', 'visibility', 'version', 'updated_by', 'updated_at'}
    assert element.public()['visibility'] == {'scope': 'everyone', 'names': []}


@pytest.mark.parametrize('bad_id', ['', 'a b', 'x' * 65, 'ü', '../etc'])
def test_element_ids_are_plain_tokens(bad_id):
    with pytest.raises(ValidationError):
        Element(id=bad_id, type=ElementType.NOTE, props={})


def test_visibility_rejects_unknown_scopes_and_too_many_names():
    with pytest.raises(ValidationError):
        Visibility(scope='neighbours')
    with pytest.raises(ValidationError):
        Visibility(scope='named', names=tuple(f'p{i}' for i in range(51)))
    assert Visibility(scope='named', names=['bas']) == Visibility(scope='named', names=('bas',))


def test_a_person_from_an_older_board_has_no_side_and_no_other_roles():
    props = validate_props(ElementType.NETWORK_PERSON, {'name': 'Oma', 'roles': ['oppas']})
    assert (props['side'], props['extra_roles'], props['roles']) == (None, [], ['oppas'])


def test_a_grandmother_is_on_a_family_members_side_and_a_neighbour_babysits_in_another_ring():
    oma = validate_props(ElementType.NETWORK_PERSON, {'name': 'Oma', 'sector': 'familie', 'side': 'fm-derya'})
    assert oma['side'] == 'fm-derya'
    ilse = validate_props(ElementType.NETWORK_PERSON, {
        'name': 'Ilse', 'relation': 'buurvrouw', 'sector': 'buren', 'ring': 2,
        'extra_roles': [{'role': 'oppas', 'ring': 3, 'sector': 'werk_school'}]})
    assert ilse['extra_roles'] == [{'role': 'oppas', 'ring': 3, 'sector': 'werk_school', 'distance': 0.5}]


@pytest.mark.parametrize('props, field, problem', [
    ({'side': 'not an id!'}, 'side', 'invalid'),
    ({'extra_roles': [{'role': '', 'ring': 3}]}, 'extra_roles.0.role', 'empty'),
    ({'extra_roles': [{'role': 'oppas', 'ring': 4}]}, 'extra_roles.0.ring', 'not_allowed'),
    ({'extra_roles': [{'role': 'oppas', 'sector': 'mars'}]}, 'extra_roles.0.sector', 'not_allowed'),
    ({'extra_roles': [{'role': 'oppas', 'distance': 2}]}, 'extra_roles.0.distance', 'out_of_range'),
    ({'extra_roles': [{'role': f'rol {i}'} for i in range(5)]}, 'extra_roles', 'too_many'),
])
def test_a_side_and_other_roles_must_fit(props, field, problem):
    found = problems(ElementType.NETWORK_PERSON, {'name': 'Ilse', **props})
    assert {'field': field, 'problem': problem} in [{k: f[k] for k in ('field', 'problem')} for f in found]
