"""Toen en nu in the Netwerk tab: the demo family's start beside now, saving a moment, and bad names that lose nothing.

Driven in-process with NiceGUI's `user` fixture; the hub's document says whether a moment was really stored.
"""
from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from board.dutch import nl_date
from tests.ui.helpers import DERYA, choose, demo_board_id, hub_of, of_type, open_plan, push_as, settle, token_for
from tests.ui.helpers import KARIM as SCHOOL

FAMILY_ONLY = {'scope': 'family'}


async def open_compare(user: User, board_id: str, token: str | None = None) -> None:
    await open_plan(user, board_id, 'network', token)
    choose(user, 'network-view', 'compare')
    await settle()


def text_of(user: User, marker: str) -> str:
    with user:
        row = user.find(marker=marker).elements.pop()
    return ' '.join(label.text for label in row.descendants() if isinstance(label, ui.label))


async def test_the_demo_family_sees_who_came_and_who_moved_since_the_start(user: User) -> None:
    await open_compare(user, demo_board_id())
    await user.should_see('Wat er veranderde')
    await user.should_see('Toen: Start (01-09-2026)')
    assert text_of(user, 'compare-added') == 'Erbij gekomen: Ilse, Samira'
    assert text_of(user, 'compare-gone') == 'Weggegaan: niemand'
    assert text_of(user, 'compare-moved') == 'Naar een andere ring: Trainer Ruud (van professionals naar eigen netwerk)'
    assert text_of(user, 'compare-informal') == ('Eigen netwerk: toen 2 van de 9 betrokkenen (22%), '
                                                 'nu 5 van de 11 betrokkenen (45%)')
    await user.should_see('Jullie eigen netwerk draagt nu een groter deel.')
    with user:
        then, now = (user.find(marker=m).elements.pop().source for m in ('picture-then', 'picture-now'))
    assert then.startswith('data:image/png;base64,') and now.startswith('data:image/png;base64,') and then != now


async def test_a_saved_moment_is_compared_with_what_changed_after_it(user: User) -> None:
    board_id = demo_board_id()
    await open_compare(user, board_id)
    await user.should_see('Wat er veranderde')
    user.find(marker='save-moment').click()
    await user.should_see('Geef dit moment een naam')
    user.find(marker='field-name').clear().type('Na de zomer')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    [saved] = [m for m in of_type(board_id, 'moment') if m.props['name'] == 'Na de zomer']
    assert saved.props['seq'] == hub_of(board_id).seq

    answer = await push_as(board_id, DERYA, [{'op': 'create', 'id': 'np-opa', 'type': 'network_person',
                                              'props': {'name': 'Opa Henk', 'sector': 'familie'}}])
    assert answer['type'] == 'ack'
    choose(user, 'compare-moment', saved.id)
    await user.should_see(f"Toen: Na de zomer ({nl_date(saved.props['date'])})")
    assert text_of(user, 'compare-added') == 'Erbij gekomen: Opa Henk'
    assert text_of(user, 'compare-moved') == 'Naar een andere ring: niemand'


async def test_an_empty_or_too_long_name_gets_a_dutch_message_and_keeps_what_was_typed(user: User) -> None:
    board_id = demo_board_id()
    await open_compare(user, board_id)
    before = len(of_type(board_id, 'moment'))
    user.find(marker='save-moment').click()
    user.find(marker='field-name').clear()
    user.find(marker='dialog-save').click()
    await user.should_see('Vul de naam van het moment in.')
    user.find(marker='field-name').type('Na drie maanden, ' * 8)
    user.find(marker='dialog-save').click()
    await user.should_see('Maak de naam van het moment korter: hoogstens 120 tekens.')
    with user:
        assert user.find(marker='field-name').elements.pop().value == 'Na drie maanden, ' * 8  # nothing lost
    assert len(of_type(board_id, 'moment')) == before


async def test_a_person_the_family_hides_now_does_not_come_back_in_the_schools_view_of_the_start(user: User) -> None:
    board_id = demo_board_id()
    answer = await push_as(board_id, DERYA, [{'op': 'update', 'id': 'np-tom', 'visibility': FAMILY_ONLY}])
    assert answer['type'] == 'ack'
    await open_compare(user, board_id, token_for(board_id, SCHOOL))
    await user.should_see('Wat er veranderde')
    for marker in ('compare-added', 'compare-gone', 'compare-moved'):
        assert 'Tom' not in text_of(user, marker)  # not gone, not moved: not there then either
    assert text_of(user, 'compare-informal') == ('Eigen netwerk: toen 2 van de 8 betrokkenen (25%), '
                                                 'nu 5 van de 10 betrokkenen (50%)')
