"""Where cards lie (board/layout.py): every new card gets a free, sensible place, and "Netjes leggen" tidies a board
without ever putting a card on another one, or moving one into or out of a zone."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from board import layout
from board.access import ActorGuard, BoardRights, lies_in
from board.demo import demo_operations
from board.elements import Element
from board.identity import Actor, Role
from board.operations import apply_batch, parse_batch
from board.plan import new_plan_operations

COACH = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
NOW = '2026-11-20T10:00:00.000+00:00'


def applied(doc: dict[str, Element], ops: list[dict], guard: bool = True) -> dict[str, Element]:
    """`ops` applied as one batch, as the coach through the hub's guard (or as a replay, which places nothing)."""
    check = ActorGuard(COACH, BoardRights(doc)) if guard else None
    return doc | apply_batch(doc, parse_batch(ops), actor_id=COACH.id, seq=1, now=NOW, guard=check)


def new_plan() -> dict[str, Element]:
    return applied({}, new_plan_operations(dt.date(2026, 9, 1)), guard=False)


def create(id_: str, type_: str, **props) -> dict:
    return {'op': 'create', 'id': id_, 'type': type_, 'props': props}


def overlapping(doc: dict[str, Element]) -> list[tuple[str, str]]:
    cards = [e for e in doc.values() if layout.drawn(e)]
    return [(a.id, b.id) for a, b in itertools.combinations(cards, 2) if layout.overlap(layout.box(a), layout.box(b))]


def zone(doc: dict[str, Element], kind: str) -> Element:
    return next(e for e in doc.values() if e.type == 'zone' and e.props['kind'] == kind)


def zones_of(doc: dict[str, Element], card: Element) -> list[str]:
    return [z.id for z in doc.values() if z.type == 'zone' and lies_in(card.props, z.props)]


def at(doc: dict[str, Element], element_id: str) -> tuple[float, float]:
    return doc[element_id].props['x'], doc[element_id].props['y']


def moved(doc: dict[str, Element], spots: dict[str, tuple[float, float]]) -> dict[str, Element]:
    return doc | {i: doc[i].model_copy(update={'props': doc[i].props | {'x': x, 'y': y}})
                  for i, (x, y) in spots.items()}


def family(count: int) -> list[dict]:
    return [create(f'fm-{i}', 'family_member', name=f'Lid {i}', birth_date=f'{1980 + 5 * i}-01-01')
            for i in range(count)]


def test_a_big_family_and_network_each_get_a_place_of_their_own_beside_the_plan() -> None:
    doc = new_plan()
    for op in family(6) + [create(f'np-{i}', 'network_person', name=f'Persoon {i}') for i in range(20)]:
        doc = applied(doc, [op])  # one at a time, as the plan's forms make them
    assert overlapping(doc) == []
    plan_right = max(z.props['x'] + z.props['w'] for z in doc.values() if z.type == 'zone')
    people = [e for e in doc.values() if e.type in ('family_member', 'network_person')]
    assert all(e.props['x'] >= plan_right + layout.GAP for e in people)
    assert at(doc, 'fm-0') == (plan_right + layout.BESIDE, 40)
    assert {e.props['x'] for e in people if e.type == 'family_member'} == {plan_right + layout.BESIDE}
    assert min(e.props['x'] for e in people if e.type == 'network_person') > plan_right + layout.BESIDE


def test_goals_lie_together_per_family_member_and_each_agreement_under_its_goal() -> None:
    doc = applied(new_plan(), family(2))
    doc = applied(doc, [create('g-a', 'goal', text='Eerste', owners=['fm-1'])])
    doc = applied(doc, [create('g-c', 'goal', text='Derde', owners=['fm-0', 'fm-1'])])
    doc = applied(doc, [create('g-b', 'goal', text='Tweede', owners=['fm-0'])])
    doc = applied(doc, [create('a-c', 'agreement', text='Afspraak', goal_id='g-c')])
    doc = applied(doc, [create('a-c2', 'agreement', text='Nog een', goal_id='g-c')])
    assert overlapping(doc) == []
    ax, ay = at(doc, 'g-a')
    assert at(doc, 'g-c') == (ax + layout.GOAL_STEP, ay)  # fm-1 is the youngest owner: beside fm-1's goal
    cx, cy = at(doc, 'g-c')
    assert at(doc, 'a-c')[0] == cx and cy < at(doc, 'a-c')[1]
    assert not any(zones_of(doc, doc[i]) for i in ('g-a', 'g-b', 'g-c', 'a-c', 'a-c2'))


