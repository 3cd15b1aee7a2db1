"""The rules of `board.access`, table by table, on a small family: Derya manages the board, Bas is a parent who
lives elsewhere (not in the household, not managing), Sem is 14, Lina 7; Karin coordinates."""
import pytest

from board.access import AccessDenied, ActorGuard, BoardRights, can_see, check_change, check_operation, sees
from board.elements import Element, ElementType, Visibility
from board.identity import Actor, Consent, Role
from board.operations import OperationError, apply_batch, parse_batch

ACTORS = {
    'derya': Actor(id='derya', name='Derya', role=Role.PARENT),
    'bas': Actor(id='bas', name='Bas', role=Role.PARENT),
    'sem': Actor(id='sem', name='Sem', role=Role.YOUTH),
    'lina': Actor(id='lina', name='Lina', role=Role.CHILD),
    'karin': Actor(id='karin', name='Karin', role=Role.COORDINATOR),
    'ans': Actor(id='ans', name='Juf Ans', role=Role.PROFESSIONAL, organisation='Basisschool De Regenboog'),
    'piet': Actor(id='piet', name='Piet', role=Role.PROFESSIONAL, organisation='ggz'),
    'oma': Actor(id='oma', name='Oma', role=Role.NETWORK),
    'tv': Actor(id='tv', name='Scherm', role=Role.SCREEN),
}


def member(id_, role, **props):
    return Element(id=id_, type=ElementType.FAMILY_MEMBER, props={'name': id_.title(), 'role': role, **props})


FAMILY = {e.id: e for e in (member('derya', 'parent', manages=True), member('bas', 'parent', household=False),
                            member('sem', 'youth'), member('lina', 'child'))}
RIGHTS = BoardRights(FAMILY)

SCOPES = {
    'family': Visibility(scope='family'),
    'family_coordinator': Visibility(scope='family_coordinator'),
    'everyone': Visibility(scope='everyone'),
    'named derya+ans': Visibility(scope='named', names=('derya', 'ans')),
    'named org:school': Visibility(scope='named', names=('org:school',)),
    'named sem+coordinator': Visibility(scope='named', names=('sem', 'coordinator')),
}

#         family  fam+coord  everyone  derya+ans  org:school  sem+coordinator
SEES = {
    'derya': (1,      1,        1,        1,         0,          0),
    'bas':   (0,      0,        1,        0,         0,          0),
    'sem':   (1,      1,        1,        0,         0,          1),
    'lina':  (1,      1,        1,        0,         0,          0),
    'karin': (0,      1,        1,        0,         0,          1),
    'ans':   (0,      0,        1,        1,         1,          0),
    'piet':  (0,      0,        1,        0,         0,          0),
    'oma':   (0,      0,        1,        0,         0,          0),
    'tv':    (0,      0,        1,        0,         0,          0),
}


def note(visibility=Visibility(), deleted=False, by=''):
    return Element(id='n1', type=ElementType.NOTE, props={'text': 'geheim'}, visibility=visibility, deleted=deleted,
                   created_by=by)


def test_the_table_covers_every_role():
    assert {ACTORS[name].role for name in SEES} == set(Role)


@pytest.mark.parametrize('actor', list(SEES))
@pytest.mark.parametrize('scope', list(SCOPES))
def test_can_see(actor, scope):
    expected = bool(SEES[actor][list(SCOPES).index(scope)])
    assert can_see(ACTORS[actor], note(SCOPES[scope]), RIGHTS) is expected


def test_the_school_is_the_school_whatever_it_was_called_when_invited():
    ans = ACTORS['ans']
    assert sees(ans, Visibility(scope='named', names=('org:school',)), RIGHTS)
    assert not sees(ans, Visibility(scope='family'), RIGHTS)
    assert not sees(ans.model_copy(update={'organisation': 'ggz'}), Visibility(scope='named', names=('org:school',)),
                    RIGHTS)


