"""The VIP-lijst and "Vraag door!" in the plan view's Netwerk tab, driven with NiceGUI's `user` fixture.

The demo's Elif has her grandmother, aunt, mentor and therapist on her own schema; Mees has nobody yet.
"""
from __future__ import annotations

from nicegui.testing import User

from app.i18n import known
from app.pages.ask_further import ICONS
from board.identity import Actor, Role
from board.plan import remove_person_operations
from network_graph.ask_further import ASKED_SECTORS, LIFELONG
from tests.ui.helpers import choose, demo_board_id, hub_of, open_plan, push_as, settle, token_for

JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)


async def show(user: User, view: str) -> None:
    choose(user, 'network-view', view)
    await settle()


async def open_vip_list(user: User, token: str | None = None) -> str:
    """The demo board's VIP-lijst (Elif's, the first youth); returns the board id."""
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network', token=token)
    await show(user, 'vip')
    return board_id


async def test_elifs_vip_list_shows_her_people_in_pictures_and_a_tap_fills_in_a_row(user: User) -> None:
    board_id = await open_vip_list(user)
    await user.should_see('Deze mensen zijn belangrijk voor Elif. Tik op iemand om in te vullen wat die persoon doet.')
    for person in ('np-ayse', 'np-femke', 'np-visser', 'np-sanne'):
        await user.should_see(marker=f'vip-card-{person}')
    await user.should_not_see(marker='vip-card-np-ilse')  # on the family's schema, not on Elif's
    await user.should_see('Helpt me met dingen')
    await user.should_see(marker='vip-practical-3')  # Anneanne helps almost always: three of three pictures
    await user.should_see(marker='vip-known-3')

    user.find(marker='vip-card-np-visser').click()
    await user.should_see('Wat doet Mevrouw Visser voor mij?')
    await user.should_see('Geeft me goede tips')
    user.find(marker='field-information-almost_always').click()
    user.find(marker='field-contact-weekly').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    visser = hub_of(board_id).elements['np-visser'].props
    assert (visser['information'], visser['contact'], visser['practical']) == ('almost_always', 'weekly', None)
    await user.should_see(marker='vip-information-3')


async def test_a_member_with_nobody_yet_hears_how_and_adds_someone_from_the_family_network(user: User) -> None:
    board_id = await open_vip_list(user)
    user.find(marker='vip-member-fm-mees').click()
    await user.should_see(marker='vip-empty')
    await user.should_see('open de pagina Netwerkschema en kies Mees in het midden')
    seq = hub_of(board_id).seq
    user.find(marker='vip-add-np-ruud').click()
    await user.should_see('Trainer Ruud staat nu op de lijst van Mees.')
    ruud = hub_of(board_id).elements['np-ruud'].props
    assert {'member': 'fm-mees', 'ring': ruud['ring'], 'sector': 'verenigingen', 'distance': ruud['distance']} \
        in ruud['vip']
    assert hub_of(board_id).seq == seq + 1
    await user.should_see(marker='vip-card-np-ruud')
    await user.should_not_see(marker='vip-empty')
    await user.should_not_see(marker='vip-add-np-ruud')
    user.find(marker='vip-member-fm-elif').click()  # Elif's list is unchanged
    await user.should_not_see(marker='vip-card-np-ruud')
    await user.should_see(marker='vip-card-np-ayse')


async def test_vraag_door_asks_gently_where_the_network_is_thin(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network')
    await show(user, 'metrics')
    await user.should_see('Vraag door!')
    await user.should_see(marker='ask-more_professionals')  # more professionals than own people
    await user.should_see('Kennen jullie de jeugdarts of jeugdverpleegkundige')  # no JGZ yet
    await user.should_not_see(marker='ask-lifelong.huisarts')  # Dr. Peeters is there
    await show(user, 'vip')  # Elif's own schema has no friends yet: she is asked herself
    await user.should_see('Wie zijn je vrienden? Van school, uit de buurt of van vroeger.')
    await user.should_see(marker='ask-empty.vrienden')


async def test_someone_removed_while_filling_in_is_said_in_dutch_and_the_rest_of_the_list_stays(user: User) -> None:
    """The dialog is the netwerklijst's own (its refusal keeps the taps: see test_plan_network)."""
    board_id = await open_vip_list(user)
    user.find(marker='vip-card-np-sanne').click()
    user.find(marker='field-emotional-almost_always').click()
    assert (await push_as(board_id, JOLIEN, remove_person_operations(hub_of(board_id).elements, 'np-sanne')))['type'] \
        == 'ack'
    await user.should_not_see(marker='vip-card-np-sanne')
    user.find(marker='dialog-save').click()
    await user.should_see('Deze kaart bestaat niet (meer).')
    await user.should_see('Wat doet Sanne Mulder voor mij?')  # still open
    for person in ('np-ayse', 'np-femke', 'np-visser'):
        assert [p['member'] for p in hub_of(board_id).elements[person].props['vip']] == ['fm-elif']
        await user.should_see(marker=f'vip-card-{person}')


async def test_the_shared_screen_sees_the_vip_list_but_cannot_change_it(user: User) -> None:
    screen = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)
    await open_vip_list(user, token_for(demo_board_id(), screen))
    await user.should_see(marker='vip-card-np-ayse')
    await user.should_not_see(marker='vip-add-np-ilse')


def test_every_question_has_a_picture_and_words_for_the_family_and_for_a_member() -> None:
    keys = {'empty_informal', 'thin_informal', 'more_professionals', 'ouders_vriendjes',
            *(f'empty.{sector}' for sector in ASKED_SECTORS), *(f'lifelong.{name}' for name in LIFELONG)}
    assert keys == set(ICONS)
    assert {key for key in keys if not known(f'ask.family.{key}')} == set()
    assert {key for key in keys if not known(f'ask.own.{key}')} == {'ouders_vriendjes'}  # only the family is asked
