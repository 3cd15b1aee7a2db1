"""The board by keyboard alone and with a screen reader (WCAG 2.2 AA), and readable on a phone.

Every step after the page loads is a key press: Tab to the board, pan and zoom it, Tab from card to card (each
comes into view), move a card with the arrows (the hub stores it, as after a drag) and open it with Enter.
"""
from __future__ import annotations

import re

import pytest

from board.identity import Actor, Role
from tests.e2e.conftest import COACH, DERYA, PHONE, TABLET, stored_props, wait_until
from tests.e2e.test_live_board import CARD, open_board, position

pytestmark = pytest.mark.e2e
SCREEN = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)
BOARD = 'svg[role="application"]'
FOCUSED = '() => document.activeElement?.dataset?.id || document.activeElement?.getAttribute("role")'


def view(page) -> tuple[float, float, float]:
    """The canvas's pan (x, y) and zoom, from the transform of the board's world."""
    transform = page.get_attribute(f'{BOARD} > g', 'transform')
    x, y, scale = map(float, re.findall(r'-?[\d.]+', transform)[:3])
    return x, y, scale


def tab_to(page, wanted: str, limit: int = 120, back: bool = False) -> None:
    """Press Tab until the board (`application`) or the card with this id has the focus."""
    for _ in range(limit):
        if page.evaluate(FOCUSED) == wanted:
            return
        page.keyboard.press('Shift+Tab' if back else 'Tab')
    raise AssertionError(f'{wanted} never got the focus')


def stored(server, board_id: str, element_id: str, expected: tuple[float, float] | None = None) -> tuple[float, float]:
    props = stored_props(server, board_id, element_id, lambda p: expected in (None, (p['x'], p['y'])))
    return props['x'], props['y']


def in_sight(page, selector: str) -> bool:
    return page.evaluate('''(selector) => {
        const box = document.querySelector(selector).getBoundingClientRect();
        const frame = document.querySelector('svg[role="application"]').getBoundingClientRect();
        return box.left >= frame.left && box.right <= frame.right && box.top >= frame.top
            && box.bottom <= frame.bottom;
    }''', selector)


def test_the_board_is_named_and_pans_and_zooms_by_keyboard(browser, server, board_id) -> None:
    page = open_board(browser, server, board_id)
    tab_to(page, 'application')
    assert page.get_attribute(BOARD, 'aria-label') == 'Het bord'
    help_id = page.get_attribute(BOARD, 'aria-describedby')
    assert 'Pijltjes schuiven het bord' in page.locator(f'#{help_id}').text_content()

    x, y, scale = view(page)
    page.keyboard.press('ArrowRight')
    page.keyboard.press('Shift+ArrowDown')
    assert view(page)[:2] == pytest.approx((x - 80, y - 320))
    page.keyboard.press('+')
    assert view(page)[2] == pytest.approx(scale * 1.25)
    page.keyboard.press('-')
    page.keyboard.press('0')
    assert view(page) == pytest.approx((x, y, scale))
    page.context.close()


def test_tab_brings_every_card_into_view_even_zoomed_in(browser, server, board_id) -> None:
    page = open_board(browser, server, board_id)
    tab_to(page, 'application')
    for _ in range(5):
        page.keyboard.press('+')
    seen = []
    for _ in range(14):
        page.keyboard.press('Tab')
        card = page.evaluate(FOCUSED)
        assert page.evaluate('() => document.activeElement.matches(".pb-card:focus-visible")')
        wait_until(page, f'() => {{ const b = document.querySelector(\'{CARD.format(card)}\')'
                         '.getBoundingClientRect(); return b.left >= 0 && b.right <= innerWidth; }')
        assert in_sight(page, CARD.format(card)), card
        seen.append(card)
    assert len(set(seen)) == 14
    page.context.close()


