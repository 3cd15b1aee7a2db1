"""Professionals' accounts and their memberships per board (docs/access.md, way in 3).

A professional logs in with mail and password (hashed with argon2). Five wrong passwords in a row for a mail
address lock it for fifteen minutes, whether an account has that address or not, so the lock tells nobody which
addresses have an account; the count and the lock are stored, so a restart does not lift them. What an
account may do on a board comes from its membership there: the role (coordinator or professional), the
organisation (e.g. ``school``) and, optionally, the network person on the board who is this professional,
so that ``named`` sharing and the zorgcoördinator slot mean them, and, when it came by invitation, the family's
consent: what they may see at most (`board.identity.Consent`; `board.invitations` keeps the record of it).
Without a membership: no access.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import argon2
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from .elements import ElementType
from .identity import Actor, Consent, Role
from .store import BoardInfo, Store, boards, metadata, now_iso

accounts = sa.Table(
    'accounts', metadata,
    sa.Column('id', sa.String(32), primary_key=True),
    sa.Column('mail', sa.String(254), nullable=False, unique=True),
    sa.Column('name', sa.String(120), nullable=False),
    sa.Column('password_hash', sa.String(200), nullable=False),
    sa.Column('created_at', sa.String(40), nullable=False),
)
login_failures = sa.Table(
    'login_failures', metadata,
    sa.Column('mail_key', sa.String(64), primary_key=True),
    sa.Column('failed', sa.Integer, nullable=False),
    sa.Column('locked_until', sa.String(40), nullable=True),
    sa.Column('last_try_at', sa.String(40), nullable=False, index=True),
)
"""Wrong passwords in a row per mail address, known or not; the address is kept only as a keyed hash."""
memberships = sa.Table(
    'memberships', metadata,
    sa.Column('account_id', sa.String(32), sa.ForeignKey('accounts.id', ondelete='CASCADE'), primary_key=True),
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
    sa.Column('role', sa.String(20), nullable=False),
    sa.Column('organisation', sa.String(120), nullable=False, server_default=''),
    sa.Column('person_id', sa.String(64), nullable=True),
    sa.Column('created_at', sa.String(40), nullable=False),
    sa.Column('consent', sa.Text, nullable=True),
    sa.Column('invitation', sa.String(64), nullable=True),
)

MEMBER_ROLES = (Role.COORDINATOR, Role.PROFESSIONAL)
MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
FORGET_FAILURES = dt.timedelta(days=1)
"""A count of wrong passwords with no try for this long is forgotten (typed-in addresses are not kept)."""
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
"""Long enough for any passphrase, short enough that hashing cannot be used to tie up the server."""

_hasher = argon2.PasswordHasher()
_UNKNOWN_MAIL_HASH = _hasher.hash(secrets.token_urlsafe(16))
"""Checked against when the mail is unknown, so a wrong mail takes as long as a wrong password."""


class AccountError(ValueError):
    """Bad account input; the message is a code: `mail_invalid`, `mail_taken`, `name_required`,
    `password_short`, `password_long`, `password_wrong`, `role_invalid`, `person_not_found`, `not_found`."""


class LoginFailed(Exception):
    """The mail and password do not belong together (which of the two is wrong is not said)."""


class LockedOut(Exception):
    """Too many wrong passwords: the account is locked until `until`."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(until.isoformat())
        self.until = until


@dataclass(frozen=True)
class Account:
    id: str
    mail: str
    name: str


@dataclass(frozen=True)
class Membership:
    account_id: str
    board_id: str
    role: Role
    organisation: str = ''
    person_id: str | None = None
    consent: Consent | None = None
    """What the family consented this account may see here; ``None``: no limit (the coordinator, or a membership
    given by an administrator)."""
    invitation: str | None = None
    """The accepted invitation it came from, which records who consented and when."""

    @property
    def credential(self) -> str:
        """What lets this account's pages onto this board: cut off when its consent changes."""
        return credential(self.account_id, self.board_id)


def credential(account_id: str, board_id: str) -> str:
    return f'account:{account_id}:{board_id}'


def normalise_mail(mail: str) -> str:
    """Mail addresses are compared without case or surrounding spaces."""
    return mail.strip().lower()


def _valid_mail(mail: str) -> bool:
    local, _, domain = mail.rpartition('@')
    return bool(local) and '.' in domain.strip('.') and len(mail) <= 254 and not any(c.isspace() for c in mail)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError('password_short')
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError('password_long')


