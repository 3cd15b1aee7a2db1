"""Forms and the header on a 1024x768 tablet and a 390x844 phone, in Debian's Chromium: what only a real screen shows
(where 'Opslaan' is, whether the confirmation appears, whether the family's name fits)."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import PHONE, TABLET, link_token

pytestmark = pytest.mark.e2e
SIZES = pytest.mark.parametrize('viewport', [TABLET, PHONE], ids=['tablet', 'phone'])


def open_page(browser, server, board_id, path: str, viewport: dict):
    page = browser.new_context(viewport=viewport, has_touch=viewport == PHONE).new_page()
    page.goto(f'{server}/board/{board_id}{path}?token={link_token(server, board_id)}')
    return page


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box['y'] >= 0 and box['y'] + box['height'] <= page.viewport_size['height']


@SIZES
def test_opslaan_stays_in_view_in_a_long_form_and_a_save_says_so(browser, server, board_id, viewport) -> None:
    page = open_page(browser, server, board_id, '/plan', viewport)
    page.get_by_role('tab', name='Betrokkenen').click()
    page.locator('.pb-item', has_text='Meester Karim').get_by_role('button', name='Bewerken').click()
    dialog = page.locator('.q-dialog')
    save = dialog.get_by_role('button', name='Opslaan')
    save.wait_for()
    assert in_view(page, save)
    hours = dialog.get_by_label('Hoe laat bereikbaar')
    hours.scroll_into_view_if_needed()  # the last field, at the bottom of the form
    hours.fill('8:30–16:00')
    assert in_view(page, save) and in_view(page, hours)
    save.click()
    page.locator('.q-notification', has_text='Opgeslagen').wait_for()
    page.locator('.pb-item', has_text='8:30–16:00').wait_for()

    page.get_by_role('tab', name='Evaluatie').click()
    page.get_by_role('button', name='Nieuwe evaluatie').click()
    save.wait_for()
    assert in_view(page, save)  # the longest form: a row of scores per levensdomein
    page.context.close()


def overlap(a: dict, b: dict) -> bool:
    return a['x'] < b['x'] + b['width'] and b['x'] < a['x'] + a['width'] and \
        a['y'] < b['y'] + b['height'] and b['y'] < a['y'] + a['height']


@SIZES
@pytest.mark.parametrize('path', ['', '/plan', '/schema', '/audit'])
def test_the_familys_name_stays_whole_in_the_header(browser, server, board_id, path, viewport) -> None:
    page = open_page(browser, server, board_id, path, viewport)
    title = page.locator('.pb-header .pb-title')
    title.wait_for()
    assert title.inner_text() == 'Familie Yılmaz-de Vries'
    assert title.evaluate('e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight')  # not cut off
    name = title.bounding_box()
    assert name['x'] >= 0 and name['x'] + name['width'] <= viewport['width']
    header = page.locator('.pb-header').bounding_box()
    assert name['y'] >= header['y'] and name['y'] + name['height'] <= header['y'] + header['height']
    for button in page.locator('.pb-header .q-btn, .pb-header .pb-avatar').all():
        assert not overlap(name, button.bounding_box())
    if path == '' and viewport == PHONE:  # the board starts under the taller header, not behind it
        assert page.locator('.pb-canvas').bounding_box()['y'] >= header['y'] + header['height'] - 1
    page.context.close()
