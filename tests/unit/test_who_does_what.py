"""Whose goals, who does what (network_graph): the demo family, a goal of the whole family, and what stays hidden."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from board.boardfile import BoardFile, export_board, visible_board
from board.demo import create_demo_board
from board.elements import Element, ElementType, validate_props
from board.identity import Actor, Role
from network_graph.graph import network
from network_graph.plan_load import goals, who_does_what
from network_graph.summary import all_metrics

TODAY = dt.date(2026, 11, 26)
SCHOOL = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR)
BAS_ONLY = {'scope': 'named', 'names': ['fm-bas', 'np-jolien']}


def element(id_: str, type_: str, visibility: dict | None = None, **props) -> Element:
    return Element(id=id_, type=ElementType(type_), props=validate_props(ElementType(type_), props),
                   **({'visibility': visibility} if visibility else {}))


@pytest.fixture
def demo(sqlite_store) -> BoardFile:
    return export_board(sqlite_store, create_demo_board(sqlite_store).id)


@pytest.fixture
def with_bas(demo: BoardFile) -> BoardFile:
    """The demo plus Bas's own goal and agreement, which only Bas and Jolien see, and a kader he owns."""
    extra = [element('goal-bas', 'goal', BAS_ONLY, text='Bas lost zijn schulden af.', owners=['fm-bas'],
                     supporters=['np-jolien'], number=6),
             element('agr-bas', 'agreement', BAS_ONLY, text='Bas belt elke maand met zijn schuldhulpverlener.',
                     who_ids=['fm-bas', 'np-jolien'], goal_id='goal-bas', number=7),
             element('goal-kader', 'goal', text='Bas komt niet onaangekondigd langs.', kind='kader',
                     owners=['fm-bas'], number=8)]
    return demo.model_copy(update={'elements': demo.elements + extra})


def per_member(elements: list[Element]) -> list[tuple[str, int]]:
    return [(m['name'], m['goals']) for m in goals(network(elements), TODAY)['per_family_member']]


def test_goals_per_family_member_youngest_first(demo: BoardFile) -> None:
    found = goals(network(demo.elements), TODAY)
    assert [(m['name'], m['age'], m['goal_numbers']) for m in found['per_family_member']] == [
        ('Noor', 6, [3]), ('Mees', 9, [4]), ('Elif', 14, [1, 5]), ('Derya Yılmaz', 38, [1, 2, 3]),
        ('Bas de Vries', 41, [])]
    assert found['whole_family'] == {'goals': 0, 'goal_ids': [], 'goal_numbers': []}


def test_a_goal_without_owner_is_the_whole_familys_and_a_kader_is_nobodys_own_goal(demo: BoardFile) -> None:
    elements = demo.elements + [element('goal-samen', 'goal', text='Zondag samen eten.', number=6),
                                element('goal-k', 'goal', text='Geen geweld.', kind='kader', number=7)]
    found = goals(network(elements), TODAY)
    assert found['whole_family'] == {'goals': 1, 'goal_ids': ['goal-samen'], 'goal_numbers': [6]}
    assert sum(m['goals'] for m in found['per_family_member']) == 7  # 1 + 1 + 2 + 3: no kader among them


def test_who_does_what_for_the_demo_family(demo: BoardFile) -> None:
    found = who_does_what(network(demo.elements), TODAY)
    people = {p['name']: p for p in found['people']}
    assert [p['name'] for p in found['people']][:4] == ['Noor', 'Mees', 'Elif', 'Derya Yılmaz']  # youngest first
    derya = people['Derya Yılmaz']
    assert [g['number'] for g in derya['own_goals']] == [1, 2, 3]
    assert [a['number'] for a in derya['agreements']] == [1, 2, 3]
    assert [a['late'] for a in derya['agreements']] == [False, True, False]  # 'informeren' was due 1 October
    ayse = people['Anneanne Ayşe']
    assert (ayse['kinds'], [g['number'] for g in ayse['supports']], [a['text'] for a in ayse['agreements']]) == (
        ['practical', 'emotional'], [3], ['Noor naar bed brengen op dinsdag en donderdag.'])
    assert ayse['agreements'][0]['goal_number'] == 3
    visser = people['Mevrouw Visser']
    assert (visser['organisation'], [g['number'] for g in visser['supports']]) == ('Het Nieuwe Lyceum', [1, 5])
    rings = [p['ring'] for p in found['people']]
    assert rings == sorted(rings)  # the family, then the own network, then the professionals
    assert [p['name'] for p in found['nothing_yet']] == ['Bas de Vries', 'Meester Karim']
    assert found['without_person'] == []
    json.dumps(found, ensure_ascii=False)


def test_an_agreement_without_a_person_on_the_schema_is_kept(demo: BoardFile) -> None:
    elements = demo.elements + [element('agr-x', 'agreement', text='Iemand van de kerk vragen.', who='de kerk',
                                        number=9)]
    found = who_does_what(network(elements), TODAY)
    assert [(a['text'], a['who']) for a in found['without_person']] == [('Iemand van de kerk vragen.', 'de kerk')]


def test_a_hidden_goal_or_agreement_is_counted_only_for_who_may_see_it(with_bas: BoardFile) -> None:
    for actor, bas_goals in ((JOLIEN, 1), (SCHOOL, 0)):
        seen = visible_board(with_bas, actor).elements
        assert dict(per_member(seen))['Bas de Vries'] == bas_goals
        metrics = all_metrics(seen, today=TODAY)
        bas = next((p for p in metrics['who_does_what']['people'] if p['id'] == 'fm-bas'), None)
        text = json.dumps(metrics, ensure_ascii=False)
        if actor is SCHOOL:
            assert bas is None and 'Bas lost' not in text and 'schuldhulpverlener.' not in text
            assert 'Bas de Vries' in [p['name'] for p in metrics['who_does_what']['nothing_yet']]
        else:
            assert [a['text'] for a in bas['agreements']] == ['Bas belt elke maand met zijn schuldhulpverlener.']
            assert [g['text'] for g in bas['own_goals']] == ['Bas lost zijn schulden af.']
