"""Professionals' accounts: argon2 hashes, lockout that survives a restart, memberships that make an Actor."""
from __future__ import annotations

import datetime as dt
import uuid

import argon2
import pytest
import sqlalchemy as sa

from board import accounts
from board.accounts import AccountError, LockedOut, LoginFailed
from board.demo import create_demo_board
from board.identity import Role
from board.store import BoardNotFound, Store

PASSWORD = 'zonnebloem-42'
NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def unique_mail(name: str = 'karim') -> str:
    """PostgreSQL tests share one database, so every test makes its own addresses."""
    return f'{name}-{uuid.uuid4().hex[:8]}@school.example.nl'


def test_the_password_is_stored_as_an_argon2_hash_and_the_mail_without_case(store: Store) -> None:
    mail = unique_mail()
    account = accounts.create_account(store, '  ' + mail.upper() + ' ', 'Meester Karim', PASSWORD)
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(accounts.accounts).where(accounts.accounts.c.id == account.id)).one()
    assert row.mail == mail and PASSWORD not in row.password_hash
    assert row.password_hash.startswith('$argon2id$')
    assert accounts.authenticate(store, mail.capitalize(), PASSWORD) == account
    assert accounts.find_account(store, mail.upper()) == account
    with pytest.raises(AccountError, match='mail_taken'):
        accounts.create_account(store, mail.title(), 'Iemand anders', PASSWORD)


@pytest.mark.parametrize(('mail', 'name', 'password', 'code'), [
    ('geen-apenstaartje.nl', 'Karim', PASSWORD, 'mail_invalid'),
    ('karim@school', 'Karim', PASSWORD, 'mail_invalid'),
    ('ka rim@school.nl', 'Karim', PASSWORD, 'mail_invalid'),
    ('karim@school.nl', '   ', PASSWORD, 'name_required'),
    ('karim@school.nl', 'Karim', 'kort', 'password_short'),
    ('karim@school.nl', 'Karim', 'x' * 300, 'password_long'),
])
def test_bad_account_input_is_refused_with_a_code(sqlite_store: Store, mail, name, password, code) -> None:
    with pytest.raises(AccountError, match=code):
        accounts.create_account(sqlite_store, mail, name, password)
    assert accounts.find_account(sqlite_store, mail) is None


