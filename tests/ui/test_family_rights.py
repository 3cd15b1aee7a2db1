"""Rights within the family, on the screens (issue 9): who manages the board and who is "ons gezin" is marked on the
family tab by those who may; what a new card shows is chosen with the family; nothing that someone may not do looks
doable (a child, a parent who does not manage the board, a teacher on the family's own goal); presence, access,
"Wie deed wat", downloading and erasing only for those who manage the board.

In the demo Derya manages the board with Jolien (the coordinator); Bas is a parent who lives elsewhere."""
from __future__ import annotations

import pytest
from nicegui.testing import User

from app import state
from app.canvas import BoardCanvas
from app.i18n import error_message
from app.network_schema import NetworkSchema
from board import devices
from board.devices import Kind, PairingError
from board.plan import create_family_board
from tests.ui.helpers import (
    BAS,
    DERYA,
    ELIF,
    JOLIEN,
    KARIM,
    MEES,
    choose,
    demo_board_id,
    hub_of,
    log_in,
    open_plan,
    push_as,
    rights_of,
    settle,
    token_for,
)


def props(board_id: str, element_id: str) -> dict:
    return hub_of(board_id).elements[element_id].props


# who manages the board, who is the household

async def test_a_managing_parent_hands_the_board_over(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'family', token_for(board_id, DERYA))
    await user.should_see(marker='badge-manages-fm-derya')
    await user.should_see(marker='badge-elsewhere-fm-bas')
    await user.should_not_see(marker='badge-manages-fm-bas')
    user.find(marker='edit-member-fm-bas').click()
    await user.should_see('Beheert het bord mee')
    await user.should_see('Hoort bij ons gezin')
    user.find(marker='field-manages').click()
    user.find(marker='dialog-save').click()
    await settle()
    assert props(board_id, 'fm-bas')['manages'] is True
    await user.should_see(marker='badge-manages-fm-bas')

    user.find(marker='edit-member-fm-derya').click()
    await user.should_see(marker='hand-over')
    user.find(marker='field-manages').click()
    user.find(marker='dialog-save').click()
    await settle()
    assert props(board_id, 'fm-derya')['manages'] is False
    await user.should_not_see(marker='badge-manages-fm-derya')
    await user.should_not_see(marker='edit-member-fm-bas')  # she is now a family member who does not manage


async def test_a_parent_who_does_not_manage_the_board_gets_no_switches_and_only_his_own_card(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'family', token_for(board_id, BAS))
    await user.should_see(marker='badge-manages-fm-derya')
    await user.should_not_see(marker='edit-member-fm-derya')
    await user.should_not_see(marker='edit-family-info')
    await user.should_not_see(marker='edit-board-choices')
    await user.should_see('Wat zien anderen standaard?')  # he reads what was chosen
    user.find(marker='edit-member-fm-bas').click()
    await user.should_see(marker='field-name')
    await user.should_not_see(marker='field-manages')
    await user.should_not_see(marker='field-household')


async def test_the_coordinator_chooses_the_household_but_no_longer_who_manages(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'family')  # Jolien; Derya manages already
    await user.should_not_see(marker='rights-start')
    user.find(marker='edit-member-fm-bas').click()
    await user.should_see(marker='field-household')
    await user.should_not_see(marker='field-manages')


async def test_a_new_board_asks_first_who_manages_it_and_a_late_change_is_refused_in_dutch(user: User) -> None:
    await log_in(user)
    await user.open('/')
    user.find('Naam van het gezin').type('Familie Jansen')
    user.find('Bord maken').click()
    await user.should_see(marker='rights-start')  # the family tab is the first thing she meets
    await user.should_see('Wie beheert het bord? Kies samen met het gezin.', retries=20)
    board_id = next(b.id for b in state.get().store.list_boards() if b.name == 'Familie Jansen')
    user.find(marker='add-member').click()
    user.find(marker='field-name').type('Sanne Jansen')
    await user.should_see(marker='field-manages')
    user.find(marker='field-manages').click()
    user.find(marker='dialog-save').click()
    await settle()
    sanne = next(e for e in hub_of(board_id).elements.values() if e.props.get('name') == 'Sanne Jansen')
    assert sanne.props['manages'] is True
    await user.should_not_see(marker='rights-start')

    user.find(marker='add-member').click()  # a second form, opened before she knew the start was over
    user.find(marker='field-name').type('Piet Jansen')
    await user.should_not_see(marker='field-manages')
    user.find(marker='dialog-cancel').click()
    user.find(marker=f'edit-member-{sanne.id}').click()
    await user.should_not_see(marker='field-manages')


