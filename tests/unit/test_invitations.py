"""Invitations that keep to the family's consent (board/invitations.py; the tokens themselves:
tests/unit/test_tokens.py): the consent is a choice (topics, goals, cards shared by name), stored and carried by the
invitee's device or membership; widening it needs a family member who manages the board and is written into the audit
log."""
from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from app.i18n import translate
from board import accounts, audit, devices, invitations, revoked, tokens
from board.access import BoardRights, may_change_consent, widens
from board.demo import create_demo_board
from board.elements import Element, Visibility
from board.identity import Actor, Consent, Role
from board.invitations import ConsentRecord, InvitationError
from board.store import MIGRATIONS, Store

T0 = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
COACH = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
FOOTBALL = Consent(goals=('goal-4',))
"""Goal 4 of the demo family: 'Mees speelt weer voetbal.'"""


@pytest.fixture
def board_id(sqlite_store: Store) -> str:
    return create_demo_board(sqlite_store).id


@pytest.fixture
def rights(sqlite_store: Store, board_id: str) -> BoardRights:
    return BoardRights(sqlite_store.load(board_id).elements)


def invite(store: Store, board_id: str, rights: BoardRights, by: Actor = COACH,
           **given) -> tuple[invitations.Invitation, str]:
    values = {'role': Role.NETWORK, 'name': 'Anneanne Ayşe', 'network_person': 'np-ayse',
              'consent_parent': 'fm-derya', 'consent': Consent(goals=('goal-3',))} | given
    return invitations.invite(store, board_id, by, rights=rights, now=T0, **values)


def change(store: Store, board_id: str, rights: BoardRights, invitation_id: str, by: Actor,
           consent: Consent) -> tuple[invitations.Invitation, list[str]]:
    return invitations.change_consent(store, board_id, invitation_id, by, consent, rights=rights,
                                      now=T0 + dt.timedelta(days=2))


def test_a_coordinator_records_which_manager_consented_to_what(sqlite_store: Store, board_id: str,
                                                               rights: BoardRights) -> None:
    invitation, token = invite(sqlite_store, board_id, rights)
    consent = Consent(goals=('goal-3',))
    assert invitation.consent == ConsentRecord('fm-derya', 'Derya Yılmaz', T0.date(), consent)
    assert invitation.actor == Actor(id='np-ayse', name='Anneanne Ayşe', role=Role.NETWORK, consent=consent)
    assert invitations.open_invitations(sqlite_store, board_id, now=T0) == [invitation]
    assert invitations.invitation_for(sqlite_store, board_id, token, now=T0) == invitation


def test_a_manager_who_invites_consents_themselves(sqlite_store: Store, board_id: str, rights: BoardRights) -> None:
    invitation, _ = invite(sqlite_store, board_id, rights, by=DERYA, consent_parent=None)
    assert (invitation.consent.parent_id, invitation.consent.parent_name) == ('fm-derya', 'Derya Yılmaz')


def test_a_coordinator_is_invited_for_the_whole_plan(sqlite_store: Store, board_id: str, rights: BoardRights) -> None:
    invitation, _ = invite(sqlite_store, board_id, rights, role=Role.COORDINATOR, name='Sanne (wijkteam)',
                           network_person=None, consent=None)
    assert invitation.consent.what is None and invitation.actor.consent is None
    assert invitations.open_invitations(sqlite_store, board_id, now=T0) == [invitation]


@pytest.mark.parametrize(('by', 'given', 'code'), [
    (COACH, {'consent_parent': None}, 'consent_parent_required'),
    (COACH, {'consent_parent': 'fm-bas'}, 'not_a_parent'),  # Bas does not manage the board
    (COACH, {'consent': None}, 'consent_empty'),
    (COACH, {'consent': Consent()}, 'consent_empty'),
    (DERYA, {'consent': Consent()}, 'consent_empty'),
    (DERYA, {'consent': Consent(goals=('zone-zorgen',))}, 'consent_unknown'),
    (DERYA, {'consent': Consent(zones=('zone-nergens',))}, 'consent_unknown'),
    (COACH, {'name': ' '}, 'name_required'),
    (COACH, {'role': Role.PARENT}, 'role_not_invitable'),
    (COACH, {'role': Role.PROFESSIONAL, 'organisation': ''}, 'organisation_required'),
    (KARIM, {}, 'not_allowed'),
    (BAS, {}, 'not_allowed'),
])
def test_an_invitation_without_consent_or_a_name_is_refused(sqlite_store: Store, board_id: str, rights: BoardRights,
                                                            by: Actor, given: dict, code: str) -> None:
    with pytest.raises(InvitationError, match=code):
        invite(sqlite_store, board_id, rights, by=by, **given)
    assert invitations.open_invitations(sqlite_store, board_id, now=T0) == []


