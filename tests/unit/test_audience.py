"""`audience`: the people a visibility includes on a board, which the screens name under every sharing choice and
on every card. On the demo board it must name exactly the family members and betrokkenen who can see such a card,
each as they would really come in (a family device, the coordinator's account, an invited professional)."""
import pytest

from board import sharing
from board.access import BoardRights, audience, can_see
from board.demo import demo_operations
from board.elements import Visibility
from board.identity import Actor, Role
from board.operations import apply_batch, parse_batch


@pytest.fixture(scope='module')
def demo():
    return apply_batch({}, parse_batch(demo_operations()), actor_id='system', seq=1, now='')


def arriving(elements) -> list[Actor]:
    """Everyone on the demo board as they come in: the family on their devices, Jolien with her account, the
    professionals with the organisation they were invited with (lower case, as `invitations.invite` keeps it), the
    rest of the network without one."""
    found = []
    for e in elements.values():
        if e.type == 'family_member':
            role = {'parent': Role.PARENT, 'youth': Role.YOUTH, 'child': Role.CHILD}[e.props['role']]
            found.append(Actor(id=e.id, name=e.props['name'], role=role))
        elif e.type == 'network_person' and e.id == 'np-jolien':
            found.append(Actor(id=e.id, name=e.props['name'], role=Role.COORDINATOR, organisation='wijkteam'))
        elif e.type == 'network_person' and e.props['ring'] == 3:
            found.append(Actor(id=e.id, name=e.props['name'], role=Role.PROFESSIONAL,
                               organisation=e.props['organisation'].lower()))
        elif e.type == 'network_person':
            found.append(Actor(id=e.id, name=e.props['name'], role=Role.NETWORK))
    return found


SCOPES = [Visibility(scope='family'), Visibility(scope='family_coordinator'), Visibility(scope='everyone'),
          Visibility(scope='named', names=('fm-derya', 'coordinator')),
          Visibility(scope='named', names=('fm-elif', 'coordinator')),
          Visibility(scope='named', names=('fm-bas', 'np-jolien')),
          Visibility(scope='named', names=('fm-derya', 'org:school')),
          Visibility(scope='named', names=('org:ggz', 'org:huisarts', 'np-ayse')),
          Visibility(scope='named', names=('org:advocatenkantoor',))]


@pytest.mark.parametrize('visibility', SCOPES, ids=lambda v: f'{v.scope}:{"+".join(v.names)}')
def test_the_audience_is_exactly_who_can_see_a_card_with_that_visibility(demo, visibility):
    rights = BoardRights(demo)
    card = demo['goal-1'].model_copy(update={'visibility': visibility})
    people = arriving(demo)
    assert len(people) == 16
    assert {p.id for p in audience(visibility, rights)} == {a.id for a in people if can_see(a, card, rights)}


def names(visibility: Visibility, elements) -> list[str]:
    rights = BoardRights(elements)
    short = sharing.short_names(rights.people)
    return [short[p.id] for p in audience(visibility, rights)]


def test_each_scope_names_its_people_on_the_demo_board(demo):
    assert names(Visibility(scope='family'), demo) == ['Derya', 'Elif', 'Mees', 'Noor']  # Bas lives apart
    assert names(Visibility(scope='family_coordinator'), demo) == ['Derya', 'Elif', 'Mees', 'Noor', 'Jolien']
    assert names(Visibility(scope='everyone'), demo)[:6] == ['Bas', 'Derya', 'Elif', 'Mees', 'Noor', 'Jolien']
    assert len(names(Visibility(scope='everyone'), demo)) == 16
    assert names(Visibility(scope='named', names=('fm-elif', 'coordinator')), demo) == ['Elif', 'Jolien']
    assert names(Visibility(scope='named', names=('org:school',)), demo) == ['Meester Karim', 'Mevrouw Visser']


def test_the_household_follows_the_board(demo):
    """Once Bas is marked as part of the household, "ons gezin" names him too."""
    elements = dict(demo)
    elements['fm-bas'] = demo['fm-bas'].model_copy(update={'props': demo['fm-bas'].props | {'household': True}})
    assert names(Visibility(scope='family'), elements) == ['Bas', 'Derya', 'Elif', 'Mees', 'Noor']


def test_a_shared_first_name_is_spelled_out(demo):
    elements = dict(demo)
    elements['np-ilse'] = demo['np-ilse'].model_copy(update={'props': demo['np-ilse'].props | {'name': 'Derya Kaya'}})
    short = sharing.short_names(BoardRights(elements).people)
    assert (short['fm-derya'], short['np-ilse'], short['np-jolien']) == ('Derya Yılmaz', 'Derya Kaya', 'Jolien')


def test_organisations_keep_a_readable_name(demo):
    assert sharing.organisation_names(demo.values())['org:school'] == 'Basisschool De Regenboog'
