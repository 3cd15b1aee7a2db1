"""A board that stays tidy: what the plan's forms make gets a free place, and 'Netjes leggen' tidies the board for
everyone as one change that one tap undoes (board/layout.py, app/pages/board.py)."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from nicegui.testing import User

from app import state
from app.printing import board_picture
from app.printing.plan_pdf import plan_for
from board import layout
from board.boardfile import board_file
from board.elements import Element
from board.identity import Actor, Role
from board.plan import create_family_board
from tests.ui.helpers import (
    DERYA,
    canvas_of,
    choose,
    demo_board_id,
    hub_of,
    of_type,
    open_plan,
    push_as,
    settle,
    token_for,
)

COACH = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
Box = tuple[float, float, float, float]


def overlaps(boxes: dict[str, Box]) -> list[tuple[str, str]]:
    return [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2)
            if layout.overlap(box_a, box_b)]


def card_boxes(elements) -> dict[str, Box]:
    return {e.id: layout.box(e) for e in elements if layout.drawn(e)}


async def saved(board_id: str, type_: str, count: int) -> list[Element]:
    """Wait until the hub holds `count` elements of a type (a form's save goes through the hub)."""
    for _ in range(100):
        if len(found := of_type(board_id, type_)) >= count:
            return found
        await settle()
    raise AssertionError(f'{type_}: {len(of_type(board_id, type_))} of {count} saved')


def drawn_by_the_picture(monkeypatch: pytest.MonkeyPatch) -> list[Box]:
    """Every rounded box the board picture draws, in board units (zones are the ones with the wide corners)."""
    drawn: list[Box] = []
    original = board_picture._Pen.rect

    def rect(pen, x, y, w, h, radius, *rest):
        if radius != 22:  # 22: a zone
            drawn.append((x, y, w, h))
        return original(pen, x, y, w, h, radius, *rest)
    monkeypatch.setattr(board_picture._Pen, 'rect', rect)
    return drawn


async def test_a_family_made_through_the_plan_forms_lies_on_the_board_and_in_the_pdf_without_overlap(
        user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    board_id = create_family_board(state.get().store, 'Familie Jansen', dt.date(2026, 9, 1)).id
    await open_plan(user, board_id, 'family', token=token_for(board_id, COACH))
    births = ['1984-02-03', '1986-05-06', '2010-07-08', '2013-09-10', '2016-11-12', '2020-01-02']
    for i, born in enumerate(births):
        user.find(marker='add-member').click()
        user.find(marker='field-name').type(f'Gezinslid {i + 1}')
        user.find(marker='field-birth_date').type(dt.date.fromisoformat(born).strftime('%d-%m-%Y'))
        user.find(marker='dialog-save').click()
        await saved(board_id, 'family_member', i + 1)
    members = [m.id for m in sorted(of_type(board_id, 'family_member'), key=lambda m: m.props['name'])]
    user.find(marker='tab-goals').click()
    for i in range(12):
        user.find(marker='add-goal').click()
        user.find(marker='field-text').type(f'Doel {i + 1} van het gezin')
        user.find(marker=f'field-owners-{members[i % 6]}').click()
        if i % 3 == 0:
            user.find(marker=f'field-owners-{members[0]}').click()  # a parent shares the goal
        user.find(marker='dialog-save').click()
        await saved(board_id, 'goal', i + 1)
    goals = sorted(of_type(board_id, 'goal'), key=lambda g: g.props['number'])
    user.find(marker='tab-agreements').click()
    for i in range(12):
        user.find(marker='add-agreement').click()
        user.find(marker='field-text').type(f'Afspraak {i + 1}')
        choose(user, 'field-goal_id', goals[i // 2].id)  # two agreements under each of the first six goals
        user.find(marker='dialog-save').click()
        await saved(board_id, 'agreement', i + 3)  # the two standard agreements are there from the start
    user.find(marker='tab-people').click()
    for i in range(20):
        user.find(marker='add-person').click()
        user.find(marker='field-name').type(f'Betrokkene {i + 1}')
        if i % 2:
            user.find(marker='field-ring-3').click()
        user.find(marker='dialog-save').click()
        await saved(board_id, 'network_person', i + 1)

    hub = hub_of(board_id)
    on_board = card_boxes(hub.elements.values())
    assert len(on_board) == 6 + 12 + 14 + 20
    assert overlaps(on_board) == []
    await user.open(f'/board/{board_id}')
    assert canvas_of(user).props['sizes'] == layout.SIZES  # the canvas draws the cards at these sizes

    drawn = drawn_by_the_picture(monkeypatch)
    plan_for(board_file(hub.info, hub.seq, hub.elements.values()), COACH)
    assert sorted(drawn) == sorted(on_board.values())  # the PDF's board page draws every card where it lies
    assert overlaps(dict(enumerate(drawn))) == []


async def tidy(user: User) -> None:
    user.find(marker='open-more').click()
    user.find(marker='tidy-board').click()
    await user.should_see(marker='tidied')


async def test_netjes_leggen_lays_out_a_messy_board_for_everyone_as_one_change_and_one_tap_undoes_it(
        user: User, create_user) -> None:
    board_id = demo_board_id()
    hub = hub_of(board_id) or await state.get().hubs.get(board_id)
    messy = {e.id: (1500.0, 300.0) for e in hub.elements.values()
             if layout.drawn(e) and e.type in ('goal', 'agreement', 'family_member')}
    await push_as(board_id, COACH, [{'op': 'update', 'id': i, 'props': {'x': x, 'y': y}}
                                    for i, (x, y) in messy.items()])
    mees = create_user()
    await mees.open(f'/board/{board_id}?token={token_for(board_id, Actor(id="fm-mees", name="Mees", role=Role.CHILD))}')
    heard = []
    await user.open(f'/board/{board_id}?token={token_for(board_id, DERYA)}')  # a family member may move cards
    session = hub.join(COACH, heard.append, since=hub.seq)
    seq = hub.seq
    await tidy(user)
    await settle()
    assert hub.seq == seq + 1, 'one change'
    assert overlaps(card_boxes(hub.elements.values())) == []
    assert len([m for m in heard if m['type'] == 'commit']) == 1  # everyone got it at once, as one commit
    with mees:
        shown = canvas_of(mees).elements
    assert {i: (shown[i]['props']['x'], shown[i]['props']['y']) for i in messy} == \
        {i: (hub.elements[i].props['x'], hub.elements[i].props['y']) for i in messy}

    tidied = {i: (hub.elements[i].props['x'], hub.elements[i].props['y']) for i in messy}
    moved_since = 'goal-1'
    await push_as(board_id, COACH, [{'op': 'update', 'id': moved_since, 'props': {'x': 3000, 'y': 3000}}])
    user.find(marker='tidy-undo').click()
    await user.should_see('De kaarten liggen weer waar ze lagen.')
    assert hub.seq == seq + 3, 'the undo is one change too'
    back = {i: (hub.elements[i].props['x'], hub.elements[i].props['y']) for i in messy}
    assert back == messy | {moved_since: (3000, 3000)}, 'what somebody moved since stays where they put it'
    assert tidied != messy
    hub.leave(session)


async def test_netjes_leggen_never_moves_or_shows_a_card_hidden_from_whoever_tidies(user: User) -> None:
    board_id = demo_board_id()
    hub = hub_of(board_id) or await state.get().hubs.get(board_id)
    hidden = hub.elements['note-bas-schulden']  # for Bas and Jolien only
    spot = (hidden.props['x'], hidden.props['y'])
    crowd = [e.id for e in hub.elements.values() if e.type in ('goal', 'agreement')]
    await push_as(board_id, COACH, [{'op': 'update', 'id': i, 'props': {'x': spot[0], 'y': spot[1]}} for i in crowd])
    heard = []
    session = hub.join(DERYA, heard.append, since=hub.seq)
    await user.open(f'/board/{board_id}?token={token_for(board_id, DERYA)}')
    await tidy(user)
    await settle()
    assert (hub.elements[hidden.id].props['x'], hub.elements[hidden.id].props['y']) == spot
    assert overlaps(card_boxes(hub.elements.values())) == []  # nothing was laid on the hidden card either
    said = repr(heard)
    assert hidden.id not in said
    assert not any(c.get('id') == hidden.id or c.get('element', {}).get('id') == hidden.id
                   for m in heard for c in m.get('changes', []))
    commit = next(m for m in heard if m['type'] == 'commit')
    assert {c['id'] for c in commit['changes']} <= {e.id for e in hub.visible_elements(DERYA)}
    hub.leave(session)


async def test_the_shared_screen_is_not_offered_netjes_leggen(user: User) -> None:
    board_id = demo_board_id()
    screen = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)
    await user.open(f'/board/{board_id}?token={token_for(board_id, screen)}')
    user.find(marker='open-more').click()
    await user.should_see(marker='download-pdf')
    await user.should_not_see(marker='tidy-board')


async def test_someone_added_on_the_netwerkschema_gets_a_free_place_beside_the_plan_on_the_board(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/schema?token={token_for(board_id, COACH)}')
    for name in ('Opa Henk', 'Buurman Wim'):
        user.find(marker='schema-add').click()
        user.find(marker='field-name').type(name)
        user.find(marker='dialog-save').click()
        for _ in range(50):
            if any(p.props['name'] == name for p in of_type(board_id, 'network_person')):
                break
            await settle()
    cards = card_boxes(hub_of(board_id).elements.values())
    assert overlaps(cards) == []
    plan_right = max(z.props['x'] + z.props['w'] for z in of_type(board_id, 'zone'))
    added = [p for p in of_type(board_id, 'network_person') if p.props['name'] in ('Opa Henk', 'Buurman Wim')]
    assert len(added) == 2 and all(p.props['x'] > plan_right for p in added)