def test_no_one_consents_to_a_goal_they_cannot_see(sqlite_store: Store, board_id: str, rights: BoardRights) -> None:
    hidden = Element(id='goal-derya', type='goal', props={'text': 'Alleen voor Derya.'},
                     visibility=Visibility(scope='named', names=('fm-derya',)))
    rights = BoardRights({**rights.elements, hidden.id: hidden})
    with pytest.raises(InvitationError, match='consent_unknown'):
        invite(sqlite_store, board_id, rights, consent=Consent(goals=(hidden.id,)))
    invitation, _ = invite(sqlite_store, board_id, rights, by=DERYA, consent=Consent(goals=(hidden.id,)))
    assert invitation.consent.what.goals == (hidden.id,)


def test_accepting_makes_a_device_that_carries_the_consent(sqlite_store: Store, board_id: str,
                                                           rights: BoardRights) -> None:
    invitation, token = invite(sqlite_store, board_id, rights)
    accepted, (device, device_token) = invitations.accept(sqlite_store, board_id, token, now=T0)
    assert accepted.id == invitation.id and device.actor == invitation.actor
    assert devices.device_for(sqlite_store, board_id, device_token, now=T0).actor.consent == Consent(goals=('goal-3',))
    with pytest.raises(InvitationError, match='used'):
        invitations.accept(sqlite_store, board_id, token, now=T0)
    assert invitations.open_invitations(sqlite_store, board_id, now=T0) == []
    assert list(invitations.accepted_invitations(sqlite_store, board_id)) == [invitation.id]


def test_a_professional_accepts_with_an_account_whose_membership_carries_the_consent(
        sqlite_store: Store, board_id: str, rights: BoardRights) -> None:
    account = accounts.create_account(sqlite_store, 'karim@regenboog.example.nl', 'Meester Karim', 'lang-wachtwoord')
    _, token = invite(sqlite_store, board_id, rights, role=Role.PROFESSIONAL, organisation='Basisschool De Regenboog',
                      name='Meester Karim', network_person='np-karim', consent=FOOTBALL)
    invitation, device = invitations.accept(sqlite_store, board_id, token, now=T0, account_id=account.id)
    assert device is None
    membership = accounts.membership(sqlite_store, account.id, board_id)
    assert (membership.consent, membership.invitation) == (FOOTBALL, invitation.id)
    assert accounts.actor_on(sqlite_store, account.id, board_id) == Actor(
        id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='basisschool de regenboog',
        consent=FOOTBALL)
    accounts.add_membership(sqlite_store, account.id, board_id, Role.PROFESSIONAL, 'school', 'np-karim')
    assert accounts.membership(sqlite_store, account.id, board_id).consent == FOOTBALL  # an administrator never widens


def test_expired_revoked_tampered_and_foreign_links_are_refused(sqlite_store: Store, board_id: str,
                                                                rights: BoardRights) -> None:
    _, token = invite(sqlite_store, board_id, rights)
    later = T0 + dt.timedelta(days=14, seconds=1)
    with pytest.raises(InvitationError, match='expired'):
        invitations.invitation_for(sqlite_store, board_id, token, now=later)
    with pytest.raises(InvitationError, match='tampered'):
        invitations.invitation_for(sqlite_store, board_id, token[:-2] + 'xx', now=T0)
    with pytest.raises(InvitationError, match='malformed'):
        invitations.invitation_for(sqlite_store, board_id, 'nonsense', now=T0)
    other = sqlite_store.create_board('Ander gezin').id
    with pytest.raises(InvitationError, match='wrong_board'):
        invitations.invitation_for(sqlite_store, other, token, now=T0)
    invitation, token = invite(sqlite_store, board_id, rights, name='Tante Femke', network_person='np-femke')
    invitations.revoke_invitation(sqlite_store, board_id, invitation.id, DERYA, now=T0, rights=rights)
    with pytest.raises(InvitationError, match='revoked'):
        invitations.accept(sqlite_store, board_id, token, now=T0)
    _, token = invite(sqlite_store, board_id, rights, name='Buurman Piet', network_person='np-piet')
    revoked.revoke(sqlite_store, board_id, tokens.token_id(sqlite_store, token))  # `planbord revoke` with the link
    with pytest.raises(InvitationError, match='revoked'):
        invitations.accept(sqlite_store, board_id, token, now=T0)


