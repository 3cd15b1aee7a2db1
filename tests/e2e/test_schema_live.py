"""The netwerkschema in two real browsers: a drag between rings in one changes the ring and the metrics in the other."""
from __future__ import annotations

import itertools
import math

import pytest

from board.plan import create_board_with
from board.store import CommitRecord, Store, now_iso
from network_graph.schema_layout import layout, position, sector_wedge
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


def dot_centre(page, person_id: str) -> tuple[float, float]:
    """The middle of someone's dot (their name beside it is part of their group, so not of the group's box)."""
    box = page.locator(PERSON.format(person_id) + ' > circle').first.bounding_box()
    return box['x'] + box['width'] / 2, box['y'] + box['height'] / 2


def drag_to(page, person_id: str, target: tuple[float, float], steps: int = 15) -> None:
    page.bring_to_front()  # headless Chromium may not draw a page in the back, and mouse input waits for a frame
    x, y = dot_centre(page, person_id)
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
        expected = {id_: (round(s.angle, 2), round(s.radius, 2)) for id_, s in layout(people, centre).spots.items()
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


def crowded_board(server) -> str:
    """A family of four with a grandmother, an aunt and 22 neighbours in one wedge of the informal ring."""
    def create(id_, type_, **props):
        return {'op': 'create', 'id': id_, 'type': type_, 'props': props}
    ops = [create('fm-bas', 'family_member', name='Bas de Vries', role='parent'),
           create('fm-derya', 'family_member', name='Derya Yılmaz', role='parent'),
           create('fm-elif', 'family_member', name='Elif', role='youth'),
           create('fm-mees', 'family_member', name='Mees', role='child'),
           create('np-oma', 'network_person', name='Anneanne Ayşe', sector='familie', ring=2),
           create('np-tante', 'network_person', name='Tante Femke', sector='familie', ring=2)]
    ops += [create(f'np-buur-{i:02}', 'network_person', name=f'Buurvrouw {i}', sector='buren', ring=2,
                   distance=(i * 7 % 10) / 10) for i in range(22)]
    store = Store(server.database_url)
    try:
        return create_board_with(store, 'Familie Drukte', 'Drukte', [ops]).id
    finally:
        store.close()


def stored(server, board_id: str, person_id: str) -> dict:
    store = Store(server.database_url)
    try:
        return store.load(board_id).elements[person_id].props
    finally:
        store.close()


@pytest.mark.parametrize('viewport', [TABLET, PHONE], ids=['tablet', 'phone'])
def test_a_crowded_wedge_keeps_every_dot_and_name_apart_and_inside_the_schema(browser, server, viewport) -> None:
    board_id = crowded_board(server)
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(f'{server}/board/{board_id}/schema?token={link_token(server, board_id)}')
    page.wait_for_selector(PERSON.format('np-buur-21'))
    found = page.evaluate('''() => {
        const svg = document.querySelector('.pb-schema-svg').getBoundingClientRect();
        const box = (r) => [r.left, r.top, r.right, r.bottom];
        return {
            svg: box(svg),
            dots: [...document.querySelectorAll('[data-person] > circle:first-of-type')]
                .map(c => box(c.getBoundingClientRect())),
            names: [...document.querySelectorAll('[data-person] > text:last-of-type')]
                .filter(t => t.textContent.trim() && t.querySelector('tspan'))
                .map(t => [[...t.querySelectorAll('tspan')].map(s => s.textContent.trim()).join(' '),
                           box(t.getBoundingClientRect())]),
        };
    }''')
    dots = found['dots']
    assert len(dots) == 28
    for a, b in itertools.combinations(dots, 2):
        ra, rb = (a[2] - a[0]) / 2, (b[2] - b[0]) / 2
        assert math.dist(((a[0] + a[2]) / 2, (a[1] + a[3]) / 2), ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)) \
            >= ra + rb - 0.5, (a, b)
    left, top, right, bottom = found['svg']
    names = found['names']
    assert {'Anneanne Ayşe', 'Tante Femke', 'Derya Yılmaz', 'Bas de Vries'} <= {name for name, _ in names}
    for name, (x0, t, r, b) in names:
        assert left - 0.5 <= x0 and r <= right + 0.5 and top - 0.5 <= t and b <= bottom + 0.5, name
    for (na, a), (nb, b) in itertools.combinations(names, 2):
        assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1), (na, nb)
    page.context.close()


def test_dragging_a_grandmother_onto_a_parent_keeps_her_in_familie_on_that_side(browser, server) -> None:
    board_id = crowded_board(server)
    page = browser.new_context(viewport=TABLET).new_page()
    page.goto(f'{server}/board/{board_id}/schema?token={link_token(server, board_id)}')
    page.wait_for_selector(PERSON.format('np-oma'))
    wait_until(page, '() => window.did_handshake === true')

    drag_to(page, 'np-oma', dot_centre(page, 'fm-derya'))
    wait_until(page, '''() => document.querySelector('[data-side]')?.textContent.includes('Derya')''')
    oma = stored(server, board_id, 'np-oma')
    assert (oma['sector'], oma['ring'], oma['side']) == ('familie', 2, 'fm-derya'), 'not dropped into "Overig"'
    assert page.get_attribute(PERSON.format('np-oma'), 'data-sector') == 'familie'

    drag_to(page, 'np-tante', dot_centre(page, 'fm-bas'))
    wait_until(page, "() => document.querySelectorAll('[data-side]').length === 2")
    assert stored(server, board_id, 'np-tante')['side'] == 'fm-bas'

    # the familie wedge is now in halves, Bas's first: let her go in Derya's half and she is on Derya's side
    start, end = sector_wedge('familie')
    drag_to(page, 'np-tante', screen_point(page, (start + end) / 2 + (end - start) / 4, 0.55))
    wait_until(page, f'''() => document.querySelector('{PERSON.format("np-tante")}')
        .getAttribute('data-angle') > {(start + end) / 2}''')
    tante = stored(server, board_id, 'np-tante')
    assert (tante['sector'], tante['ring'], tante['side']) == ('familie', 2, 'fm-derya')
    page.context.close()


def test_a_neighbour_who_also_babysits_is_a_bridge_to_her_second_marker(browser, server) -> None:
    board_id = crowded_board(server)
    store = Store(server.database_url)
    try:
        seq = store.load(board_id).seq
        store.append(board_id, [CommitRecord(seq=seq + 1, actor_id='system', at=now_iso(), ops=[
            {'op': 'update', 'id': 'np-buur-03', 'props': {
                'extra_roles': [{'role': 'oppas', 'ring': 3, 'sector': 'werk_school', 'distance': 0.5}]}}])])
    finally:
        store.close()
    page = browser.new_context(viewport=TABLET).new_page()
    page.goto(f'{server}/board/{board_id}/schema?token={link_token(server, board_id)}')
    marker = page.locator('[data-marker="np-buur-03#0"]')
    marker.wait_for()
    assert (marker.get_attribute('data-ring'), marker.get_attribute('data-sector')) == ('3', 'werk_school')
    assert page.locator('[data-bridge="np-buur-03"]').count() == 1
    assert 'oppas' in marker.text_content()
    marker.locator('circle').first.click()
    page.get_by_text('Netwerklijst: Buurvrouw 3').wait_for()
    page.context.close()
