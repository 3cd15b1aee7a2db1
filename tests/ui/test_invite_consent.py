"""'Wat mag … zien?' on Toegang and the invitation page (app/pages/access.py, invite.py, consent.py): the consent is
chosen with big chips, said in words, refused when empty, and widening it reaches the invitee's open pages."""
from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from nicegui import Client
from nicegui.testing import User

from app import state
from board import audit, invitations
from board.access import BoardRights
from board.identity import Actor, Consent, Role
from tests.ui.helpers import DERYA, demo_board_id, hub_of, settle, token_for

COACH = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
FOOTBALL = Consent(goals=('goal-4',))


def invite_ayse(board_id: str, consent: Consent = FOOTBALL) -> tuple[invitations.Invitation, str]:
    rights = BoardRights(state.get().store.load(board_id).elements)
    return invitations.invite(state.get().store, board_id, DERYA, role=Role.NETWORK,
                              name='Anneanne Ayşe', network_person='np-ayse', consent=consent, rights=rights)


def zone(board_id: str, kind: str) -> str:
    """The id of one of the plan's zones (random, like every new plan part's)."""
    return next(i for i, e in state.get().store.load(board_id).elements.items() if e.props.get('kind') == kind)


def ayse_sessions(board_id: str) -> list[Consent | None]:
    return [s.actor.consent for s in hub_of(board_id).sessions.values() if s.actor.id == 'np-ayse']


async def test_derya_invites_the_teacher_for_one_goal_with_a_tap(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/access?token={token_for(board_id, DERYA)}')
    await user.should_see('Krachten', marker=f"invite-what-zone-{zone(board_id, 'krachten')}")
    user.find(marker='invite-name').type('Meester Karim')
    with user:
        user.find(marker='invite-role').elements.pop().value = 'professional'
    user.find(marker='invite-organisation').type('Basisschool De Regenboog')
    user.find(marker='invite-what-goal-goal-4').click()
    user.find(marker='invite-create').click()
    await user.should_see(marker='invite-link')
    [invitation] = invitations.open_invitations(state.get().store, board_id)
    assert invitation.consent.what == FOOTBALL and invitation.actor.consent == FOOTBALL
    await user.should_see("toestemming: doel 'Mees speelt weer voetbal'", marker=f'consent-of-{invitation.id}')


@pytest.mark.parametrize(('by', 'message'), [
    (DERYA, 'Kies wat deze persoon mag zien.'),  # nothing chosen to see
    (COACH, 'Zonder toestemming van een ouder kan niemand worden uitgenodigd'),  # nobody in the family consented
])
async def test_an_invitation_without_consent_is_refused_in_dutch_and_nothing_typed_is_lost(
        user: User, by: Actor, message: str) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/access?token={token_for(board_id, by)}')
    user.find(marker='invite-name').type('Anneanne Ayşe')
    user.find(marker='invite-create').click()
    await user.should_see(message)
    assert invitations.open_invitations(state.get().store, board_id) == []
    assert user.find(marker='invite-name').elements.pop().value == 'Anneanne Ayşe'


async def test_the_invitation_page_says_what_was_agreed_in_words(user: User) -> None:
    board_id = demo_board_id()
    invitation, token = invite_ayse(board_id, Consent(zones=(zone(board_id, 'zorgen'),), goals=('goal-4',), named=True))
    await user.open(f'/invite/{board_id}?token={token}')
    date = invitation.consent.date
    await user.should_see(f"Derya Yılmaz gaf op {date.day}-{date.month} toestemming: het onderwerp Zorgen, "
                          "doel 'Mees speelt weer voetbal' en kaarten die we met Anneanne Ayşe delen",
                          marker='invite-consent-words')


async def test_derya_widens_what_ayse_sees_and_her_open_page_follows(create_user: Callable[[], User]) -> None:
    ayse, derya = create_user(), create_user()
    board_id = demo_board_id()
    invitation, token = invite_ayse(board_id)
    await ayse.open('/pair')
    await ayse.open(f'/invite/{board_id}?token={token}')
    ayse.find(marker='invite-accept').click()
    await ayse.should_see(marker='tab-family', retries=20)
    await settle()
    assert ayse_sessions(board_id) == [FOOTBALL]
    old_page = ayse.client

    await derya.open(f'/board/{board_id}/access?token={token_for(board_id, DERYA)}')
    await derya.should_see("toestemming: doel 'Mees speelt weer voetbal'", marker=f'consent-of-{invitation.id}')
    derya.find(marker=f'consent-change-{invitation.id}').click()
    derya.find(marker='consent-goal-goal-3').click()
    derya.find(marker='consent-save').click()
    await derya.should_see('Opgeslagen. Anneanne Ayşe ziet nu alleen wat je koos.')

    wider = Consent(goals=('goal-3', 'goal-4'))
    assert invitations.accepted_invitations(state.get().store, board_id)[invitation.id].consent.what == wider
    assert audit.entries(state.get().store, board_id)[0].action == audit.CONSENT_WIDENED
    for _ in range(40):  # her page is cut off and leaves the hub: nothing more reaches it under the old consent
        if old_page.id not in Client.instances:
            break
        await asyncio.sleep(0.05)
    assert old_page.id not in Client.instances and ayse_sessions(board_id) == []
    await ayse.open(f'/board/{board_id}/plan')
    await ayse.should_see(marker='tab-family', retries=20)
    await settle()
    assert ayse_sessions(board_id) == [wider]


async def test_the_coordinator_may_narrow_but_not_widen(user: User) -> None:
    board_id = demo_board_id()
    invitation, token = invite_ayse(board_id, Consent(goals=('goal-3', 'goal-4')))
    invitations.accept(state.get().store, board_id, token)
    await user.open(f'/board/{board_id}/access?token={token_for(board_id, COACH)}')
    user.find(marker=f'consent-change-{invitation.id}').click()
    await user.should_see('Meer laten zien kan alleen een ouder die het bord beheert.')
    user.find(marker=f"consent-zone-{zone(board_id, 'zorgen')}").click()
    user.find(marker='consent-save').click()
    await user.should_see('Meer laten zien kan alleen met toestemming van het gezin')
    user.find(marker=f"consent-zone-{zone(board_id, 'zorgen')}").click()
    user.find(marker='consent-goal-goal-3').click()
    user.find(marker='consent-save').click()
    await user.should_see('Opgeslagen.')
    assert invitations.accepted_invitations(state.get().store, board_id)[invitation.id].consent.what == FOOTBALL
