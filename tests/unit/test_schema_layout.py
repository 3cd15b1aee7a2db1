"""Where people sit on the netwerkschema (network_graph/schema_layout.py): geometry by meaning, for PNG and browser."""
from __future__ import annotations

import itertools
import math
import random

import pytest

from board.elements import Sector
from network_graph.schema_layout import (
    CENTRE,
    RING_3_EDGE,
    RINGS,
    SECTORS,
    family_position,
    layout,
    marker_id,
    place_at,
    position,
    ring_radius,
    sector_angle,
    sector_wedge,
    side_at,
    to_xy,
)


def test_the_sectors_are_the_ten_of_the_domain() -> None:
    assert list(SECTORS) == [s.value for s in Sector]


def test_the_sector_wedges_cover_the_circle_without_overlap() -> None:
    wedges = sorted(sector_wedge(s) for s in SECTORS)
    assert sum(end - start for start, end in wedges) == pytest.approx(360)
    for (_, end), (start, _) in itertools.pairwise(wedges):
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
    gaps = [b - a for a, b in itertools.pairwise(angles)]
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


def person(id_: str, ring: int = 2, sector: str = 'buren', distance: float = 0.5, **more) -> dict:
    return {'id': id_, 'name': more.pop('name', id_), 'type': 'network_person', 'ring': ring, 'sector': sector,
            'distance': distance, **more}


def family(*names: str, parents: tuple[str, ...] = ()) -> list[dict]:
    return [{'id': f'fm-{n}', 'name': n, 'type': 'family_member', 'role': 'parent' if n in parents else 'child'}
            for n in names]


def assert_apart(spots: dict) -> None:
    """Dots of diameter `room` never overlap: what the schema and the picture draw inside (`dot_radius`)."""
    dots = {id_: (to_xy(s.angle, s.radius, (0, 0), 1), s.room) for id_, s in spots.items() if s.radius > 0}
    for (a, (pa, ra)), (b, (pb, rb)) in itertools.combinations(dots.items(), 2):
        assert math.dist(pa, pb) >= (ra + rb) / 2 - 1e-9, (a, b)


def test_layout_is_deterministic_whatever_the_order() -> None:
    spots = layout(PEOPLE).spots
    for seed in range(5):
        shuffled = PEOPLE[:]
        random.Random(seed).shuffle(shuffled)
        assert layout(shuffled).spots == spots


def test_layout_places_by_meaning() -> None:
    spots = layout(PEOPLE).spots
    assert spots['fm-a'][:2] == family_position(0, 2) and spots['fm-b'][:2] == family_position(1, 2)  # by name
    assert spots['np-2'].angle < spots['np-1'].angle  # 'Ilse' before 'ilse': name, then id
    assert spots['np-2'].radius < spots['np-1'].radius, 'a distance of 0.1 is closer to the family than 0.9'
    for id_, ring, sector in (('np-1', 2, 'buren'), ('np-2', 2, 'buren'), ('np-3', 3, 'buren'), ('np-4', 2, 'overig')):
        assert place_at(*spots[id_][:2])[:2] == (ring, sector), id_
    assert spots['np-4'][:2] == position(2, 'overig', 0.5)  # alone in a wedge: in its middle, at its distance
    assert layout([]).spots == {}
    assert_apart(spots)


@pytest.mark.parametrize('ring, count', [(1, 12), (2, 22), (2, 40), (3, 30), (3, 60)])
def test_many_people_in_one_sector_and_ring_never_overlap_and_stay_in_their_place(ring: int, count: int) -> None:
    people = family('Derya', 'Elif', 'Mees', 'Noor') + [
        person(f'np-{i:02}', ring, 'familie', distance=(i * 7 % 10) / 10) for i in range(count)]
    people += [person('buur', ring, 'vrienden'), person('buur2', ring, 'gezin')]  # the neighbouring wedges
    spots = layout(people).spots
    assert_apart(spots)
    for p in people[4:]:
        assert place_at(*spots[p['id']][:2])[:2] == (ring, p['sector']), p['id']
        smallest = 0.039 if count > 30 else 0.045 if ring == 1 else 0.059
        assert spots[p['id']].room >= smallest, 'still a dot a finger can find'


