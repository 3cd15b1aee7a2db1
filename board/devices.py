"""Paired devices: how a family's phone or tablet gets onto their board without a password.

A parent or the coordinator makes a short pairing code (valid ten minutes, single use) for one family member's
phone or for the shared family tablet (gezinstablet). Typing or scanning it gives that browser a long-lived,
random device token for that one board; only its hash is kept, with a label and when it was last seen, and a
parent or the coordinator can revoke it. A gezinstablet asks who is using it; a family member may guard
themselves there with a PIN. Wrong codes and wrong PINs are counted in the database, so the limits hold across
every instance of the server.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import re
import secrets
import uuid
from dataclasses import dataclass, replace
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .access import BoardRights, may_manage_pin
from .elements import Element
from .identity import Actor, Consent
from .sharing import person_actor
from .store import Store, metadata

ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
"""No 0/O, 1/I/L: nothing to mix up when reading a code aloud or off a screen."""
CODE_LENGTH = 6
CODE_VALID = dt.timedelta(minutes=10)
TRIES_WINDOW = dt.timedelta(minutes=10)
WRONG_CODES_PER_CLIENT = 10
"""Wrong codes one address may try per window: plenty for typos, useless for guessing. An IPv6 address counts as its
/64 network, which one household holds whole."""
GROUP_LENGTH = 3
WRONG_CODES_PER_GROUP = 10
"""Wrong codes per window that start with the same first group (``K7M`` of ``K7M-4QX``), from all addresses together.

A code can only be guessed by a try in its own group, so however many addresses someone has, each live code faces at
most this many guesses among the 29,791 possible second groups (one chance in about 3,000). Nobody is blocked but the
families whose code is in a group that was tried too often, and as a guesser cannot know which group that is, blocking
every family would take some 300,000 wrong codes, from 30,000 addresses, every ten minutes. (A limit on all wrong
codes together would let 200 wrong codes from 20 addresses block pairing for every family on the server.)"""
WRONG_PINS = 5
"""Wrong PINs on one device per window before it has to wait."""
PIN_PATTERN = re.compile(r'^\d{4,6}$')
LAST_SEEN_STEP = dt.timedelta(minutes=1)
"""Last seen is written at most this often per device, not on every page."""


class Kind(StrEnum):
    PERSON = 'person'
    """One person's own phone or computer."""
    TABLET = 'tablet'
    """The gezinstablet: shared by the family, asks 'Wie ben jij?'."""


class PairingError(ValueError):
    """The message is a code: `code_format`, `wrong_code`, `expired`, `used`, `too_many_tries`, `not_allowed`,
    `pin_format`, `wrong_pin`."""


pairing_codes = sa.Table(
    'pairing_codes', metadata,
    sa.Column('code', sa.String(CODE_LENGTH), primary_key=True),
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), nullable=False),
    sa.Column('kind', sa.String(16), nullable=False),
    sa.Column('actor', sa.Text, nullable=True),
    sa.Column('label', sa.String(120), nullable=False),
    sa.Column('created_by', sa.Text, nullable=False),
    sa.Column('created_at', sa.String(40), nullable=False),
    sa.Column('expires_at', sa.String(40), nullable=False),
    sa.Column('used_at', sa.String(40), nullable=True),
)
devices = sa.Table(
    'devices', metadata,
    sa.Column('id', sa.String(32), primary_key=True),
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), nullable=False, index=True),
    sa.Column('token_hash', sa.String(64), nullable=False, unique=True),
    sa.Column('kind', sa.String(16), nullable=False),
    sa.Column('actor', sa.Text, nullable=True),
    sa.Column('label', sa.String(120), nullable=False),
    sa.Column('created_by', sa.String(64), nullable=False),
    sa.Column('created_at', sa.String(40), nullable=False),
    sa.Column('last_seen_at', sa.String(40), nullable=False),
    sa.Column('revoked_at', sa.String(40), nullable=True),
)
member_pins = sa.Table(
    'member_pins', metadata,
    sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
    sa.Column('member_id', sa.String(64), primary_key=True),
    sa.Column('pin_hash', sa.String(200), nullable=False),
    sa.Column('set_at', sa.String(40), nullable=False),
)
failed_tries = sa.Table(
    'failed_tries', metadata,
    sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
    sa.Column('key', sa.String(160), nullable=False, index=True),
    sa.Column('at', sa.String(40), nullable=False),
)


