"""Invitations: how someone outside the family gets onto the board, and only with the family's consent.

Putting someone on the netwerkschema gives them no access. An invitation is a signed link (`board.tokens`, purpose
``invite``) for one board, with a role and a name, that expires and can be revoked. It records which family member
who manages the board consented, when, and to what: a `board.identity.Consent` chosen, not written — topics (the
cards of some zones), goals (with their agreements) and/or the cards shared with the invitee by name. The invitee's
actor carries it, so `board.access` shows them exactly that and the people in it. A coordinator, who works on the
whole plan with the family, is invited without one.

It can be accepted once: a network member's or the shared screen's browser then becomes a paired device
(`board.devices`); a professional continues to an account (`board.accounts` keeps the consent on the membership).
The accepted invitation stays the record of the consent: `change_consent` narrows or widens it there, on the
device and on the membership together, and writes it into the audit log.

An invitation made before consent was a choice keeps the parent's words (`ConsentRecord.words`, shown as they
were) but is read the safe way: migration 0010 made it, and the device it became, grant only the cards shared with
the invitee by name.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

import sqlalchemy as sa

from . import accounts, audit, devices, revoked, tokens
from .access import BoardRights, can_see, may_change_consent, widens
from .devices import Device, Kind, add_device
from .elements import ElementType
from .identity import Actor, Consent, Role
from .store import Store, metadata

INVITABLE = (Role.NETWORK, Role.PROFESSIONAL, Role.COORDINATOR, Role.SCREEN)
DEVICE_ROLES = frozenset({Role.NETWORK, Role.SCREEN})
"""Roles whose invitation turns the browser into a paired device; the others sign in with an account."""
VALID_DAYS = 14


class InvitationError(ValueError):
    """The message is a code: `not_allowed`, `name_required`, `role_not_invitable`, `organisation_required`,
    `consent_parent_required`, `not_a_parent`, `consent_empty`, `consent_unknown`, `family_widens` (only a family
    member who manages the board gives more), `not_found`, or for a link `malformed`, `tampered`, `expired`,
    `wrong_board`, `wrong_purpose`, `revoked`, `used`."""


invitations = sa.Table(
    'invitations', metadata,
    sa.Column('id', sa.String(64), primary_key=True),
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), nullable=False, index=True),
    sa.Column('actor', sa.Text, nullable=False),
    sa.Column('network_person', sa.String(64), nullable=True),
    sa.Column('created_by', sa.String(64), nullable=False),
    sa.Column('created_by_name', sa.String(120), nullable=False),
    sa.Column('created_at', sa.String(40), nullable=False),
    sa.Column('expires_at', sa.String(40), nullable=False),
    sa.Column('consent_parent', sa.String(64), nullable=False),
    sa.Column('consent_parent_name', sa.String(120), nullable=False),
    sa.Column('consent_date', sa.String(10), nullable=False),
    sa.Column('consent', sa.Text, nullable=True),
    sa.Column('consent_words', sa.Text, nullable=True),
    sa.Column('accepted_at', sa.String(40), nullable=True),
    sa.Column('revoked_at', sa.String(40), nullable=True),
)


@dataclass(frozen=True)
class ConsentRecord:
    """Who in the family consented, when, and to what."""
    parent_id: str
    parent_name: str
    date: dt.date
    what: Consent | None
    """What the invitee may see; ``None`` for a coordinator (the whole plan)."""
    words: str = ''
    """Only for an invitation from before consent was a choice: what the parent agreed to, in words."""


@dataclass(frozen=True)
class Invitation:
    id: str
    board_id: str
    actor: Actor
    """Who the invited person will be on the board."""
    network_person: str | None
    created_by_name: str
    expires_at: dt.datetime
    consent: ConsentRecord
    accepted_at: str | None = None

    @property
    def makes_device(self) -> bool:
        return self.actor.role in DEVICE_ROLES


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def invite(store: Store, board_id: str, by: Actor, *, role: Role, name: str,
           organisation: str = '', network_person: str | None = None, consent_parent: str | None = None,
           consent: Consent | None = None, days: int = VALID_DAYS, now: dt.datetime | None = None,
           rights: BoardRights) -> tuple[Invitation, str]:
    """Record an invitation with its consent and return it with its signed link token.

    :param consent_parent: which family member who manages the board consented; one who invites consents themselves
    :param consent: what the invitee may see (ignored for a coordinator, who sees the whole plan); an empty one is
        refused (`consent_empty`), as is one naming a zone or goal `by` cannot see (`consent_unknown`)
    :param rights: the board as it is now: who manages it
    """
    now = _now(now)
    name, organisation = name.strip(), organisation.strip().lower()
    if not rights.manages(by):
        raise InvitationError('not_allowed')
    if role not in INVITABLE:
        raise InvitationError('role_not_invitable')
    if not name:
        raise InvitationError('name_required')
    if role == Role.PROFESSIONAL and not organisation:
        raise InvitationError('organisation_required')
    if rights.family_manages(by):
        consent_parent, parent_name = by.id, by.name
    elif not consent_parent:
        raise InvitationError('consent_parent_required')
    elif consent_parent not in rights.managers:
        raise InvitationError('not_a_parent')
    else:
        parent_name = rights.members[consent_parent].get('name', '')
    what = None if role == Role.COORDINATOR else consent
    if role != Role.COORDINATOR:
        _check_consent(by, None, what, rights)
    jti = tokens.new_id()
    actor = Actor(id=network_person or f'inv-{jti}', name=name[:120], role=role,
                  organisation=organisation if role == Role.PROFESSIONAL else '', consent=what)
    invitation = Invitation(jti, board_id, actor, network_person, by.name, now + dt.timedelta(days=days),
                            ConsentRecord(consent_parent, parent_name, now.date(), what))
    with store.engine.begin() as connection:
        connection.execute(invitations.insert().values(
            id=jti, board_id=board_id,
            actor=json.dumps(actor.model_dump(mode='json', exclude={'consent'}), ensure_ascii=False),
            network_person=network_person, created_by=by.id, created_by_name=by.name,
            created_at=now.isoformat(timespec='milliseconds'),
            expires_at=invitation.expires_at.isoformat(timespec='milliseconds'),
            consent_parent=consent_parent, consent_parent_name=parent_name,
            consent_date=invitation.consent.date.isoformat(), consent=Consent.dumps(what)))
    token = tokens.issue(store, board_id, actor, ttl_seconds=days * 24 * 3600, now=now.timestamp(), jti=jti,
                         purpose='invite')
    return invitation, token


def _check_consent(by: Actor, before: Consent | None, after: Consent | None, rights: BoardRights) -> None:
    """An invitee's consent names something, and each zone or goal it adds is one on the board that `by` can see
    (ones kept from before stay, even when hidden from `by`)."""
    if after is None or after.empty:
        raise InvitationError('consent_empty')
    kept = set(before.zones + before.goals) if before is not None else set()
    for ids, type_ in ((after.zones, ElementType.ZONE), (after.goals, ElementType.GOAL)):
        for element_id in set(ids) - kept:
            element = rights.elements.get(element_id)
            if element is None or element.deleted or element.type != type_ or not can_see(by, element, rights):
                raise InvitationError('consent_unknown')


def _invitation(row: sa.Row) -> Invitation:
    what = Consent.loads(row.consent)
    actor = Actor.model_validate_json(row.actor).model_copy(update={'consent': what})
    return Invitation(row.id, row.board_id, actor, row.network_person,
                      row.created_by_name, dt.datetime.fromisoformat(row.expires_at),
                      ConsentRecord(row.consent_parent, row.consent_parent_name,
                                    dt.date.fromisoformat(row.consent_date), what, row.consent_words or ''),
                      row.accepted_at)


def open_invitations(store: Store, board_id: str, now: dt.datetime | None = None) -> list[Invitation]:
    """Invitations that can still be accepted, newest first."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(invitations).where(
            invitations.c.board_id == board_id, invitations.c.accepted_at.is_(None),
            invitations.c.revoked_at.is_(None),
            invitations.c.expires_at > _now(now).isoformat(timespec='milliseconds'))
            .order_by(invitations.c.created_at.desc())).all()
    return [_invitation(row) for row in rows]