def test_an_invitation_link_is_no_key_to_the_board(sqlite_store: Store, board_id: str, rights: BoardRights) -> None:
    _, token = invite(sqlite_store, board_id, rights)
    with pytest.raises(tokens.TokenError, match='wrong_purpose'):
        tokens.verify(sqlite_store, token, board_id, now=T0.timestamp())


# changing a consent later

@pytest.mark.parametrize(('before', 'after', 'wider'), [
    (FOOTBALL, Consent(goals=('goal-4', 'goal-1')), True),
    (FOOTBALL, Consent(goals=('goal-4',), named=True), True),
    (FOOTBALL, Consent(zones=('zone-zorgen',)), True),  # one thing less, another more: more
    (Consent(goals=('goal-4', 'goal-1')), FOOTBALL, False),
    (FOOTBALL, FOOTBALL, False),
    (None, FOOTBALL, False),  # from no limit to a limit
    (FOOTBALL, None, True),
])
def test_what_counts_as_widening(before: Consent | None, after: Consent | None, wider: bool) -> None:
    assert widens(before, after) is wider


def test_widening_needs_a_family_member_who_manages_the_board(rights: BoardRights) -> None:
    wider = Consent(goals=('goal-4', 'goal-1'))
    assert [may_change_consent(a, FOOTBALL, wider, rights) for a in (DERYA, COACH, BAS)] == [True, False, False]
    assert [may_change_consent(a, wider, FOOTBALL, rights) for a in (DERYA, COACH, BAS)] == [True, True, False]


def accepted_by_karim(store: Store, board_id: str, rights: BoardRights) -> tuple[invitations.Invitation, str]:
    """Meester Karim with an account, and Anneanne Ayşe's phone, both for goal 4; Karim's invitation and account."""
    account = accounts.create_account(store, 'karim@regenboog.example.nl', 'Meester Karim', 'lang-wachtwoord')
    _, token = invite(store, board_id, rights, role=Role.PROFESSIONAL, organisation='school', name='Meester Karim',
                      network_person='np-karim', consent=FOOTBALL)
    invitation, _ = invitations.accept(store, board_id, token, now=T0, account_id=account.id)
    return invitation, account.id


def test_a_manager_widens_and_it_is_audited(sqlite_store: Store, board_id: str, rights: BoardRights) -> None:
    _, token = invite(sqlite_store, board_id, rights, consent=FOOTBALL)
    ayse, (device, device_token) = invitations.accept(sqlite_store, board_id, token, now=T0)
    karim, account_id = accepted_by_karim(sqlite_store, board_id, rights)
    krachten = next(i for i, e in rights.elements.items() if e.props.get('kind') == 'krachten')
    wider = Consent(goals=('goal-4',), zones=(krachten,), named=True)
    for invitation in (ayse, karim):
        changed, credentials = change(sqlite_store, board_id, rights, invitation.id, DERYA, wider)
        assert changed.consent == ConsentRecord('fm-derya', 'Derya Yılmaz', (T0 + dt.timedelta(days=2)).date(), wider)
        assert changed.actor.consent == wider
        assert invitations.accepted_invitations(sqlite_store, board_id)[invitation.id] == changed
    assert credentials == [accounts.credential(account_id, board_id)]
    assert devices.device_for(sqlite_store, board_id, device_token).actor.consent == wider
    assert accounts.actor_on(sqlite_store, account_id, board_id).consent == wider
    log = audit.entries(sqlite_store, board_id)
    assert [(e.action, e.actor_id, e.subject) for e in log[:2]] == [
        (audit.CONSENT_WIDENED, 'fm-derya', 'Meester Karim'), (audit.CONSENT_WIDENED, 'fm-derya', 'Anneanne Ayşe')]
    line = audit.for_reader(log, DERYA, sqlite_store.load(board_id).elements)[0]
    today = dt.datetime.now(audit.TIMEZONE)
    said = audit.describe(line, translate)
    assert said == f'Derya Yılmaz heeft meer gedeeld met Meester Karim op {today:%d-%m-%Y}'


