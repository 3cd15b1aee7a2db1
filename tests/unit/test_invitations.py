"""Invitations with a parent's consent, and signed tokens that can be revoked (board/invitations.py, board/tokens.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from board import devices, invitations, revoked, tokens
from board.identity import Actor, Role
from board.invitations import InvitationError
from board.store import Store

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
SECRET = 'test-secret'
COACH = Actor(id='coach', name='Jolien Bakker', role=Role.COORDINATOR)
DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
PARENTS = {'fm-derya': 'Derya Yılmaz', 'fm-bas': 'Bas de Vries'}


@pytest.fixture
def board_id(sqlite_store: Store) -> str:
    return sqlite_store.create_board('Familie Test').id


def invite(store: Store, board_id: str, by: Actor = COACH, **given) -> tuple[invitations.Invitation, str]:
    values = {'role': Role.NETWORK, 'name': 'Oma Ayşe', 'network_person': 'np-ayse', 'consent_parent': 'fm-bas',
              'scope': 'Het plan, zonder de geldzaken.'} | given
    return invitations.invite(store, SECRET, board_id, by, parents=PARENTS, now=T0, **values)


def test_a_coordinator_records_which_parent_consented_to_what(sqlite_store: Store, board_id: str) -> None:
    invitation, token = invite(sqlite_store, board_id)
    assert invitation.consent == invitations.Consent('fm-bas', 'Bas de Vries', T0.date(), 'Het plan, zonder de geldzaken.')
    assert invitation.actor == Actor(id='np-ayse', name='Oma Ayşe', role=Role.NETWORK)
    assert invitations.open_invitations(sqlite_store, board_id, now=T0) == [invitation]
    assert invitations.invitation_for(sqlite_store, SECRET, board_id, token, now=T0) == invitation


def test_a_parent_who_invites_consents_themselves(sqlite_store: Store, board_id: str) -> None:
    invitation, _ = invite(sqlite_store, board_id, by=DERYA, consent_parent=None)
    assert (invitation.consent.parent_id, invitation.consent.parent_name) == ('fm-derya', 'Derya Yılmaz')


@pytest.mark.parametrize(('by', 'given', 'code'), [
    (COACH, {'consent_parent': None}, 'consent_parent_required'),
    (COACH, {'consent_parent': 'np-ayse'}, 'not_a_parent'),
    (COACH, {'scope': '   '}, 'consent_scope_required'),
    (DERYA, {'scope': ''}, 'consent_scope_required'),
    (COACH, {'name': ' '}, 'name_required'),
    (COACH, {'role': Role.PARENT}, 'role_not_invitable'),
    (COACH, {'role': Role.PROFESSIONAL, 'organisation': ''}, 'organisation_required'),
    (Actor(id='school', name='Karim', role=Role.PROFESSIONAL, organisation='school'), {}, 'not_allowed'),
])
def test_an_invitation_without_consent_or_a_name_is_refused(sqlite_store: Store, board_id: str, by: Actor,
                                                            given: dict, code: str) -> None:
    with pytest.raises(InvitationError, match=code):
        invite(sqlite_store, board_id, by=by, **given)
    assert invitations.open_invitations(sqlite_store, board_id, now=T0) == []


def test_accepting_makes_a_device_for_a_network_member_and_uses_the_link_up(sqlite_store: Store, board_id: str) -> None:
    invitation, token = invite(sqlite_store, board_id)
    accepted, (device, device_token) = invitations.accept(sqlite_store, SECRET, board_id, token, now=T0)
    assert accepted == invitation and device.actor == invitation.actor
    assert devices.device_for(sqlite_store, board_id, device_token, now=T0).id == device.id
    with pytest.raises(InvitationError, match='used'):
        invitations.accept(sqlite_store, SECRET, board_id, token, now=T0)
    assert invitations.open_invitations(sqlite_store, board_id, now=T0) == []


def test_a_professional_gets_no_device_but_an_account_later(sqlite_store: Store, board_id: str) -> None:
    _, token = invite(sqlite_store, board_id, role=Role.PROFESSIONAL, organisation='School', name='Meester Karim',
                      network_person=None)
    invitation, device = invitations.accept(sqlite_store, SECRET, board_id, token, now=T0)
    assert device is None and invitation.actor.organisation == 'school'
    assert invitation.actor.id == f'inv-{invitation.id}'


def test_expired_revoked_tampered_and_foreign_links_are_refused(sqlite_store: Store, board_id: str) -> None:
    _, token = invite(sqlite_store, board_id)
    later = T0 + dt.timedelta(days=14, seconds=1)
    with pytest.raises(InvitationError, match='expired'):
        invitations.invitation_for(sqlite_store, SECRET, board_id, token, now=later)
    with pytest.raises(InvitationError, match='tampered'):
        invitations.invitation_for(sqlite_store, SECRET, board_id, token[:-2] + 'xx', now=T0)
    with pytest.raises(InvitationError, match='malformed'):
        invitations.invitation_for(sqlite_store, SECRET, board_id, 'nonsense', now=T0)
    other = sqlite_store.create_board('Ander gezin').id
    with pytest.raises(InvitationError, match='wrong_board'):
        invitations.invitation_for(sqlite_store, SECRET, other, token, now=T0)
    invitation, token = invite(sqlite_store, board_id, name='Buurvrouw Femke', network_person='np-femke')
    invitations.revoke_invitation(sqlite_store, board_id, invitation.id, DERYA, now=T0)
    with pytest.raises(InvitationError, match='revoked'):
        invitations.accept(sqlite_store, SECRET, board_id, token, now=T0)


def test_an_invitation_link_is_no_key_to_the_board(sqlite_store: Store, board_id: str) -> None:
    _, token = invite(sqlite_store, board_id)
    with pytest.raises(tokens.TokenError, match='wrong_purpose'):
        tokens.verify(SECRET, token, board_id, now=T0.timestamp())


def test_a_revoked_access_token_is_refused(sqlite_store: Store, board_id: str) -> None:
    token = tokens.issue(SECRET, board_id, COACH)
    check = lambda: tokens.verify(SECRET, token, board_id, is_revoked=lambda jti: revoked.is_revoked(sqlite_store, jti))  # noqa: E731
    assert check() == COACH
    revoked.revoke(sqlite_store, board_id, tokens.token_id(SECRET, token))
    revoked.revoke(sqlite_store, board_id, tokens.token_id(SECRET, token))  # twice is harmless
    with pytest.raises(tokens.TokenError, match='revoked'):
        check()
    assert tokens.token_id(SECRET, tokens.issue(SECRET, board_id, COACH)) != tokens.token_id(SECRET, token)