async def test_a_switch_shown_before_someone_else_decided_is_refused_with_the_reason(user: User) -> None:
    board_id = create_family_board(state.get().store, 'Familie Jansen').id
    await push_as(board_id, JOLIEN, [
        {'op': 'create', 'id': 'fm-a', 'type': 'family_member', 'props': {'name': 'Sanne', 'role': 'parent'}},
        {'op': 'create', 'id': 'fm-b', 'type': 'family_member', 'props': {'name': 'Piet', 'role': 'parent'}}])
    await open_plan(user, board_id, 'family', token_for(board_id, JOLIEN))
    await user.should_see(marker='rights-start')
    user.find(marker='edit-member-fm-b').click()
    await user.should_see(marker='field-manages')
    await push_as(board_id, JOLIEN, [{'op': 'update', 'id': 'fm-a', 'props': {'manages': True}}])  # another tab
    user.find(marker='field-manages').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Alleen wie het bord beheert, kan dit veranderen.')
    await user.should_see(marker='dialog-save')  # the dialog stays open: nothing is lost
    assert props(board_id, 'fm-b')['manages'] is False


def test_the_new_refusals_are_plain_dutch() -> None:
    assert error_message({'code': 'only_own'}) == \
        'Je kunt alleen je eigen kaarten veranderen. Kaarten op het bord verschuiven mag wel.'
    assert error_message({'code': 'managers_decide'}) == 'Alleen wie het bord beheert, kan dit veranderen.'
    assert error_message({'code': 'family_decides'}).startswith('Of een doel van het gezin bereikt is, bepaalt')
    assert error_message({'code': 'only_own'}, 'en') == \
        'You can only change your own cards. Moving cards on the board is fine.'


# what the board does by default

async def test_what_others_see_by_default_is_chosen_and_a_new_card_gets_it(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'family', token_for(board_id, DERYA))
    await user.should_see('Verschilt per soort kaart')
    user.find(marker='edit-board-choices').click()
    user.find(marker='field-default_scope-family').click()
    user.find(marker='dialog-save').click()
    await settle()
    assert props(board_id, 'family-info')['default_scope'] == 'family'
    await user.should_see('Alleen ons gezin')

    answer = await push_as(board_id, KARIM, [{'op': 'create', 'id': 'note-karim', 'type': 'note',
                                              'props': {'text': 'Mees leest goed.'}}])
    assert answer['type'] == 'ack'
    assert hub_of(board_id).elements['note-karim'].visibility.scope == 'family'

    user.find(marker='tab-goals').click()
    user.find(marker='add-goal').click()
    await user.should_see(marker='sharing-family')
    assert user.find(marker='sharing-family').elements.pop().props['color'] == 'primary'  # the board's choice
    user.find(marker='field-text').type('We eten op zondag samen.')
    user.find(marker='dialog-save').click()
    await settle()
    goal = next(e for e in hub_of(board_id).elements.values() if e.props.get('text') == 'We eten op zondag samen.')
    assert goal.visibility.scope == 'family'


async def test_only_a_managing_parent_switches_concepts_off(user: User, create_user) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'family')  # Jolien
    user.find(marker='edit-board-choices').click()
    await user.should_see(marker='concepts-family-only')
    assert not user.find(marker='field-concepts_first').elements.pop().enabled

    derya = create_user()
    await open_plan(derya, board_id, 'family', token_for(board_id, DERYA))
    derya.find(marker='edit-board-choices').click()
    await derya.should_not_see(marker='concepts-family-only')
    derya.find(marker='field-concepts_first').click()
    derya.find(marker='dialog-save').click()
    await settle()
    assert props(board_id, 'family-info')['concepts_first'] is False
    await derya.should_see('Nee: het staat meteen op het bord')


# nothing that one may not do looks doable

