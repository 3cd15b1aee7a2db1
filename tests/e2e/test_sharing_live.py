"""The sharing badge follows live: Jolien shares a card with the household and herself in her browser, and the
badge on Derya's open board says so by name at once, without a reload. The words come from the server."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import COACH, DERYA, TABLET, link_token, wait_until

pytestmark = pytest.mark.e2e
BADGE = '[data-id="goal-3"] .pb-seen-by'
WITH_JOLIEN = 'Zichtbaar voor: Derya, Elif, Mees, Noor en Jolien (coördinator). Bas ziet dit niet.'


def open_as(browser, server, board_id: str, actor):
    page = browser.new_context(viewport=TABLET).new_page()
    page.goto(f'{server}/board/{board_id}?token={link_token(server, board_id, actor)}')
    page.wait_for_selector(BADGE)
    wait_until(page, '() => window.did_handshake === true')
    return page


def test_the_badge_names_the_new_audience_on_another_open_board(browser, server, board_id) -> None:
    derya = open_as(browser, server, board_id, DERYA)
    jolien = open_as(browser, server, board_id, COACH)
    before = derya.get_attribute(BADGE, 'aria-label')
    assert before.startswith('Zichtbaar voor iedereen aan tafel: Bas, Derya, Elif, Mees, Noor, Jolien (coördinator)')
    assert derya.text_content(f'{BADGE} title') == before

    jolien.bring_to_front()
    jolien.locator('[data-id="goal-3"]').click(position={'x': 60, 'y': 60})
    jolien.locator('.q-dialog .q-chip', has_text='Gezin en coördinator').click()
    jolien.locator('.q-dialog .pb-sharing-summary', has_text=WITH_JOLIEN).wait_for()  # the card's own badge, too

    wait_until(derya, f'''() => document.querySelector('{BADGE}').getAttribute('aria-label') === {WITH_JOLIEN!r}''')
    assert derya.get_attribute(BADGE, 'data-scope') == 'family_coordinator'
    assert derya.text_content(f'{BADGE} title') == WITH_JOLIEN
    assert WITH_JOLIEN in derya.get_attribute('[data-id="goal-3"]', 'aria-label')