@pytest.mark.parametrize(('by', 'code'), [(COACH, 'family_widens'), (BAS, 'not_allowed'), (KARIM, 'not_allowed')])
def test_the_coordinator_or_a_parent_who_does_not_manage_cannot_widen(sqlite_store: Store, board_id: str,
                                                                      rights: BoardRights, by: Actor,
                                                                      code: str) -> None:
    karim, account_id = accepted_by_karim(sqlite_store, board_id, rights)
    with pytest.raises(InvitationError, match=code):
        change(sqlite_store, board_id, rights, karim.id, by, Consent(goals=('goal-4', 'goal-1')))
    assert accounts.actor_on(sqlite_store, account_id, board_id).consent == FOOTBALL
    assert invitations.accepted_invitations(sqlite_store, board_id)[karim.id].consent == karim.consent
    assert not [e for e in audit.entries(sqlite_store, board_id) if e.action == audit.CONSENT_WIDENED]


def test_the_coordinator_may_narrow_and_the_consent_stays_derya_s(sqlite_store: Store, board_id: str,
                                                                  rights: BoardRights) -> None:
    karim, account_id = accepted_by_karim(sqlite_store, board_id, rights)
    change(sqlite_store, board_id, rights, karim.id, DERYA, Consent(goals=('goal-4', 'goal-1')))
    narrowed, _ = change(sqlite_store, board_id, rights, karim.id, COACH, FOOTBALL)
    assert (narrowed.consent.parent_id, narrowed.consent.what) == ('fm-derya', FOOTBALL)
    assert accounts.actor_on(sqlite_store, account_id, board_id).consent == FOOTBALL
    assert audit.entries(sqlite_store, board_id)[0].action == audit.CONSENT_NARROWED
    with pytest.raises(InvitationError, match='consent_empty'):
        change(sqlite_store, board_id, rights, karim.id, DERYA, Consent())
    with pytest.raises(InvitationError, match='not_found'):
        change(sqlite_store, board_id, rights, 'geen-uitnodiging', DERYA, FOOTBALL)


def test_an_old_free_text_invitation_stays_readable_and_grants_only_cards_shared_by_name(tmp_path) -> None:
    """Made before consent was a choice: the words stay shown; it, and the device it became, grant only `named`."""
    url = f'sqlite:///{tmp_path}/old.sqlite3'
    engine = sa.create_engine(url)
    config = Config()
    config.set_main_option('script_location', str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes['connection'] = connection
        command.upgrade(config, '0004')
        connection.execute(sa.text("INSERT INTO boards (id, name, family_name, created_at, seq) "
                                   "VALUES ('b1', 'Familie Oud', 'Oud', '2026-11-01T09:00:00.000+00:00', 0)"))
        for jti, role, scope in (('inv-ayse', 'network', 'Het plan, zonder de geldzaken.'),
                                 ('inv-coach', 'coordinator', 'Alles, als coach.')):
            actor = json.dumps({'id': jti, 'name': 'Ayşe' if role == 'network' else 'Sanne', 'role': role,
                                'organisation': ''})
            connection.execute(sa.text(
                'INSERT INTO invitations (id, board_id, actor, created_by, created_by_name, created_at, expires_at, '
                'consent_parent, consent_parent_name, consent_date, consent_scope, accepted_at) VALUES '
                "(:id, 'b1', :actor, 'fm-derya', 'Derya', '2026-11-01', '2026-11-15', 'fm-derya', 'Derya', "
                "'2026-11-01', :scope, '2026-11-02')"), {'id': jti, 'actor': actor, 'scope': scope})
        connection.execute(sa.text(
            "INSERT INTO devices (id, board_id, token_hash, kind, actor, label, created_by, created_at, last_seen_at) "
            "VALUES ('d1', 'b1', :hash, 'person', :actor, 'Ayşe', 'inv-ayse', '2026-11-02', '2026-11-02')"),
            {'hash': devices.hash_token('oud-token'),
             'actor': json.dumps({'id': 'inv-ayse', 'name': 'Ayşe', 'role': 'network', 'organisation': ''})})
    engine.dispose()
    store = Store(url)  # brings every head up to date
    try:
        old = invitations.accepted_invitations(store, 'b1')
        assert old['inv-ayse'].consent == ConsentRecord('fm-derya', 'Derya', dt.date(2026, 11, 1), Consent(named=True),
                                                        'Het plan, zonder de geldzaken.')
        assert old['inv-ayse'].actor.consent == Consent(named=True)
        assert old['inv-coach'].consent.what is None and old['inv-coach'].consent.words == 'Alles, als coach.'
        assert devices.device_for(store, 'b1', 'oud-token').actor.consent == Consent(named=True)
    finally:
        store.close()
