"""`planbord account create` and `planbord account reset-password`, as an administrator runs them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from board import accounts
from board.demo import create_demo_board
from board.store import Store
from tests.integration.test_cli import planbord


def password_in(output: str) -> str:
    return re.search(r'password (\S+) \(shown once\)', output).group(1)


def test_an_account_with_a_place_on_a_board_logs_in_as_that_network_person(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    store = Store(f'sqlite:///{database}')
    board = create_demo_board(store).id
    out = planbord('account', 'create', '--mail', 'Karim@School.example.nl', '--name', 'Meester Karim',
                   '--board', board, '--organisation', 'school', '--person', 'np-karim', database=database).stdout
    password = password_in(out)
    assert f'karim@school.example.nl: professional on board {board}' in out
    account = accounts.authenticate(store, 'karim@school.example.nl', password)
    actor = accounts.actor_on(store, account.id, board)
    assert (actor.id, actor.role, actor.organisation) == ('np-karim', 'professional', 'school')

    other = create_demo_board(store).id  # the same account on a second board: no new password
    out = planbord('account', 'create', '--mail', 'karim@school.example.nl', '--name', 'Meester Karim',
                   '--board', other, '--role', 'coordinator', database=database).stdout
    assert 'password' not in out
    assert accounts.actor_on(store, account.id, other).role == 'coordinator'
    accounts.authenticate(store, 'karim@school.example.nl', password)
    store.close()


def test_bad_input_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    store = Store(f'sqlite:///{database}')
    board = create_demo_board(store).id
    for args, message in [
        (('--board', 'no-such-board'), 'no board with id no-such-board'),
        (('--board', board, '--person', 'fm-derya'), 'no network person with that id on this board'),
        (('--board', board, '--role', 'parent'), 'the role must be coordinator or professional'),
    ]:
        result = planbord('account', 'create', '--mail', 'karim@school.example.nl', '--name', 'Karim', *args,
                          database=database, check=False)
        assert result.returncode == 1 and message in result.stderr
    assert accounts.find_account(store, 'karim@school.example.nl') is None
    result = planbord('account', 'create', '--mail', 'karim-at-school', '--name', 'Karim', database=database,
                      check=False)
    assert result.returncode == 1 and 'that is not a mail address' in result.stderr
    store.close()


def test_reset_password_gives_a_new_one_and_lifts_a_lockout(tmp_path: Path) -> None:
    database = tmp_path / 'board.sqlite3'
    store = Store(f'sqlite:///{database}')
    account = accounts.create_account(store, 'karim@school.example.nl', 'Meester Karim', 'het-oude-wachtwoord')
    for _ in range(accounts.MAX_FAILED_LOGINS - 1):
        with pytest.raises(accounts.LoginFailed):
            accounts.authenticate(store, account.mail, 'fout-wachtwoord')
    with pytest.raises(accounts.LockedOut):
        accounts.authenticate(store, account.mail, 'fout-wachtwoord')
    password = password_in(planbord('account', 'reset-password', 'KARIM@school.example.nl', database=database).stdout)
    assert accounts.authenticate(store, account.mail, password) == account
    result = planbord('account', 'reset-password', 'niemand@school.example.nl', database=database, check=False)
    assert result.returncode == 1 and 'no account with that mail address' in result.stderr
    store.close()