def invitation_for(store: Store, board_id: str, token: str, now: dt.datetime | None = None) -> Invitation:
    """The open invitation behind a link; `InvitationError` says why not (expired, revoked, used, tampered…)."""
    try:
        tokens.verify(store, token, board_id, now=_now(now).timestamp(), purpose='invite')
        refused = False
    except tokens.TokenError as error:
        if str(error) != 'revoked':  # revoked is checked last, so the link is otherwise sound
            raise InvitationError(str(error)) from None
        refused = True
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(invitations).where(invitations.c.id == tokens.token_id(store, token),
                                                              invitations.c.board_id == board_id)).first()
    if row is None or row.revoked_at:  # the row says why, before the revoked id would
        raise InvitationError('revoked')
    if row.accepted_at:
        raise InvitationError('used')
    if refused:
        raise InvitationError('revoked')
    return _invitation(row)


def accept(store: Store, board_id: str, token: str, now: dt.datetime | None = None,
           account_id: str | None = None) -> tuple[Invitation, tuple[Device, str] | None]:
    """Use the link once: from now on it is refused. A network member's or screen's browser gets a device (and its
    token); a professional's or coordinator's logged-in account (`account_id`) a membership. Either carries the
    consent."""
    invitation = invitation_for(store, board_id, token, now)
    actor = invitation.actor
    if not invitation.makes_device:
        if account_id is None:
            raise ValueError('a professional accepts with an account')
        accounts.check_membership(store, board_id, actor.role, invitation.network_person)
    stamp = _now(now).isoformat(timespec='milliseconds')
    with store.engine.begin() as connection:
        taken = connection.execute(invitations.update().where(
            invitations.c.id == invitation.id, invitations.c.accepted_at.is_(None),
            invitations.c.revoked_at.is_(None)).values(accepted_at=stamp)).rowcount
    if taken != 1:
        raise InvitationError('used')
    revoked.revoke(store, board_id, invitation.id)
    invitation = replace(invitation, accepted_at=stamp)
    if not invitation.makes_device:
        assert account_id is not None  # refused above
        accounts.add_membership(store, account_id, board_id, actor.role, actor.organisation,
                                invitation.network_person, consent=actor.consent, invitation=invitation.id)
        return invitation, None
    return invitation, add_device(store, board_id, Kind.PERSON, actor, actor.name, invitation.id, now)


