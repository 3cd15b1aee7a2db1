"""Sharing per card and concepts in the editors, with NiceGUI's `user` fixture: a parent changes who sees a card
with one tap and another person's page follows at once; a concept appears for the school after a parent approves.
Pages are opened as a specific person with `?token=` links."""
from __future__ import annotations

from nicegui.testing import User

from app.canvas import BoardCanvas
from board.identity import Actor, Role
from tests.ui.helpers import DERYA, canvas_of, demo_board_id, hub_of, open_plan, push_as, settle, token_for

SCHOOL = Actor(id='np-visser', name='Mevrouw Visser', role=Role.PROFESSIONAL, organisation='school')
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR, organisation='wijkteam')


async def open_board_as(user: User, board_id: str, actor: Actor) -> None:
    await user.open(f'/board/{board_id}?token={token_for(board_id, actor)}')


async def test_a_parent_hides_a_card_from_the_school_with_one_tap(user: User, create_user) -> None:
    board_id = demo_board_id()
    school = create_user()
    await open_board_as(school, board_id, SCHOOL)
    with school:
        assert 'goal-2' in canvas_of(school).elements
    await open_board_as(user, board_id, DERYA)
    user.find(BoardCanvas).trigger('open', {'id': 'goal-2'})
    await user.should_see('Wie mag dit zien?')
    await user.should_see('Zichtbaar voor: iedereen aan tafel')
    user.find(marker='sharing-family').click()
    await user.should_see('Zichtbaar voor: alleen het gezin')
    await settle()
    assert hub_of(board_id).elements['goal-2'].visibility.scope == 'family'
    with school:
        assert 'goal-2' not in canvas_of(school).elements
    assert canvas_of(user).elements['goal-2']['visibility']['scope'] == 'family'


async def test_a_parent_keeps_something_from_the_other_parent(user: User, create_user) -> None:
    board_id = demo_board_id()
    bas = create_user()
    await open_board_as(bas, board_id, BAS)
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))
    user.find(marker='edit-goal-goal-2').click()
    user.find(marker='sharing-named').click()
    await user.should_see(marker='sharing-name-fm-derya')  # she starts chosen, so she keeps seeing it
    user.find(marker='sharing-name-np-jolien').click()
    user.find(marker='sharing-pick-done').click()
    await settle()
    visibility = hub_of(board_id).elements['goal-2'].visibility
    assert (visibility.scope, set(visibility.names)) == ('named', {'fm-derya', 'np-jolien'})
    with bas:
        assert 'goal-2' not in canvas_of(bas).elements
    await user.should_see('Zichtbaar voor: Derya Yılmaz, Jolien Bakker')


async def test_choosing_what_hides_the_card_from_oneself_asks_first(user: User) -> None:
    board_id = demo_board_id()
    await open_board_as(user, board_id, JOLIEN)
    user.find(BoardCanvas).trigger('open', {'id': 'goal-2'})
    user.find(marker='sharing-family').click()
    await user.should_see('Dan kun je deze kaart zelf ook niet meer zien. Weet je het zeker?')
    await settle()
    assert hub_of(board_id).elements['goal-2'].visibility.scope == 'everyone'
    user.find(marker='sharing-hide-anyway').click()
    await settle()
    assert hub_of(board_id).elements['goal-2'].visibility.scope == 'family'
    assert 'goal-2' not in canvas_of(user).elements


async def test_only_parents_and_the_coordinator_get_the_chips(user: User) -> None:
    board_id = demo_board_id()
    await open_board_as(user, board_id, SCHOOL)
    user.find(BoardCanvas).trigger('open', {'id': 'goal-1'})
    await user.should_see('Zichtbaar voor: iedereen aan tafel')
    await user.should_not_see(marker='sharing-family')


async def test_a_concept_reaches_the_school_when_a_parent_approves_it(user: User, create_user) -> None:
    board_id = demo_board_id()
    answer = await push_as(board_id, KARIM, [{'op': 'create', 'id': 'goal-concept', 'type': 'goal',
                                              'props': {'text': 'Elif komt elke dag op tijd.', 'concept': True}}])
    assert answer['type'] == 'ack', answer
    school = create_user()
    await open_board_as(school, board_id, SCHOOL)
    with school:
        assert 'goal-concept' not in canvas_of(school).elements
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))
    await user.should_see('Concept van Meester Karim: alleen het gezin ziet dit, tot een ouder het goedkeurt.')
    user.find(marker='approve-goal-concept').click()
    await settle()
    assert hub_of(board_id).elements['goal-concept'].props['approved_by']['id'] == DERYA.id
    with school:
        assert 'goal-concept' in canvas_of(school).elements
    await user.should_see('Goedgekeurd door Derya Yılmaz')


async def test_a_professional_writes_minutes_as_a_concept_in_the_card_editor(user: User) -> None:
    board_id = demo_board_id()
    await open_board_as(user, board_id, KARIM)
    user.find(marker='add-note').click()
    await user.should_see('Concept: eerst aan het gezin laten zien')
    user.find('Tekst').type('Verslag: Elif start maandag weer.')
    user.find('Opslaan').click()
    await settle()
    note = next(e for e in hub_of(board_id).elements.values() if e.props.get('text') == 'Verslag: Elif start maandag weer.')
    assert note.props['concept'] is False  # a plain note is not a concept unless switched on
    assert note.visibility.scope == 'everyone'
