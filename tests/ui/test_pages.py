"""The home and board pages, driven in-process with NiceGUI's `user` fixture (no JavaScript runs).

The canvas is tested through its contract: its props carry the board this client may see, and its
events (`push`, `open`, `ready`) are triggered as the browser would.
"""
from __future__ import annotations

import pytest
from nicegui import ui
from nicegui.testing import User

from app import state
from app.canvas import BoardCanvas
from app.i18n import LANGUAGE_NAMES
from board.demo import demo_batches
from board.identity import SYSTEM as COORDINATOR
from board.identity import Actor, Role
from tests.ui.helpers import DEMO, canvas_of, demo_board_id, log_in, settle, token_for


async def test_home_lists_the_coordinators_families_in_dutch(user: User) -> None:
    await log_in(user)
    await user.open('/')
    await user.should_see('Mijn gezinnen')
    await user.should_see(DEMO)
    await user.should_see('Nieuw bord voor een gezin')


async def test_a_coach_creates_a_board_for_a_family(user: User) -> None:
    await log_in(user)
    await user.open('/')
    user.find('Naam van het gezin').type('Familie Jansen')
    user.find('Bord maken').click()
    await user.should_see('Bord gemaakt')
    assert any(b.name == 'Familie Jansen' for b in state.get().store.list_boards())


async def test_a_board_without_a_family_name_is_refused_with_a_message(user: User) -> None:
    await log_in(user)
    await user.open('/')
    before = len(state.get().store.list_boards())
    user.find('Bord maken').click()
    await user.should_see('Vul de naam van het gezin in.')
    assert len(state.get().store.list_boards()) == before


async def test_the_board_page_shows_the_board_and_who_is_here(user: User) -> None:
    await log_in(user)
    await user.open(f'/board/{demo_board_id()}')
    await user.should_see(DEMO)
    canvas = canvas_of(user)
    texts = {e['props'].get('text') for e in canvas.elements.values()}
    assert 'Elif gaat weer elke dag naar school.' in texts
    assert canvas.seq == len(demo_batches())
    assert len(user.find(marker='add-goal').elements) == 1
    assert [p['name'] for p in state.get().hubs.loaded(demo_board_id()).peers(COORDINATOR)] == ['Jolien Bakker']
    await user.should_see('JB')


async def test_adding_a_goal_through_the_editor_stores_it_and_shows_it(user: User) -> None:
    board_id = demo_board_id()
    await log_in(user)
    await user.open(f'/board/{board_id}')
    user.find(marker='add-goal').click()
    await user.should_see('Nieuw doel')
    user.find(ui.textarea).type('We eten op zondag samen.')
    user.find('Opslaan').click()
    await user.should_see('Opgeslagen')
    hub = state.get().hubs.loaded(board_id)
    goals = [e for e in hub.elements.values() if e.type == 'goal' and e.props['text'] == 'We eten op zondag samen.']
    assert len(goals) == 1
    assert any(e['props'].get('text') == 'We eten op zondag samen.' for e in canvas_of(user).elements.values())
    assert state.get().store.load(board_id).elements[goals[0].id].props['text'] == 'We eten op zondag samen.'


async def test_an_oversized_goal_gets_a_dutch_message_and_nothing_is_stored(user: User) -> None:
    board_id = demo_board_id()
    await log_in(user)
    await user.open(f'/board/{board_id}')
    seq = state.get().hubs.loaded(board_id).seq
    user.find(marker='add-goal').click()
    user.find(ui.textarea).type('x' * 2500)
    user.find('Opslaan').click()
    await user.should_see('Maak het doel in jullie eigen woorden korter: hoogstens 2000 tekens.')  # as in the plan
    await user.should_see('Nieuw doel')  # the dialog stays open, the text is not lost
    assert state.get().hubs.loaded(board_id).seq == seq


async def test_tapping_a_card_opens_it_and_a_delete_removes_it(user: User) -> None:
    board_id = demo_board_id()
    await log_in(user)
    await user.open(f'/board/{board_id}')
    user.find(BoardCanvas).trigger('open', {'id': 'note-z3'})
    await user.should_see('Kaart bewerken')
    user.find('Verwijderen').click()
    await user.should_see('Kaart verwijderd')
    assert state.get().hubs.loaded(board_id).elements['note-z3'].deleted
    assert 'note-z3' not in canvas_of(user).elements


