"""'Wie deed wat': the family reads who looked and changed what, and a parent erases the board for good."""
from __future__ import annotations

from nicegui.testing import User

from app import family_data, state
from board.identity import Actor, Role
from tests.ui.helpers import DERYA, KARIM, demo_board_id, settle, token_for

JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)


async def test_the_family_reads_who_viewed_the_plan(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/plan?token={token_for(board_id, KARIM)}')
    await user.should_not_see(marker='open-audit')  # the school has no way in to the log
    await user.open(f'/board/{board_id}/plan?token={token_for(board_id, DERYA)}')
    user.find(marker='open-audit').click()
    await user.should_see('Wie deed wat')
    await user.should_see('Meester Karim heeft het plan bekeken op')
    await user.should_see('Derya Yılmaz heeft het plan bekeken op')
    user.find(marker='audit-person').elements.pop().value = 'np-karim'  # as the browser sets it
    await user.should_see('Meester Karim heeft het plan bekeken op')
    await user.should_not_see('Derya Yılmaz heeft het plan bekeken op')


async def test_the_school_gets_a_clear_message_instead_of_the_log(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/audit?token={token_for(board_id, KARIM)}')
    await user.should_see('Alleen wie het bord beheert, kan zien wie wat deed op dit bord.')
    await user.should_not_see(marker='audit-line')
    await user.should_not_see(marker='erase')


async def test_erasing_needs_the_family_name_typed_and_then_the_board_is_gone(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/audit?token={token_for(board_id, JOLIEN)}')
    user.find(marker='erase').click()
    await user.should_see('Bord voorgoed wissen?')
    user.find(marker='erase-name').type('Jansen')
    user.find(marker='erase-confirm').click()
    await user.should_see('Dat is niet de naam van het gezin; er is niets gewist.')
    assert any(b.id == board_id for b in state.get().store.list_boards())
    user.find(marker='erase-name').clear().type('yılmaz-de vries')
    user.find(marker='erase-confirm').click()
    await user.should_see(marker='erased')
    await settle()
    assert all(b.id != board_id for b in state.get().store.list_boards())
    await user.open(f'/board/{board_id}?token={token_for(board_id, JOLIEN)}')
    await user.should_see('Dit bord bestaat niet (meer).')


async def test_someone_with_the_board_open_is_told_calmly_when_it_is_erased(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/plan?token={token_for(board_id, DERYA)}')
    await settle()
    await family_data.erase(board_id)
    await user.should_see('Dit bord is gewist op verzoek van het gezin. Er is hier niets meer te zien.')