def create_account(store: Store, mail: str, name: str, password: str) -> Account:
    mail, name = normalise_mail(mail), name.strip()
    if not _valid_mail(mail):
        raise AccountError('mail_invalid')
    if not name or len(name) > 120:
        raise AccountError('name_required')
    _check_password(password)
    account = Account(id=secrets.token_hex(6), mail=mail, name=name)
    try:
        with store.engine.begin() as connection:
            connection.execute(accounts.insert().values(id=account.id, mail=mail, name=name, created_at=now_iso(),
                                                        password_hash=_hasher.hash(password)))
    except IntegrityError:
        raise AccountError('mail_taken') from None
    return account


def get_account(store: Store, account_id: str) -> Account | None:
    return _one(store, accounts.c.id == account_id)


def find_account(store: Store, mail: str) -> Account | None:
    return _one(store, accounts.c.mail == normalise_mail(mail))


def _one(store: Store, where: sa.ColumnElement[bool]) -> Account | None:
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(accounts.c.id, accounts.c.mail, accounts.c.name).where(where)).first()
    return Account(**row._mapping) if row else None


def authenticate(store: Store, mail: str, password: str, now: dt.datetime | None = None) -> Account:
    """The account these belong to; `LoginFailed` or `LockedOut` otherwise.

    Every try checks one password hash and counts the same way, known address or not, locked or not: neither the
    answer nor the work behind it tells whether an account exists. A locked address is refused whatever the
    password, so guessing on gains nothing.
    """
    now = now or dt.datetime.now(dt.UTC)
    key = _mail_key(store.secret(), mail)
    with store.engine.begin() as connection:
        row = connection.execute(sa.select(accounts).where(accounts.c.mail == normalise_mail(mail))).first()
        tries = connection.execute(sa.select(login_failures).where(login_failures.c.mail_key == key)).first()
        if tries and tries.locked_until and dt.datetime.fromisoformat(tries.locked_until) > now:
            _verify(_UNKNOWN_MAIL_HASH, password)
            raise LockedOut(dt.datetime.fromisoformat(tries.locked_until))
        right = _verify(row.password_hash if row else _UNKNOWN_MAIL_HASH, password) and row is not None
        if right and row is not None:  # `right` says so already; the type checker needs to hear it
            connection.execute(login_failures.delete().where(login_failures.c.mail_key == key))
            if _hasher.check_needs_rehash(row.password_hash):
                connection.execute(accounts.update().where(accounts.c.id == row.id)
                                   .values(password_hash=_hasher.hash(password)))
            return Account(id=row.id, mail=row.mail, name=row.name)
        failures = (tries.failed if tries else 0) + 1  # a lock resets the count, so after it ends all starts afresh
        locked = now + LOCKOUT if failures >= MAX_FAILED_LOGINS else None
        _count_failure(connection, key, 0 if locked else failures, locked, now)
    if locked:  # raised after the commit: an exception inside the block would roll the count back
        raise LockedOut(locked)
    raise LoginFailed


def _mail_key(secret: str, mail: str) -> str:
    """A mail address as `login_failures` keeps it: keyed with the server's secret, so a copy of the database
    does not tell which addresses someone tried."""
    return hmac.new(secret.encode(), normalise_mail(mail).encode(), hashlib.sha256).hexdigest()


def _count_failure(connection: sa.Connection, key: str, failed: int, locked: dt.datetime | None,
                   now: dt.datetime) -> None:
    """Store the count for this address (two tries at once cannot both insert it) and forget stale ones."""
    stamp = now.isoformat(timespec='milliseconds')
    values = {'failed': failed, 'locked_until': locked.isoformat(timespec='milliseconds') if locked else None,
              'last_try_at': stamp}
    dialect = postgresql if connection.dialect.name == 'postgresql' else sqlite
    connection.execute(dialect.insert(login_failures).values(mail_key=key, **values)
                       .on_conflict_do_update(index_elements=['mail_key'], set_=values))
    connection.execute(login_failures.delete().where(
        login_failures.c.last_try_at < (now - FORGET_FAILURES).isoformat(timespec='milliseconds'),
        sa.or_(login_failures.c.locked_until.is_(None), login_failures.c.locked_until < stamp)))


def _verify(password_hash: str, password: str) -> bool:
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except argon2.exceptions.VerificationError:
        return False


def set_password(store: Store, account_id: str, password: str) -> None:
    """A new password (a reset by an administrator); it also lifts a lockout."""
    _check_password(password)
    secret = store.secret()
    with store.engine.begin() as connection:
        mail = connection.execute(sa.select(accounts.c.mail).where(accounts.c.id == account_id)).scalar()
        if mail is None:
            raise AccountError('not_found')
        connection.execute(accounts.update().where(accounts.c.id == account_id)
                           .values(password_hash=_hasher.hash(password)))
        connection.execute(login_failures.delete().where(login_failures.c.mail_key == _mail_key(secret, mail)))