@dataclass(frozen=True)
class PairingCode:
    code: str
    board_id: str
    kind: Kind
    actor: Actor | None
    label: str
    expires_at: dt.datetime

    @property
    def grouped(self) -> str:
        return group(self.code)


@dataclass(frozen=True)
class Device:
    id: str
    board_id: str
    kind: Kind
    actor: Actor | None
    """Who this device acts as; ``None`` for a gezinstablet, which asks each time."""
    label: str
    created_at: str
    last_seen_at: str
    token_hash: str
    created_by: str = ''
    """Who paired it (their id), or the invitation it came from, which records the invitee's consent."""

    @property
    def credential(self) -> str:
        """What let its browser in: revoking the device cuts off every page opened with it."""
        return f'device:{self.token_hash}'


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec='milliseconds')


def group(code: str) -> str:
    """``K7M4QX`` → ``K7M-4QX``: easier to read aloud and to type."""
    return f'{code[:3]}-{code[3:]}'


def normalise(text: str) -> str:
    """What someone typed or scanned, as a code: any case, spaces and dashes allowed; `code_format` otherwise."""
    code = re.sub(r'[\s\-–.]', '', text or '').upper()
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        raise PairingError('code_format')
    return code


def hash_token(token: str) -> str:
    """A device token is 256 random bits, so a plain SHA-256 is enough to keep it out of the database."""
    return hashlib.sha256(token.encode()).hexdigest()


def member_actor(member: Element) -> Actor:
    """The actor a family member is on their own board: their element id, name and family role."""
    return person_actor(member)


def _actor_json(actor: Actor | None) -> str | None:
    return None if actor is None else json.dumps(actor.model_dump(mode='json'), ensure_ascii=False)


def _actor_from(text: str | None) -> Actor | None:
    return None if text is None else Actor.model_validate_json(text)


# pairing codes

def create_code(store: Store, board_id: str, by: Actor, kind: Kind, actor: Actor | None, label: str,
                now: dt.datetime | None = None, *, rights: BoardRights) -> PairingCode:
    """A fresh code for one person's device (`actor`) or for the gezinstablet (no actor), made by someone who
    manages the board (`rights`: the board as it is now)."""
    if not rights.manages(by):
        raise PairingError('not_allowed')
    if (kind == Kind.TABLET) != (actor is None):
        raise ValueError('a tablet pairs without an actor, a person with one')
    now, label = _now(now), label.strip()[:120]
    row = {'board_id': board_id, 'kind': str(kind), 'actor': _actor_json(actor), 'label': label,
           'created_by': _actor_json(by), 'created_at': _iso(now), 'expires_at': _iso(now + CODE_VALID)}
    with store.engine.begin() as connection:
        connection.execute(pairing_codes.delete().where(pairing_codes.c.expires_at < _iso(now)))
    while True:  # a clash with a live code is rare (one in about 900 million); draw again
        code = ''.join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with store.engine.begin() as connection:
                connection.execute(pairing_codes.insert().values(code=code, **row))
        except IntegrityError:
            continue
        return PairingCode(code, board_id, kind, actor, label, now + CODE_VALID)


