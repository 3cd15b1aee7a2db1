"""The netwerkschema page: live for everyone, the centre switch (VIP view), lines, adding people, and the names switch.

Driven in-process with NiceGUI's `user` fixture, which runs no JavaScript: what the browser side would send (a drop,
a tap, a double tap) is triggered as the element's events, with the same arguments `assets/network_schema.js` sends.
The hub's document says whether it landed; the element's props say what its browser was sent.
"""
from __future__ import annotations

import json

from nicegui.testing import User

from app.network_schema import NetworkSchema
from board.identity import Actor, Role
from network_graph.schema_layout import place_at
from tests.ui.helpers import DERYA, choose, demo_board_id, hub_of, log_in, push_as, settle, token_for

SCREEN = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)


async def open_schema(user: User, token: str | None = None) -> tuple[str, NetworkSchema]:
    """The schema page with a token link, or without one as Jolien, the demo's coordinator, logged in."""
    board_id = demo_board_id()
    if token is None:
        await log_in(user)
    await user.open(f'/board/{board_id}/schema' + (f'?token={token}' if token else ''))
    return board_id, next(iter(user.find(NetworkSchema).elements))


def names_sent(schema: NetworkSchema) -> str:
    """Everything the schema's browser side holds, as one text (to look for names in): the people and their places
    with the names placed beside them."""
    return json.dumps([schema.elements, schema.props['layout']], ensure_ascii=False)


async def test_the_schema_gets_the_people_and_lines_and_nothing_else(user: User) -> None:
    board_id, schema = await open_schema(user)
    await user.should_see('Hele gezin')
    types = {e['type'] for e in schema.elements.values()}
    assert types == {'family_member', 'network_person', 'tie'}
    assert schema.elements['np-ruud']['props']['ring'] == 2
    await user.should_see(marker='ring-count-3')


async def test_a_drop_in_another_ring_is_stored_by_meaning_and_the_panel_follows(user: User) -> None:
    board_id, schema = await open_schema(user)
    await user.should_see('6')  # professionals before
    user.find(NetworkSchema).trigger('push', {'cid': 'drop-1', 'ops': [
        {'op': 'update', 'id': 'np-karim', 'props': {'ring': 2, 'sector': 'kennissen', 'distance': 0.3}}]})
    await settle()
    karim = hub_of(board_id).elements['np-karim'].props
    assert (karim['ring'], karim['sector'], karim['distance']) == (2, 'kennissen', 0.3)
    assert schema.elements['np-karim']['props']['ring'] == 2
    with user:
        counts = {marker: next(label.text for label in user.find(marker=marker).elements.pop().descendants()
                           if hasattr(label, 'text')) for marker in ('ring-count-2', 'ring-count-3')}
    assert counts == {'ring-count-2': '6', 'ring-count-3': '5'}


async def test_the_server_places_everyone_and_sends_the_new_places_with_a_drop(user: User) -> None:
    _, schema = await open_schema(user)
    people = {i for i, e in schema.elements.items() if e['type'] in ('family_member', 'network_person')}
    assert set(schema.props['layout']['spots']) == people
    assert ' '.join(schema.props['layout']['sizes']['normal']['np-ayse'][1][0]) == 'Anneanne Ayşe', 'whole'
    user.find(NetworkSchema).trigger('push', {'cid': 'drop-2', 'ops': [
        {'op': 'update', 'id': 'np-karim', 'props': {'ring': 2, 'sector': 'kennissen', 'distance': 0.3}}]})
    await settle()
    assert place_at(*schema.props['layout']['spots']['np-karim'])[:2] == (2, 'kennissen')


async def test_a_drop_out_of_range_is_refused_with_a_dutch_message_and_nothing_changes(user: User) -> None:
    board_id, _ = await open_schema(user)
    before = hub_of(board_id).seq
    user.find(NetworkSchema).trigger('push', {'cid': 'bad-1', 'ops': [
        {'op': 'update', 'id': 'np-karim', 'props': {'ring': 5}}]})
    await user.should_see('Kies de ring in het netwerkschema.')
    assert hub_of(board_id).seq == before and hub_of(board_id).elements['np-karim'].props['ring'] == 3


async def test_tapping_a_family_member_puts_them_in_the_centre_with_their_own_people(user: User) -> None:
    _, schema = await open_schema(user)
    user.find(NetworkSchema).trigger('open', {'id': 'fm-elif'})
    await user.should_see(marker='schema-bring-in')
    user.find(marker='centre-family').click()
    await user.should_not_see(marker='schema-bring-in')


async def test_someone_from_the_family_schema_is_brought_onto_a_members_own_schema(user: User) -> None:
    board_id, _ = await open_schema(user)
    user.find(marker='centre-fm-elif').click()
    await user.should_see(marker='schema-bring-in')
    user.find(marker='schema-bring-in').click()
    await user.should_see('Haal erbij uit het gezinsschema')
    await user.should_not_see(marker='bring-np-ayse')  # already on Elif's schema
    user.find(marker='bring-np-samira').click()
    await settle()
    samira = hub_of(board_id).elements['np-samira'].props
    assert samira['vip'] == [{'member': 'fm-elif', 'ring': 2, 'sector': 'vrienden', 'distance': samira['distance']}]
    assert samira['ring'] == 2, 'her place on the family schema stays'


