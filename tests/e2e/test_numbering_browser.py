"""The number on a card betrays nothing: in Meester Karim's browser the goals count from 1 while Derya keeps goal 1
for the family and the coordinator, and the labels shift at once, without a reload, when she shows it again.

Two real browsers on one board. The demo family is looked up by name and by the board's own numbers.
"""
from __future__ import annotations

import pytest

from board.identity import Actor, Role
from board.store import Store
from tests.e2e.conftest import TABLET, link_token, wait_until

pytestmark = pytest.mark.e2e
CARD = '[data-id="{}"]'


def cast_and_goals(server, board_id: str) -> tuple[Actor, Actor, list[str]]:
    """Derya, Meester Karim, and the goal ids in the board's own order."""
    store = Store(server.database_url)
    try:
        elements = store.load(board_id).elements.values()
    finally:
        store.close()
    people = {e.props.get('name'): e.id for e in elements}
    goals = sorted((e for e in elements if e.type == 'goal' and not e.deleted), key=lambda e: e.props['number'])
    return (Actor(id=people['Derya Yılmaz'], name='Derya Yılmaz', role=Role.PARENT),
            Actor(id=people['Meester Karim'], name='Meester Karim', role=Role.PROFESSIONAL,
                  organisation='Basisschool De Regenboog'),
            [g.id for g in goals])


def open_as(browser, server, board_id: str, actor: Actor, card: str):
    page = browser.new_context(viewport=TABLET).new_page()
    page.goto(f'{server}/board/{board_id}?token={link_token(server, board_id, actor)}')
    page.wait_for_selector(CARD.format(card))
    wait_until(page, '() => window.did_handshake === true')
    return page


def labels(goals: list[str]) -> str:
    """A script that is true when the goals' cards carry these labels, in order ('' for a card not there)."""
    return f'''(want) => {goals!r}.map(id => document.querySelector(`[data-id="${{id}}"] .pb-number text`))
        .map(label => label ? label.textContent.trim() : '').join(',') === want'''


def test_the_schools_labels_count_from_one_and_shift_when_goal_one_comes_back(browser, server, board_id) -> None:
    derya_actor, karim, goals = cast_and_goals(server, board_id)
    derya = open_as(browser, server, board_id, derya_actor, goals[0])
    school = open_as(browser, server, board_id, karim, goals[1])
    wait_until(school, f"() => ({labels(goals)})('1,2,3,4,5')")

    derya.locator(CARD.format(goals[0])).click()
    derya.locator('.q-dialog .q-chip', has_text='Gezin en coördinator').click()  # one tap, sent at once
    school.locator(CARD.format(goals[0])).wait_for(state='detached')
    wait_until(school, f"() => ({labels(goals)})(',1,2,3,4')")
    wait_until(derya, f"() => ({labels(goals)})('1,2,3,4,5')")

    derya.locator('.q-dialog .q-chip', has_text='Iedereen aan tafel').click()
    wait_until(school, f"() => ({labels(goals)})('1,2,3,4,5')")