def test_arrow_keys_move_the_focused_card_as_a_drag_would_and_enter_opens_it(browser, server, board_id) -> None:
    page = open_board(browser, server, board_id)
    other = open_board(browser, server, board_id, actor=DERYA)
    page.bring_to_front()
    tab_to(page, 'application')
    tab_to(page, 'goal-2')
    x, y = position(page, 'goal-2')

    for _ in range(3):
        page.keyboard.press('ArrowRight')
    page.keyboard.press('Shift+ArrowDown')
    page.keyboard.press('ArrowUp')

    assert position(page, 'goal-2') == pytest.approx((x + 30, y + 50))
    wait_until(other, f'''() => document.querySelector('{CARD.format("goal-2")}').getAttribute('transform')
        === {page.get_attribute(CARD.format("goal-2"), "transform")!r}''')
    assert stored(server, board_id, 'goal-2', (x + 30, y + 50)) == (x + 30, y + 50)
    assert page.evaluate(FOCUSED) == 'goal-2', 'the card keeps the focus while it moves'

    page.keyboard.press('Enter')
    page.locator('.q-dialog textarea').first.wait_for()
    assert 'We hebben overzicht over ons geld.' in page.locator('.q-dialog textarea').first.input_value()
    page.keyboard.press('Escape')
    page.context.close()
    other.context.close()


def test_a_card_that_may_not_move_stays_and_the_person_is_told_politely(browser, server, board_id) -> None:
    page = open_board(browser, server, board_id, actor=SCREEN)
    tab_to(page, 'application')
    tab_to(page, 'goal-3')
    before = position(page, 'goal-3')
    page.keyboard.press('ArrowLeft')

    message = page.locator('.q-notification', has_text='Op dit scherm kun je alleen kijken.')
    message.wait_for()
    assert message.get_attribute('role') == 'status'
    wait_until(page, f'''() => document.querySelector('{CARD.format("goal-3")}').getAttribute('transform')
        === 'translate({before[0]:g},{before[1]:g})\'''')
    assert stored(server, board_id, 'goal-3') == before
    page.context.close()


def test_changes_by_others_are_told_politely_as_one_summary(browser, server, board_id) -> None:
    coach = open_board(browser, server, board_id, actor=COACH)
    coach.evaluate('''() => {
        window.__said = [];
        const live = document.querySelector('[aria-live="polite"][role="status"]');
        new MutationObserver(() => window.__said.push(live.textContent.trim()))
            .observe(live, { childList: true, characterData: true, subtree: true });
    }''')
    mother = open_board(browser, server, board_id, actor=DERYA)
    tab_to(mother, 'application')
    for card in ('goal-1', 'goal-3', 'goal-4'):
        tab_to(mother, card)
        for _ in range(4):
            mother.keyboard.press('ArrowDown')
    coach.bring_to_front()
    wait_until(coach, '() => window.__said.length > 0')
    coach.wait_for_timeout(1500)
    assert coach.evaluate('() => window.__said') == ['Derya Yılmaz heeft 3 kaarten veranderd.']
    coach.context.close()
    mother.context.close()


def test_on_a_phone_the_board_opens_fitted_to_the_width_with_readable_card_text(browser, server, board_id) -> None:
    page = open_board(browser, server, board_id, viewport=PHONE, touch=True, actor=DERYA)
    sizes = page.evaluate('''() => {
        const sizes = [];
        for (const card of document.querySelectorAll('.pb-card')) {
            const box = card.getBoundingClientRect();
            if (box.right < 0 || box.left > innerWidth || box.bottom < 0 || box.top > innerHeight) continue;
            const zoom = card.getScreenCTM().a;
            for (const text of card.querySelectorAll('.pb-html, .pb-tag text, .pb-number text')) {
                if (!text.textContent.trim()) continue;
                sizes.push(parseFloat(getComputedStyle(text).fontSize) * zoom);
            }
        }
        return sizes;
    }''')
    assert len(sizes) >= 10, 'the phone shows a few whole cards'
    assert min(sizes) >= 12
    leftmost = page.evaluate('''() => Math.min(...[...document.querySelectorAll('.pb-card, [data-type="zone"]')]
        .map(e => e.getBoundingClientRect().left))''')
    assert 0 <= leftmost <= 48, 'the board starts at the left edge of the screen'
    assert page.evaluate('() => document.documentElement.scrollWidth') <= PHONE['width']
    assert page.evaluate(f'() => document.querySelector(\'{BOARD}\').getBoundingClientRect().width') == \
        PHONE['width']
    page.context.close()


def test_on_a_tablet_the_whole_board_is_still_in_sight(browser, server, board_id) -> None:
    page = open_board(browser, server, board_id, viewport=TABLET)
    assert all(in_sight(page, CARD.format(card)) for card in ('goal-1', 'goal-4', 'np-jolien', 'fm-noor'))
    page.context.close()
