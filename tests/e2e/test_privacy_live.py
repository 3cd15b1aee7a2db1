"""A parent makes a card private: the school's browser loses it at once, and nothing of it reaches the school again.

Two real browsers on one board: the school (Meester Karim) and Derya, a parent. Every WebSocket frame the school's
browser receives is captured from the start. Derya taps one chip; the card must leave the school's board without a
reload, and no frame the school receives afterwards may contain its text, not even when Derya goes on editing it.
"""
from __future__ import annotations

import pytest

from board import tokens
from board.identity import Actor, Role
from board.store import Store
from tests.e2e.conftest import TABLET, capture, wait_until

pytestmark = pytest.mark.e2e
CARD = '[data-id="{}"]'
DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
SCHOOL = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
TEXT = 'Mees mag vrijdag eerder weg'
LATER = 'Mees gaat vrijdag naar de tandarts'


def open_as(browser, server, board_id: str, actor: Actor, frames: list[str] | None = None):
    store = Store(server.database_url)
    try:
        token = tokens.issue(store, board_id, actor)
    finally:
        store.close()
    page = browser.new_context(viewport=TABLET).new_page()
    if frames is not None:
        capture(page, frames)
    page.goto(f'{server}/board/{board_id}?token={token}')
    page.wait_for_selector(CARD.format('goal-2'))
    wait_until(page, '() => window.did_handshake === true')
    return page


def chip(page, words: str):
    return page.locator('.q-dialog .q-chip', has_text=words)


def test_a_card_made_private_leaves_the_school_at_once_and_its_text_never_reaches_it_again(
        browser, server, board_id) -> None:
    frames: list[str] = []
    school = open_as(browser, server, board_id, SCHOOL, frames)
    derya = open_as(browser, server, board_id, DERYA)

    derya.get_by_role('button', name='Notitie', exact=True).click()
    derya.locator('.q-dialog textarea').first.fill(TEXT)
    chip(derya, 'Iedereen aan tafel').click()
    derya.locator('.q-dialog').get_by_role('button', name='Opslaan').click()
    school.get_by_text(TEXT).wait_for()  # shared with everyone first: the school has it
    assert any(TEXT in frame for frame in frames)

    derya.get_by_text(TEXT).click()
    chip(derya, 'Alleen ons gezin').click()  # one tap, sent at once
    school.get_by_text(TEXT).wait_for(state='detached')
    private_from = len(frames)

    derya.locator('.q-dialog textarea').first.fill(LATER)
    derya.locator('.q-dialog').get_by_role('button', name='Opslaan').click()
    derya.get_by_text(LATER).wait_for()
    school.wait_for_timeout(1000)  # time for anything that would still arrive
    after = frames[private_from:]
    assert not any(TEXT in frame or LATER in frame for frame in after)
    assert school.get_by_text(LATER).count() == 0
    assert school.evaluate('() => window.did_handshake') is True, 'no reload: the card left a live board'
    school.context.close()
    derya.context.close()
