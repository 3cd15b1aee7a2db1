"""Sharing per card and concepts in the editors, with NiceGUI's `user` fixture: a parent changes who sees a card
with one tap and another person's page follows at once, every choice names the people it includes, an unfinished
'Alleen…' cannot be saved, a youth keeps a card for the coordinator alone; a concept appears for the school after a
parent approves. Pages are opened as a specific person with `?token=` links."""
from __future__ import annotations

from nicegui.testing import User

from app.canvas import BoardCanvas
from app.pages.sharing import seen_key
from board.access import can_see
from board.elements import Visibility
from board.identity import Actor, Role
from tests.ui.helpers import (
    BAS,
    DERYA,
    ELIF,
    JOLIEN,
    KARIM,
    canvas_of,
    demo_board_id,
    hub_of,
    open_plan,
    push_as,
    settle,
    token_for,
)

SCHOOL = Actor(id='np-visser', name='Mevrouw Visser', role=Role.PROFESSIONAL, organisation='school')
ONLY_JOLIEN = 'Zichtbaar voor: Derya en Jolien (coördinator). Bas, Elif, Mees en Noor zien dit niet.'
HOUSEHOLD = 'Zichtbaar voor: Derya, Elif, Mees en Noor. Bas ziet dit niet.'
WITH_JOLIEN = 'Zichtbaar voor: Derya, Elif, Mees, Noor en Jolien (coördinator). Bas ziet dit niet.'
EVERYONE = ('Zichtbaar voor iedereen aan tafel: Bas, Derya, Elif, Mees, Noor, Jolien (coördinator), Dr. Peeters, '
            'Meester Karim, Mevrouw Visser, Sanne Mulder, Tom Hendriks, Anneanne Ayşe, Ilse, Samira, Tante Femke en '
            'Trainer Ruud.')


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
    await user.should_see(EVERYONE)
    user.find(marker='sharing-family').click()
    await user.should_see(HOUSEHOLD)
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
    await user.should_see('Zichtbaar voor: Derya. Bas, Elif, Mees en Noor zien dit niet.')
    user.find(marker='sharing-name-coordinator').click()
    await user.should_see(ONLY_JOLIEN)
    user.find(marker='sharing-pick-done').click()
    await settle()
    visibility = hub_of(board_id).elements['goal-2'].visibility
    assert (visibility.scope, set(visibility.names)) == ('named', {'fm-derya', 'coordinator'})
    with bas:
        assert 'goal-2' not in canvas_of(bas).elements
    icon = user.find(marker='seen-by-goal-2').elements.pop()  # the list item says it too, at once
    assert icon.props['aria-label'] == ONLY_JOLIEN


async def test_each_choice_names_whom_it_includes(user: User) -> None:
    """Under the chips, the people each choice includes on this board: "ons gezin" is the household, without Bas
    who lives apart; organisations by a name one reads, with their people."""
    board_id = demo_board_id()
    await open_board_as(user, board_id, DERYA)
    user.find(BoardCanvas).trigger('open', {'id': 'goal-3'})
    await user.should_see(EVERYONE)
    user.find(marker='sharing-family_coordinator').click()
    await user.should_see(WITH_JOLIEN)
    user.find(marker='sharing-everyone').click()
    user.find(marker='sharing-named').click()
    for readable in ('Iedereen van school', 'Iedereen van de ggz', 'Iedereen van de huisartsenpraktijk',
                     'Jolien (coördinator)', 'Meester Karim', 'Anneanne Ayşe', 'Bas', 'Elif'):
        await user.should_see(readable)
    await user.should_not_see('org:school')
    user.find(marker='sharing-name-org:school').click()
    await user.should_see('Zichtbaar voor: Derya en iedereen van school (Meester Karim en Mevrouw Visser). '
                          'Bas, Elif, Mees en Noor zien dit niet.')


async def test_an_unfinished_only_cannot_be_saved_and_never_becomes_everyone(user: User) -> None:
    board_id = demo_board_id()
    await open_board_as(user, board_id, DERYA)
    user.find(marker='add-goal').click()
    user.find('Wat willen jullie bereiken? (in jullie eigen woorden)').type('Ik zoek een nieuw huis.')
    user.find(marker='sharing-named').click()
    user.find(marker='sharing-name-coordinator').click()
    await user.should_see('Kies eerst wie dit mag zien en tik dan op Klaar.')
    save = user.find(marker='editor-save').elements.pop()
    assert not save.enabled
    user.find('Opslaan').click()
    await settle()
    assert not [e for e in hub_of(board_id).elements.values() if e.props.get('text') == 'Ik zoek een nieuw huis.']
    user.find(marker='sharing-pick-done').click()
    await user.should_not_see('Kies eerst wie dit mag zien en tik dan op Klaar.')
    assert save.enabled
    user.find('Opslaan').click()
    await settle()
    goal = next(e for e in hub_of(board_id).elements.values() if e.props.get('text') == 'Ik zoek een nieuw huis.')
    assert (goal.visibility.scope, set(goal.visibility.names)) == ('named', {'fm-derya', 'coordinator'})


