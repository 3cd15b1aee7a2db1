"""Logging in as a professional, and no way in without one: no guests (docs/access.md)."""
from __future__ import annotations

import pytest
from nicegui.testing import User

from app import state
from app.pages.login import safe_next
from board import accounts
from board.demo import COACH_MAIL
from board.identity import SYSTEM as COORDINATOR
from board.plan import create_family_board
from tests.ui.helpers import DEMO, PASSWORD, canvas_of, demo_board_id, log_in

WRONG = 'Dit e-mailadres en wachtwoord horen niet bij elkaar.'
LOCKED = ('Te vaak een verkeerd wachtwoord voor dit e-mailadres. Inloggen ermee is daarom even op slot: '
          'probeer het over 15 minuten opnieuw.')


async def try_login(user: User, mail: str, password: str) -> None:
    await user.open('/login')
    user.find(marker='mail').type(mail)
    user.find(marker='password').type(password)
    user.find(marker='login').click()


def professional(name: str = 'Meester Karim', mail: str = 'karim@school.example.nl') -> accounts.Account:
    return accounts.create_account(state.get().store, mail, name, PASSWORD)


async def test_the_demo_coach_logs_in_and_sees_her_family(user: User) -> None:
    await log_in(user)
    await user.should_see('Jolien Bakker')
    await user.should_see('Mijn gezinnen')
    await user.should_see(DEMO)
    await user.open(f'/board/{demo_board_id()}')
    await user.should_see('JB')  # on the board as herself, np-jolien
    assert [p['name'] for p in state.get().hubs.loaded(demo_board_id()).peers(COORDINATOR)] == ['Jolien Bakker']


async def test_the_mail_may_be_typed_in_capitals(user: User) -> None:
    await log_in(user, mail=COACH_MAIL.upper())
    await user.should_see(DEMO)


async def test_a_wrong_password_and_an_unknown_mail_get_the_same_message(user: User) -> None:
    professional()
    await try_login(user, 'karim@school.example.nl', 'niet-het-goede-wachtwoord')
    await user.should_see(WRONG, retries=100)
    await user.should_see(marker='mail')  # still on the login page, the mail still typed
    assert user.find(marker='mail').elements.pop().value == 'karim@school.example.nl'
    await try_login(user, 'niemand@school.example.nl', PASSWORD)
    await user.should_see(WRONG, retries=100)
    await user.open('/')
    await user.should_not_see(marker='account-name')


async def test_after_five_wrong_passwords_the_account_is_locked_and_says_so(user: User) -> None:
    professional()
    for _ in range(accounts.MAX_FAILED_LOGINS - 1):
        await try_login(user, 'karim@school.example.nl', 'fout-wachtwoord')
        await user.should_see(WRONG, retries=100)
    await try_login(user, 'karim@school.example.nl', 'fout-wachtwoord')
    await user.should_see(LOCKED, retries=100)
    await try_login(user, 'karim@school.example.nl', PASSWORD)  # even the right password waits
    await user.should_see(LOCKED, retries=100)
    await user.open('/')
    await user.should_not_see(marker='account-name')


async def test_an_unknown_mail_gets_the_same_lock_so_nobody_learns_who_has_an_account(user: User) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS - 1):
        await try_login(user, 'niemand@school.example.nl', 'fout-wachtwoord')
        await user.should_see(WRONG, retries=100)
    await try_login(user, 'niemand@school.example.nl', 'fout-wachtwoord')
    await user.should_see(LOCKED, retries=100)


async def test_too_many_attempts_from_one_address_are_refused_before_any_password_is_checked(user: User) -> None:
    from app.pages import (
        login,  # NiceGUI's user fixture imports the page modules afresh for every test
    )
    for _ in range(login.LOGIN_ATTEMPTS.limit):
        assert login.LOGIN_ATTEMPTS.hit('127.0.0.1')
    await try_login(user, COACH_MAIL, 'wat-dan-ook-1')
    await user.should_see('Te veel pogingen vanaf dit apparaat.')


async def test_a_stranger_gets_no_access_and_the_two_ways_in_but_not_the_familys_name(user: User) -> None:
    await user.open(f'/board/{demo_board_id()}/plan')
    await user.should_see('Je hebt geen toegang tot dit bord.')
    await user.should_see('Inloggen (hulpverleners)')
    await user.should_see('Ik heb een code')
    await user.should_not_see(DEMO)
    await user.should_not_see('Yılmaz')
    user.find(marker='to-login').click()
    await user.should_see(marker='mail')


async def test_logging_in_from_the_no_access_page_goes_back_to_the_board(user: User) -> None:
    accounts.set_password(state.get().store, accounts.find_account(state.get().store, COACH_MAIL).id, PASSWORD)
    await user.open(f'/login?next=/board/{demo_board_id()}/plan')
    user.find(marker='mail').type(COACH_MAIL)
    user.find(marker='password').type(PASSWORD)
    user.find(marker='login').click()
    await user.should_see(marker='tab-goals', retries=100)


