"""Where people sit on the netwerkschema (network_graph/schema_layout.py): geometry by meaning, for PNG and browser."""
from __future__ import annotations

import math
import random

import pytest

from board.elements import Sector
from network_graph.schema_layout import CENTRE, RINGS, SECTORS, family_position, layout, place_at, position, \
    ring_radius, sector_angle, sector_wedge, to_xy


def test_the_sectors_are_the_ten_of_the_domain() -> None:
    assert list(SECTORS) == [s.value for s in Sector]


def test_the_sector_wedges_cover_the_circle_without_overlap() -> None:
    wedges = sorted(sector_wedge(s) for s in SECTORS)
    assert sum(end - start for start, end in wedges) == pytest.approx(360)
    for (_, end), (start, _) in zip(wedges, wedges[1:]):
        assert start == pytest.approx(end)  # each starts where the previous ends: no gap, no overlap
    assert wedges[-1][1] - wedges[0][0] == pytest.approx(360)
    assert sector_angle('gezin') == 0  # the family's sector at the top
    assert sector_wedge('iets-anders') == sector_wedge('overig')


def test_the_rings_go_outwards_from_the_centre_circle() -> None:
    assert RINGS[1][0] == CENTRE and RINGS[3][1] == 1.0
    assert RINGS[1][1] == RINGS[2][0] and RINGS[2][1] == RINGS[3][0]
    assert all(inner < outer for inner, outer in RINGS.values())


@pytest.mark.parametrize('ring', [1, 2, 3])
def test_distance_zero_is_the_inner_edge_and_one_the_outer_edge(ring: int) -> None:
    inner, outer = RINGS[ring]
    assert position(ring, 'buren', 0.0)[1] == pytest.approx(inner)
    assert position(ring, 'buren', 1.0)[1] == pytest.approx(outer)
    assert inner < position(ring, 'buren', 0.5)[1] < outer
    assert ring_radius(ring, 0.2) < ring_radius(ring, 0.7)  # closer to the family is closer to the centre
    assert ring_radius(ring, -1) == pytest.approx(inner) and ring_radius(ring, 5) == pytest.approx(outer)


@pytest.mark.parametrize('sector', SECTORS)
def test_one_person_sits_in_the_middle_of_the_wedge(sector: str) -> None:
    assert position(2, sector, 0.5)[0] == pytest.approx(sector_angle(sector) % 360)


@pytest.mark.parametrize('count', [2, 3, 7, 40])
def test_several_people_in_one_sector_get_different_angles_inside_the_wedge(count: int) -> None:
    start, end = sector_wedge('familie')
    angles = [position(2, 'familie', 0.5, i, count)[0] for i in range(count)]
    assert len(set(angles)) == count
    assert all(start < a < end for a in angles)
    assert angles == sorted(angles)
    gaps = [b - a for a, b in zip(angles, angles[1:])]
    assert max(gaps) == pytest.approx(min(gaps))  # evenly spread


def test_angles_are_between_0_and_360() -> None:
    angles = [position(1, 'gezin', 0.5, i, 5)[0] for i in range(5)]
    assert all(0 <= a < 360 for a in angles) and len(set(angles)) == 5


def test_family_members_go_all_round_ring_1() -> None:
    spots = [family_position(i, 5) for i in range(5)]
    assert [a for a, _ in spots] == pytest.approx([36, 108, 180, 252, 324])
    assert all(RINGS[1][0] < r < RINGS[1][1] for _, r in spots)


def test_to_xy_is_clockwise_from_twelve_o_clock() -> None:
    assert to_xy(0, 1, (100, 100), 50) == pytest.approx((100, 50))
    assert to_xy(90, 1, (100, 100), 50) == pytest.approx((150, 100))
    assert to_xy(180, 0.5, (100, 100), 50) == pytest.approx((100, 125))


