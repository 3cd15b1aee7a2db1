"""`may_change` and `may_edit`: what the screens ask before they offer a button. They must answer exactly what the
server does when the button is tapped, so each case is also pushed through `apply_batch` with the same guard."""
from __future__ import annotations

import pytest

from board.access import ActorGuard, BoardRights, may_change, may_edit
from board.demo import demo_batches
from board.elements import Element
from board.identity import Actor, Role
from board.operations import OperationError, apply_batch, parse_batch

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
ELIF = Actor(id='fm-elif', name='Elif', role=Role.YOUTH)
MEES = Actor(id='fm-mees', name='Mees', role=Role.CHILD)
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR, organisation='wijkteam')
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
AYSE = Actor(id='np-ayse', name='Anneanne Ayşe', role=Role.NETWORK)
SCREEN = Actor(id='screen', name='Scherm', role=Role.SCREEN)
PEOPLE = {a.id: a for a in (DERYA, BAS, ELIF, MEES, JOLIEN, KARIM, AYSE, SCREEN)}


@pytest.fixture(scope='module')
def board() -> dict[str, Element]:
    elements: dict[str, Element] = {}
    for seq, ops in enumerate(demo_batches(), 1):
        elements |= apply_batch(elements, parse_batch(ops), actor_id='system', seq=seq, now='2026-09-01T10:00:00')
    proposal = [{'op': 'create', 'id': 'goal-mees', 'type': 'goal', 'props': {'text': 'Ik lees elke dag.'}}]
    elements |= apply_batch(elements, parse_batch(proposal), actor_id=MEES.id, seq=3, now='2026-09-02T10:00:00',
                            guard=ActorGuard(MEES, BoardRights(elements)))
    return elements


def taken(board: dict[str, Element], actor: Actor, op: dict) -> bool:
    try:
        apply_batch(board, parse_batch([op]), actor_id=actor.id, seq=99, now='2026-12-01T10:00:00',
                    guard=ActorGuard(actor, BoardRights(board)))
    except OperationError as error:
        assert error.code not in ('invalid_props', 'bad_reference'), error
        return False
    return True


CHANGES = [  # element, change (props, or 'delete')
    ('goal-2', {'text': 'Anders gezegd.'}), ('goal-2', {'reached': '2026-12-01'}), ('goal-2', {'status': 'removed'}),
    ('goal-2', 'delete'), ('goal-5', {'status': 'active'}), ('goal-mees', {'text': 'Ik lees elke avond.'}),
    ('agr-3', {'done': '2026-12-01'}), ('agr-3', 'delete'), ('note-k1', {'text': 'Derya is sterk.'}),
    ('fm-bas', {'manages': True}), ('fm-bas', {'household': True}), ('fm-derya', {'manages': False}),
    ('family-info', {'default_scope': 'family'}), ('family-info', {'concepts_first': False}),
    ('fm-mees', {'name': 'Mees Yılmaz'}),
]


@pytest.mark.parametrize('who', list(PEOPLE))
@pytest.mark.parametrize('element_id, change', CHANGES)
def test_may_change_answers_what_the_server_does(board, who, element_id, change) -> None:
    actor, element = PEOPLE[who], board[element_id]
    if change == 'delete':
        asked = may_change(actor, element, BoardRights(board), deleted=True)
        op = {'op': 'delete', 'id': element_id}
    else:
        asked = may_change(actor, element, BoardRights(board), **change)
        op = {'op': 'update', 'id': element_id, 'props': change}
    assert asked is taken(board, actor, op)


def test_a_child_edits_only_his_own_goal(board) -> None:
    rights = BoardRights(board)
    assert not may_edit(MEES, board['goal-2'], rights)
    assert may_edit(MEES, board['goal-mees'], rights)
    assert not may_change(MEES, board['goal-5'], rights, status='active')


def test_a_professional_keeps_the_familys_words_but_may_change_the_dates(board) -> None:
    rights = BoardRights(board)
    assert not may_edit(JOLIEN, board['goal-2'], rights)
    assert may_edit(JOLIEN, board['goal-2'], rights, 'planned_end')
    assert not may_change(KARIM, board['goal-2'], rights, reached='2026-12-01')


def test_a_new_member_may_be_marked_as_managing_only_by_those_who_decide(board) -> None:
    rights = BoardRights(board)
    new = {'type_': 'family_member', 'name': 'Opa', 'manages': True}
    assert may_change(DERYA, None, rights, **new)
    assert not may_change(JOLIEN, None, rights, **new)  # Derya manages already: the start is over
    assert not may_change(BAS, None, rights, **new)
    assert may_change(BAS, None, rights, type_='family_member', name='Opa')