def test_a_parent_keeps_her_own_support_from_the_other_parent():
    with_derya_and_karin = Visibility(scope='named', names=('derya', 'karin'))
    assert sees(ACTORS['derya'], with_derya_and_karin, RIGHTS) and sees(ACTORS['karin'], with_derya_and_karin, RIGHTS)
    assert not sees(ACTORS['bas'], with_derya_and_karin, RIGHTS)


def test_ons_gezin_is_the_household_chosen_for_this_board():
    assert RIGHTS.household == {'derya', 'sem', 'lina'} and RIGHTS.managers == {'derya'}
    moved_in = BoardRights(FAMILY | {'bas': member('bas', 'parent')})
    assert sees(ACTORS['bas'], Visibility(scope='family'), moved_in)
    assert not sees(ACTORS['bas'], Visibility(scope='family'), RIGHTS)


def test_someone_with_a_family_role_but_no_place_in_the_family_is_not_the_household():
    stranger = Actor(id='not-on-the-board', name='X', role=Role.PARENT)
    assert not sees(stranger, Visibility(scope='family'), RIGHTS)


def test_no_organisation_matches_no_organisation_key():
    assert not sees(ACTORS['oma'], Visibility(scope='named', names=('org:',)), RIGHTS)


def test_a_concept_is_for_the_household_and_its_author():
    concept = Element(id='c', type=ElementType.NOTE, props={'text': 'x', 'concept': True,
                                                             'concept_by': {'id': 'ans', 'name': 'Juf Ans'}})
    assert [name for name in ACTORS if can_see(ACTORS[name], concept, RIGHTS)] == ['derya', 'sem', 'lina', 'ans']


# changing things

def denied(actor, current, visibility=None):
    with pytest.raises(AccessDenied) as caught:
        check_operation(ACTORS[actor], current, visibility, RIGHTS)
    return str(caught.value)


@pytest.mark.parametrize('current', [None, note()], ids=['create', 'change'])
def test_the_screen_is_read_only(current):
    assert denied('tv', current) == 'read_only'


@pytest.mark.parametrize('actor', ['piet', 'oma', 'karin', 'tv', 'bas'])
def test_an_element_one_cannot_see_is_not_found(actor):
    assert denied(actor, note(Visibility(scope='family'))) == 'not_found'


def test_a_deleted_hidden_element_is_left_to_the_operation_to_refuse():
    check_operation(ACTORS['piet'], note(Visibility(scope='family'), deleted=True), None, RIGHTS)


#              on a new card  on someone else's card  on their own card
SHARES = {
    'derya': (True,          True,                   True),   # manages the board
    'karin': (True,          True,                   True),   # the coordinator, for the family
    'bas':   (True,          False,                  True),   # a parent: his own cards
    'sem':   (True,          False,                  True),   # a youth: her own cards
    'lina':  (False,         False,                  False),  # a child takes the default
    'ans':   (False,         False,                  False),
    'piet':  (False,         False,                  False),
    'oma':   (False,         False,                  False),
}


@pytest.mark.parametrize('actor', list(SHARES))
def test_who_chooses_who_sees_a_card(actor):
    chosen = Visibility(scope='named', names=(actor, 'coordinator'))
    for allowed, current in zip(SHARES[actor], (None, note(by='someone-else'), note(by=actor)), strict=True):
        if allowed:
            check_operation(ACTORS[actor], current, chosen, RIGHTS, ElementType.NOTE)
        else:
            assert denied(actor, current, chosen) == 'visibility_forbidden'
        check_operation(ACTORS[actor], current, current.visibility if current else None, RIGHTS, ElementType.NOTE)


def test_sending_back_the_current_visibility_is_not_a_change():
    shared = Visibility(scope='named', names=('org:school',))
    check_operation(ACTORS['ans'], note(shared), Visibility(scope='named', names=['org:school']), RIGHTS)
    assert denied('ans', note(shared), Visibility()) == 'visibility_forbidden'


def test_the_board_chooses_what_a_new_card_shows():
    info = Element(id='family-info', type=ElementType.FAMILY_INFO, props={'default_scope': 'family'})
    family_first = BoardRights(FAMILY | {'family-info': info})
    check_operation(ACTORS['ans'], None, Visibility(scope='family'), family_first, ElementType.GOAL)
    with pytest.raises(AccessDenied):
        check_operation(ACTORS['ans'], None, Visibility(scope='everyone'), family_first, ElementType.GOAL)