async def test_a_seven_year_old_adds_his_own_goal_but_cannot_touch_his_mothers(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token_for(board_id, MEES))
    await user.should_see('We hebben overzicht over ons geld.')
    for marker in ('edit-goal-goal-2', 'reach-goal-2', 'remove-goal-goal-2', 'accept-goal-5', 'add-kader'):
        await user.should_not_see(marker=marker)
    user.find(marker='add-goal').click()
    user.find(marker='field-text').type('Ik leer fietsen zonder zijwieltjes.')
    user.find(marker='dialog-save').click()
    await settle()
    mine = next(e for e in hub_of(board_id).elements.values()
                if e.props.get('text') == 'Ik leer fietsen zonder zijwieltjes.')
    await user.should_see(marker=f'edit-goal-{mine.id}')
    await user.should_see(marker=f'reach-{mine.id}')

    user.find(marker='tab-agreements').click()
    for marker in ('edit-agreement-agr-3', 'finish-agr-3', 'delete-agreement-agr-3'):
        await user.should_not_see(marker=marker)
    user.find(marker='tab-family').click()
    await user.should_see(marker='edit-member-fm-mees')  # his own record
    await user.should_not_see(marker='edit-member-fm-derya')
    await user.should_not_see(marker='edit-family-info')
    user.find(marker='tab-evaluation').click()
    await user.should_not_see(marker='edit-evaluation-eval-start')
    user.find(marker='tab-people').click()
    await user.should_not_see(marker='edit-person-np-ayse')
    await user.should_not_see(marker='edit-together')