def change_password(store: Store, account_id: str, old: str, new: str) -> None:
    """The account holder's own change: only with the current password."""
    with store.engine.connect() as connection:
        current = connection.execute(sa.select(accounts.c.password_hash).where(accounts.c.id == account_id)).scalar()
    if current is None:
        raise AccountError('not_found')
    if not _verify(current, old):
        raise AccountError('password_wrong')
    set_password(store, account_id, new)


def new_password() -> str:
    """A random password to hand out once (the demo coach, a reset from the command line)."""
    return secrets.token_urlsafe(12)


# memberships

def check_membership(store: Store, board_id: str, role: Role | str, person_id: str | None = None) -> None:
    """Raise unless such a membership could be given: `BoardNotFound`, or `AccountError` for the role or person."""
    if role not in MEMBER_ROLES:
        raise AccountError('role_invalid')
    store.get_board(board_id)
    if person_id:
        person = store.load(board_id).elements.get(person_id)
        if person is None or person.deleted or person.type != ElementType.NETWORK_PERSON:
            raise AccountError('person_not_found')


def add_membership(store: Store, account_id: str, board_id: str, role: Role | str, organisation: str = '',
                   person_id: str | None = None, *, consent: Consent | None = None,
                   invitation: str | None = None) -> Membership:
    """Give an account a role on a board (or change the one it has); see `check_membership` for what is refused.

    :param person_id: the network person on the board who is this professional; must exist there
    :param consent: what the family consented to in `invitation`, the invitation accepted for it. Without an
        invitation (an administrator's command) a membership it already has keeps its consent.
    """
    check_membership(store, board_id, role, person_id)
    if get_account(store, account_id) is None:
        raise AccountError('not_found')
    values = {'role': str(Role(role)), 'organisation': organisation.strip()[:120], 'person_id': person_id or None}
    if invitation is not None:
        values |= {'consent': Consent.dumps(consent), 'invitation': invitation}
    with store.engine.begin() as connection:
        changed = connection.execute(memberships.update().where(
            memberships.c.account_id == account_id, memberships.c.board_id == board_id).values(**values)).rowcount
        if not changed:
            connection.execute(memberships.insert().values(account_id=account_id, board_id=board_id,
                                                           created_at=now_iso(), **values))
    made = membership(store, account_id, board_id)
    assert made is not None  # just written
    return made


def _membership(row: sa.Row) -> Membership:
    return Membership(row.account_id, row.board_id, Role(row.role), row.organisation, row.person_id,
                      Consent.loads(row.consent), row.invitation)


def membership(store: Store, account_id: str, board_id: str) -> Membership | None:
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(memberships).where(
            memberships.c.account_id == account_id, memberships.c.board_id == board_id)).first()
    return None if row is None else _membership(row)


def board_memberships(store: Store, board_id: str) -> list[tuple[Membership, Account]]:
    """Every account with a place on this board and its membership, by name ('Wie heeft toegang')."""
    query = sa.select(memberships, accounts.c.id.label('id'), accounts.c.mail, accounts.c.name) \
        .join(accounts, accounts.c.id == memberships.c.account_id) \
        .where(memberships.c.board_id == board_id).order_by(accounts.c.name)
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    return [(_membership(row), Account(row.id, row.mail, row.name)) for row in rows]


def set_consent(connection: sa.Connection, board_id: str, invitation_id: str, consent: Consent) -> list[str]:
    """Give the memberships that came from this invitation a new consent (in the caller's transaction, see
    `board.invitations.change_consent`); their credentials, whose open pages must reopen to follow it."""
    where = (memberships.c.board_id == board_id, memberships.c.invitation == invitation_id)
    found = connection.execute(sa.select(memberships.c.account_id).where(*where)).scalars().all()
    connection.execute(memberships.update().where(*where).values(consent=Consent.dumps(consent)))
    return [credential(account_id, board_id) for account_id in found]


def boards_of(store: Store, account_id: str) -> list[BoardInfo]:
    """The boards this account has a membership on, newest first ('Mijn gezinnen')."""
    query = sa.select(boards).join(memberships, memberships.c.board_id == boards.c.id) \
        .where(memberships.c.account_id == account_id).order_by(boards.c.created_at.desc())
    with store.engine.connect() as connection:
        return [BoardInfo(**row._mapping) for row in connection.execute(query).all()]


def actor_on(store: Store, account_id: str, board_id: str) -> Actor | None:
    """Who this account is on this board, or ``None`` when it has no membership there.

    Tied to a network person, the actor has that person's id (e.g. ``np-karim``), otherwise ``acc-<id>``; it
    carries the membership's consent.
    """
    account, member = get_account(store, account_id), membership(store, account_id, board_id)
    if account is None or member is None:
        return None
    return Actor(id=member.person_id or f'acc-{account.id}', name=account.name, role=member.role,
                 organisation=member.organisation, consent=member.consent)

