"""Whose goals, who does what, and the network in figures, on the plan page and beside the netwerkschema.

Driven in-process with NiceGUI's `user` fixture. Each viewer reads only what they may see: a goal or agreement hidden
from someone is neither shown to them nor counted in a figure they see.
"""
from __future__ import annotations

from typing import Any

from nicegui import ui
from nicegui.testing import User

from tests.ui.helpers import (
    DERYA,
    JOLIEN,
    choose,
    demo_board_id,
    open_plan,
    push_as,
    settle,
    token_for,
)
from tests.ui.helpers import KARIM as SCHOOL

BAS_ONLY = {'scope': 'named', 'names': ['fm-bas', 'np-jolien']}
BAS_GOAL = 'Bas lost zijn schulden af.'
BAS_AGREEMENT = 'Bas belt elke maand met zijn schuldhulpverlener.'


def found(user: User, marker: str) -> ui.element:
    with user:
        return user.find(marker=marker).elements.pop()


def markers_in(user: User, marker: str) -> list[str]:
    """The markers inside the element with `marker`, in page order."""
    return [m for element in found(user, marker).descendants() for m in element._markers]


def texts_in(user: User, marker: str) -> str:
    return ' '.join(str(getattr(e, 'text', '')) for e in found(user, marker).descendants())


def table_rows(user: User, marker: str) -> dict[str, dict[str, Any]]:
    return {row['sector']: row for row in found(user, marker).rows}


async def add_bas_own_goal(board_id: str) -> None:
    """Bas's own goal and agreement, which only Bas and Jolien see."""
    answer = await push_as(board_id, JOLIEN, [
        {'op': 'create', 'id': 'goal-bas', 'type': 'goal', 'visibility': BAS_ONLY,
         'props': {'text': BAS_GOAL, 'owners': ['fm-bas'], 'supporters': ['np-jolien']}},
        {'op': 'create', 'id': 'agr-bas', 'type': 'agreement', 'visibility': BAS_ONLY,
         'props': {'text': BAS_AGREEMENT, 'who_ids': ['fm-bas', 'np-jolien'], 'goal_id': 'goal-bas'}}])
    assert answer['type'] == 'ack', answer


async def test_the_goals_are_grouped_per_family_member_the_youngest_first(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))
    await user.should_see('Noor')
    groups = [m for m in markers_in(user, 'goal-groups') if m.startswith('goals-of-')]
    assert groups == ['goals-of-fm-noor', 'goals-of-fm-mees', 'goals-of-fm-elif', 'goals-of-fm-derya',
                      'goals-of-fm-bas']
    assert 'goal-goal-3' in markers_in(user, 'goals-of-fm-noor')  # Noor's goal sits with Noor, not under Derya
    assert markers_in(user, 'goals-of-fm-elif').count('goal-goal-1') == 1
    derya = markers_in(user, 'goals-of-fm-derya')
    assert 'goal-goal-2' in derya and {'goal-ref-fm-derya-goal-1', 'goal-ref-fm-derya-goal-3'} <= set(derya)
    assert 'goal-goal-1' not in derya  # each card once: under Derya a short line says it is with Elif
    assert 'Nog geen eigen doel' in texts_in(user, 'goals-of-fm-bas')
    assert [chip.text for chip in found(user, 'goals-per-member').descendants() if isinstance(chip, ui.chip)] == [
        'Noor 1', 'Mees 1', 'Elif 2', 'Derya Yılmaz 3', 'Bas de Vries 0']


async def test_a_goal_without_an_owner_is_the_whole_familys(user: User) -> None:
    board_id = demo_board_id()
    answer = await push_as(board_id, DERYA, [{'op': 'create', 'id': 'goal-samen', 'type': 'goal',
                                              'props': {'text': 'Zondag eten we samen.'}}])
    assert answer['type'] == 'ack'
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))
    await user.should_see('Het hele gezin')
    assert 'goal-goal-samen' in markers_in(user, 'goals-of-family')