def test_a_wrong_password_and_an_unknown_mail_fail_the_same_way(store: Store) -> None:
    mail = unique_mail()
    accounts.create_account(store, mail, 'Meester Karim', PASSWORD)
    with pytest.raises(LoginFailed):
        accounts.authenticate(store, mail, 'niet-het-wachtwoord')
    with pytest.raises(LoginFailed):
        accounts.authenticate(store, unique_mail('niemand'), PASSWORD)


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_across_a_restart(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    mail = unique_mail()
    accounts.create_account(store, mail, 'Meester Karim', PASSWORD)
    for _ in range(accounts.MAX_FAILED_LOGINS - 1):
        with pytest.raises(LoginFailed):
            accounts.authenticate(store, mail, 'fout-wachtwoord', now=NOW)
    with pytest.raises(LockedOut) as locked:
        accounts.authenticate(store, mail, 'fout-wachtwoord', now=NOW)
    assert locked.value.until == NOW + dt.timedelta(minutes=15)
    store.close()

    store = Store(sqlite_url)  # the server restarts
    with pytest.raises(LockedOut):
        accounts.authenticate(store, mail, PASSWORD, now=NOW + dt.timedelta(minutes=14))  # even the right one
    assert accounts.authenticate(store, mail, PASSWORD, now=NOW + dt.timedelta(minutes=16)).mail == mail
    store.close()


def test_an_unknown_mail_is_locked_just_like_an_account_so_the_lock_tells_nothing(store: Store) -> None:
    known, unknown = unique_mail(), unique_mail('niemand')
    accounts.create_account(store, known, 'Meester Karim', PASSWORD)
    for mail in (known, unknown):
        for _ in range(accounts.MAX_FAILED_LOGINS - 1):
            with pytest.raises(LoginFailed):
                accounts.authenticate(store, mail, 'fout-wachtwoord', now=NOW)
        with pytest.raises(LockedOut) as locked:
            accounts.authenticate(store, mail, 'fout-wachtwoord', now=NOW)
        assert locked.value.until == NOW + accounts.LOCKOUT
        with pytest.raises(LockedOut) as locked:
            accounts.authenticate(store, mail, PASSWORD, now=NOW + dt.timedelta(minutes=14))
        assert locked.value.until == NOW + accounts.LOCKOUT
        with pytest.raises(LoginFailed):  # the lock is over: counting starts afresh
            accounts.authenticate(store, mail, 'fout-wachtwoord', now=NOW + dt.timedelta(minutes=16))


def test_every_try_checks_one_password_hash_locked_or_not_known_or_not(sqlite_store: Store, monkeypatch) -> None:
    """The same work for every answer, so its time does not tell whether an account exists or is locked."""
    checked = []
    verify = argon2.PasswordHasher.verify
    monkeypatch.setattr(argon2.PasswordHasher, 'verify', lambda *args: checked.append(1) or verify(*args))
    known, unknown = unique_mail(), unique_mail('niemand')
    accounts.create_account(sqlite_store, known, 'Meester Karim', PASSWORD)
    for mail in (known, unknown):
        for _ in range(accounts.MAX_FAILED_LOGINS + 2):  # wrong, wrong, …, locked, locked
            checked.clear()
            with pytest.raises((LoginFailed, LockedOut)):
                accounts.authenticate(sqlite_store, mail, 'fout-wachtwoord', now=NOW)
            assert len(checked) == 1


def test_a_good_login_resets_the_count_of_wrong_ones(sqlite_store: Store) -> None:
    mail = unique_mail()
    accounts.create_account(sqlite_store, mail, 'Meester Karim', PASSWORD)
    for _ in range(3):
        for _ in range(accounts.MAX_FAILED_LOGINS - 1):
            with pytest.raises(LoginFailed):
                accounts.authenticate(sqlite_store, mail, 'fout-wachtwoord', now=NOW)
        accounts.authenticate(sqlite_store, mail, PASSWORD, now=NOW)


def test_change_password_needs_the_old_one_and_a_reset_lifts_a_lockout(sqlite_store: Store) -> None:
    account = accounts.create_account(sqlite_store, unique_mail(), 'Meester Karim', PASSWORD)
    with pytest.raises(AccountError, match='password_wrong'):
        accounts.change_password(sqlite_store, account.id, 'geraden-wachtwoord', 'nieuw-wachtwoord-1')
    with pytest.raises(AccountError, match='password_short'):
        accounts.change_password(sqlite_store, account.id, PASSWORD, 'kort')
    accounts.change_password(sqlite_store, account.id, PASSWORD, 'nieuw-wachtwoord-1')
    with pytest.raises(LoginFailed):
        accounts.authenticate(sqlite_store, account.mail, PASSWORD)  # the old one: the first wrong try
    for _ in range(accounts.MAX_FAILED_LOGINS - 2):
        with pytest.raises(LoginFailed):
            accounts.authenticate(sqlite_store, account.mail, 'fout-wachtwoord')
    with pytest.raises(LockedOut):
        accounts.authenticate(sqlite_store, account.mail, 'fout-wachtwoord')
    accounts.set_password(sqlite_store, account.id, 'opnieuw-ingesteld')
    assert accounts.authenticate(sqlite_store, account.mail, 'opnieuw-ingesteld') == account
    with pytest.raises(AccountError, match='not_found'):
        accounts.set_password(sqlite_store, 'nobody', 'opnieuw-ingesteld')


def test_a_membership_gives_the_actor_on_that_board_only(store: Store) -> None:
    board = create_demo_board(store).id
    other = create_demo_board(store).id
    karim = accounts.create_account(store, unique_mail(), 'Meester Karim', PASSWORD)
    stranger = accounts.create_account(store, unique_mail('iemand'), 'Iemand', PASSWORD)
    accounts.add_membership(store, karim.id, board, Role.PROFESSIONAL, organisation='school', person_id='np-karim')

    actor = accounts.actor_on(store, karim.id, board)
    assert (actor.id, actor.name, actor.role, actor.organisation) == ('np-karim', 'Meester Karim', 'professional',
                                                                      'school')
    assert accounts.actor_on(store, karim.id, other) is None
    assert accounts.actor_on(store, stranger.id, board) is None
    assert accounts.actor_on(store, 'nobody', board) is None
    assert [b.id for b in accounts.boards_of(store, karim.id)] == [board]

    accounts.add_membership(store, karim.id, board, Role.COORDINATOR)  # changed, not doubled; no person now
    actor = accounts.actor_on(store, karim.id, board)
    assert (actor.id, actor.role, actor.organisation) == (f'acc-{karim.id}', 'coordinator', '')
    assert [b.id for b in accounts.boards_of(store, karim.id)] == [board]


def test_bad_memberships_are_refused(sqlite_store: Store) -> None:
    board = create_demo_board(sqlite_store).id
    karim = accounts.create_account(sqlite_store, unique_mail(), 'Meester Karim', PASSWORD)
    with pytest.raises(AccountError, match='role_invalid'):
        accounts.add_membership(sqlite_store, karim.id, board, Role.PARENT)
    with pytest.raises(AccountError, match='person_not_found'):
        accounts.add_membership(sqlite_store, karim.id, board, Role.PROFESSIONAL, person_id='fm-derya')
    with pytest.raises(AccountError, match='not_found'):
        accounts.add_membership(sqlite_store, 'nobody', board, Role.PROFESSIONAL)
    with pytest.raises(BoardNotFound):
        accounts.add_membership(sqlite_store, karim.id, 'no-board', Role.PROFESSIONAL)
    assert accounts.boards_of(sqlite_store, karim.id) == []
