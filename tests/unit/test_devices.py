"""Pairing codes, device tokens, revocation and PINs on the gezinstablet (board/devices.py)."""
from __future__ import annotations

import datetime as dt
import random

import pytest
import sqlalchemy as sa

from board import devices
from board.access import BoardRights
from board.devices import Kind, PairingError
from board.elements import Element, ElementType
from board.identity import Actor, Role
from board.store import Store

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
COACH = Actor(id='coach', name='Jolien Bakker', role=Role.COORDINATOR)
DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
ELIF = Actor(id='fm-elif', name='Elif', role=Role.YOUTH)
FAMILY = BoardRights.of([
    Element(id='fm-derya', type=ElementType.FAMILY_MEMBER, props={'name': 'Derya', 'role': 'parent', 'manages': True}),
    Element(id='fm-bas', type=ElementType.FAMILY_MEMBER, props={'name': 'Bas', 'role': 'parent', 'household': False}),
    Element(id='fm-elif', type=ElementType.FAMILY_MEMBER, props={'name': 'Elif', 'role': 'youth'})])
"""Derya manages the board; Bas, a parent living elsewhere, does not."""
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
SCHOOL = Actor(id='school', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')


@pytest.fixture
def board_id(sqlite_store: Store) -> str:
    return sqlite_store.create_board('Familie Test').id


def code_for(store: Store, board_id: str, actor: Actor | None = ELIF, at: dt.datetime = T0) -> devices.PairingCode:
    kind = Kind.TABLET if actor is None else Kind.PERSON
    return devices.create_code(store, board_id, COACH, kind, actor, 'Telefoon van Elif', now=at,
                               rights=BoardRights.of({}))  # the coordinator manages every board


def test_a_code_is_six_unambiguous_characters_shown_in_two_groups(sqlite_store: Store, board_id: str) -> None:
    code = code_for(sqlite_store, board_id)
    assert len(code.code) == 6 and set(code.code) <= set(devices.ALPHABET)
    assert not set('01OIL') & set(devices.ALPHABET)
    assert code.grouped == f'{code.code[:3]}-{code.code[3:]}'
    assert code.expires_at == T0 + dt.timedelta(minutes=10)


def test_a_code_pairs_once_as_typed_in_any_case_with_a_dash(sqlite_store: Store, board_id: str) -> None:
    code = code_for(sqlite_store, board_id)
    device, token, by = devices.pair(sqlite_store, f' {code.grouped.lower()} ', '10.0.0.1',
                                     now=T0 + dt.timedelta(minutes=9))
    assert by == COACH and device.actor == ELIF and device.kind == Kind.PERSON and device.board_id == board_id
    assert devices.device_for(sqlite_store, board_id, token, now=T0 + dt.timedelta(minutes=9)) == device
    with pytest.raises(PairingError, match='used'):
        devices.pair(sqlite_store, code.code, '10.0.0.2', now=T0 + dt.timedelta(minutes=9))


def test_a_code_expires_after_ten_minutes(sqlite_store: Store, board_id: str) -> None:
    code = code_for(sqlite_store, board_id)
    with pytest.raises(PairingError, match='expired'):
        devices.pair(sqlite_store, code.code, '10.0.0.1', now=T0 + dt.timedelta(minutes=10, seconds=1))


@pytest.mark.parametrize('typed', ['', 'K7M4Q', 'K7M4QXX', 'K0M4QX', 'ab€def'])
def test_something_that_cannot_be_a_code_says_so_without_counting(sqlite_store: Store, typed: str) -> None:
    with pytest.raises(PairingError, match='code_format'):
        devices.pair(sqlite_store, typed, '10.0.0.1', now=T0)


def test_wrong_codes_are_limited_per_address(sqlite_store: Store, board_id: str) -> None:
    code = code_for(sqlite_store, board_id)
    wrong = 'ZZZZZZ' if code.code != 'ZZZZZZ' else 'YYYYYY'
    for _ in range(devices.WRONG_CODES_PER_CLIENT):
        with pytest.raises(PairingError, match='wrong_code'):
            devices.pair(sqlite_store, wrong, '10.0.0.1', now=T0)
    with pytest.raises(PairingError, match='too_many_tries'):  # even the right code, from this address
        devices.pair(sqlite_store, code.code, '10.0.0.1', now=T0)
    devices.pair(sqlite_store, code.code, '10.0.0.9', now=T0)  # another address is not blocked
    later = T0 + devices.TRIES_WINDOW + dt.timedelta(seconds=1)
    with pytest.raises(PairingError, match='wrong_code'):  # the window has passed
        devices.pair(sqlite_store, wrong, '10.0.0.1', now=later)


def test_an_ipv6_household_counts_as_one_address(sqlite_store: Store, board_id: str) -> None:
    """Anyone holds a whole /64 network: each of its addresses is the same household."""
    for i in range(devices.WRONG_CODES_PER_CLIENT):
        with pytest.raises(PairingError, match='wrong_code'):
            devices.pair(sqlite_store, 'ZZZZZZ', f'2001:db8:0:7::{i + 1:x}', now=T0)
    with pytest.raises(PairingError, match='too_many_tries'):
        devices.pair(sqlite_store, code_for(sqlite_store, board_id).code, '2001:db8:0:7::ffff', now=T0)
    devices.pair(sqlite_store, code_for(sqlite_store, board_id).code, '2001:db8:0:8::1', now=T0)


def test_many_wrong_codes_from_many_addresses_do_not_block_other_families(sqlite_store: Store,
                                                                         board_id: str) -> None:
    code = code_for(sqlite_store, board_id)
    guesses = random.Random(9)
    for address in range(30):  # 300 wrong codes, each address up to its own limit
        for _ in range(devices.WRONG_CODES_PER_CLIENT):
            wrong = ''.join(guesses.choice(devices.ALPHABET) for _ in range(devices.CODE_LENGTH))
            with pytest.raises(PairingError, match=r'wrong_code|too_many_tries'):
                devices.pair(sqlite_store, wrong, f'203.0.113.{address}', now=T0)
    device, _, _ = devices.pair(sqlite_store, code.code, '198.51.100.7', now=T0)  # the family, at home
    assert device.board_id == board_id


def test_one_code_faces_only_a_few_wrong_guesses_from_all_addresses_together(sqlite_store: Store,
                                                                           board_id: str) -> None:
    """Guesses at the codes that start like a family's (its first group) are limited, whoever sends them."""
    code, other = code_for(sqlite_store, board_id), code_for(sqlite_store, board_id)
    while other.code[:3] == code.code[:3]:  # one in 29,791
        other = code_for(sqlite_store, board_id)
    near = [code.code[:3] + c * 3 for c in devices.ALPHABET if code.code[3:] != c * 3]
    for address, wrong in enumerate(near[:devices.WRONG_CODES_PER_GROUP]):
        with pytest.raises(PairingError, match='wrong_code'):
            devices.pair(sqlite_store, wrong, f'203.0.113.{address}', now=T0)
    with pytest.raises(PairingError, match='too_many_tries'):  # not even the right one, from a fresh address
        devices.pair(sqlite_store, code.code, '198.51.100.7', now=T0)
    devices.pair(sqlite_store, other.code, '198.51.100.7', now=T0)  # codes in other groups are not affected
    later = T0 + devices.TRIES_WINDOW + dt.timedelta(seconds=1)
    with pytest.raises(PairingError, match='expired'):  # the window has passed (and with it this code)
        devices.pair(sqlite_store, code.code, '198.51.100.7', now=later)


def test_only_the_hash_of_a_device_token_is_stored(sqlite_store: Store, board_id: str) -> None:
    device, token, _ = devices.pair(sqlite_store, code_for(sqlite_store, board_id).code, '10.0.0.1', now=T0)
    with sqlite_store.engine.connect() as connection:
        rows = [tuple(map(str, row)) for row in connection.execute(sa.select(devices.devices)).all()]
    assert len(token) >= 43 and not any(token in value for row in rows for value in row)
    assert device.token_hash == devices.hash_token(token)


def test_a_device_opens_only_its_own_board_and_updates_last_seen(sqlite_store: Store, board_id: str) -> None:
    device, token, _ = devices.pair(sqlite_store, code_for(sqlite_store, board_id).code, '10.0.0.1', now=T0)
    other = sqlite_store.create_board('Ander gezin').id
    assert devices.device_for(sqlite_store, other, token) is None
    assert devices.device_for(sqlite_store, board_id, 'not-a-token') is None
    seen = devices.device_for(sqlite_store, board_id, token, now=T0 + dt.timedelta(hours=2))
    assert seen.last_seen_at.startswith('2026-12-01T11:00')
    assert devices.board_devices(sqlite_store, board_id)[0].last_seen_at == seen.last_seen_at


def test_a_revoked_device_no_longer_opens_the_board(sqlite_store: Store, board_id: str) -> None:
    device, token, _ = devices.pair(sqlite_store, code_for(sqlite_store, board_id).code, '10.0.0.1', now=T0)
    with pytest.raises(PairingError, match='not_allowed'):
        devices.revoke_device(sqlite_store, board_id, device.id, SCHOOL, rights=FAMILY)
    with pytest.raises(PairingError, match='not_allowed'):  # a parent who does not manage the board
        devices.revoke_device(sqlite_store, board_id, device.id, BAS, rights=FAMILY)
    assert devices.revoke_device(sqlite_store, board_id, device.id, DERYA, rights=FAMILY).credential == \
        device.credential
    assert devices.device_for(sqlite_store, board_id, token) is None
    assert devices.board_devices(sqlite_store, board_id) == []
    assert devices.revoke_device(sqlite_store, board_id, device.id, DERYA, rights=FAMILY) is None


def test_only_who_manages_the_board_makes_codes(sqlite_store: Store, board_id: str) -> None:
    for someone in (ELIF, SCHOOL, BAS):
        with pytest.raises(PairingError, match='not_allowed'):
            devices.create_code(sqlite_store, board_id, someone, Kind.TABLET, None, 'Tablet', rights=FAMILY)
    code = devices.create_code(sqlite_store, board_id, DERYA, Kind.TABLET, None, 'Tablet', rights=FAMILY)
    assert code.actor is None


def test_a_pin_is_four_to_six_digits_hashed_and_managed_by_the_member_or_who_manages_the_board(sqlite_store: Store,
                                                                                  board_id: str) -> None:
    tablet, _, _ = devices.pair(sqlite_store, code_for(sqlite_store, board_id, actor=None).code, '10.0.0.1', now=T0)
    assert devices.check_pin(sqlite_store, tablet, 'fm-elif', '') is True  # no PIN yet
    for bad in ('123', '1234567', '12a4', ''):
        with pytest.raises(PairingError, match='pin_format'):
            devices.set_pin(sqlite_store, board_id, ELIF, 'fm-elif', bad, rights=FAMILY)
    for someone in (COACH, BAS):
        with pytest.raises(PairingError, match='not_allowed'):
            devices.set_pin(sqlite_store, board_id, someone, 'fm-elif', '2468', rights=FAMILY)
    with pytest.raises(PairingError, match='not_allowed'):  # nor on the profile of the parent who does
        devices.set_pin(sqlite_store, board_id, BAS, 'fm-derya', '2468', rights=FAMILY)
    devices.set_pin(sqlite_store, board_id, ELIF, 'fm-elif', '2468', rights=FAMILY)
    with sqlite_store.engine.connect() as connection:
        stored = connection.execute(sa.select(devices.member_pins.c.pin_hash)).scalar()
    assert '2468' not in stored and stored.startswith('scrypt$')
    assert devices.members_with_pin(sqlite_store, board_id) == {'fm-elif'}
    assert devices.check_pin(sqlite_store, tablet, 'fm-elif', '2468') is True
    assert devices.check_pin(sqlite_store, tablet, 'fm-elif', '1357') is False
    devices.clear_pin(sqlite_store, board_id, DERYA, 'fm-elif', rights=FAMILY)
    assert devices.members_with_pin(sqlite_store, board_id) == set()


def test_wrong_pins_lock_the_tablet_for_a_while(sqlite_store: Store, board_id: str) -> None:
    tablet, _, _ = devices.pair(sqlite_store, code_for(sqlite_store, board_id, actor=None).code, '10.0.0.1', now=T0)
    devices.set_pin(sqlite_store, board_id, DERYA, 'fm-elif', '2468', rights=FAMILY)
    for _ in range(devices.WRONG_PINS):
        assert devices.check_pin(sqlite_store, tablet, 'fm-elif', '0000', now=T0) is False
    with pytest.raises(PairingError, match='too_many_tries'):
        devices.check_pin(sqlite_store, tablet, 'fm-elif', '2468', now=T0)
    assert devices.check_pin(sqlite_store, tablet, 'fm-elif', '2468', now=T0 + devices.TRIES_WINDOW * 2) is True
