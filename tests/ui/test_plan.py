"""The plan view (/board/{id}/plan), driven in-process with NiceGUI's `user` fixture.

Every edit in the view goes through the hub, so the tests look at the hub's document (and at another
user's canvas) to see that a change really landed, and at the seq to see that a refusal stored nothing.
"""
from __future__ import annotations

import base64
import datetime as dt
import io

from nicegui import ui
from nicegui.testing import User
from PIL import Image

from app import state
from board.identity import SYSTEM as COORDINATOR
from board.identity import Actor, Role
from tests.ui.helpers import (
    DERYA,
    JOLIEN,
    canvas_of,
    choose,
    demo_board_id,
    hub_of,
    log_in,
    of_type,
    open_plan,
    push_as,
    settle,
    token_for,
)

TODAY = dt.date.today()


def next_number(board_id: str, type_: str) -> int:
    return 1 + max(e.props['number'] for e in hub_of(board_id).elements.values() if e.type == type_)


def goal_option(board_id: str, goal_id: str) -> str:
    """How the goal select names a goal: its number and text."""
    goal = hub_of(board_id).elements[goal_id]
    return f"{goal.props['number']}. {goal.props['text']}"


async def test_a_fresh_family_board_says_what_to_do_next(user: User) -> None:
    await log_in(user)
    await user.open('/')
    user.find('Naam van het gezin').type('Familie Jansen')
    user.find('Bord maken').click()
    await user.should_see('Bord gemaakt')
    board_id = next(b.id for b in state.get().store.list_boards() if b.name == 'Familie Jansen')
    await open_plan(user, board_id)
    await user.should_see('Nog geen gezinsleden. Wie horen er bij het gezin?')
    await user.should_see('Nog geen doelen. Wat wil jullie gezin bereiken?')
    await user.should_see('Nog geen eigen afspraken, alleen de vaste hieronder. Wie doet wat, en wanneer?')
    await user.should_see('Nog geen betrokkenen. Wie helpt jullie?')
    await user.should_see('Nog geen evaluatie.')
    await user.should_see('Vaste afspraak')  # the two standard agreements are always there
    await user.should_see(marker='open-board')


async def test_board_and_plan_link_to_each_other_for_someone_who_came_by_a_link(user: User) -> None:
    board_id = demo_board_id()
    token = token_for(board_id, Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT))
    await user.open(f'/board/{board_id}?token={token}')
    user.find(marker='open-plan').click()
    await user.should_see('Betrokkenen')
    await user.should_see(marker='open-board')
    user.find(marker='open-board').click()
    await user.should_see(marker='open-plan')
    assert hub_of(board_id).peers(COORDINATOR)[-1]['name'] == 'Derya Yılmaz'


async def test_adding_a_family_member(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id)
    user.find(marker='add-member').click()
    user.find(marker='field-name').type('Opa Henk')
    user.find(marker='field-role-other').click()
    user.find(marker='field-birth_date').type('03-04-1950')
    user.find(marker='swatch-2e86ab').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    member = next(e for e in of_type(board_id, 'family_member') if e.props['name'] == 'Opa Henk')
    assert member.props['role'] == 'other'
    assert member.props['birth_date'] == '1950-04-03'
    assert member.props['color'] == '#2e86ab'
    await user.should_see('geboren 03-04-1950')


def picture(format_: str = 'JPEG') -> bytes:
    """A colourful test picture, as a phone would send it."""
    image = Image.new('RGB', (640, 480), (240, 140, 40))
    image.paste((40, 120, 220), (200, 120, 440, 360))
    out = io.BytesIO()
    image.save(out, format_)
    return out.getvalue()


async def upload(user: User, name: str, content_type: str, data: bytes) -> None:
    """What the browser does after 'Foto kiezen': post the file to the dialog's (hidden) ui.upload."""
    with user:
        element = user.find(marker='photo-upload').elements.pop()
    await element.handle_uploads([ui.upload.SmallFileUpload(name, content_type, data)])