def test_a_note_goes_into_the_zone_of_its_kind_until_that_is_full() -> None:
    doc = new_plan()
    for i in range(6):
        doc = applied(doc, [create(f'k{i}', 'note', kind='strength', text=f'Kracht {i}')])
    krachten = zone(doc, 'krachten')
    inside = [i for i in range(6) if lies_in(doc[f'k{i}'].props, krachten.props)]
    assert inside == [0, 1, 2, 3]  # a zone of 560 × 360 holds four notes
    assert overlapping(doc) == []
    assert zones_of(doc, doc['k5']) == []


def test_a_card_asked_for_at_a_free_spot_stays_there_and_one_asked_for_on_another_card_goes_next_to_it() -> None:
    doc = applied(new_plan(), [create('n1', 'note', text='Hier', x=3000, y=3000)])
    assert at(doc, 'n1') == (3000, 3000)
    doc = applied(doc, [create('n2', 'note', text='Ook hier', x=3010, y=3010)])
    assert overlapping(doc) == []
    x, y = at(doc, 'n2')
    assert abs(x - 3010) + abs(y - 3010) < 400


def test_a_batch_places_each_card_among_those_made_before_it_in_the_same_batch() -> None:
    doc = applied(new_plan(), [create(f'g{i}', 'goal', text=f'Doel {i}') for i in range(12)]
                  + [create(f'a{i}', 'agreement', text=f'Afspraak {i}', goal_id=f'g{i}') for i in range(12)])
    assert overlapping(doc) == []


def demo() -> dict[str, Element]:
    return applied({}, demo_operations(), guard=False)


def test_tidy_lays_out_a_board_where_everything_lies_on_one_spot_and_again_gives_the_same_places() -> None:
    doc = demo()
    stacked = moved(doc, {i: (3000, 3000) for i, e in doc.items() if layout.drawn(e) and not zones_of(doc, e)})
    cards = {i for i, e in stacked.items() if layout.drawn(e)}
    spots = layout.tidy(stacked, cards)
    tidied = moved(stacked, spots)
    assert overlapping(tidied) == []
    assert layout.tidy(tidied, cards) == dict(spots.items())
    for i in cards:  # nothing went into or out of a zone
        assert zones_of(doc, stacked[i]) == zones_of(doc, tidied[i])


def test_tidy_groups_goals_per_youngest_owner_in_the_order_of_the_family_column() -> None:
    tidied = moved(demo(), layout.tidy(demo(), {i for i, e in demo().items() if layout.drawn(e)}))
    row = sorted((e.props['x'], e.id) for e in tidied.values() if e.type == 'goal')
    # Derya's goal, Elif's two, Mees's, Noor's (Derya shares Elif's and Noor's: they lie with the child)
    assert [i for _, i in row] == ['goal-2', 'goal-1', 'goal-5', 'goal-4', 'goal-3']
    for agreement in (e for e in tidied.values() if e.type == 'agreement' and e.props.get('goal_id')):
        goal = tidied[agreement.props['goal_id']]
        assert agreement.props['x'] == goal.props['x'] and agreement.props['y'] > goal.props['y']


@pytest.mark.parametrize('hidden', ['note-bas-schulden', 'goal-3', 'np-tom'])
def test_tidy_moves_only_what_it_may_and_lays_nothing_on_a_card_that_stays(hidden: str) -> None:
    doc = demo()
    crowded = moved(doc, {i: at(doc, hidden) for i, e in doc.items() if layout.drawn(e) and e.type != 'note'})
    movable = {i for i, e in crowded.items() if layout.drawn(e) and i != hidden}
    spots = layout.tidy(crowded, movable)
    assert hidden not in spots
    assert set(spots) <= movable
    assert overlapping(moved(crowded, spots)) == []