async def test_on_the_network_tab_a_youth_changes_nothing_that_is_the_familys(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network', token_for(board_id, ELIF))
    await user.should_see(marker='netlist-np-ayse')
    await user.should_not_see(marker='fill-np-ayse')  # the family's netwerklijst scales
    choose(user, 'network-view', 'vip')
    await settle()
    await user.should_see(marker='vip-card-np-ayse')
    await user.should_see(marker='vip-add-np-ilse')  # her own list is hers: she puts Ilse on it
    user.find(marker='vip-add-np-ilse').click()
    await settle()
    assert any(p['member'] == 'fm-elif' for p in hub_of(board_id).elements['np-ilse'].props['vip'])
    assert 'cursor-pointer' not in user.find(marker='vip-card-np-ayse').elements.pop().classes


async def test_on_the_netwerkschema_bas_moves_only_the_people_he_added(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/schema?token={token_for(board_id, BAS)}')
    schema = next(iter(user.find(NetworkSchema).elements))
    assert 'np-ayse' in schema.props['fixed']  # where Anneanne sits is the family's to say
    answer = await push_as(board_id, BAS, [{'op': 'create', 'id': 'np-kees', 'type': 'network_person',
                                            'props': {'name': 'Kees', 'ring': 2, 'sector': 'vrienden'}}])
    assert answer['type'] == 'ack'
    await settle()
    assert 'np-kees' not in schema.props['fixed'] and 'np-ayse' in schema.props['fixed']
    await push_as(board_id, DERYA, [{'op': 'update', 'id': 'fm-bas', 'props': {'manages': True}}])
    await settle()
    assert schema.props['fixed'] == []  # he manages the board now: the schema follows at once


async def test_a_child_taps_his_mothers_card_on_the_board_and_only_reads_it(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}?token={token_for(board_id, MEES)}')
    seq = hub_of(board_id).seq
    user.find(BoardCanvas).trigger('open', {'id': 'goal-2'})
    await user.should_see(marker='editor-text')
    assert user.find(marker='editor-text').elements.pop().props.get('readonly')
    await user.should_not_see(marker='editor-delete')
    await user.should_not_see(marker='editor-save')
    assert hub_of(board_id).seq == seq
    user.find(marker='add-note').click()  # his own card he writes
    await user.should_see(marker='editor-save')


async def test_a_parent_who_does_not_manage_the_board_cannot_accept_a_proposal(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token_for(board_id, BAS))
    await user.should_see('Elif maakt een rooster voor huiswerk.')  # goal 5, Mevrouw Visser's proposal
    await user.should_not_see(marker='accept-goal-5')
    await user.should_not_see(marker='edit-goal-goal-2')
    answer = await push_as(board_id, BAS, [{'op': 'update', 'id': 'goal-5', 'props': {'status': 'active'}}])
    assert answer['type'] == 'reject'  # the server refuses too


async def test_a_teacher_proposes_but_never_marks_the_familys_goal_reached(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token_for(board_id, KARIM))
    await user.should_see('We hebben overzicht over ons geld.')
    await user.should_not_see(marker='reach-goal-2')
    await user.should_not_see(marker='remove-goal-goal-2')
    user.find(marker='edit-goal-goal-2').click()  # the dates and who helps, yes; the family's words, no
    await user.should_see(marker='field-text')
    words = user.find(marker='field-text').elements.pop()
    assert words.props.get('readonly')
    assert words.props['hint'].startswith('De woorden van het gezin: alleen het gezin verandert ze.')
    await user.should_not_see(marker='field-reached')


# presence, and the pages for those who manage the board

async def test_only_those_who_manage_the_board_see_who_else_is_looking(user: User, create_user) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}?token={token_for(board_id, JOLIEN)}')
    derya, bas = create_user(), create_user()
    await derya.open(f'/board/{board_id}?token={token_for(board_id, DERYA)}')
    await bas.open(f'/board/{board_id}?token={token_for(board_id, BAS)}')
    await settle()
    await user.should_see('BD')  # Jolien manages the board with the family: she sees Bas (de Vries) and Derya
    await user.should_see('DY')
    await bas.should_see('BD')  # himself, and nobody else: he does not manage the board
    await bas.should_not_see('DY')
    await bas.should_not_see('JB')
    await derya.should_see('JB')
    await derya.should_not_see('BD')  # Bas keeps a note from her, so she is not told he is here either


async def test_bas_sees_no_management_and_gets_calm_refusals(user: User) -> None:
    board_id = demo_board_id()
    token = token_for(board_id, BAS)
    await user.open(f'/board/{board_id}/plan?token={token}')
    await user.should_see(marker='download-pdf')
    await user.should_not_see(marker='open-access')
    await user.should_not_see(marker='open-audit')
    await user.open(f'/board/{board_id}/access?token={token}')
    await user.should_see('Alleen wie het bord beheert, ziet wie er toegang heeft.')
    await user.should_not_see(marker='make-code')
    await user.open(f'/board/{board_id}/audit?token={token}')
    await user.should_see('Alleen wie het bord beheert, kan zien wie wat deed op dit bord.')
    await user.should_not_see(marker='download-everything')
    await user.should_not_see(marker='erase')


async def test_bas_cannot_revoke_deryas_phone(user: User) -> None:
    board_id = demo_board_id()
    store, rights = state.get().store, await rights_of(board_id)
    code = devices.create_code(store, board_id, DERYA, Kind.PERSON, DERYA, 'Telefoon van Derya', rights=rights)
    phone, _token, _by = devices.pair(store, code.code, '127.0.0.1')
    with pytest.raises(PairingError, match='not_allowed'):
        devices.revoke_device(store, board_id, phone.id, BAS, rights=rights)
    assert [d.id for d in devices.board_devices(store, board_id)] == [phone.id]

    await user.open(f'/board/{board_id}/access?token={token_for(board_id, DERYA)}')
    await user.should_see(marker=f'revoke-{phone.id}')  # she manages the board: it is hers to revoke
    await user.should_see(marker='pin-fm-mees')  # and the children's PINs, not another manager's
    await user.should_see(marker='pin-fm-derya')


async def test_the_coordinator_sets_no_family_members_pin_but_a_youth_sets_her_own(user: User, create_user) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/access?token={token_for(board_id, JOLIEN)}')
    await user.should_see(marker='make-code')
    await user.should_not_see(marker='pin-fm-mees')

    elif_ = create_user()
    await open_plan(elif_, board_id, 'family', token_for(board_id, ELIF))
    elif_.find(marker='my-pin').click()
    elif_.find(marker='pin-new').type('4321')
    elif_.find(marker='pin-save').click()
    await elif_.should_see('Pincode ingesteld', retries=50)  # scrypt takes its time, on purpose
    assert 'fm-elif' in devices.members_with_pin(state.get().store, board_id)
