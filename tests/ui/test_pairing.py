"""Families come in without a password: pairing by code, the gezinstablet with faces and PINs, invitations, and
'Wie heeft toegang' (app/pages/pair.py, access.py, invite.py)."""
from __future__ import annotations

import asyncio

from nicegui.testing import User

from app import cutoff, state
from board import accounts, devices, invitations, revoked, tokens
from board.access import BoardRights
from board.devices import Kind
from board.identity import Actor, Consent, Role
from tests.ui.helpers import DERYA, ELIF, demo_board_id, hub_of, log_in, settle, token_for

COACH = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)


def rights_of(board_id: str) -> BoardRights:
    return BoardRights(state.get().store.load(board_id).elements)


def code(board_id: str, actor: Actor | None = ELIF) -> devices.PairingCode:
    return devices.create_code(state.get().store, board_id, COACH, Kind.TABLET if actor is None else Kind.PERSON,
                               actor, 'Telefoon van Elif' if actor else 'Gezinstablet', rights=rights_of(board_id))


def present(board_id: str) -> set[str]:
    return {s.actor.id for s in hub_of(board_id).sessions.values()}


async def test_a_code_pairs_the_phone_and_it_opens_the_board_as_that_member(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/plan')
    await user.should_see(marker='no-access')
    await user.open(f'/pair?code={code(board_id).code.lower()}')
    await user.should_see(marker='tab-family')
    await settle()
    assert present(board_id) == {'fm-elif'}


async def test_a_wrong_code_is_explained_in_dutch_and_stays_in_the_box(user: User) -> None:
    await user.open('/pair')
    user.find(marker='pair-code').type('K7M-4QZ')
    user.find(marker='pair-submit').click()
    await user.should_see('Deze code kennen we niet')
    assert user.find(marker='pair-code').elements.pop().value == 'K7M-4QZ'


async def test_a_revoked_device_is_cut_off_at_once_and_cannot_come_back(user: User) -> None:
    board_id = demo_board_id()
    await user.open('/pair')  # a first visit: the browser gets its cookie
    await user.open(f'/pair?code={code(board_id).code}')
    await user.should_see(marker='tab-family')
    await settle()
    device = devices.board_devices(state.get().store, board_id)[0]
    gone = devices.revoke_device(state.get().store, board_id, device.id, DERYA, rights=rights_of(board_id))
    cutoff.revoke(board_id, gone.credential)
    await user.should_see(marker='pair-revoked')
    await user.open(f'/board/{board_id}/plan')
    await user.should_see(marker='no-access')


async def test_a_page_opened_with_a_revoked_token_is_cut_off(user: User) -> None:
    board_id = demo_board_id()
    token = token_for(board_id, DERYA)
    await user.open(f'/board/{board_id}/plan?token={token}')
    await user.should_see(marker='tab-family')
    revoked.revoke(state.get().store, board_id, tokens.token_id(state.get().store, token))  # `planbord revoke`
    await user.should_see('Deze link klopt niet', retries=60)  # the next sweep finds it
    for _ in range(100):  # the old page is deleted on the server a moment later, and so leaves the board
        if not present(board_id):
            break
        await asyncio.sleep(0.05)
    assert present(board_id) == set()


async def test_a_page_opened_with_a_token_is_cut_off_when_it_expires(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/plan?token={tokens.issue(state.get().store, board_id, DERYA, 2)}')
    await user.should_see(marker='tab-family')
    await user.should_see('Deze link klopt niet', retries=60)


async def test_the_family_tablet_asks_who_and_the_pin(user: User) -> None:
    board_id = demo_board_id()
    devices.set_pin(state.get().store, board_id, DERYA, 'fm-derya', '2468', rights=rights_of(board_id))
    await user.open('/pair')
    await user.open(f'/pair?code={code(board_id, actor=None).code}')
    await user.should_see('Wie ben jij?')
    user.find(marker='who-fm-derya').click()
    await user.should_see(marker='who-pin')
    user.find(marker='who-pin').type('1111')
    user.find(marker='who-pin-go').click()
    await user.should_see('Deze pincode klopt niet')
    user.find(marker='who-pin').type('2468')
    user.find(marker='who-pin-go').click()
    await settle()
    await user.open(f'/board/{board_id}/plan')
    await user.should_see(marker='who-switch')
    await settle()
    assert present(board_id) == {'fm-derya'}


async def test_a_network_member_accepts_an_invitation_once(user: User) -> None:
    board_id = demo_board_id()
    _, token = invitations.invite(state.get().store, board_id, COACH, role=Role.NETWORK,
                                  name='Ayşe', network_person='np-ayse', consent_parent='fm-derya',
                                  consent=Consent(goals=('goal-3',)), rights=rights_of(board_id))
    await user.open('/pair')
    await user.open(f'/invite/{board_id}?token={token}')
    await user.should_see("Derya Yılmaz gaf op")
    await user.should_see("toestemming: doel 'Noor slaapt elke nacht in haar eigen bed'")
    user.find(marker='invite-accept').click()
    await user.should_see(marker='tab-family')
    await settle()
    assert present(board_id) == {'np-ayse'}
    await user.open(f'/invite/{board_id}?token={token}')
    await user.should_see('Deze uitnodiging is al gebruikt')


async def test_a_parent_makes_a_pairing_code_with_a_qr_code(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/access?token={token_for(board_id, DERYA)}')
    user.find(marker='make-code').click()
    await user.should_see(marker='pair-qr')
    await user.should_see('Nog 9:5')
    shown = user.find(marker='pair-code-shown').elements.pop().text
    assert len(shown) == 7 and shown[3] == '-'


async def test_only_parents_and_the_coordinator_see_who_has_access(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/access?token={token_for(board_id, ELIF)}')
    await user.should_see(marker='access-refused')


async def test_a_professional_logs_in_and_the_invitation_becomes_a_membership(user: User) -> None:
    board_id, store = demo_board_id(), state.get().store
    account = accounts.create_account(store, 'karim@school.example.nl', 'Meester Karim', 'lang-genoeg-wachtwoord-1')
    _, token = invitations.invite(store, board_id, DERYA, role=Role.PROFESSIONAL,
                                  name='Meester Karim', organisation='school', consent=Consent(goals=('goal-4',)),
                                  rights=rights_of(board_id))
    await user.open(f'/invite/{board_id}?token={token}')
    await user.should_see(marker='to-login')
    await log_in(user, 'karim@school.example.nl', 'lang-genoeg-wachtwoord-1')
    await user.open(f'/invite/{board_id}?token={token}')
    user.find(marker='invite-accept').click()
    await user.should_see(marker='tab-family')
    membership = accounts.membership(store, account.id, board_id)
    assert (membership.role, membership.organisation) == (Role.PROFESSIONAL, 'school')


async def test_a_professional_without_an_account_makes_one_from_the_invitation(user: User) -> None:
    board_id, store = demo_board_id(), state.get().store
    _, token = invitations.invite(store, board_id, DERYA, role=Role.PROFESSIONAL,
                                  name='Juf Sanne', organisation='school', consent=Consent(goals=('goal-4',)),
                                  rights=rights_of(board_id))
    await user.open(f'/invite/{board_id}?token={token}')
    await user.should_see(marker='new-account')
    user.find(marker='new-mail').type('sanne@school.example.nl')
    user.find(marker='new-password').type('kort')
    user.find(marker='new-again').type('kort')
    user.find(marker='new-create').click()
    await user.should_see('Kies een wachtwoord van minstens 10 tekens.')
    assert accounts.find_account(store, 'sanne@school.example.nl') is None
    with user:
        for marker in ('new-password', 'new-again'):
            user.find(marker=marker).elements.pop().value = 'een-lang-wachtwoord'
    user.find(marker='new-create').click()
    await user.should_see(marker='invite-accept', retries=100)  # argon2 takes its time, on purpose
    user.find(marker='invite-accept').click()
    await user.should_see(marker='tab-family')
    account = accounts.find_account(store, 'sanne@school.example.nl')
    assert account is not None and account.name == 'Juf Sanne'
    assert accounts.membership(store, account.id, board_id).organisation == 'school'