async def test_a_family_member_gets_a_photo_and_loses_it_again(user: User, create_user) -> None:
    board_id = demo_board_id()
    other = create_user()
    await log_in(other)
    await other.open(f'/board/{board_id}')
    await open_plan(user, board_id)
    user.find(marker='edit-member-fm-elif').click()
    await user.should_see(marker='photo-choose')
    await upload(user, 'elif.jpg', 'image/jpeg', picture())
    await user.should_see('Foto opgeslagen')
    photo = hub_of(board_id).elements['fm-elif'].props['photo']
    assert photo.startswith('data:image/jpeg;base64,')
    assert Image.open(io.BytesIO(base64.b64decode(photo.split(',', 1)[1]))).size == (256, 256)
    await user.should_see(marker='member-photo-fm-elif')  # the list shows it at once, instead of the initials
    await settle()
    with other:
        assert canvas_of(other).elements['fm-elif']['props']['photo'] == photo
    user.find(marker='photo-remove').click()
    await user.should_see('Foto weggehaald')
    assert hub_of(board_id).elements['fm-elif'].props['photo'] is None
    await user.should_not_see(marker='member-photo-fm-elif')


async def test_a_file_that_is_not_a_photo_gets_a_dutch_message_and_nothing_is_stored(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id)
    seq = hub_of(board_id).seq
    user.find(marker='edit-member-fm-elif').click()
    await user.should_see(marker='photo-choose')
    await upload(user, 'huiswerk.jpg', 'image/jpeg', b'Dit is een tekstbestand met een .jpg naam.\n' * 50)
    await user.should_see('Dit is geen foto die we kunnen lezen (JPG, PNG of WebP).')
    await upload(user, 'groot.jpg', 'image/jpeg', b'\xff' * (11 * 1024 * 1024))
    await user.should_see('Deze foto is te groot (hoogstens 10 MB).')
    assert hub_of(board_id).seq == seq
    assert hub_of(board_id).elements['fm-elif'].props['photo'] is None


async def test_a_new_family_member_gets_the_photo_with_opslaan(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id)
    user.find(marker='add-member').click()
    user.find(marker='field-name').type('Oma Ayten')
    await user.should_not_see(marker='photo-remove')
    await upload(user, 'oma.png', 'image/png', picture('PNG'))
    await user.should_see(marker='photo-remove')  # the preview is there, nothing is stored yet
    assert not [e for e in of_type(board_id, 'family_member') if e.props['name'] == 'Oma Ayten']
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    member = next(e for e in of_type(board_id, 'family_member') if e.props['name'] == 'Oma Ayten')
    assert member.props['photo'].startswith('data:image/jpeg;base64,')


async def test_adding_a_betrokkene_and_choosing_the_zorgcoordinator(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'people')
    user.find(marker='add-person').click()
    user.find(marker='field-name').type('Wijkagent Sara')
    user.find(marker='field-ring-3').click()
    user.find(marker='field-organisation').type('Politie Amersfoort')
    user.find(marker='field-days-ma').click()
    user.find(marker='field-days-do').click()
    user.find(marker='field-hours').type('9:00–17:00')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    person = next(e for e in of_type(board_id, 'network_person') if e.props['name'] == 'Wijkagent Sara')
    assert (person.props['ring'], person.props['days'], person.props['organisation']) == (
        3, ['ma', 'do'], 'Politie Amersfoort')
    await user.should_see('ma do · 9:00–17:00')

    had_phone = 'telefoon' in hub_of(board_id).elements['family-info'].props['afstemming']
    user.find(marker='edit-together').click()
    choose(user, 'field-coordinator_id', person.id)
    user.find(marker='field-afstemming-telefoon').click()  # a tap toggles the chip
    user.find(marker='dialog-save').click()
    await settle()
    info = hub_of(board_id).elements['family-info'].props
    assert info['coordinator_id'] == person.id
    assert ('telefoon' in info['afstemming']) is not had_phone
    await user.should_see('Zorgcoördinator')


async def test_the_shared_screen_sees_the_plan_but_cannot_edit(user: User) -> None:
    board_id = demo_board_id()
    screen = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)
    await open_plan(user, board_id, 'goals', token=token_for(board_id, screen))
    await user.should_see('Elif gaat weer elke dag naar school.')
    await user.should_not_see(marker='add-goal')
    await user.should_not_see(marker='reach-goal-1')