async def test_ones_own_chip_cannot_empty_the_choice(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))
    user.find(marker='add-goal').click()
    user.find(marker='field-text').type('Alleen voor mij.')
    user.find(marker='sharing-named').click()
    user.find(marker='sharing-name-fm-derya').click()
    await user.should_see('Jij blijft erbij: anders kun je deze kaart zelf niet meer zien.')
    await user.should_see('Zichtbaar voor: Derya. Bas, Elif, Mees en Noor zien dit niet.')
    assert not user.find(marker='dialog-save').elements.pop().enabled
    user.find(marker='sharing-pick-done').click()
    await user.should_not_see('Kies eerst wie dit mag zien en tik dan op Klaar.')
    user.find(marker='dialog-save').click()
    await settle()
    goal = next(e for e in hub_of(board_id).elements.values() if e.props.get('text') == 'Alleen voor mij.')
    assert goal.visibility == Visibility(scope='named', names=('fm-derya',))


async def test_a_youth_keeps_a_card_for_the_coordinator_alone(user: User, create_user) -> None:
    board_id = demo_board_id()
    derya = create_user()
    await open_board_as(derya, board_id, DERYA)
    await open_board_as(user, board_id, ELIF)
    user.find(marker='add-note').click()
    user.find('Tekst').type('Ik wil praten over thuis.')
    user.find(marker='sharing-coordinator_only').click()
    await user.should_see('Alleen jij en Jolien (coördinator) zien dit. Je ouders niet.')
    user.find('Opslaan').click()
    await settle()
    note = next(e for e in hub_of(board_id).elements.values() if e.props.get('text') == 'Ik wil praten over thuis.')
    assert note.visibility == Visibility(scope='named', names=('fm-elif', 'coordinator'))
    rights = hub_of(board_id).rights
    assert not can_see(DERYA, note, rights) and not can_see(BAS, note, rights)
    assert can_see(JOLIEN, note, rights) and can_see(ELIF, note, rights)
    with derya:
        assert note.id not in canvas_of(derya).elements
    with user:
        assert canvas_of(user).seen[seen_key(note.visibility)] == \
            'Alleen jij en Jolien (coördinator) zien dit. Je ouders niet.'


async def test_the_sharing_words_follow_live_on_other_pages(user: User, create_user) -> None:
    """Jolien shares goal 2 with the household only: Derya's open canvas and plan list say so without a reload."""
    board_id = demo_board_id()
    board = create_user()
    await open_board_as(board, board_id, DERYA)
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))
    icon = user.find(marker='seen-by-goal-2').elements.pop()
    assert (icon.props['name'], icon.props['aria-label']) == ('groups', EVERYONE)
    answer = await push_as(board_id, JOLIEN, [{'op': 'update', 'id': 'goal-2', 'visibility': {'scope': 'family'}}])
    assert answer['type'] == 'ack', answer
    await settle()
    icon = user.find(marker='seen-by-goal-2').elements.pop()
    assert (icon.props['name'], icon.props['aria-label']) == ('home', HOUSEHOLD)
    with board:
        canvas = canvas_of(board)
        assert canvas.elements['goal-2']['visibility']['scope'] == 'family'
        assert canvas.seen[seen_key(Visibility(scope='family'))] == HOUSEHOLD
    # Bas comes to live with the family again: every card's words follow
    answer = await push_as(board_id, DERYA, [{'op': 'update', 'id': 'fm-bas', 'props': {'household': True}}])
    assert answer['type'] == 'ack', answer
    await settle()
    household = 'Zichtbaar voor: Bas, Derya, Elif, Mees en Noor.'
    assert user.find(marker='seen-by-goal-2').elements.pop().props['aria-label'] == household
    with board:
        assert canvas_of(board).seen[seen_key(Visibility(scope='family'))] == household


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
    await user.should_see('Zichtbaar voor iedereen aan tafel: ')
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


async def test_what_a_professional_writes_is_a_concept_while_the_board_says_so(user: User) -> None:
    board_id = demo_board_id()
    await open_board_as(user, board_id, KARIM)
    user.find(marker='add-note').click()
    await user.should_see('Wat je schrijft is eerst een concept: het gezin leest het en keurt het goed.')
    await user.should_not_see(marker='field-concept')
    user.find('Tekst').type('Verslag: Elif start maandag weer.')
    user.find('Opslaan').click()
    await settle()
    note = next(e for e in hub_of(board_id).elements.values()
                if e.props.get('text') == 'Verslag: Elif start maandag weer.')
    assert note.props['concept'] is True


async def test_with_concepts_first_off_a_plain_note_is_not_a_concept_unless_switched_on(user: User) -> None:
    board_id = demo_board_id()
    assert (await push_as(board_id, DERYA, [{'op': 'update', 'id': 'family-info',
                                             'props': {'concepts_first': False}}]))['type'] == 'ack'
    await open_board_as(user, board_id, KARIM)
    user.find(marker='add-note').click()
    await user.should_see('Concept: eerst aan het gezin laten zien')
    user.find('Tekst').type('Elif start maandag weer.')
    user.find('Opslaan').click()
    await settle()
    note = next(e for e in hub_of(board_id).elements.values() if e.props.get('text') == 'Elif start maandag weer.')
    assert note.props['concept'] is False
    assert note.visibility.scope == 'everyone'
