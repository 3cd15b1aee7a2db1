"""The netwerkschema by keyboard alone and with a screen reader, and pinch-zoomed on a phone.

After the page loads every step is a key press (or, on the phone, two fingers): a person is spoken with ring and
sector, the arrows move them between rings and sectors as a drop does, Enter opens their netwerklijst, and a line
between two people is focused, opened and marked.
"""
from __future__ import annotations

import pytest

from board.identity import Actor, Role
from tests.e2e.conftest import (
    COACH,
    DERYA,
    PHONE,
    TABLET,
    link_token,
    stored_props,
    wait_until,
)

pytestmark = pytest.mark.e2e
MEES = Actor(id='fm-mees', name='Mees', role=Role.CHILD)
PERSON = '[data-person="{}"]'
FOCUSED = '() => document.activeElement?.dataset?.person || document.activeElement?.dataset?.tie || null'


def open_schema(browser, server, board_id: str, actor: Actor = COACH, viewport=TABLET, touch: bool = False):
    page = browser.new_context(viewport=viewport, has_touch=touch).new_page()
    page.goto(f'{server}/board/{board_id}/schema?token={link_token(server, board_id, actor)}')
    page.wait_for_selector(PERSON.format('np-samira'))
    wait_until(page, '() => window.did_handshake === true')
    return page


def tab_to(page, wanted: str, limit: int = 80) -> None:
    for _ in range(limit):
        if page.evaluate(FOCUSED) == wanted:
            return
        page.keyboard.press('Tab')
    raise AssertionError(f'{wanted} never got the focus')


def place(server, board_id: str, person_id: str, expected: tuple[int, str] | None = None) -> tuple[int, str]:
    props = stored_props(server, board_id, person_id, lambda p: expected in (None, (p['ring'], p['sector'])))
    return props['ring'], props['sector']


def spoken(page, person_id: str) -> str:
    return page.get_attribute(PERSON.format(person_id), 'aria-label')


def test_people_and_lines_are_spoken_with_ring_sector_and_how_things_are(browser, server, board_id) -> None:
    page = open_schema(browser, server, board_id)
    assert page.get_attribute('svg[role="application"]', 'aria-label') == 'Netwerkschema'
    assert spoken(page, 'np-ilse') == 'Ilse, Netwerk, Buren'
    assert spoken(page, 'np-karim').startswith('Meester Karim, Professionals, ')
    assert spoken(page, 'fm-elif') == 'Elif, Gezin'
    lines = page.eval_on_selector_all('[data-tie]', 'ties => ties.map(t => t.getAttribute("aria-label"))')
    assert 'Lijn tussen Anneanne Ayşe en Bas de Vries: Gespannen' in lines
    page.context.close()


def test_arrow_keys_move_a_person_between_rings_and_sectors_and_enter_opens_the_netwerklijst(
        browser, server, board_id) -> None:
    page = open_schema(browser, server, board_id)
    other = open_schema(browser, server, board_id)
    page.bring_to_front()
    tab_to(page, 'np-ilse')
    assert place(server, board_id, 'np-ilse') == (2, 'buren')

    page.keyboard.press('ArrowDown')  # a ring further out
    wait_until(page, f'() => document.querySelector(\'{PERSON.format("np-ilse")}\').dataset.ring === "3"')
    assert spoken(page, 'np-ilse') == 'Ilse, Professionals, Buren'
    assert place(server, board_id, 'np-ilse', (3, 'buren')) == (3, 'buren')
    page.keyboard.press('ArrowUp')
    page.keyboard.press('ArrowRight')  # the next sector clockwise
    wait_until(page, f'() => document.querySelector(\'{PERSON.format("np-ilse")}\').dataset.sector'
                     ' === "werk_school"')
    assert place(server, board_id, 'np-ilse', (2, 'werk_school')) == (2, 'werk_school')
    wait_until(other, f'() => document.querySelector(\'{PERSON.format("np-ilse")}\').dataset.sector'
                      ' === "werk_school"')
    assert page.evaluate(FOCUSED) == 'np-ilse', 'the person keeps the focus while moving'
    page.keyboard.press('ArrowLeft')
    assert place(server, board_id, 'np-ilse', (2, 'buren')) == (2, 'buren')

    page.keyboard.press('Enter')
    page.locator('.q-dialog', has_text='Netwerklijst: Ilse').wait_for()
    page.keyboard.press('Escape')
    page.context.close()
    other.context.close()


