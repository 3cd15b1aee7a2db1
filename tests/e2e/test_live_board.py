"""Several real browsers on one board: live drags, edits, presence, reconnects and restarts."""
from __future__ import annotations

import re

import pytest

from board.store import Store
from tests.e2e.conftest import COACH, DERYA, PHONE, TABLET, capture, link_token, wait_until

pytestmark = pytest.mark.e2e

CARD = '[data-id="{}"]'


def open_board(browser, server, board_id, viewport=TABLET, touch=False, actor=COACH):
    context = browser.new_context(viewport=viewport, has_touch=touch)
    page = context.new_page()
    page.goto(f'{server}/board/{board_id}?token={link_token(server, board_id, actor)}')
    page.wait_for_selector(CARD.format('goal-2'))
    wait_until(page, '() => window.did_handshake === true')
    return page


def position(page, element_id: str) -> tuple[float, float]:
    transform = page.get_attribute(CARD.format(element_id), 'transform')
    x, y = map(float, re.findall(r'-?[\d.]+', transform)[:2])
    return x, y


def drag(page, element_id: str, dx: float, dy: float, steps: int = 20, on_step=None) -> None:
    page.bring_to_front()  # headless Chromium may not draw a page in the back, and mouse input waits for a frame
    box = page.locator(CARD.format(element_id)).bounding_box()
    x, y = box['x'] + box['width'] / 2, box['y'] + 20
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, steps + 1):
        page.mouse.move(x + dx * step / steps, y + dy * step / steps)
        page.wait_for_timeout(25)
        if on_step:
            on_step(step)
    page.mouse.up()


def test_a_drag_shows_in_the_other_browser_while_it_moves_and_after_a_restart(browser, server, board_id) -> None:
    tablet = open_board(browser, server, board_id)
    laptop = open_board(browser, server, board_id, viewport={'width': 1280, 'height': 800})
    start = position(laptop, 'goal-2')
    seen_during_drag: list[tuple[float, float]] = []

    def look(step: int) -> None:
        if step in (10, 15):
            laptop.wait_for_timeout(80)
            seen_during_drag.append(position(laptop, 'goal-2'))

    drag(tablet, 'goal-2', 240, 120, on_step=look)

    assert any(p != start for p in seen_during_drag), 'the other browser saw no movement before the drop'
    wait_until(laptop, f'''() => document.querySelector('{CARD.format("goal-2")}').getAttribute('transform')
        === {tablet.get_attribute(CARD.format("goal-2"), "transform")!r}''')
    final = position(tablet, 'goal-2')
    assert final != start and position(laptop, 'goal-2') == final

    for page in (tablet, laptop):  # closed first: a page reconnecting to a restarting server may not close
        page.context.close()
    server.restart()
    fresh = open_board(browser, server, board_id)
    assert position(fresh, 'goal-2') == final
    fresh.context.close()


def logged(server, board_id: str) -> int:
    """Batches in the board's log."""
    store = Store(server.database_url)
    try:
        return len(store.commits_since(board_id, 0))
    finally:
        store.close()


def test_a_two_second_drag_is_one_change_in_the_log(browser, server, board_id) -> None:
    """Drags are not history: the places on the way are shown to the others, only the drop is stored."""
    tablet = open_board(browser, server, board_id)
    laptop = open_board(browser, server, board_id, viewport={'width': 1280, 'height': 800})
    before, start, seen = logged(server, board_id), position(laptop, 'goal-5'), []
    drag(tablet, 'goal-5', 200, 100, steps=50,
         on_step=lambda step: step % 10 or seen.append(position(laptop, 'goal-5')))
    wait_until(laptop, f'''() => document.querySelector('{CARD.format("goal-5")}').getAttribute('transform')
        === {tablet.get_attribute(CARD.format("goal-5"), "transform")!r}''')
    assert any(p != start for p in seen), 'the other browser saw no movement before the drop'
    assert logged(server, board_id) - before == 1
    tablet.context.close()
    laptop.context.close()


def test_a_card_added_in_one_browser_appears_in_the_other_and_stays_text(browser, server, board_id) -> None:
    coach = open_board(browser, server, board_id)
    screen = open_board(browser, server, board_id, viewport={'width': 1280, 'height': 800})
    coach.get_by_role('button', name='Doel', exact=True).click()
    coach.locator('textarea').fill('<script>window.__pwned = 1</script> Samen naar de markt')
    coach.get_by_role('button', name='Opslaan', exact=True).click()

    card = screen.get_by_text('<script>window.__pwned = 1</script> Samen naar de markt')
    card.wait_for()
    assert screen.evaluate('() => window.__pwned') is None
    assert coach.evaluate('() => window.__pwned') is None
    coach.context.close()
    screen.context.close()