def changed(actor, before, **props):
    after = before.model_copy(update={'props': before.props | props})
    check_change(ACTORS[actor], before, after, RIGHTS)


def refused(actor, before, **props):
    with pytest.raises(AccessDenied) as caught:
        changed(actor, before, **props)
    return str(caught.value)


def test_who_does_not_manage_the_board_changes_only_their_own_cards():
    dereyas = note(by='derya')
    for actor in ('bas', 'sem', 'lina'):
        assert refused(actor, dereyas, text='anders') == 'only_own'
        changed(actor, dereyas, x=40, y=80)  # moving a card about is not changing it
        changed(actor, note(by=actor), text='anders')
    changed('derya', note(by='lina'), text='anders')


def test_only_a_family_member_who_manages_the_board_accepts_a_proposal():
    proposal = Element(id='g', type=ElementType.GOAL, created_by='ans',
                       props={'text': 'Naar school', 'status': 'proposal', 'written_by_role': 'professional'})
    for actor in ('bas', 'sem', 'lina'):
        assert refused(actor, proposal, status='active') == 'only_own'
    for actor in ('karin', 'ans'):
        assert refused(actor, proposal, status='active') == 'family_accepts'
    changed('derya', proposal, status='active')


def test_a_professional_proposes_but_never_marks_the_familys_goal_reached():
    goal = Element(id='g', type=ElementType.GOAL, created_by='derya',
                   props={'text': 'Mees speelt weer voetbal', 'written_by_role': 'parent'})
    assert refused('ans', goal, reached='2026-12-04') == 'family_decides'
    assert refused('karin', goal, reached='2026-12-04') == 'family_decides'
    changed('derya', goal, reached='2026-12-04')


def test_only_the_family_approves_a_concept_and_only_who_manages_the_board():
    concept = Element(id='c', type=ElementType.NOTE, created_by='ans',
                      props={'text': 'x', 'concept': True, 'concept_by': {'id': 'ans'}})
    for actor in ('sem', 'karin', 'ans'):
        assert refused(actor, concept, concept=False) in ('parent_approves', 'only_own')
    changed('derya', concept, concept=False)


def test_who_manages_the_board_is_marked_at_the_start_and_then_handed_on_by_them():
    nobody = BoardRights({'derya': member('derya', 'parent'), 'bas': member('bas', 'parent')})
    derya = nobody.elements['derya']
    check_change(ACTORS['karin'], derya, derya.model_copy(update={'props': derya.props | {'manages': True}}), nobody)
    with pytest.raises(AccessDenied, match='only_own'):
        check_change(ACTORS['bas'], derya, derya.model_copy(update={'props': derya.props | {'manages': True}}), nobody)
    bas = FAMILY['bas']
    assert refused('karin', bas, manages=True) == 'managers_decide'  # Derya manages now: she decides
    assert refused('bas', FAMILY['bas'], manages=True) == 'managers_decide'  # not even himself
    changed('derya', bas, manages=True)
    changed('derya', FAMILY['derya'], manages=False)  # handing over
    assert refused('sem', FAMILY['lina'], household=False) == 'only_own'
    changed('karin', FAMILY['lina'], household=False)


def test_only_the_family_switches_concepts_off():
    info = Element(id='family-info', type=ElementType.FAMILY_INFO, created_by='karin', props={})
    assert refused('karin', info, concepts_first=False) == 'managers_decide'
    changed('derya', info, concepts_first=False)
    assert refused('ans', info, default_scope='family') == 'managers_decide'
    changed('karin', info, default_scope='family')


# an invitee sees what the consent names

