import pytest

from board.access import AccessDenied, ActorGuard, can_see, check_operation, sees
from board.elements import Element, ElementType, Visibility
from board.identity import Actor, Role
from board.operations import OperationError, apply_batch, parse_batch

ACTORS = {
    'derya': Actor(id='derya', name='Derya', role=Role.PARENT),
    'sem': Actor(id='sem', name='Sem', role=Role.YOUTH),
    'lina': Actor(id='lina', name='Lina', role=Role.CHILD),
    'karin': Actor(id='karin', name='Karin', role=Role.COORDINATOR),
    'ans': Actor(id='ans', name='Juf Ans', role=Role.PROFESSIONAL, organisation='school'),
    'piet': Actor(id='piet', name='Piet', role=Role.PROFESSIONAL, organisation='ggz'),
    'oma': Actor(id='oma', name='Oma', role=Role.NETWORK),
    'tv': Actor(id='tv', name='Scherm', role=Role.SCREEN),
}

SCOPES = {
    'family': Visibility(scope='family'),
    'family_coordinator': Visibility(scope='family_coordinator'),
    'everyone': Visibility(scope='everyone'),
    'named derya+ans': Visibility(scope='named', names=('derya', 'ans')),
    'named org:school': Visibility(scope='named', names=('org:school',)),
}

#         family  fam+coord  everyone  derya+ans  org:school
SEES = {
    'derya': (1,      1,        1,        1,         0),
    'sem':   (1,      1,        1,        0,         0),
    'lina':  (1,      1,        1,        0,         0),
    'karin': (0,      1,        1,        0,         0),
    'ans':   (0,      0,        1,        1,         1),
    'piet':  (0,      0,        1,        0,         0),
    'oma':   (0,      0,        1,        0,         0),
    'tv':    (0,      0,        1,        0,         0),
}


def note(visibility=Visibility(), deleted=False):
    return Element(id='n1', type=ElementType.NOTE, props={'text': 'geheim'}, visibility=visibility, deleted=deleted)


def test_the_table_covers_every_role():
    assert {ACTORS[name].role for name in SEES} == set(Role)


@pytest.mark.parametrize('actor', list(SEES))
@pytest.mark.parametrize('scope', list(SCOPES))
def test_can_see(actor, scope):
    expected = bool(SEES[actor][list(SCOPES).index(scope)])
    assert can_see(ACTORS[actor], note(SCOPES[scope])) is expected


def test_school_sees_what_is_shared_with_the_school_but_not_family_matters():
    ans = ACTORS['ans']
    assert sees(ans, Visibility(scope='named', names=('org:school',)))
    assert not sees(ans, Visibility(scope='family'))
    assert not sees(ans.model_copy(update={'organisation': 'ggz'}), Visibility(scope='named', names=('org:school',)))


def test_divorced_parents_each_see_only_their_own():
    bas = Actor(id='bas', name='Bas', role=Role.PARENT)
    jolien = Actor(id='jolien', name='Jolien', role=Role.PARENT)
    with_bas_and_jolien = Visibility(scope='named', names=('bas', 'jolien'))
    assert sees(bas, with_bas_and_jolien) and sees(jolien, with_bas_and_jolien)
    assert not sees(ACTORS['derya'], with_bas_and_jolien)


def test_no_organisation_matches_no_organisation_key():
    assert not sees(ACTORS['oma'], Visibility(scope='named', names=('org:',)))


# changing things

def denied(actor, current, visibility=None):
    with pytest.raises(AccessDenied) as caught:
        check_operation(ACTORS[actor], current, visibility)
    return str(caught.value)


@pytest.mark.parametrize('current', [None, note()], ids=['create', 'change'])
def test_the_screen_is_read_only(current):
    assert denied('tv', current) == 'read_only'


@pytest.mark.parametrize('actor', ['piet', 'oma', 'karin', 'tv'])
def test_an_element_one_cannot_see_is_not_found(actor):
    assert denied(actor, note(Visibility(scope='family'))) == 'not_found'


def test_a_deleted_hidden_element_is_left_to_the_operation_to_refuse():
    check_operation(ACTORS['piet'], note(Visibility(scope='family'), deleted=True), None)


@pytest.mark.parametrize('actor', [name for name in SEES if name != 'tv'])
def test_only_parent_or_coordinator_set_a_non_default_visibility(actor):
    family = Visibility(scope='family_coordinator')
    if ACTORS[actor].role in (Role.PARENT, Role.COORDINATOR):
        check_operation(ACTORS[actor], None, family)
        check_operation(ACTORS[actor], note(), family)
    else:
        assert denied(actor, None, family) == 'visibility_forbidden'
        assert denied(actor, note(), family) == 'visibility_forbidden'
        check_operation(ACTORS[actor], None, Visibility())
        check_operation(ACTORS[actor], note(), None)


def test_sending_back_the_current_visibility_is_not_a_change():
    shared = Visibility(scope='named', names=('org:school',))
    check_operation(ACTORS['ans'], note(shared), Visibility(scope='named', names=['org:school']))
    assert denied('ans', note(shared), Visibility()) == 'visibility_forbidden'


@pytest.mark.parametrize(('actor', 'op', 'code'), [
    ('tv', {'op': 'create', 'id': 'n2', 'type': 'note', 'props': {'text': 'x'}}, 'read_only'),
    ('piet', {'op': 'update', 'id': 'n1', 'props': {'x': 1}}, 'not_found'),
    ('piet', {'op': 'delete', 'id': 'n1'}, 'not_found'),
    ('oma', {'op': 'create', 'id': 'n2', 'type': 'note', 'props': {'text': 'x'}, 'visibility': {'scope': 'family'}},
     'visibility_forbidden'),
])
def test_apply_batch_asks_the_guard_for_every_operation(actor, op, code):
    doc = {'n1': note(Visibility(scope='family'))}
    ops = parse_batch([{'op': 'create', 'id': 'ok', 'type': 'note', 'props': {'text': 'x'}}, op])
    with pytest.raises(OperationError) as caught:
        apply_batch(doc, ops, actor_id=actor, seq=1, now='', guard=ActorGuard(ACTORS[actor]))
    assert (caught.value.code, caught.value.index) == (code, 0 if actor == 'tv' else 1)
