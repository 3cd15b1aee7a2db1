"""A youth's card for the coordinator alone (issue 9): Elif (14) writes a card and chooses "Alleen Jolien
(coördinator)"; her mother Derya, whose browser is open on the board at the same time, never receives it in any
WebSocket frame, not even after Elif edits it, nor that Elif is on the board then, while Jolien's browser shows it
on the canvas at once."""
from __future__ import annotations

import pytest

from board.identity import Actor, Role
from board.store import Store
from tests.e2e.conftest import COACH, DERYA, TABLET, capture, leaked, link_token, wait_until

pytestmark = pytest.mark.e2e
ELIF = Actor(id='fm-elif', name='Elif', role=Role.YOUTH)
TEXT = 'Ik wil met Jolien praten over thuis'
LATER = 'Ik wil met Jolien alleen praten over thuis'
ELIF_HERE = '.pb-avatar[aria-label="Elif"]'
MARKER = 'Ik heb een tekening gemaakt voor Noor'


def open_as(browser, server, board_id: str, actor: Actor, frames: list[str]):
    page = browser.new_context(viewport=TABLET).new_page()
    capture(page, frames)
    page.goto(f'{server}/board/{board_id}?token={link_token(server, board_id, actor)}')
    page.wait_for_selector('[data-id="goal-2"]')
    wait_until(page, '() => window.did_handshake === true')
    return page


def write_note(page, text: str, chip: str) -> None:
    page.bring_to_front()
    page.get_by_role('button', name='Notitie', exact=True).click()
    page.locator('.q-dialog textarea').first.fill(text)
    page.locator('.q-dialog .q-chip', has_text=chip).click()
    page.locator('.q-dialog').get_by_role('button', name='Opslaan').click()
    page.get_by_text(text).wait_for()


def test_a_card_for_the_coordinator_alone_never_reaches_the_parents_browser(browser, server, board_id) -> None:
    derya_frames: list[str] = []
    jolien_frames: list[str] = []
    derya = open_as(browser, server, board_id, DERYA, derya_frames)
    jolien = open_as(browser, server, board_id, COACH, jolien_frames)
    elif_ = open_as(browser, server, board_id, ELIF, [])
    wait_until(jolien, f"() => document.querySelectorAll('{ELIF_HERE}').length === 1")

    write_note(elif_, TEXT, 'Alleen Jolien (coördinator)')
    jolien.get_by_text(TEXT).wait_for()  # on her canvas at once
    store = Store(server.database_url)
    try:
        card = next(e for e in store.load(board_id).elements.values() if e.props.get('text') == TEXT)
    finally:
        store.close()
    assert (card.visibility.scope, set(card.visibility.names)) == ('named', {'fm-elif', 'coordinator'})
    assert elif_.get_attribute(f'[data-id="{card.id}"] .pb-seen-by', 'aria-label') == \
        'Alleen jij en Jolien (coördinator) zien dit. Je ouders niet.'

    elif_.get_by_text(TEXT).click()
    elif_.locator('.q-dialog textarea').first.fill(LATER)
    elif_.locator('.q-dialog').get_by_role('button', name='Opslaan').click()
    jolien.get_by_text(LATER).wait_for()

    write_note(elif_, MARKER, 'Iedereen aan tafel')
    derya.get_by_text(MARKER).wait_for()  # what Derya may see arrives after all of the above, in the hub's order
    assert MARKER in '\n'.join(derya_frames), 'the frames were captured'
    assert not leaked((TEXT, LATER, card.id), derya_frames)
    assert TEXT not in derya.content() and LATER not in derya.content()
    assert derya.locator(ELIF_HERE).count() == 0, 'nor that Elif is here: a youth is never shown to her parents, ' \
        'so no avatar vanishing tells them she just wrote something for the coordinator alone'
    assert leaked((TEXT, LATER, card.id), jolien_frames) == [TEXT, LATER, card.id]
    for page in (derya, jolien, elif_):
        page.context.close()
