"""The Netwerk tab of the plan view: the netwerklijst filled in with taps, the coach's table, and the metrics panel.

Driven in-process with NiceGUI's `user` fixture; the hub's document says whether a tap really landed.
"""
from __future__ import annotations

import io

from nicegui.testing import User
from pypdf import PdfReader

from board.identity import Actor, Role
from tests.ui.helpers import DERYA, choose, demo_board_id, hub_of, open_plan, push_as, settle, token_for
from tests.ui.helpers import KARIM as SCHOOL

PRACTICAL_BEFORE = 'Voor praktische hulp kunnen jullie bij 4 mensen terecht; geen van hen is professional.'
PRACTICAL_WITH_KARIM = 'Voor praktische hulp kunnen jullie bij 5 mensen terecht; 1 daarvan is professional.'


async def show(user: User, view: str) -> None:
    """Switch the Netwerk tab to 'list', 'table' or 'metrics' (as a tap on the toggle would)."""
    choose(user, 'network-view', view)
    await settle()


async def add_uncle_only_the_family_sees(board_id: str) -> None:
    """Oom Hakan, who helps with practical things, shared with the family only."""
    answer = await push_as(board_id, DERYA, [{
        'op': 'create', 'id': 'np-hakan', 'type': 'network_person', 'visibility': {'scope': 'family'},
        'props': {'name': 'Oom Hakan', 'relation': 'broer van Derya', 'ring': 2, 'sector': 'familie',
                  'practical': 'almost_always', 'phone': '06-31415926', 'days': ['za'], 'hours': 'hele dag'}}])
    assert answer['type'] == 'ack'