def pair(store: Store, text: str, client: str, now: dt.datetime | None = None) -> tuple[Device, str, Actor]:
    """Redeem a code typed or scanned in a browser at address `client`: the new device, its token, and who made
    the code (the one who paired it, for the audit log).

    Refuses with `too_many_tries` before looking at the code once this address has tried too many wrong codes
    lately, or everyone together too many that start like this one (`WRONG_CODES_PER_GROUP`). Only the token's hash
    is stored; the token goes to the browser once.
    """
    now = _now(now)
    code = normalise(text)
    limits = {f'pair:{_household(client)}': WRONG_CODES_PER_CLIENT,
              f'pair-group:{code[:GROUP_LENGTH]}': WRONG_CODES_PER_GROUP}
    with store.engine.begin() as connection:
        if any(_recent_failures(connection, key, now) >= limit for key, limit in limits.items()):
            raise PairingError('too_many_tries')
    with store.engine.begin() as connection:
        row = connection.execute(sa.select(pairing_codes).where(pairing_codes.c.code == code)).first()
        problem = 'wrong_code' if row is None else 'used' if row.used_at else \
            'expired' if row.expires_at < _iso(now) else None
        if problem is None:
            taken = connection.execute(pairing_codes.update()
                                       .where(pairing_codes.c.code == code, pairing_codes.c.used_at.is_(None))
                                       .values(used_at=_iso(now))).rowcount
            problem = None if taken == 1 else 'used'
        if problem is not None:
            for key in limits:
                _record_failure(connection, key, now)
    if problem is not None or row is None:
        raise PairingError(problem or 'wrong_code')
    creator = Actor.model_validate_json(row.created_by)
    device, token = add_device(store, row.board_id, Kind(row.kind), _actor_from(row.actor), row.label, creator.id, now)
    return device, token, creator


def _household(client: str) -> str:
    """Where wrong codes are counted: an IPv4 address, or the /64 network of an IPv6 one."""
    try:
        address = ipaddress.ip_address(client)
    except ValueError:
        return client
    return str(ipaddress.ip_network(f'{address}/64', strict=False)) if address.version == 6 else str(address)


def add_device(store: Store, board_id: str, kind: Kind, actor: Actor | None, label: str, created_by: str,
               now: dt.datetime | None = None) -> tuple[Device, str]:
    """Give a browser a device token for this board (after a pairing code or an accepted invitation)."""
    token = secrets.token_urlsafe(32)
    stamp = _iso(_now(now))
    device = Device(uuid.uuid4().hex[:16], board_id, kind, actor, label, stamp, stamp, hash_token(token), created_by)
    with store.engine.begin() as connection:
        connection.execute(devices.insert().values(
            id=device.id, board_id=board_id, token_hash=device.token_hash, kind=str(kind), actor=_actor_json(actor),
            label=label, created_by=created_by, created_at=stamp, last_seen_at=stamp))
    return device, token


def _device(row: sa.Row) -> Device:
    return Device(row.id, row.board_id, Kind(row.kind), _actor_from(row.actor), row.label, row.created_at,
                  row.last_seen_at, row.token_hash, row.created_by)


def device_for(store: Store, board_id: str, token: str, now: dt.datetime | None = None) -> Device | None:
    """The unrevoked device this token belongs to on this board, marked as seen now; ``None`` otherwise."""
    now = _now(now)
    with store.engine.begin() as connection:
        row = connection.execute(sa.select(devices).where(
            devices.c.token_hash == hash_token(token), devices.c.board_id == board_id,
            devices.c.revoked_at.is_(None))).first()
        if row is None:
            return None
        if row.last_seen_at < _iso(now - LAST_SEEN_STEP):
            connection.execute(devices.update().where(devices.c.id == row.id).values(last_seen_at=_iso(now)))
            return replace(_device(row), last_seen_at=_iso(now))
    return _device(row)