def test_everyone_on_the_board_shows_as_an_avatar(browser, server, board_id) -> None:
    first = open_board(browser, server, board_id)
    second = open_board(browser, server, board_id, viewport=PHONE, touch=True, actor=DERYA)
    wait_until(first, "() => document.querySelectorAll('.pb-avatar').length === 2")
    second.context.close()
    wait_until(first, "() => document.querySelectorAll('.pb-avatar').length === 1")
    first.context.close()


def reconnect(page) -> None:
    """Connect again the way NiceGUI's own automatic reconnect does: it first tells the server which message it
    saw last (a bare `connect()` would send the page-load value, and the server would reload the page)."""
    page.evaluate('() => { window.socket.io.opts.query.next_message_id = window.nextMessageId;'
                  ' window.socket.connect(); }')


def test_a_sleeping_tablet_catches_up_without_a_reload(browser, server, board_id) -> None:
    tablet = open_board(browser, server, board_id, touch=True)
    laptop = open_board(browser, server, board_id)
    tablet.evaluate('() => { window.__same_page = true; window.socket.disconnect(); }')

    drag(laptop, 'goal-3', 160, 60)
    moved = position(laptop, 'goal-3')
    laptop.get_by_role('button', name='Notitie', exact=True).click()
    laptop.locator('textarea').fill('Opa komt zondag eten')
    laptop.get_by_role('button', name='Opslaan', exact=True).click()
    laptop.get_by_text('Opa komt zondag eten').wait_for()
    assert tablet.get_by_text('Opa komt zondag eten').count() == 0

    reconnect(tablet)
    tablet.get_by_text('Opa komt zondag eten').wait_for()
    wait_until(tablet, f'''() => document.querySelector('{CARD.format("goal-3")}').getAttribute('transform')
        === {laptop.get_attribute(CARD.format("goal-3"), "transform")!r}''')
    assert position(tablet, 'goal-3') == moved
    assert tablet.evaluate('() => window.__same_page') is True
    tablet.context.close()
    laptop.context.close()


def test_a_reconnect_brings_one_catch_up(browser, server, board_id) -> None:
    """The page and its canvas are one client of the hub: one catch-up per connection, not one for each."""
    tablet = open_board(browser, server, board_id)
    tablet.wait_for_timeout(1000)  # the first load's own catch-up is in (NiceGUI would replay it after a reconnect)
    frames: list[str] = []
    capture(tablet, frames)
    tablet.evaluate('() => window.socket.disconnect()')
    reconnect(tablet)
    wait_until(tablet, '() => window.socket.connected')
    tablet.wait_for_timeout(1000)
    assert sum(len(re.findall(r'type\W+catchup', frame)) for frame in frames) == 1
    tablet.context.close()


def test_a_finger_drag_on_a_tablet_moves_the_card_on_the_laptop(browser, server, board_id) -> None:
    tablet = open_board(browser, server, board_id, touch=True)
    laptop = open_board(browser, server, board_id, viewport={'width': 1280, 'height': 800})
    start = position(laptop, 'goal-4')
    box = tablet.locator(CARD.format('goal-4')).bounding_box()
    x, y = box['x'] + box['width'] / 2, box['y'] + 20
    tablet.bring_to_front()
    touch = tablet.context.new_cdp_session(tablet)

    def finger(kind: str, px: float, py: float) -> None:
        points = [] if kind == 'touchEnd' else [{'x': px, 'y': py, 'id': 1}]
        touch.send('Input.dispatchTouchEvent', {'type': kind, 'touchPoints': points})

    finger('touchStart', x, y)
    for step in range(1, 16):
        finger('touchMove', x + 8 * step, y + 5 * step)
        tablet.wait_for_timeout(20)
    finger('touchEnd', x + 120, y + 75)

    wait_until(laptop, f'''() => document.querySelector('{CARD.format("goal-4")}').getAttribute('transform')
        === {tablet.get_attribute(CARD.format("goal-4"), "transform")!r}''')
    assert position(laptop, 'goal-4') != start
    tablet.context.close()
    laptop.context.close()