async def test_a_scale_filled_in_with_taps_is_stored_and_the_metrics_follow(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network')
    await show(user, 'metrics')
    await user.should_see(PRACTICAL_BEFORE)
    await show(user, 'list')
    await user.should_see('Meester Karim')
    seq = hub_of(board_id).seq
    user.find(marker='fill-np-karim').click()
    await user.should_see('Netwerklijst: Meester Karim')
    user.find(marker='field-practical-almost_always').click()
    user.find(marker='field-practical-sometimes').click()  # one choice per scale: the last tap wins
    user.find(marker='field-contact-weekly').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    karim = hub_of(board_id).elements['np-karim']
    assert (karim.props['practical'], karim.props['contact'], karim.props['emotional']) == ('sometimes', 'weekly', None)
    assert karim.props['organisation'] == 'Basisschool De Regenboog'  # only the changed scales were sent
    assert hub_of(board_id).seq == seq + 1  # as one operation
    await user.should_see('Praktisch: soms')
    await show(user, 'metrics')
    await user.should_see(PRACTICAL_WITH_KARIM)
    await user.should_not_see(PRACTICAL_BEFORE)


async def test_tapping_the_chosen_value_again_clears_it(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network')
    assert hub_of(board_id).elements['np-ayse'].props['practical'] == 'almost_always'
    user.find(marker='fill-np-ayse').click()
    user.find(marker='field-practical-almost_always').click()  # the chosen one: a tap clears it
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    ayse = hub_of(board_id).elements['np-ayse']
    assert ayse.props['practical'] is None
    assert ayse.props['emotional'] == 'sometimes'  # the rest of her row stays


async def test_the_coach_table_shows_the_demo_familys_netwerklijst(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network')
    await show(user, 'table')
    await user.should_see('Iedereen uit het netwerk op een rij. Tik op Naam of Ring om te sorteren.')
    with user:
        table = user.find(marker='coach-table').elements.pop()
    rows = {row['name']: row for row in table.rows}
    ayse = rows['Anneanne Ayşe']
    assert (ayse['ring_label'], ayse['practical'], ayse['emotional'], ayse['direction'], ayse['known']) == (
        'netwerk', 'bijna altijd', 'soms', 'zij helpen', '> 5 jaar')
    assert rows['Samira']['closeness'] == 'heel'
    assert rows['Jolien Bakker']['ring_label'] == 'professional'
    assert rows['Jolien Bakker']['practical'] == '–'  # not filled in
    assert not any(name in rows for name in ('Derya Yılmaz', 'Elif'))  # family members have no row
    sortable = {column['name'] for column in table.columns if column.get('sortable')}
    assert sortable == {'name', 'ring'}


async def test_a_school_professional_does_not_see_a_person_hidden_from_them(user: User, create_user) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id)  # loads the board into a hub
    await add_uncle_only_the_family_sees(board_id)

    await open_plan(user, board_id, 'network', token=token_for(board_id, SCHOOL))
    await user.should_see('Anneanne Ayşe')
    await user.should_not_see('Oom Hakan')
    await show(user, 'table')
    with user:
        assert 'Oom Hakan' not in {row['name'] for row in user.find(marker='coach-table').elements.pop().rows}
    await show(user, 'metrics')
    await user.should_see(PRACTICAL_BEFORE)
    await user.should_see('Bij wie kunnen wij terecht?')
    await user.should_not_see('Oom Hakan')
    await user.should_not_see(marker='call-np-hakan')

    parent = create_user()  # the family does see him, in the list and in the metrics
    await open_plan(parent, board_id, 'network', token=token_for(board_id, DERYA))
    await parent.should_see('Oom Hakan')
    await show(parent, 'metrics')
    await parent.should_see('Voor praktische hulp kunnen jullie bij 5 mensen terecht; geen van hen is professional.')
    await parent.should_see(marker='call-np-hakan')


async def test_a_change_by_one_person_updates_the_others_panel(user: User, create_user) -> None:
    board_id = demo_board_id()
    parent = create_user()
    await open_plan(parent, board_id, 'network', token=token_for(board_id, DERYA))
    await show(parent, 'metrics')
    await parent.should_see(PRACTICAL_BEFORE)

    await open_plan(user, board_id, 'network')  # the gezinscoach fills in Meester Karim's row
    user.find(marker='fill-np-karim').click()
    user.find(marker='field-practical-sometimes').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    await settle()
    await parent.should_see(PRACTICAL_WITH_KARIM)
    await parent.should_see(marker='call-np-karim')


async def test_a_refused_save_says_why_in_dutch_and_keeps_the_taps(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network')
    user.find(marker='fill-np-ruud').click()
    user.find(marker='field-closeness-very').click()
    answer = await push_as(board_id, DERYA, [{'op': 'delete', 'id': 'np-ruud'}])  # deleted meanwhile
    assert answer['type'] == 'ack'
    seq = hub_of(board_id).seq
    user.find(marker='dialog-save').click()
    await user.should_see('Deze kaart bestaat niet (meer).')
    assert hub_of(board_id).seq == seq
    await user.should_see('Netwerklijst: Trainer Ruud')  # the dialog stays open, the tap still chosen
    with user:
        chip = user.find(marker='field-closeness-very').elements.pop()
    assert chip.props.get('color') == 'primary'


async def test_the_shared_screen_sees_the_netwerklijst_but_cannot_fill_it_in(user: User) -> None:
    board_id = demo_board_id()
    screen = Actor(id='screen-1', name='Scherm', role=Role.SCREEN)
    await open_plan(user, board_id, 'network', token=token_for(board_id, screen))
    await user.should_see('Anneanne Ayşe')
    await user.should_not_see(marker='fill-np-ayse')


async def test_the_netwerk_tab_is_in_english_too(user: User) -> None:
    await user.open('/')
    user.find(marker='language-en').click()
    await open_plan(user, demo_board_id(), 'network')
    await user.should_see('Fill in')
    user.find(marker='fill-np-ayse').click()
    await user.should_see('Practical help')
    await user.should_see('almost always')
    with user:
        toggle = user.find(marker='network-view').elements.pop()
    assert [toggle._props['options'][i]['label'] for i in range(3)] == [
        'Network list', 'Table for the coach', 'What your network carries']


async def test_afdrukken_on_the_call_list_downloads_the_fridge_page_as_this_person_may_see_it(
        user: User, create_user) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id)
    await add_uncle_only_the_family_sees(board_id)
    texts = {}
    for who, actor in (('school', SCHOOL), ('derya', DERYA)):
        person = create_user()
        await open_plan(person, board_id, 'network', token=token_for(board_id, actor))
        await show(person, 'metrics')
        person.find(marker='call-list-print').click()
        response = await person.download.next(timeout=30)
        assert response.content.startswith(b'%PDF')
        reader = PdfReader(io.BytesIO(response.content))
        assert len(reader.pages) == 1
        texts[who] = ' '.join(reader.pages[0].extract_text().split())
    assert 'Bij wie kunnen wij terecht?' in texts['school'] and 'Anneanne Ayşe' in texts['school']
    assert 'Oom Hakan' not in texts['school'] and '06-31415926' not in texts['school']
    assert 'Oom Hakan' in texts['derya'] and '06-31415926' in texts['derya'] and 'zaterdag' in texts['derya']


async def test_the_netwerklijst_names_the_side_and_the_coach_table_shows_both_roles(user: User) -> None:
    board_id = demo_board_id()
    await push_as(board_id, DERYA, [{'op': 'update', 'id': 'np-ilse', 'props': {
        'extra_roles': [{'role': 'oppas', 'ring': 3, 'sector': 'werk_school'}]}}])
    await open_plan(user, board_id, 'network')
    user.find(marker='fill-np-femke').click()
    user.find(marker='field-side-fm-bas').click()  # Tante Femke is family from Bas's side
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    assert hub_of(board_id).elements['np-femke'].props['side'] == 'fm-bas'
    await user.should_see('Familie van de kant van Bas de Vries')
    await user.should_see('Ook oppas: Professionals · Werk / school')
    await show(user, 'table')
    with user:
        rows = {row['name']: row for row in user.find(marker='coach-table').elements.pop().rows}
    assert rows['Ilse']['roles'] == 'buurvrouw, oppas'
    assert rows['Tante Femke']['roles'] == 'zus · kant Bas de Vries'
    await show(user, 'metrics')
    await user.should_see('Ilse helpt op twee manieren: als buurvrouw en als oppas.')