async def test_a_drag_from_the_canvas_moves_the_card_for_everyone(user: User, create_user) -> None:
    board_id = demo_board_id()
    other = create_user()
    await log_in(user)
    await log_in(other)
    await other.open(f'/board/{board_id}')
    await log_in(user)
    await user.open(f'/board/{board_id}')
    user.find(BoardCanvas).trigger('push', {'cid': 'drag-1', 'ops': [
        {'op': 'update', 'id': 'goal-1', 'props': {'x': 512.5, 'y': 77}}]})
    await settle()
    assert state.get().hubs.loaded(board_id).elements['goal-1'].props['x'] == 512.5
    with other:
        assert canvas_of(other).elements['goal-1']['props']['x'] == 512.5


async def test_the_page_switches_to_english_and_back(user: User) -> None:
    await log_in(user)
    await user.open('/')
    user.find(marker='language-en').click()
    await user.open('/')
    await user.should_see('My families')
    await log_in(user)
    await user.open(f'/board/{demo_board_id()}')
    await user.should_see('Goal')
    user.find(marker='language-nl').click()
    await user.open('/')
    await user.should_see('Mijn gezinnen')


async def test_the_language_is_a_choice_of_five_each_named_in_its_own_words(user: User) -> None:
    await log_in(user)
    await user.open('/')
    for code, name in LANGUAGE_NAMES.items():
        await user.should_see(name, marker=f'language-{code}')
    user.find(marker='language-ar').click()
    await user.open('/')
    await user.should_see('أُسَري')  # 'My families', remembered on this device
    await user.should_see('العربية', marker='language')
    user.find(marker='language-tr').click()
    await user.open('/')
    await user.should_see('Ailelerim')


async def test_an_unknown_board_says_so(user: User) -> None:
    await user.open(f'/board/nope?token={token_for("nope", Actor(id="x", name="X", role=Role.PARENT))}')
    await user.should_see('Dit bord bestaat niet (meer).')


async def test_a_school_token_never_gets_the_private_note_in_its_page(user: User) -> None:
    board_id = demo_board_id()
    school = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
    await user.open(f'/board/{board_id}?token={token_for(board_id, school)}')
    assert 'note-bas-schulden' not in canvas_of(user).elements
    assert 'goal-1' in canvas_of(user).elements


async def test_bas_sees_his_own_private_note(user: User) -> None:
    board_id = demo_board_id()
    bas = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
    await user.open(f'/board/{board_id}?token={token_for(board_id, bas)}')
    assert 'note-bas-schulden' in canvas_of(user).elements


async def test_the_shared_screen_is_read_only(user: User) -> None:
    board_id = demo_board_id()
    screen = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)
    await user.open(f'/board/{board_id}?token={token_for(board_id, screen)}')
    await user.should_see('Alleen kijken')
    await user.should_not_see(marker='add-goal')
    user.find(BoardCanvas).trigger('push', {'cid': 'x', 'ops': [{'op': 'update', 'id': 'goal-1', 'props': {'x': 1}}]})
    await user.should_see('Op dit scherm kun je alleen kijken.')
    assert state.get().hubs.loaded(board_id).elements['goal-1'].props['x'] != 1


async def test_a_tampered_token_gets_a_clear_message(user: User) -> None:
    board_id = demo_board_id()
    bad = token_for(board_id, Actor(id='x', name='X', role=Role.PARENT))[:-3] + 'AAA'
    await user.open(f'/board/{board_id}?token={bad}')
    await user.should_see('Deze link klopt niet of is verlopen.')


def pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader
    return ' '.join(' '.join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


@pytest.mark.parametrize(('actor', 'sees_private_note'), [
    (Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school'), False),
    (Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT), True),
])
async def test_the_pdf_button_downloads_the_plan_as_this_person_may_see_it(user: User, actor: Actor,
                                                                           sees_private_note: bool) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/plan?token={token_for(board_id, actor)}')
    user.find(marker='download-pdf').click()
    response = await user.download.next(timeout=30)
    text = pdf_text(response.content)
    assert response.content.startswith(b'%PDF')
    assert 'Elif gaat weer elke dag naar school.' in text and 'Afspraken' in text
    assert ('alleen Bas en Jolien zien dit' in text) is sees_private_note


async def test_deleting_a_person_card_also_removes_their_ties(user: User) -> None:
    board_id = demo_board_id()
    await log_in(user)
    await user.open(f'/board/{board_id}')
    user.find(BoardCanvas).trigger('open', {'id': 'np-ilse'})
    user.find('Verwijderen').click()
    await user.should_see('Kaart verwijderd')
    hub = state.get().hubs.loaded(board_id)
    ties = [e for e in hub.elements.values() if e.type == 'tie' and 'np-ilse' in (e.props['a'], e.props['b'])]
    assert ties and all(e.deleted for e in ties)
    assert 'np-ilse' not in canvas_of(user).elements
    assert not any(t.id in canvas_of(user).elements for t in ties)