@pytest.mark.parametrize(('target', 'expected'), [
    ('/board/abc/plan', '/board/abc/plan'),
    ('/board/abc/plan?tab=goals', '/board/abc/plan?tab=goals'),
    ('/', '/'),
    ('/board/%2F%2Fevil.example', '/board/%2F%2Fevil.example'),  # still encoded: a path here, not a host
    ('', '/'),
    (None, '/'),
    ('https://evil.example/', '/'),
    ('//evil.example/x', '/'),
    ('/\\evil.example', '/'),
    ('\\\\evil.example', '/'),
    ('/\t/evil.example', '/'),  # `?next=/%09/evil.example`: browsers drop the tab and read //evil.example
    ('/\n/evil.example', '/'),
    ('/\r\n/evil.example', '/'),
    ('\t//evil.example', '/'),
    ('/\x00/evil.example', '/'),
    ('/\u2028/evil.example', '/'),
    ('/ /evil.example', '/'),
    ('javascript:alert(1)', '/'),
    (' javascript:alert(1)', '/'),
    ('JaVaScRiPt:alert(1)', '/'),
    ('data:text/html,<script>alert(1)</script>', '/'),
    ('evil.example', '/'),
    ('https:/evil.example', '/'),
])
def test_a_login_link_only_ever_leads_to_a_path_on_this_site(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected


async def test_a_professional_without_a_membership_is_told_to_ask_the_coordinator(user: User) -> None:
    professional()
    await log_in(user, mail='karim@school.example.nl')
    await user.should_see('Nog geen borden')
    await user.should_not_see(DEMO)
    await user.open(f'/board/{demo_board_id()}')
    await user.should_see('Vraag de zorgcoördinator om je uit te nodigen.')
    await user.should_not_see(DEMO)


async def test_a_professional_with_a_membership_is_the_network_person_on_the_board(user: User) -> None:
    karim = professional()
    accounts.add_membership(state.get().store, karim.id, demo_board_id(), 'professional', organisation='school',
                            person_id='np-karim')
    await log_in(user, mail='karim@school.example.nl')
    await user.open(f'/board/{demo_board_id()}')
    assert 'goal-1' in canvas_of(user).elements
    assert 'note-bas-schulden' not in canvas_of(user).elements  # only Bas and Jolien see it
    assert state.get().hubs.loaded(demo_board_id()).peers(COORDINATOR)[0]['name'] == 'Meester Karim'


async def test_a_coordinator_sees_only_her_boards_and_a_new_one_is_hers(user: User) -> None:
    create_family_board(state.get().store, 'Familie Anders')  # someone else's family
    await log_in(user)
    await user.should_see(DEMO)
    await user.should_not_see('Familie Anders')
    user.find('Naam van het gezin').type('Familie Jansen')
    user.find('Bord maken').click()
    await user.should_see('Bord gemaakt')
    jolien = accounts.find_account(state.get().store, COACH_MAIL)
    board = next(b for b in state.get().store.list_boards() if b.name == 'Familie Jansen')
    assert accounts.membership(state.get().store, jolien.id, board.id).role == 'coordinator'
    await user.open('/')
    await user.should_see('Familie Jansen')
    await user.should_not_see('Familie Anders')


async def test_logging_out_closes_the_boards(user: User) -> None:
    await log_in(user)
    user.find(marker='logout').click()
    await user.should_see('Inloggen (hulpverleners)')
    await user.open(f'/board/{demo_board_id()}')
    await user.should_see('Je hebt geen toegang tot dit bord.')


async def test_the_home_page_without_login_shows_the_two_ways_in_and_no_families(user: User) -> None:
    await user.open('/')
    await user.should_see('Inloggen (hulpverleners)')
    await user.should_see('Ik heb een code')
    await user.should_not_see(DEMO)
    await user.should_not_see('Ik ben…')


async def test_the_session_cookie_is_httponly_and_samesite_lax_and_not_secure_over_http(user: User) -> None:
    cookie = (await user.http_client.get('/login')).headers['set-cookie'].lower()
    assert 'httponly' in cookie and 'samesite=lax' in cookie
    assert 'secure' not in cookie


@pytest.fixture
def over_https(monkeypatch) -> None:
    monkeypatch.setenv('PLANBORD_HTTPS', '1')


async def test_over_https_the_session_cookie_is_secure_too(over_https, user: User) -> None:
    cookie = (await user.http_client.get('/login')).headers['set-cookie'].lower()
    assert 'httponly' in cookie and 'samesite=lax' in cookie and 'secure' in cookie
