"""The plan view and the board canvas are two views of one board: an edit in one shows in the other, live."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import DERYA, PHONE, TABLET, link_token
from tests.e2e.test_live_board import CARD, open_board

pytestmark = pytest.mark.e2e



def test_a_goal_edited_in_the_plan_view_changes_its_card_on_the_canvas(browser, server, board_id) -> None:
    board = open_board(browser, server, board_id, viewport=TABLET)
    phone = browser.new_context(viewport=PHONE, has_touch=True).new_page()
    phone.goto(f'{server}/board/{board_id}/plan?token={link_token(server, board_id, DERYA)}')  # the family's words
    phone.get_by_role('tab', name='Doelen').click()
    card = phone.locator('.pb-item', has_text='We hebben overzicht over ons geld.')
    card.get_by_role('button', name='Bewerken').click()
    text = phone.locator('.q-dialog textarea').first
    text.fill('We houden samen overzicht over ons geld.')
    phone.locator('.q-dialog').get_by_role('button', name='Opslaan').click()
    phone.locator('.pb-item', has_text='We houden samen overzicht over ons geld.').wait_for()

    board.locator(CARD.format('goal-2'), has_text='We houden samen overzicht over ons geld.').wait_for()
    assert 'We hebben overzicht' not in board.locator(CARD.format('goal-2')).text_content()
    phone.context.close()
    board.context.close()
