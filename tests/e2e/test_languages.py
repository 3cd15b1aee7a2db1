"""A person's language reaches the browser: Quasar speaks it, and Arabic turns the page right to left while the board
keeps its places and each text on it reads in its own direction."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import PHONE, link_token, wait_until

pytestmark = pytest.mark.e2e


def choose(page, language: str) -> None:
    page.locator('.pb-lang').click()
    page.locator(f'.q-item[lang={language}]').click()
    page.wait_for_load_state('networkidle')


def test_arabic_mirrors_the_page_and_keeps_the_board_readable(browser, server, board_id) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f'{server}/board/{board_id}?token={link_token(server, board_id)}')
    wait_until(page, '() => window.did_handshake === true')
    assert page.evaluate('[document.documentElement.dir, document.documentElement.lang]') == ['ltr', 'nl']

    choose(page, 'ar')
    wait_until(page, "() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar'")
    assert page.evaluate('Quasar.lang.props.isoName') == 'ar'  # Quasar's own words (date pickers) in Arabic
    page.get_by_text('اسحب البطاقات بإصبعك أو بالقلم أو بالفأرة').wait_for()
    board = page.locator('.pb-board')
    assert board.evaluate('b => getComputedStyle(b).direction') == 'ltr'  # places on the board are everyone's
    card_text = page.locator('[data-id="goal-1"] .pb-text').first
    assert card_text.evaluate('t => getComputedStyle(t).unicodeBidi') == 'plaintext'  # a Dutch goal reads left to right

    choose(page, 'tr')
    wait_until(page, "() => document.documentElement.dir === 'ltr' && document.documentElement.lang === 'tr'")
    page.get_by_text('Kartları parmağınla, kalemle ya da fareyle sürükle').wait_for()