def board_devices(store: Store, board_id: str) -> list[Device]:
    """The devices that can open this board now, most recently seen first."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(devices).where(devices.c.board_id == board_id,
                                                           devices.c.revoked_at.is_(None))
                                  .order_by(devices.c.last_seen_at.desc())).all()
    return [_device(row) for row in rows]


def set_consent(connection: sa.Connection, board_id: str, invitation_id: str, consent: Consent) -> list[str]:
    """Give the devices made from this invitation a new consent (in the caller's transaction, see
    `board.invitations.change_consent`); their credentials, whose open pages must reopen to follow it."""
    rows = connection.execute(sa.select(devices).where(
        devices.c.board_id == board_id, devices.c.created_by == invitation_id, devices.c.revoked_at.is_(None),
        devices.c.actor.is_not(None))).all()
    for row in rows:
        actor = Actor.model_validate_json(row.actor).model_copy(update={'consent': consent})
        connection.execute(devices.update().where(devices.c.id == row.id).values(actor=_actor_json(actor)))
    return [_device(row).credential for row in rows]


def revoke_device(store: Store, board_id: str, device_id: str, by: Actor,
                  now: dt.datetime | None = None, *, rights: BoardRights) -> Device | None:
    """Take a device off this board; the device it was (so its open pages can be cut off), ``None`` if unknown."""
    if not rights.manages(by):
        raise PairingError('not_allowed')
    with store.engine.begin() as connection:
        row = connection.execute(sa.select(devices).where(
            devices.c.id == device_id, devices.c.board_id == board_id, devices.c.revoked_at.is_(None))).first()
        if row is None:
            return None
        connection.execute(devices.update().where(devices.c.id == device_id).values(revoked_at=_iso(_now(now))))
    return _device(row)


# PINs on the gezinstablet

def set_pin(store: Store, board_id: str, by: Actor, member_id: str, pin: str, now: dt.datetime | None = None, *,
            rights: BoardRights) -> None:
    if not may_manage_pin(by, member_id, rights):
        raise PairingError('not_allowed')
    if not PIN_PATTERN.match(pin or ''):
        raise PairingError('pin_format')
    salt = secrets.token_bytes(16)
    pin_hash = f'scrypt${salt.hex()}${_scrypt(pin, salt).hex()}'
    with store.engine.begin() as connection:
        connection.execute(member_pins.delete().where(member_pins.c.board_id == board_id,
                                                      member_pins.c.member_id == member_id))
        connection.execute(member_pins.insert().values(board_id=board_id, member_id=member_id, pin_hash=pin_hash,
                                                       set_at=_iso(_now(now))))


def clear_pin(store: Store, board_id: str, by: Actor, member_id: str, *, rights: BoardRights) -> None:
    if not may_manage_pin(by, member_id, rights):
        raise PairingError('not_allowed')
    with store.engine.begin() as connection:
        connection.execute(member_pins.delete().where(member_pins.c.board_id == board_id,
                                                      member_pins.c.member_id == member_id))


def members_with_pin(store: Store, board_id: str) -> set[str]:
    with store.engine.connect() as connection:
        return set(connection.execute(sa.select(member_pins.c.member_id)
                                      .where(member_pins.c.board_id == board_id)).scalars())


def check_pin(store: Store, device: Device, member_id: str, pin: str, now: dt.datetime | None = None) -> bool:
    """Whether `pin` opens this family member on this tablet; ``True`` when they have no PIN.

    Raises `too_many_tries` after several wrong PINs on this device, so four digits cannot be tried one by one.
    """
    now = _now(now)
    key = f'pin:{device.id}'
    with store.engine.begin() as connection:
        if _recent_failures(connection, key, now) >= WRONG_PINS:
            raise PairingError('too_many_tries')
        stored = connection.execute(sa.select(member_pins.c.pin_hash).where(
            member_pins.c.board_id == device.board_id, member_pins.c.member_id == member_id)).scalar()
        if stored is None:
            return True
        _, salt, expected = stored.split('$')
        if hmac.compare_digest(_scrypt(pin or '', bytes.fromhex(salt)).hex(), expected):
            return True
        _record_failure(connection, key, now)
    return False


def _scrypt(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=2 ** 14, r=8, p=1, dklen=32)


# counting wrong tries

def _recent_failures(connection: sa.Connection, key: str, now: dt.datetime) -> int:
    return connection.execute(sa.select(sa.func.count()).select_from(failed_tries).where(
        failed_tries.c.key == key, failed_tries.c.at >= _iso(now - TRIES_WINDOW))).scalar_one()


def _record_failure(connection: sa.Connection, key: str, now: dt.datetime) -> None:
    connection.execute(failed_tries.delete().where(failed_tries.c.at < _iso(now - TRIES_WINDOW)))
    connection.execute(failed_tries.insert().values(key=key[:160], at=_iso(now)))
