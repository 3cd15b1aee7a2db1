"""In Chromium, under the security headers: no page breaks the Content-Security-Policy or trips over the
Permissions-Policy, the board still renders and syncs, a PDF still downloads, and a `?token=` link ends on a clean
URL."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import COACH, DERYA, PHONE, TABLET, link_token, wait_until
from tests.e2e.test_live_board import CARD

pytestmark = pytest.mark.e2e

REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation',
    e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));"""


def watched_page(browser, viewport: dict, problems: list[str]):
    """A page whose console complaints about either policy end up in `problems`."""
    page = browser.new_context(viewport=viewport, accept_downloads=True).new_page()
    page.add_init_script(REPORT_VIOLATIONS)
    page.on('console', lambda message: problems.append(message.text) if any(
        word in message.text for word in ('CSP violation', 'Content Security Policy', 'Permissions-Policy',
                                          'Refused to')) else None)
    return page


def open_by_link(page, server, board_id: str, actor, suffix: str = '') -> None:
    token = link_token(server, board_id, actor)
    page.goto(f'{server}/board/{board_id}{suffix}?token={token}')
    assert page.url == f'{server}/board/{board_id}{suffix}'  # exchanged: the token is in no URL of this browser
    assert token not in page.evaluate('() => document.location.href + document.referrer')
    wait_until(page, '() => window.did_handshake === true')


def test_the_board_renders_and_syncs_under_the_security_headers(browser, server, board_id) -> None:
    problems: list[str] = []
    coach, parent = watched_page(browser, TABLET, problems), watched_page(browser, PHONE, problems)
    open_by_link(coach, server, board_id, COACH)
    coach.wait_for_selector(CARD.format('goal-2'))
    open_by_link(parent, server, board_id, DERYA)
    parent.wait_for_selector(CARD.format('goal-2'))

    coach.get_by_role('button', name='Doel', exact=True).click()
    coach.locator('textarea').fill('Samen naar de bibliotheek')
    coach.get_by_role('button', name='Opslaan', exact=True).click()
    parent.get_by_text('Samen naar de bibliotheek').wait_for()  # live, to the other browser

    for suffix in ('/plan', '/schema', '/access', '/audit'):
        coach.goto(f'{server}/board/{board_id}{suffix}')  # the kept link opens every page of the board
        wait_until(coach, '() => window.did_handshake === true')
    coach.goto(f'{server}/board/{board_id}/plan')
    wait_until(coach, '() => window.did_handshake === true')
    coach.get_by_role('button', name='Meer').click()
    with coach.expect_download() as download:
        coach.get_by_text('PDF', exact=True).click()
    assert download.value.suggested_filename.endswith('.pdf')
    for path in ('/', '/login', '/pair'):
        parent.goto(f'{server}{path}')
        wait_until(parent, '() => window.did_handshake === true')
    assert problems == []
    coach.context.close()
    parent.context.close()
