"""The school's pages count the goals from one when goal 1 is private to Derya and Jolien: the plan's goal list and
the canvas labels, and both follow when the family shows goal 1 again.

The demo family is looked up by name and by the board's own numbers, not by element ids.
"""
from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from app import state
from board.elements import Element
from board.hub import BoardHub
from board.identity import Actor, Role
from tests.ui.helpers import canvas_of, demo_board_id, open_plan, push_as, settle, token_for

GOALS = ['Elif gaat weer elke dag naar school.', 'We hebben overzicht over ons geld.',
         'Noor slaapt elke nacht in haar eigen bed.', 'Mees speelt weer voetbal.',
         'Elif maakt een rooster voor huiswerk.']
"""The demo's goals in the board's order: goal 1 is Elif's school."""


def counted(*texts: str) -> dict[str, int]:
    return {text: number for number, text in enumerate(texts, start=1)}


def person(hub: BoardHub, name: str) -> str:
    return next(e.id for e in hub.elements.values() if e.props.get('name') == name)


def goal(hub: BoardHub, number: int) -> Element:
    """A goal by the board's own number."""
    return next(e for e in hub.elements.values() if e.type == 'goal' and e.props['number'] == number)


def private(hub: BoardHub) -> dict:
    """Goal 1 for Derya and Jolien alone."""
    return {'scope': 'named', 'names': [person(hub, 'Derya Yılmaz'), person(hub, 'Jolien Bakker')]}


async def goal_one_shown_to(hub: BoardHub, visibility: dict) -> None:
    """Derya, who manages the board, chooses who sees goal 1."""
    derya = Actor(id=person(hub, 'Derya Yılmaz'), name='Derya Yılmaz', role=Role.PARENT)
    answer = await push_as(hub.board_id, derya, [{'op': 'update', 'id': goal(hub, 1).id, 'props': {},
                                                  'visibility': visibility}])
    assert answer['type'] == 'ack', answer


def school(hub: BoardHub) -> Actor:
    return Actor(id=person(hub, 'Meester Karim'), name='Meester Karim', role=Role.PROFESSIONAL,
                 organisation='Basisschool De Regenboog')


def listed(user: User, hub: BoardHub) -> dict[str, str]:
    """Goal text → the number its card in the plan's goal list shows."""
    texts = {f'goal-{e.id}': e.props['text'] for e in hub.elements.values() if e.type == 'goal'}
    with user:
        return {texts[marker]: next(label.text for label in card.descendants()
                                    if isinstance(label, ui.label) and 'pb-number' in label.classes)
                for card in user.find(kind=ui.card).elements for marker in card._markers if marker in texts}


def on_canvas(user: User) -> dict[str, int]:
    with user:
        return {e['props']['text']: e['props']['number'] for e in canvas_of(user).elements.values()
                if e['type'] == 'goal'}


async def test_the_schools_plan_counts_goals_from_one_and_follows_goal_one_coming_back(user: User) -> None:
    board_id = demo_board_id()
    hub = await state.get().hubs.get(board_id)
    await goal_one_shown_to(hub, private(hub))
    await open_plan(user, board_id, 'goals', token=token_for(board_id, school(hub)))
    await user.should_see(GOALS[1])
    assert listed(user, hub) == {text: str(n) for text, n in counted(*GOALS[1:]).items()}
    user.find(marker='tab-agreements').click()
    await user.should_see(f'1. {GOALS[1]}')  # the money agreement is "bij doel 1" for the school

    await goal_one_shown_to(hub, {'scope': 'everyone'})
    await settle()
    await user.should_see(f'2. {GOALS[1]}')
    user.find(marker='tab-goals').click()
    await user.should_see(GOALS[0])
    assert listed(user, hub) == {text: str(n) for text, n in counted(*GOALS).items()}


async def test_the_schools_canvas_labels_count_from_one_and_shift_by_patches(user: User) -> None:
    board_id = demo_board_id()
    hub = await state.get().hubs.get(board_id)
    await goal_one_shown_to(hub, private(hub))
    await user.open(f'/board/{board_id}?token={token_for(board_id, school(hub))}')
    await settle()
    assert on_canvas(user) == counted(*GOALS[1:])
    await goal_one_shown_to(hub, {'scope': 'everyone'})
    await settle()
    assert on_canvas(user) == counted(*GOALS)
    await goal_one_shown_to(hub, private(hub))
    await settle()
    assert on_canvas(user) == counted(*GOALS[1:])