def test_a_line_is_focused_opened_and_marked_with_the_keyboard(browser, server, board_id) -> None:
    page = open_schema(browser, server, board_id)
    tie = page.get_attribute('[data-tie][aria-label^="Lijn tussen Ilse en Anneanne"]', 'data-tie')
    tab_to(page, tie)
    assert page.evaluate('() => getComputedStyle(document.activeElement.querySelector("line")).stroke') != \
        'rgba(0, 0, 0, 0)', 'a focused line shows it has the focus'
    page.keyboard.press('Enter')
    dialog = page.locator('.q-dialog', has_text='Lijn tussen Ilse en Anneanne Ayşe')
    dialog.wait_for()
    for _ in range(20):
        if page.evaluate('() => document.activeElement.textContent.trim()') == 'Conflict':
            break
        page.keyboard.press('Tab')
    page.keyboard.press('Enter')
    for _ in range(20):
        if page.evaluate('() => document.activeElement.textContent.trim()').endswith('Opslaan'):
            break
        page.keyboard.press('Tab')
    page.keyboard.press('Enter')
    wait_until(page, f'() => document.querySelector(\'[data-tie="{tie}"]\').dataset.kind === "conflict"')
    assert page.get_attribute(f'[data-tie="{tie}"]', 'aria-label') == 'Lijn tussen Ilse en Anneanne Ayşe: Conflict'
    page.context.close()


def test_someone_a_child_may_not_move_stays_and_the_child_is_told_politely(browser, server, board_id) -> None:
    page = open_schema(browser, server, board_id, actor=MEES)
    before = place(server, board_id, 'np-samira')
    tab_to(page, 'np-samira')
    page.keyboard.press('ArrowDown')
    message = page.locator('.q-notification', has_text='Waar Samira staat, kun jij hier niet veranderen.')
    message.wait_for()
    assert message.get_attribute('role') == 'status'
    page.wait_for_timeout(300)
    assert page.get_attribute(PERSON.format('np-samira'), 'data-ring') == str(before[0])
    assert place(server, board_id, 'np-samira') == before
    page.context.close()


def test_two_fingers_zoom_the_schema_on_a_phone_without_moving_anyone(browser, server, board_id) -> None:
    page = open_schema(browser, server, board_id, viewport=PHONE, touch=True, actor=DERYA)
    page.bring_to_front()
    before = place(server, board_id, 'np-samira')
    width_before = page.locator(PERSON.format('np-samira')).bounding_box()['width']
    box = page.locator('.pb-schema-svg').bounding_box()
    cx, cy = box['x'] + box['width'] / 2, box['y'] + box['height'] / 2
    touch = page.context.new_cdp_session(page)

    def fingers(kind: str, spread: float) -> None:
        points = [] if kind == 'touchEnd' else [{'x': cx - spread, 'y': cy, 'id': 1},
                                                {'x': cx + spread, 'y': cy, 'id': 2}]
        touch.send('Input.dispatchTouchEvent', {'type': kind, 'touchPoints': points})

    fingers('touchStart', 40)
    for step in range(1, 11):
        fingers('touchMove', 40 + 8 * step)
        page.wait_for_timeout(20)
    fingers('touchEnd', 0)

    wait_until(page, '() => Number(document.querySelector(".pb-schema-svg").getAttribute("viewBox")'
                     '.split(" ")[2]) < 980 / 2')
    assert page.locator(PERSON.format('np-samira')).bounding_box()['width'] > 1.8 * width_before
    assert place(server, board_id, 'np-samira') == before
    tab_to(page, 'np-samira')
    page.keyboard.press('0')
    wait_until(page, '() => document.querySelector(".pb-schema-svg").getAttribute("viewBox") === "-490 -490 980 980"')
    page.context.close()
