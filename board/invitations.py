"""Invitations: how someone outside the family gets onto the board, and only with a parent's consent.

Putting someone on the netwerkschema gives them no access. An invitation is a signed link (`board.tokens`, purpose
``invite``) for one board, with a role and a name, that expires and can be revoked. It records which parent
consented, when, and to what (the scope, in the parent's words). It can be accepted once: a network member's or the
shared screen's browser then becomes a paired device (`board.devices`); a professional continues to an account.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import sqlalchemy as sa

from . import revoked, tokens
from .access import BoardRights
from .devices import Device, Kind, add_device
from .identity import Actor, Role
from .store import Store, metadata

INVITABLE = (Role.NETWORK, Role.PROFESSIONAL, Role.COORDINATOR, Role.SCREEN)
DEVICE_ROLES = frozenset({Role.NETWORK, Role.SCREEN})
"""Roles whose invitation turns the browser into a paired device; the others sign in with an account."""
VALID_DAYS = 14
SCOPE_MAX = 500


class InvitationError(ValueError):
    """The message is a code: `not_allowed`, `name_required`, `role_not_invitable`, `organisation_required`,
    `consent_parent_required`, `not_a_parent`, `consent_scope_required`, or for a link `malformed`,
    `tampered`, `expired`, `wrong_board`, `wrong_purpose`, `revoked`, `used`."""


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
    sa.Column('consent_scope', sa.Text, nullable=False),
    sa.Column('accepted_at', sa.String(40), nullable=True),
    sa.Column('revoked_at', sa.String(40), nullable=True),
)


@dataclass(frozen=True)
class Consent:
    parent_id: str
    parent_name: str
    date: dt.date
    scope: str
    """What the parent agreed to share, in words."""


@dataclass(frozen=True)
class Invitation:
    id: str
    board_id: str
    actor: Actor
    """Who the invited person will be on the board."""
    network_person: str | None
    created_by_name: str
    expires_at: dt.datetime
    consent: Consent

    @property
    def makes_device(self) -> bool:
        return self.actor.role in DEVICE_ROLES


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def invite(store: Store, secret: str, board_id: str, by: Actor, *, role: Role, name: str,
           organisation: str = '', network_person: str | None = None, consent_parent: str | None = None,
           scope: str = '', days: int = VALID_DAYS, now: dt.datetime | None = None,
           rights: BoardRights) -> tuple[Invitation, str]:
    """Record an invitation with its consent and return it with its signed link token.

    :param consent_parent: which family member who manages the board consented; one who invites consents themselves
    :param rights: the board as it is now: who manages it
    """
    now = _now(now)
    name, organisation, scope = name.strip(), organisation.strip().lower(), scope.strip()
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
    if not scope:
        raise InvitationError('consent_scope_required')
    jti = tokens.new_id()
    actor = Actor(id=network_person or f'inv-{jti}', name=name[:120], role=role,
                  organisation=organisation if role == Role.PROFESSIONAL else '')
    invitation = Invitation(jti, board_id, actor, network_person, by.name, now + dt.timedelta(days=days),
                            Consent(consent_parent, parent_name, now.date(), scope[:SCOPE_MAX]))
    with store.engine.begin() as connection:
        connection.execute(invitations.insert().values(
            id=jti, board_id=board_id, actor=json.dumps(actor.model_dump(mode='json'), ensure_ascii=False),
            network_person=network_person, created_by=by.id, created_by_name=by.name,
            created_at=now.isoformat(timespec='milliseconds'),
            expires_at=invitation.expires_at.isoformat(timespec='milliseconds'),
            consent_parent=consent_parent, consent_parent_name=parent_name,
            consent_date=invitation.consent.date.isoformat(), consent_scope=invitation.consent.scope))
    token = tokens.issue(secret, board_id, actor, ttl_seconds=days * 24 * 3600, now=now.timestamp(), jti=jti,
                         purpose='invite')
    return invitation, token


def _invitation(row: sa.Row) -> Invitation:
    return Invitation(row.id, row.board_id, Actor.model_validate_json(row.actor), row.network_person,
                      row.created_by_name, dt.datetime.fromisoformat(row.expires_at),
                      Consent(row.consent_parent, row.consent_parent_name, dt.date.fromisoformat(row.consent_date),
                              row.consent_scope))


def open_invitations(store: Store, board_id: str, now: dt.datetime | None = None) -> list[Invitation]:
    """Invitations that can still be accepted, newest first."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(invitations).where(
            invitations.c.board_id == board_id, invitations.c.accepted_at.is_(None),
            invitations.c.revoked_at.is_(None),
            invitations.c.expires_at > _now(now).isoformat(timespec='milliseconds'))
            .order_by(invitations.c.created_at.desc())).all()
    return [_invitation(row) for row in rows]


def invitation_for(store: Store, secret: str, board_id: str, token: str,
                   now: dt.datetime | None = None) -> Invitation:
    """The open invitation behind a link; `InvitationError` says why not (expired, revoked, used, tampered…)."""
    try:
        jti = tokens.token_id(secret, token)
        tokens.verify(secret, token, board_id, now=_now(now).timestamp(), purpose='invite')
    except tokens.TokenError as error:
        raise InvitationError(str(error)) from None
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(invitations).where(invitations.c.id == jti,
                                                              invitations.c.board_id == board_id)).first()
    if row is None or row.revoked_at:  # the row says why, before the revoked id would
        raise InvitationError('revoked')
    if row.accepted_at:
        raise InvitationError('used')
    return _invitation(row)


def accept(store: Store, secret: str, board_id: str, token: str,
           now: dt.datetime | None = None) -> tuple[Invitation, tuple[Device, str] | None]:
    """Use the link once: from now on it is refused. A network member's or screen's browser gets a device (and its
    token); for a professional the caller adds the account membership."""
    invitation = invitation_for(store, secret, board_id, token, now)
    stamp = _now(now).isoformat(timespec='milliseconds')
    with store.engine.begin() as connection:
        taken = connection.execute(invitations.update().where(
            invitations.c.id == invitation.id, invitations.c.accepted_at.is_(None),
            invitations.c.revoked_at.is_(None)).values(accepted_at=stamp)).rowcount
    if taken != 1:
        raise InvitationError('used')
    revoked.revoke(store, board_id, invitation.id)
    if not invitation.makes_device:
        return invitation, None
    return invitation, add_device(store, board_id, Kind.PERSON, invitation.actor, invitation.actor.name,
                                  invitation.id, now)


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