def accepted_invitations(store: Store, board_id: str) -> dict[str, Invitation]:
    """Invitations that were accepted, by id: the record of each invitee's consent (a device made from one has it
    as `Device.created_by`, a membership as `Membership.invitation`)."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(invitations).where(
            invitations.c.board_id == board_id, invitations.c.accepted_at.is_not(None))).all()
    return {row.id: _invitation(row) for row in rows}


def change_consent(store: Store, board_id: str, invitation_id: str, by: Actor, consent: Consent, *,
                   rights: BoardRights, now: dt.datetime | None = None) -> tuple[Invitation, list[str]]:
    """Narrow or widen what an accepted invitee may see, on the invitation, their devices and their membership at
    once, and write it into the audit log. Returns the invitation as it is now, and the credentials
    (`Device.credential`, `Membership.credential`) whose open pages must reopen to follow it: an open page holds
    the actor it was opened with, so the caller cuts those pages off and they come back with the new consent.

    Narrowing needs someone who manages the board; widening a family member who manages it
    (`board.access.may_change_consent`), who then becomes the one who consented, today.
    """
    invitation = accepted_invitations(store, board_id).get(invitation_id)
    if invitation is None or invitation.actor.role == Role.COORDINATOR:
        raise InvitationError('not_found')
    before = invitation.consent.what
    if not rights.manages(by):
        raise InvitationError('not_allowed')
    _check_consent(by, before, consent, rights)
    if not may_change_consent(by, before, consent, rights):
        raise InvitationError('family_widens')
    if consent == before:
        return invitation, []
    wider = widens(before, consent)
    record = ConsentRecord(by.id, by.name, _now(now).date(), consent) if wider \
        else replace(invitation.consent, what=consent, words='')
    with store.engine.begin() as connection:
        connection.execute(invitations.update().where(invitations.c.id == invitation_id).values(
            consent=Consent.dumps(consent), consent_words=None, consent_parent=record.parent_id,
            consent_parent_name=record.parent_name, consent_date=record.date.isoformat()))
        credentials = devices.set_consent(connection, board_id, invitation_id, consent) \
            + accounts.set_consent(connection, board_id, invitation_id, consent)
    audit.record(store, board_id, by, audit.CONSENT_WIDENED if wider else audit.CONSENT_NARROWED,
                 invitation.actor.name)
    return replace(invitation, actor=invitation.actor.model_copy(update={'consent': consent}), consent=record), \
        credentials


def revoke_invitation(store: Store, board_id: str, invitation_id: str, by: Actor,
                      now: dt.datetime | None = None, *, rights: BoardRights) -> None:
    """Withdraw an invitation that was not accepted yet; its link is refused from now on."""
    if not rights.manages(by):
        raise InvitationError('not_allowed')
    with store.engine.begin() as connection:
        connection.execute(invitations.update().where(
            invitations.c.id == invitation_id, invitations.c.board_id == board_id,
            invitations.c.revoked_at.is_(None)).values(revoked_at=_now(now).isoformat(timespec='milliseconds')))
    revoked.revoke(store, board_id, invitation_id)