def test_an_invitee_sees_the_consented_goal_its_agreements_and_the_people_in_it():
    elements = {e.id: e for e in (
        *FAMILY.values(),
        Element(id='ruud', type=ElementType.NETWORK_PERSON, props={'name': 'Ruud'}),
        Element(id='ilse', type=ElementType.NETWORK_PERSON, props={'name': 'Ilse'}),
        Element(id='voetbal', type=ElementType.GOAL, props={'text': 'Voetbal', 'owners': ['lina'],
                                                            'supporters': ['ruud']}),
        Element(id='school', type=ElementType.GOAL, props={'text': 'School', 'owners': ['sem']}),
        Element(id='rijden', type=ElementType.AGREEMENT, props={'text': 'Rijden', 'goal_id': 'voetbal'}),
        Element(id='zone', type=ElementType.ZONE, props={'title': 'Omgangsregeling', 'x': 1000, 'y': 0, 'w': 100,
                                                          'h': 100}),
        Element(id='in', type=ElementType.NOTE, props={'text': 'Om het weekend', 'x': 1050, 'y': 50}),
        Element(id='out', type=ElementType.NOTE, props={'text': 'Elders', 'x': 1500, 'y': 50}),
        Element(id='tie', type=ElementType.TIE, props={'a': 'ruud', 'b': 'lina'}),
        Element(id='tie2', type=ElementType.TIE, props={'a': 'ilse', 'b': 'lina'}),
    )}
    rights = BoardRights(elements)
    coach = Actor(id='ilse', name='Ilse', role=Role.NETWORK, consent=Consent(goals=('voetbal',)))
    assert {i for i, e in elements.items() if can_see(coach, e, rights)} == {
        'voetbal', 'rijden', 'lina', 'ruud', 'ilse', 'tie', 'tie2'}
    topic = coach.model_copy(update={'consent': Consent(zones=('zone',))})
    assert {i for i, e in elements.items() if can_see(topic, e, rights)} == {'zone', 'in', 'ilse'}


@pytest.mark.parametrize(('actor', 'op', 'code'), [
    ('tv', {'op': 'create', 'id': 'n2', 'type': 'note', 'props': {'text': 'x'}}, 'read_only'),
    ('piet', {'op': 'update', 'id': 'n1', 'props': {'x': 1}}, 'not_found'),
    ('piet', {'op': 'delete', 'id': 'n1'}, 'not_found'),
    ('oma', {'op': 'create', 'id': 'n2', 'type': 'note', 'props': {'text': 'x'}, 'visibility': {'scope': 'family'}},
     'visibility_forbidden'),
])
def test_apply_batch_asks_the_guard_for_every_operation(actor, op, code):
    doc = FAMILY | {'n1': note(Visibility(scope='family'))}
    ops = parse_batch([{'op': 'create', 'id': 'ok', 'type': 'note', 'props': {'text': 'x'}}, op])
    with pytest.raises(OperationError) as caught:
        apply_batch(doc, ops, actor_id=actor, seq=1, now='', guard=ActorGuard(ACTORS[actor], BoardRights(doc)))
    assert (caught.value.code, caught.value.index) == (code, 0 if actor == 'tv' else 1)


def test_a_youth_arranges_her_own_schema_and_nobody_elses():
    oma = Element(id='oma', type=ElementType.NETWORK_PERSON, created_by='karin',
                  props={'name': 'Oma', 'vip': [{'member': 'lina', 'ring': 2, 'sector': 'familie', 'distance': 0.3}]})
    mine = [*oma.props['vip'], {'member': 'sem', 'ring': 2, 'sector': 'familie', 'distance': 0.2}]
    changed('sem', oma, vip=mine)
    assert refused('sem', oma, vip=[{'member': 'sem', 'ring': 2, 'sector': 'familie', 'distance': 0.2}]) == 'only_own'
    assert refused('sem', oma, distance=0.1) == 'only_own'  # where Oma sits for the whole family is not hers


def test_a_goal_whose_owner_she_is_is_hers_to_change():
    goal = Element(id='g', type=ElementType.GOAL, created_by='karin',
                   props={'text': 'Naar school', 'owners': ['sem'], 'written_by_role': 'coordinator'})
    changed('sem', goal, text='Elke dag naar school', progress=6)
    assert refused('lina', goal, text='Anders') == 'only_own'