def test_in_a_crowded_wedge_who_is_closer_sits_closer_in() -> None:
    people = [person(f'np-{i:02}', 2, 'vrienden', distance=i / 20) for i in range(20)]
    spots = layout(people).spots
    radii = [spots[p['id']].radius for p in people]
    assert radii == sorted(radii)
    assert radii[0] < radii[-1]


def test_the_outer_edge_of_ring_3_stays_free_for_the_sector_names() -> None:
    spots = layout([person(f'np-{i}', 3, 'instanties', distance=1.0) for i in range(8)]).spots
    assert all(s.radius + s.room / 2 <= RING_3_EDGE + 1e-9 for s in spots.values())


def test_a_person_in_ring_1_and_the_family_members_never_overlap() -> None:
    people = family('Anna', 'Bas', 'Cem', 'Dirk', 'Eva') + [person(f'np-{i}', 1, s) for i, s in
                                                            enumerate(('gezin', 'familie', 'overig'))]
    assert_apart(layout(people).spots)


def test_sides_of_the_family_split_the_familie_wedge_towards_each_parent() -> None:
    people = family('Bas', 'Derya', 'Elif', parents=('Bas', 'Derya')) + [
        person('oma-d', 2, 'familie', side='fm-Derya', name='Anneanne Ayşe'),
        person('opa-d', 3, 'familie', side='fm-Derya', name='Dede'),
        person('femke', 2, 'familie', side='fm-Bas', name='Tante Femke'),
        person('neef', 2, 'familie', name='Neef Jan'),
        person('buur', 2, 'buren', side='fm-Bas', name='Ilse')]  # a side only counts in familie
    result = layout(people)
    start, end = sector_wedge('familie')
    assert [part.member for part in result.sides] == ['fm-Bas', None, 'fm-Derya']  # the family's order, unknown between
    assert result.sides[0].start == start and result.sides[-1].end == end
    by_member = {part.member: part for part in result.sides}
    for id_, member in (('oma-d', 'fm-Derya'), ('opa-d', 'fm-Derya'), ('femke', 'fm-Bas'), ('neef', None)):
        angle = result.spots[id_].angle
        assert by_member[member].start < angle < by_member[member].end, id_
        assert side_at(result.sides, angle) == member
    assert place_at(*result.spots['oma-d'][:2])[:2] == (2, 'familie')
    assert_apart(result.spots)


def test_without_sides_the_familie_wedge_is_one_and_a_side_nobody_can_see_is_no_side() -> None:
    people = family('Derya', parents=('Derya',)) + [person('oma', 2, 'familie'),
                                                    person('opa', 2, 'familie', side='fm-hidden')]
    result = layout(people)
    assert result.sides == []
    assert side_at(result.sides, sector_angle('familie')) is None


def test_a_second_role_gets_its_own_marker_in_its_own_ring_and_sector() -> None:
    ilse = person('np-ilse', 2, 'buren', name='Ilse', extra_roles=[
        {'role': 'oppas', 'ring': 3, 'sector': 'werk_school', 'distance': 0.3}])
    people = family('Derya', 'Mees') + [ilse, person('np-karim', 3, 'werk_school', name='Meester Karim')]
    spots = layout(people).spots
    assert place_at(*spots['np-ilse'][:2])[:2] == (2, 'buren')
    assert place_at(*spots[marker_id('np-ilse', 0)][:2])[:2] == (3, 'werk_school')
    assert_apart(spots)
    vip = layout(people, centre='fm-Derya').spots
    assert marker_id('np-ilse', 0) not in vip, "a member's own schema places each person once"


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
    spots = layout(people, centre='elif').spots
    assert set(spots) == {'elif', 'derya', 'sem', 'oma'}
    assert spots['elif'][:2] == (0.0, 0.0)
    assert spots['derya'].angle < spots['sem'].angle  # by name, round ring 1
    assert place_at(*spots['oma'][:2]) == (1, 'familie', pytest.approx(0.0, abs=0.35))
    assert all(place_at(*spots[m][:2])[1] != 'familie' for m in ('derya', 'sem')), 'Oma has her own wedge in ring 1'
    assert layout(people).spots['oma'][:2] == position(2, 'familie', 0.5), 'the family schema keeps its own places'


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