async def test_adding_a_goal_numbers_it_and_remembers_who_wrote_it(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals')
    number = next_number(board_id, 'goal')
    user.find(marker='add-goal').click()
    user.find(marker='field-text').type('We gaan samen naar de bibliotheek.')
    user.find(marker='field-owners-fm-mees').click()
    user.find(marker='field-start').type('01-12-2026')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    goal = next(e for e in of_type(board_id, 'goal') if e.props['text'] == 'We gaan samen naar de bibliotheek.')
    assert goal.props['number'] == number
    assert goal.props['owners'] == ['fm-mees']
    assert goal.props['start'] == '2026-12-01'
    assert goal.props['written_by'] == 'np-jolien'  # Jolien's account is tied to her card on the board
    await user.should_see('We gaan samen naar de bibliotheek.')
    await user.should_see(f"Geschreven door {goal.props['written_by_name']}")


async def test_adding_an_agreement_linked_to_a_goal(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'agreements')
    number = next_number(board_id, 'agreement')
    user.find(marker='add-agreement').click()
    user.find(marker='field-text').type('Samen de bibliotheekpas halen.')
    user.find(marker='field-who').type('Derya')
    choose(user, 'field-goal_id', 'goal-4')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    agreement = next(e for e in of_type(board_id, 'agreement') if e.props['text'] == 'Samen de bibliotheekpas halen.')
    assert agreement.props['goal_id'] == 'goal-4'
    assert agreement.props['number'] == number
    await user.should_see('Samen de bibliotheekpas halen.')


async def test_bereikt_sets_today(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))  # the family says when it is reached
    user.find(marker='reach-goal-1').click()
    await settle()
    assert hub_of(board_id).elements['goal-1'].props['reached'] == TODAY.isoformat()
    await user.should_not_see(marker='reach-goal-1')


async def test_a_parent_who_manages_the_board_accepts_a_proposal_and_the_coordinator_is_not_offered_it(
        user: User, create_user) -> None:
    board_id = demo_board_id()
    school = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
    answer = await push_as(board_id, school, [{'op': 'create', 'id': 'goal-prop', 'type': 'goal',
                                               'props': {'text': 'Mees leest elke dag tien minuten.'}}])
    assert answer['type'] == 'ack'
    assert hub_of(board_id).elements['goal-prop'].props['status'] == 'proposal'
    await push_as(board_id, DERYA, [{'op': 'update', 'id': 'goal-prop', 'props': {'concept': False}}])  # approved

    coach = create_user()
    await open_plan(coach, board_id, 'goals')  # Jolien, the gezinscoach, logged in
    await coach.should_see('Voorstel van Meester Karim')
    await coach.should_not_see(marker='accept-goal-prop')
    answer = await push_as(board_id, JOLIEN, [{'op': 'update', 'id': 'goal-prop', 'props': {'status': 'active'}}])
    assert answer['error']['code'] == 'family_accepts'  # the server says so too

    await open_plan(user, board_id, 'goals', token=token_for(board_id, DERYA))  # a parent, by her link
    user.find(marker='accept-goal-prop').click()
    await settle()
    assert hub_of(board_id).elements['goal-prop'].props['status'] == 'active'
    await user.should_not_see('Voorstel van Meester Karim')


