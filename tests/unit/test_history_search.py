"""Two more ways to read a board, under the same rules: an element's history, and search."""
import pytest

from board.history import history_for, versions
from board.identity import Actor, Role
from board.search import search
from tests.unit.hub_client import Client, create, family_hub, update

DERYA = Actor(id='derya', name='Derya', role=Role.PARENT)
SCHOOL = Actor(id='karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
FAMILY_ONLY = {'scope': 'family'}
EVERYONE = {'scope': 'everyone'}


@pytest.fixture
async def derya(sqlite_store):
    return Client(family_hub(sqlite_store, ('derya', 'parent', {'manages': True})), DERYA)


def history(client, actor, element_id):
    hub = client.hub
    return [v.props['text'] for v in history_for(actor, versions(hub.store, hub.board_id, element_id),
                                                 hub.elements.get(element_id), hub.rights)]


async def test_the_history_holds_every_version_for_who_may_see_it(derya):
    await derya.ok(create('n1', 'note', visibility=EVERYONE, text='Opa komt zondag'))
    await derya.ok(update('n1', text='Opa komt zaterdag'))
    assert history(derya, SCHOOL, 'n1') == ['Opa komt zondag', 'Opa komt zaterdag']


async def test_a_card_made_private_has_no_history_for_the_school(derya):
    await derya.ok(create('n1', 'note', visibility=EVERYONE, text='Opa komt zondag'))
    await derya.ok({'op': 'update', 'id': 'n1', 'props': {'text': 'Schulden bij de bank'}, 'visibility': FAMILY_ONLY})
    assert history(derya, SCHOOL, 'n1') == []
    assert history(derya, DERYA, 'n1') == ['Opa komt zondag', 'Schulden bij de bank']


async def test_a_card_shared_later_shows_only_from_the_moment_it_was_shared(derya):
    await derya.ok(create('n1', 'note', visibility=FAMILY_ONLY, text='Ruzie met de buren'))
    await derya.ok({'op': 'update', 'id': 'n1', 'props': {'text': 'Buren helpen met de tuin'}, 'visibility': EVERYONE})
    assert history(derya, SCHOOL, 'n1') == ['Buren helpen met de tuin']


async def test_a_missing_element_has_no_history(derya):
    assert history(derya, DERYA, 'nope') == []


async def test_search_finds_every_word_in_what_the_viewer_may_see(derya):
    await derya.ok(create('n1', 'note', visibility=EVERYONE, text='Opa komt zondag eten'),
                   create('n2', 'note', visibility=FAMILY_ONLY, text='Opa heeft schulden'),
                   create('p1', 'network_person', visibility=EVERYONE, name='Opa Henk', relation='vader van Derya'))
    hub = derya.hub
    assert [e.id for e in search(hub.visible_elements(DERYA), 'opa')] == ['p1', 'n1', 'n2']
    assert {e.id for e in search(hub.visible_elements(SCHOOL), 'opa')} == {'n1', 'p1'}
    assert [e.id for e in search(hub.visible_elements(SCHOOL), 'OPA zondag')] == ['n1']
    assert search(hub.visible_elements(SCHOOL), 'schulden') == []
    assert search(hub.visible_elements(DERYA), '   ') == []
