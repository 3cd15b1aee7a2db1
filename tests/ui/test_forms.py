"""Forms that never trap a hurried person: a tap never leaves a required choice empty, every save says it saved,
and a refusal is a whole Dutch sentence that names the field in Dutch."""
from __future__ import annotations

from nicegui.testing import User

from app import state
from tests.ui.helpers import (
    DERYA,
    JOLIEN,
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


async def test_tapping_the_chosen_kind_of_evaluation_keeps_it_and_the_save_goes_through(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'evaluation')
    user.find(marker='add-evaluation').click()
    user.find(marker='field-summary').type('Rustiger weken.')
    user.find(marker='field-kind-tussentijds').click()  # already chosen: a second tap must not clear it
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    new = next(e for e in of_type(board_id, 'evaluation') if e.props['summary'] == 'Rustiger weken.')
    assert new.props['kind'] == 'tussentijds'


async def test_tapping_a_members_chosen_role_keeps_it(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id)
    role = hub_of(board_id).elements['fm-elif'].props['role']
    user.find(marker='edit-member-fm-elif').click()
    user.find(marker=f'field-role-{role}').click()
    user.find(marker='field-name').type(' Yılmaz')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    elif_ = hub_of(board_id).elements['fm-elif'].props
    assert (elif_['name'], elif_['role']) == ('Elif Yılmaz', role)


async def test_tapping_a_persons_chosen_ring_keeps_it(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'people')
    user.find(marker='edit-person-np-karim').click()
    user.find(marker='field-ring-3').click()  # a professional: tapping ring 3 again must not make him network
    user.find(marker='field-relation').type('Leraar van Mees')
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    assert hub_of(board_id).elements['np-karim'].props['ring'] == 3


async def test_a_save_without_changes_confirms_too(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals')
    seq = hub_of(board_id).seq
    user.find(marker='edit-goal-goal-1').click()
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    await settle()
    assert hub_of(board_id).seq == seq


async def test_the_invitation_form_asks_for_the_name_of_who_is_invited(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/access?token={token_for(board_id, DERYA)}')
    with user:
        assert user.find(marker='invite-name').elements.pop().props['label'] == 'Naam van wie je uitnodigt'


async def fresh_board(user: User, name: str = 'Familie Jansen') -> str:
    """A new board made by Jolien on the home page (the plan with only what every plan starts with)."""
    await log_in(user)
    await user.open('/')
    user.find('Naam van het gezin').type(name)
    user.find('Bord maken').click()
    await user.should_see('Bord gemaakt')
    return next(b.id for b in state.get().store.list_boards() if b.name == name)


async def test_empty_lists_say_nothing_the_screen_below_contradicts(user: User) -> None:
    board_id = await fresh_board(user)
    await push_as(board_id, JOLIEN, [{'op': 'create', 'id': 'fm-kim', 'type': 'family_member',
                                      'props': {'name': 'Kim', 'role': 'youth'}}])
    await open_plan(user, board_id)
    await user.should_see('Vaste afspraak')  # the two standard agreements are always there …
    await user.should_not_see('Nog geen afspraken')  # … so there are agreements
    await user.should_see('Nog geen adres of telefoonnummer.')

    user.find(marker='tab-network').click()
    choose(user, 'network-view', 'vip')
    await user.should_see(marker='vip-empty')
    await user.should_not_see('tik hieronder op iemand')  # there is nobody in the network to tap


async def test_the_coach_who_made_the_board_is_offered_as_zorgcoordinator(user: User) -> None:
    board_id = await fresh_board(user)
    await open_plan(user, board_id, 'people')
    user.find(marker='edit-together').click()
    with user:
        field = user.find(marker='field-coordinator_id').elements.pop()
        coach = field.value  # chosen already: nobody coordinates yet
        assert field.options[coach] == 'Jolien Bakker (jij)'
    user.find(marker='dialog-save').click()
    await user.should_see('Opgeslagen')
    person = hub_of(board_id).elements[coach]
    assert (person.type, person.props['name'], person.props['ring']) == ('network_person', 'Jolien Bakker', 3)
    assert hub_of(board_id).elements['family-info'].props['coordinator_id'] == coach
    await user.should_see('Zorgcoördinator')


async def test_a_chosen_zorgcoordinator_stays_chosen(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'people')
    user.find(marker='edit-together').click()
    with user:
        assert user.find(marker='field-coordinator_id').elements.pop().value == 'np-jolien'