async def test_an_end_date_before_the_start_is_refused_in_dutch_and_nothing_is_saved(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals')
    seq = hub_of(board_id).seq
    user.find(marker='add-goal').click()
    user.find(marker='field-text').type('Elke week een goed gesprek.')
    user.find(marker='field-start').type('10-12-2026')
    user.find(marker='field-planned_end').type('01-12-2026')
    user.find(marker='dialog-save').click()
    await user.should_see('Kies voor de geplande einddatum een dag op of na de startdatum.')
    assert hub_of(board_id).seq == seq
    await user.should_see('Nieuw doel')  # the dialog stays open with what was typed
    assert user.find(marker='field-text').elements.pop().value == 'Elke week een goed gesprek.'


async def test_an_agreement_on_a_goal_deleted_meanwhile_gets_a_dutch_message(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'agreements')
    user.find(marker='add-agreement').click()
    user.find(marker='field-text').type('Voetbalschoenen kopen.')
    choose(user, 'field-goal_id', 'goal-4')
    answer = await push_as(board_id, DERYA, [{'op': 'delete', 'id': 'goal-4'}])  # Derya deletes the card meanwhile
    assert answer['type'] == 'ack'
    seq = hub_of(board_id).seq
    user.find(marker='dialog-save').click()
    await user.should_see('Deze kaart verwijst naar iets dat niet (meer) bestaat.')
    assert hub_of(board_id).seq == seq
    assert not any(e.props['text'] == 'Voetbalschoenen kopen.' for e in of_type(board_id, 'agreement'))


async def test_a_goal_deleted_while_its_editor_is_open_is_not_made_again(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token=token_for(board_id, DERYA))
    user.find(marker='edit-goal-goal-3').click()
    user.find(marker='field-text').type(' Ook in het weekend.')
    await push_as(board_id, DERYA, [{'op': 'delete', 'id': 'goal-3'}])
    seq = hub_of(board_id).seq
    user.find(marker='dialog-save').click()
    await user.should_see('Deze kaart bestaat niet (meer).')
    assert hub_of(board_id).seq == seq


async def test_a_goal_of_50000_characters_is_too_long_and_nothing_is_saved(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals')
    seq = hub_of(board_id).seq
    user.find(marker='add-goal').click()
    user.find(marker='field-text').type('x' * 50_000)
    user.find(marker='dialog-save').click()
    await user.should_see('Maak het doel in jullie eigen woorden korter: hoogstens 2000 tekens.')
    assert hub_of(board_id).seq == seq


async def test_an_overdue_agreement_shows_te_laat_and_comes_first(user: User) -> None:
    board_id = demo_board_id()
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    answer = await push_as(board_id, Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR),
                           [{'op': 'update', 'id': 'agr-3', 'props': {'planned_end': yesterday}}])
    assert answer['type'] == 'ack'
    await open_plan(user, board_id, 'agreements')
    await user.should_see(marker='late-agr-3')
    await user.should_see('Te laat')
    await user.should_not_see(marker='late-agr-1')
    cards = sorted((e for e in user.find(kind=ui.card).elements
                    if any(m.startswith('agreement-') for m in e._markers)), key=lambda e: e.id)
    shown = [next(m for m in c._markers if m.startswith('agreement-')).removeprefix('agreement-') for c in cards]
    late = {e.id for e in of_type(board_id, 'agreement')
            if not e.props.get('done') and (e.props.get('planned_end') or '9999') < TODAY.isoformat()}
    assert 'agr-3' in late and set(shown[:len(late)]) == late  # the late ones come first
    user.find(marker='finish-agr-3').click()
    await settle()
    assert hub_of(board_id).elements['agr-3'].props['done'] == TODAY.isoformat()
    await user.should_not_see(marker='late-agr-3')


async def test_editing_a_goal_in_the_plan_shows_on_the_other_persons_canvas(user: User, create_user) -> None:
    board_id = demo_board_id()
    other = create_user()
    await log_in(other)
    await other.open(f'/board/{board_id}')
    await open_plan(user, board_id, 'goals', token=token_for(board_id, DERYA))  # the family's own words
    user.find(marker='edit-goal-goal-2').click()
    user.find(marker='field-text').clear()
    user.find(marker='field-text').type('We hebben samen overzicht over ons geld.')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    await settle()
    with other:
        assert canvas_of(other).elements['goal-2']['props']['text'] == 'We hebben samen overzicht over ons geld.'
    patch = hub_of(board_id).elements['goal-2']
    assert patch.props['domain'] == 'inkomen_schulden'  # only the text was sent: the rest stays


async def test_a_change_elsewhere_redraws_the_list(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals')
    answer = await push_as(board_id, DERYA, [{'op': 'update', 'id': 'goal-3',
                                              'props': {'text': 'Noor slaapt in haar eigen bed.'}}])
    assert answer['type'] == 'ack'

    await user.should_see('Noor slaapt in haar eigen bed.')


async def test_a_drag_on_the_canvas_does_not_redraw_the_lists(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals')
    card = user.find(marker='goal-goal-1').elements.pop()
    await push_as(board_id, DERYA, [{'op': 'update', 'id': 'goal-1', 'props': {'x': 321, 'y': 123}}])
    await settle()
    assert user.find(marker='goal-goal-1').elements.pop() is card
    await push_as(board_id, DERYA, [{'op': 'update', 'id': 'goal-1', 'props': {'progress': 9}}])
    await user.should_see('9/10')


async def test_removing_a_goal_keeps_it_under_verwijderde_doelen(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token=token_for(board_id, DERYA))  # the family's goal
    user.find(marker='remove-goal-goal-3').click()
    await user.should_see('Verwijderde doelen')
    goal = hub_of(board_id).elements['goal-3']
    assert goal.props['status'] == 'removed' and not goal.deleted


async def test_an_evaluation_with_scores_shows_the_change_since_the_start(user: User) -> None:
    board_id = demo_board_id()
    hub = await state.get().hubs.get(board_id)
    starts = sorted((e for e in hub.elements.values() if e.type == 'evaluation' and e.props['kind'] == 'start'),
                    key=lambda e: (e.props['date'], e.id))
    if not starts:
        await push_as(board_id, Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR),
                      [{'op': 'create', 'id': 'eval-start', 'type': 'evaluation', 'props': {
                          'date': '2026-09-01', 'kind': 'start', 'scores': [{'domain': 'wonen', 'coach': 2}]}}])
        starts = [hub.elements['eval-start']]
    domain, was = next((s['domain'], s['coach']) for s in starts[0].props['scores'] if s.get('coach'))
    now = 5 if was < 5 else 4
    await open_plan(user, board_id, 'evaluation')
    user.find(marker='add-evaluation').click()
    user.find(marker='field-summary').type('Het gaat beter thuis.')
    choose(user, f'set-score-{domain}-coach', now)
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    await user.should_see(f'{was} → {now} ({now - was:+d})')
    new = next(e for e in of_type(board_id, 'evaluation') if e.props['summary'] == 'Het gaat beter thuis.')
    assert new.props['kind'] == 'tussentijds'
    assert new.props['date'] == TODAY.isoformat()
    assert new.props['scores'] == [{'domain': domain, 'family': None, 'coach': now}]


async def test_the_plan_view_is_in_english_too(user: User) -> None:
    await user.open('/')
    user.find(marker='language-en').click()
    await open_plan(user, demo_board_id(), 'goals')
    await user.should_see('New goal')
    await user.should_see('Reached!')


async def test_removing_a_betrokkene_in_the_plan_takes_them_out_of_goals_and_ties(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'people')
    user.find(marker='edit-person-np-femke').click()
    user.find(marker='dialog-delete').click()
    await user.should_see('Kaart verwijderd')
    hub = hub_of(board_id)
    assert hub.elements['np-femke'].deleted
    assert 'np-femke' not in hub.elements['goal-1'].props['supporters']
    assert all(e.deleted for e in hub.elements.values()
               if e.type == 'tie' and 'np-femke' in (e.props['a'], e.props['b']))


async def test_a_grandmother_on_the_mothers_side_and_a_neighbour_who_also_babysits(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'people')
    user.find(marker='edit-person-np-ayse').click()
    user.find(marker='field-side-fm-derya').click()  # the coach names the parent: "van moederskant"
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    assert hub_of(board_id).elements['np-ayse'].props['side'] == 'fm-derya'
    await user.should_see('Familie van de kant van Derya Yılmaz')

    user.find(marker='edit-person-np-ilse').click()
    user.find(marker='extra-role-add').click()
    user.find(marker='extra-role-0-role').type('oppas')
    user.find(marker='extra-role-0-ring-3').click()
    choose(user, 'extra-role-0-sector', 'werk_school')
    user.find(marker='dialog-save').click()
    await settle()
    ilse = hub_of(board_id).elements['np-ilse'].props
    assert ilse['extra_roles'] == [{'role': 'oppas', 'ring': 3, 'sector': 'werk_school', 'distance': 0.5}]
    assert (ilse['ring'], ilse['sector']) == (2, 'buren'), 'her first place stays'
    await user.should_see('Ook oppas: Professionals · Werk / school')

    user.find(marker='edit-person-np-ilse').click()
    user.find(marker='extra-role-0-remove').click()
    user.find(marker='dialog-save').click()
    await settle()
    assert hub_of(board_id).elements['np-ilse'].props['extra_roles'] == []