PEOPLE = [
    {'id': 'fm-b', 'name': 'Bas', 'type': 'family_member', 'ring': 1, 'sector': 'gezin'},
    {'id': 'fm-a', 'name': 'Anna', 'type': 'family_member', 'ring': 1, 'sector': 'gezin'},
    {'id': 'np-2', 'name': 'Ilse', 'type': 'network_person', 'ring': 2, 'sector': 'buren', 'distance': 0.1},
    {'id': 'np-1', 'name': 'ilse', 'type': 'network_person', 'ring': 2, 'sector': 'buren', 'distance': 0.9},
    {'id': 'np-3', 'name': 'Karim', 'type': 'network_person', 'ring': 3, 'sector': 'buren', 'distance': 0.5},
    {'id': 'np-4', 'name': 'Zoë', 'type': 'network_person', 'ring': 2, 'sector': 'nergens', 'distance': 0.5},
]


def test_layout_is_deterministic_whatever_the_order() -> None:
    spots = layout(PEOPLE)
    for seed in range(5):
        shuffled = PEOPLE[:]
        random.Random(seed).shuffle(shuffled)
        assert layout(shuffled) == spots


def test_layout_places_by_meaning() -> None:
    spots = layout(PEOPLE)
    assert spots['fm-a'] == family_position(0, 2) and spots['fm-b'] == family_position(1, 2)  # by name
    assert spots['np-2'] == position(2, 'buren', 0.1, 0, 2)  # 'Ilse' before 'ilse': name, then id
    assert spots['np-1'] == position(2, 'buren', 0.9, 1, 2)
    assert spots['np-3'] == position(3, 'buren', 0.5, 0, 1)  # another ring: its own share of the wedge
    assert spots['np-4'] == position(2, 'overig', 0.5)
    assert layout([]) == {}


def test_the_same_meaning_gives_the_same_place_on_any_screen() -> None:
    angle, radius = position(3, 'instanties', 0.25, 1, 3)
    x, y = to_xy(angle, radius, (0, 0), 1)
    assert math.hypot(x, y) == pytest.approx(radius)
    assert math.degrees(math.atan2(x, -y)) % 360 == pytest.approx(angle)


def test_a_vip_schema_puts_the_member_in_the_middle_and_only_their_people_around():
    people = [
        {'id': 'elif', 'name': 'Elif', 'type': 'family_member'},
        {'id': 'derya', 'name': 'Derya', 'type': 'family_member'},
        {'id': 'sem', 'name': 'Sem', 'type': 'family_member'},
        {'id': 'oma', 'name': 'Oma', 'type': 'network_person', 'ring': 2, 'sector': 'familie', 'distance': 0.5,
         'vip': [{'member': 'elif', 'ring': 1, 'sector': 'familie', 'distance': 0.0}]},
        {'id': 'buur', 'name': 'Buurman', 'type': 'network_person', 'ring': 2, 'sector': 'buren', 'distance': 0.5,
         'vip': [{'member': 'sem', 'ring': 2, 'sector': 'buren', 'distance': 0.5}]},
    ]
    spots = layout(people, centre='elif')
    assert set(spots) == {'elif', 'derya', 'sem', 'oma'}
    assert spots['elif'] == (0.0, 0.0)
    assert spots['derya'] == family_position(0, 2) and spots['sem'] == family_position(1, 2)
    assert spots['oma'] == position(1, 'familie', 0.0)
    assert layout(people)['oma'] == position(2, 'familie', 0.5), 'the family schema keeps its own places'


@pytest.mark.parametrize('ring, sector, distance', [
    (1, 'gezin', 0.0), (1, 'familie', 0.25), (2, 'buren', 0.5), (2, 'werk_school', 1.0), (3, 'instanties', 0.75),
    (3, 'overig', 0.1), (2, 'religie', 0.9),
])
def test_a_spot_means_its_ring_sector_and_distance_again(ring, sector, distance):
    angle, radius = position(ring, sector, distance)
    assert place_at(angle, radius) == (ring, sector, distance)


def test_spots_off_the_disc_land_on_its_edges():
    assert place_at(0, 0.0) == (1, 'gezin', 0.0)
    assert place_at(350, 3.0) == (3, 'gezin', 1.0)
    assert place_at(359.9, 0.5)[1] == 'gezin' and place_at(18.1, 0.5)[1] == 'familie'
