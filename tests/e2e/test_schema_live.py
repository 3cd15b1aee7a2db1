"""The netwerkschema in two real browsers: a drag between rings in one changes the ring and the metrics in the other."""
from __future__ import annotations

import pytest

from board.store import Store
from network_graph.schema_layout import layout, position
from tests.e2e.conftest import PHONE, TABLET, link_token, wait_until

pytestmark = pytest.mark.e2e
PERSON = '[data-person="{}"]'


def open_schema(browser, server, board_id, viewport=TABLET, touch=False):
    page = browser.new_context(viewport=viewport, has_touch=touch).new_page()
    page.goto(f'{server}/board/{board_id}/schema?token={link_token(server, board_id)}')
    page.wait_for_selector(PERSON.format('np-karim'))
    wait_until(page, '() => window.did_handshake === true')
    return page


def screen_point(page, angle: float, radius: float) -> tuple[float, float]:
    """Where a polar position of the schema (schema_layout's angle and radius) is on the screen."""
    return tuple(page.evaluate('''([angle, radius]) => {
        const svg = document.querySelector('.pb-schema-svg');
        const a = angle * Math.PI / 180, outer = 470;
        const p = new DOMPoint(radius * outer * Math.sin(a), -radius * outer * Math.cos(a))
            .matrixTransform(svg.getScreenCTM());
        return [p.x, p.y];
    }''', [angle, radius]))


def drag_to(page, person_id: str, target: tuple[float, float], steps: int = 15) -> None:
    page.bring_to_front()  # headless Chromium may not draw a page in the back, and mouse input waits for a frame
    box = page.locator(PERSON.format(person_id)).bounding_box()
    x, y = box['x'] + box['width'] / 2, box['y'] + box['height'] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, steps + 1):
        page.mouse.move(x + (target[0] - x) * step / steps, y + (target[1] - y) * step / steps)
        page.wait_for_timeout(20)
    page.mouse.up()


def test_a_drag_from_ring_3_to_ring_2_changes_the_ring_and_the_metrics_in_another_browser(
        browser, server, board_id) -> None:
    coach = open_schema(browser, server, board_id)
    family = open_schema(browser, server, board_id, viewport=PHONE, touch=True)
    assert family.get_attribute(PERSON.format('np-karim'), 'data-ring') == '3'
    assert family.locator('.pb-ring-number').all_inner_texts() == ['5', '5', '6']

    drag_to(coach, 'np-karim', screen_point(coach, *position(2, 'werk_school', 0.5)))

    wait_until(family, f'''() => document.querySelector('{PERSON.format("np-karim")}')
        .getAttribute('data-ring') === '2\'''')
    assert family.get_attribute(PERSON.format('np-karim'), 'data-sector') == 'werk_school'
    wait_until(family, '''() => [...document.querySelectorAll('.pb-ring-number')].map(e => e.textContent.trim())
        .join(',') === '5,6,5\'''')
    store = Store(server.database_url)
    try:
        karim = store.load(board_id).elements['np-karim'].props
    finally:
        store.close()
    assert (karim['ring'], karim['sector']) == (2, 'werk_school')
    assert 0.3 <= karim['distance'] <= 0.7, 'let go halfway the ring: stored as halfway, not as pixels'
    coach.context.close()
    family.context.close()


def test_the_browser_places_everyone_where_the_python_layout_does(browser, server, board_id) -> None:
    page = open_schema(browser, server, board_id)
    store = Store(server.database_url)
    try:
        elements = list(store.load(board_id).elements.values())
    finally:
        store.close()
    people = [{'id': e.id, 'type': str(e.type), **e.props} for e in elements
              if e.type in ('family_member', 'network_person') and not e.deleted]
    for centre in (None, 'fm-elif'):
        if centre:
            page.locator('.pb-chip', has_text='Elif').click()
            page.wait_for_selector(f'svg[data-centre="{centre}"]')
        expected = {id_: (round(a, 2), round(r, 2)) for id_, (a, r) in layout(people, centre).items()
                    if id_ != centre}
        shown = page.evaluate('''() => Object.fromEntries([...document.querySelectorAll('[data-person]')]
            .map(e => [e.dataset.person, [Number(e.dataset.angle), Number(e.dataset.radius)]]))''')
        assert set(shown) == set(expected)
        for id_, spot in expected.items():
            assert shown[id_] == pytest.approx(spot, abs=0.011), id_
    page.context.close()


def test_a_line_drawn_between_two_people_shows_in_the_other_browser(browser, server, board_id) -> None:
    coach = open_schema(browser, server, board_id)
    family = open_schema(browser, server, board_id)
    before = family.locator('[data-tie]').count()
    coach.get_by_role('button', name='Lijn trekken').click()
    coach.get_by_text('Tik op twee mensen die elkaar kennen.').wait_for()
    coach.locator(PERSON.format('np-samira')).click()
    coach.get_by_text('Tik nu op de tweede persoon.').wait_for()
    coach.locator(PERSON.format('np-ilse')).click()
    wait_until(family, f"() => document.querySelectorAll('[data-tie]').length === {before + 1}")
    coach.locator(PERSON.format('np-ilse')).click()
    coach.locator(PERSON.format('np-samira')).click()
    coach.get_by_text('Die lijn staat er al').wait_for()
    assert family.locator('[data-tie]').count() == before + 1
    coach.context.close()
    family.context.close()
