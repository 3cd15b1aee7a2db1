"""Per-sector figures as easyNWK reports them (network_graph/sectors.py), against a network worked out by hand."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from board.elements import Element, ElementType, Sector, validate_props
from network_graph.graph import network
from network_graph.sectors import sectors
from network_graph.summary import all_metrics

TODAY = dt.date(2026, 11, 26)


def element(id_: str, type_: str, **props) -> Element:
    return Element(id=id_, type=ElementType(type_), props=validate_props(ElementType(type_), props))


def person(id_: str, name: str, sector: str, ring: int = 2) -> Element:
    return element(id_, 'network_person', name=name, sector=sector, ring=ring)


def tie(id_: str, a: str, b: str, kind: str = 'normal') -> Element:
    return element(id_, 'tie', a=a, b=b, kind=kind)


def hand_network() -> list[Element]:
    """Ten people in six sectors and seven ties; every figure below is worked out by hand.

    People and their degree (ties to anyone else on the schema; the family centre is no person, so being on the
    schema adds nothing):

        gezin        Amal 2 (Cor, Bram)   Bram 1 (Amal)
        familie      Cor 4 (Dina, Erik, Amal, Fleur)   Dina 1   Erik 1
        vrienden     Fleur 2 (Cor, Jet)   Ivo 0
        verenigingen Jet 1 (Fleur)
        instanties   Gijs 1 (Hanna)   Hanna 1 (Gijs)     (conflict and tense between them: one tie)
        buren        nobody

    Whole network: 10 people, 7 ties, 45 possible pairs: density 7/45 = 0.1556. Degrees 2,1,4,1,1,2,0,1,1,1:
    sum 14 (= 2 × 7), mean 1.4; sum of squares 30, variance 30/10 − 1.4² = 1.04, spread √1.04 = 1.0198 → 1.02.
    Star: Cor (4, the highest, and at least 2). Isolated: Ivo.

    gezin: the family is the centre, its members belong together without a line: no density (null), and a
    family member is never isolated; one tie inside (Amal–Bram); mean (2+1)/2 = 1.5; spread √((4+1)/2 − 2.25) =
    0.5; star Amal (2).
    familie: ties Cor–Dina and Cor–Erik inside, 3 pairs: density 2/3 = 0.6667; mean 6/3 = 2.0; spread
    √(18/3 − 4) = √2 = 1.41; star Cor. Cor–Amal and Cor–Fleur count for his degree, not for this density.
    vrienden: no tie inside, 1 pair: density 0.0; mean 1.0; spread √((4+0)/2 − 1) = 1.0; star Fleur (2, the
    highest in her sector); isolated Ivo.
    verenigingen: one person: no pair, so density null; mean 1.0, spread 0.0; no star (1 < 2).
    instanties: 1 tie inside of 1 pair: density 1.0; mean 1.0; spread 0.0; no star (1 < 2).
    buren: nobody: density, mean and spread null; no stars, no isolated.
    """
    return [
        element('fm-a', 'family_member', name='Amal', role='parent'),
        element('fm-b', 'family_member', name='Bram', role='child'),
        person('np-c', 'Cor', 'familie'), person('np-d', 'Dina', 'familie'), person('np-e', 'Erik', 'familie'),
        person('np-f', 'Fleur', 'vrienden'), person('np-i', 'Ivo', 'vrienden'), person('np-j', 'Jet', 'verenigingen'),
        person('np-g', 'Gijs', 'instanties', ring=3), person('np-h', 'Hanna', 'instanties', ring=3),
        tie('t1', 'np-c', 'np-d'), tie('t2', 'np-c', 'np-e'), tie('t3', 'np-c', 'fm-a'), tie('t4', 'np-c', 'np-f'),
        tie('t5', 'np-g', 'np-h', 'conflict'), tie('t6', 'np-h', 'np-g', 'tense'), tie('t7', 'fm-b', 'fm-a'),
        tie('t8', 'np-j', 'np-f'),
        tie('t9', 'np-i', 'family-centre'),  # no such person: the centre is not a node, the tie is skipped
    ]


def figure(found: dict) -> tuple:
    return (found['people'], found['ties'], found['density'], found['degree_mean'], found['degree_sd'],
            [(s['name'], s['degree']) for s in found['stars']], [p['name'] for p in found['isolated']])


@pytest.fixture(scope='module')
def figures() -> dict:
    return sectors(network(hand_network()))


def test_the_whole_network(figures) -> None:
    assert figure(figures['whole']) == (10, 7, 0.1556, 1.4, 1.02, [('Cor', 4)], ['Ivo'])


def test_each_sector(figures) -> None:
    per_sector = figures['per_sector']
    assert list(per_sector) == [s.value for s in Sector]  # every sector, in the schema's order
    assert figure(per_sector['gezin']) == (2, 1, None, 1.5, 0.5, [('Amal', 2)], [])
    assert figure(per_sector['familie']) == (3, 2, 0.6667, 2.0, 1.41, [('Cor', 4)], [])
    assert figure(per_sector['vrienden']) == (2, 0, 0.0, 1.0, 1.0, [('Fleur', 2)], ['Ivo'])
    assert figure(per_sector['instanties']) == (2, 1, 1.0, 1.0, 0.0, [], [])


def test_a_family_member_without_a_line_is_not_isolated_the_family_is_the_centre() -> None:
    found = sectors(network([element('fm-a', 'family_member', name='Amal'), person('np-c', 'Cor', 'familie')]))
    assert found['per_sector']['gezin']['isolated'] == [] and found['per_sector']['gezin']['density'] is None
    assert [p['name'] for p in found['whole']['isolated']] == ['Cor']


def test_a_sector_of_one_person_and_an_empty_sector(figures) -> None:
    assert figure(figures['per_sector']['verenigingen']) == (1, 0, None, 1.0, 0.0, [], [])
    assert figure(figures['per_sector']['buren']) == (0, 0, None, None, None, [], [])


def test_everyone_with_the_highest_degree_is_a_star() -> None:
    triangle = [person('p1', 'Piet', 'buren'), person('p2', 'Joke', 'buren'), person('p3', 'Kees', 'buren'),
                tie('a', 'p1', 'p2'), tie('b', 'p2', 'p3'), tie('c', 'p3', 'p1')]
    found = sectors(network(triangle))['per_sector']['buren']
    assert [(s['name'], s['degree']) for s in found['stars']] == [('Joke', 2), ('Kees', 2), ('Piet', 2)]
    assert (found['density'], found['degree_mean'], found['degree_sd']) == (1.0, 2.0, 0.0)


def test_a_hidden_person_is_not_counted_and_changes_the_figures() -> None:
    """Without Cor (hidden from the viewer), Dina and Erik know no one on the schema."""
    found = sectors(network([e for e in hand_network() if e.id != 'np-c']))
    assert figure(found['per_sector']['familie']) == (2, 0, 0.0, 0.0, 0.0, [], ['Dina', 'Erik'])
    assert 'Cor' not in str(found)


def test_in_the_metrics_and_independent_of_element_order() -> None:
    elements = hand_network()
    metrics = all_metrics(elements, today=TODAY)
    assert metrics['sectors'] == sectors(network(elements))
    assert metrics['thresholds']['star_min'] == 2
    random.Random(4).shuffle(elements)
    assert all_metrics(elements, today=TODAY)['sectors'] == metrics['sectors']


def test_an_empty_board() -> None:
    found = sectors(network([]))
    assert figure(found['whole']) == (0, 0, None, None, None, [], [])