async def test_who_does_what_per_person(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'who', token_for(board_id, DERYA))
    await user.should_see('Wie doet wat')
    ayse = texts_in(user, 'who-np-ayse')
    for words in ('Anneanne Ayşe', 'moeder van Derya', 'praktische hulp, emotionele steun',
                  'Noor slaapt elke nacht in haar eigen bed.', 'Noor naar bed brengen op dinsdag en donderdag.'):
        assert words in ayse, words
    assert any(m.startswith('late-') for m in markers_in(user, 'who-fm-derya'))  # 'informeren' was due 1 October
    people = [m for m in markers_in(user, 'who-list') if m.startswith(('who-fm-', 'who-np-'))]
    assert people[:4] == ['who-fm-noor', 'who-fm-mees', 'who-fm-elif', 'who-fm-derya']
    await user.should_see('Nog niets afgesproken met: Bas de Vries, Meester Karim.')


async def test_a_hidden_goal_or_agreement_is_not_shown_or_counted_for_the_school(user: User) -> None:
    board_id = demo_board_id()
    await add_bas_own_goal(board_id)
    await open_plan(user, board_id, 'goals', token_for(board_id, SCHOOL))
    await user.should_see('Noor')
    await user.should_not_see(BAS_GOAL)
    assert 'Nog geen eigen doel' in texts_in(user, 'goals-of-fm-bas')
    assert 'Bas de Vries 0' in [c.text for c in found(user, 'goals-per-member').descendants()
                                if isinstance(c, ui.chip)]
    user.find(marker='tab-who').click()
    await user.should_see('Nog niets afgesproken met: Bas de Vries, Meester Karim.')
    await user.should_not_see(BAS_AGREEMENT)
    user.find(marker='tab-network').click()
    choose(user, 'network-view', 'metrics')
    await settle()
    assert {row['name']: row['goals'] for row in found(user, 'network-goals-per-member').rows}['Bas de Vries'] == 0


async def test_the_coordinator_sees_bas_own_goal_counted_and_his_agreement(user: User) -> None:
    board_id = demo_board_id()
    await add_bas_own_goal(board_id)
    await open_plan(user, board_id, 'goals', token_for(board_id, JOLIEN))
    await user.should_see(BAS_GOAL)
    assert 'goal-goal-bas' in markers_in(user, 'goals-of-fm-bas')
    user.find(marker='tab-who').click()
    await user.should_see(BAS_AGREEMENT)
    assert BAS_AGREEMENT in texts_in(user, 'who-fm-bas')


async def test_the_network_in_figures_on_the_network_tab(user: User) -> None:
    board_id = demo_board_id()
    await open_plan(user, board_id, 'network', token_for(board_id, DERYA))
    choose(user, 'network-view', 'metrics')
    await settle()
    await user.should_see('Het netwerk in cijfers')
    rows = table_rows(user, 'sector-figures')
    familie = rows['Familie']
    assert (familie['people'], familie['density'], familie['degree'], familie['stars']) == (
        2, '0%', '2,0 ± 1,0', 'Anneanne Ayşe')
    assert (rows['Hele netwerk']['people'], rows['Hele netwerk']['ties'], rows['Hele netwerk']['density']) == (
        16, 4, '3%')
    assert 'Buren' in rows and 'Religie' not in rows  # only sectors with people


async def test_the_schema_panel_shows_the_figures_and_hides_names_when_asked(user: User) -> None:
    board_id = demo_board_id()
    await user.open(f'/board/{board_id}/schema?token={token_for(board_id, DERYA)}')
    await user.should_see('Het netwerk in cijfers')
    rows = table_rows(user, 'schema-sectors')
    assert (rows['Familie']['people'], rows['Familie']['density']) == (2, '0%')
    assert 'Anneanne Ayşe' in texts_in(user, 'schema-figures')  # the star of the network
    choose(user, 'schema-names', 'roles')
    await settle()
    assert 'Anneanne Ayşe' not in texts_in(user, 'schema-figures')
    await user.should_not_see('Anneanne Ayşe')


async def test_with_only_removed_goals_the_doelen_tab_does_not_say_there_are_none(user: User) -> None:
    board_id = demo_board_id()
    ops = [{'op': 'update', 'id': f'goal-{n}', 'props': {'status': 'removed'}} for n in range(1, 6)]
    assert (await push_as(board_id, DERYA, ops))['type'] == 'ack'
    await open_plan(user, board_id, 'goals', token_for(board_id, DERYA))
    await user.should_see('Er staat nu geen doel van het gezin zelf.')
    await user.should_not_see('Nog geen doelen.')