async def test_leaving_a_members_schema_keeps_the_person_on_the_family_schema(user: User) -> None:
    board_id, _ = await open_schema(user)
    user.find(marker='centre-fm-elif').click()
    user.find(NetworkSchema).trigger('open', {'id': 'np-femke'})
    await user.should_see('Netwerklijst: Tante Femke')
    user.find(marker='schema-leave-vip').click()
    await user.should_see('Van het schema gehaald')
    femke = hub_of(board_id).elements['np-femke']
    assert femke.props['vip'] == [] and not femke.deleted


async def test_a_double_tap_on_an_empty_spot_adds_a_person_there(user: User) -> None:
    board_id, _ = await open_schema(user)
    user.find(marker='centre-fm-elif').click()
    user.find(NetworkSchema).trigger('add', {'ring': 2, 'sector': 'buren', 'distance': 0.25, 'centre': 'fm-elif'})
    await user.should_see('Nieuwe betrokkene')
    user.find(marker='field-name').type('Buurjongen Daan')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    daan = next(e for e in hub_of(board_id).elements.values() if e.props.get('name') == 'Buurjongen Daan')
    assert (daan.props['ring'], daan.props['sector'], daan.props['distance']) == (2, 'buren', 0.25)
    assert daan.props['vip'] == [{'member': 'fm-elif', 'ring': 2, 'sector': 'buren', 'distance': 0.25}]


async def test_a_line_is_marked_tense_or_removed(user: User) -> None:
    board_id, _ = await open_schema(user)
    tie = next(e for e in hub_of(board_id).elements.values()
               if e.type == 'tie' and {e.props['a'], e.props['b']} == {'np-ilse', 'np-ayse'})
    user.find(NetworkSchema).trigger('open', {'id': tie.id})
    await user.should_see('Lijn tussen')
    user.find(marker='field-kind-conflict').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    assert hub_of(board_id).elements[tie.id].props['kind'] == 'conflict'
    user.find(NetworkSchema).trigger('open', {'id': tie.id})
    user.find(marker='dialog-delete').click()
    await settle()
    assert hub_of(board_id).elements[tie.id].deleted


async def test_a_line_that_is_already_there_is_said_so(user: User) -> None:
    await open_schema(user)
    user.find(NetworkSchema).trigger('tie_exists', {'a': 'np-ilse', 'b': 'np-ayse'})
    await user.should_see('Die lijn staat er al')


async def test_with_names_hidden_no_name_reaches_the_browser_or_the_panel(user: User) -> None:
    board_id, schema = await open_schema(user)
    assert 'Anneanne Ayşe' in names_sent(schema)
    choose(user, 'schema-names', 'roles')
    await settle()
    sent = names_sent(schema)
    for name in ('Anneanne Ayşe', 'Tom Hendriks', 'Derya', 'j.bakker@wijkteam', 'data:image'):
        assert name not in sent
    assert schema.elements['np-ayse']['props']['name'] == 'Moeder'
    assert schema.elements['fm-derya']['props']['name'] == 'Ouder'
    assert schema.props['layout']['sizes']['normal']['np-ayse'][1][0] == ['Moeder']
    await user.should_not_see('Anneanne Ayşe')
    # a rename while names are hidden arrives as the alias, never as the new name
    await push_as(board_id, DERYA, [{'op': 'update', 'id': 'np-ilse', 'props': {'name': 'Ilse de Boer'}}])
    await settle()
    assert 'Ilse de Boer' not in names_sent(schema)
    choose(user, 'schema-names', 'initials')
    await settle()
    assert schema.elements['np-ilse']['props']['name'] == 'IB'
    user.find(NetworkSchema).trigger('open', {'id': 'np-ilse'})
    await user.should_see('De namen zijn verborgen')
    await user.should_not_see('Netwerklijst')


async def test_a_person_hidden_from_the_viewer_is_not_on_their_schema(user: User) -> None:
    board_id = demo_board_id()
    answer = await push_as(board_id, DERYA, [{
        'op': 'create', 'id': 'np-hakan', 'type': 'network_person', 'visibility': {'scope': 'family'},
        'props': {'name': 'Oom Hakan', 'ring': 2, 'sector': 'familie'}}])
    assert answer['type'] == 'ack'
    school = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
    _, schema = await open_schema(user, token_for(board_id, school))
    assert 'np-hakan' not in schema.elements and 'Oom Hakan' not in names_sent(schema)
    await user.should_not_see('Oom Hakan')


async def test_a_shared_screen_looks_but_does_not_change(user: User) -> None:
    board_id = demo_board_id()
    _, schema = await open_schema(user, token_for(board_id, SCREEN))
    assert schema.props['readonly'] is True
    await user.should_not_see(marker='schema-add')
    await user.should_not_see(marker='schema-tie')
    await user.should_see(marker='schema-names')


async def test_a_person_gets_several_roles_from_their_details(user: User) -> None:
    board_id, _ = await open_schema(user)
    user.find(NetworkSchema).trigger('open', {'id': 'np-ilse'})
    user.find(marker='schema-details').click()
    await user.should_see('Rollen')
    with user:
        roles = user.find(marker='field-roles').elements.pop()
        roles.set_value(['oppas', 'luisterend oor'])
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    assert hub_of(board_id).elements['np-ilse'].props['roles'] == ['oppas', 'luisterend oor']
