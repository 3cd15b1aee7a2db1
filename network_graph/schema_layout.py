"""Where someone sits on the netwerkschema, by meaning: pure geometry the PNG and a browser schema can share.

The schema is a disc: the family in the centre, then three rings (1 het gezin, 2 het netwerk, 3 de
professionals) and ten sectors as equal wedges. Angles are in degrees, clockwise from 12 o'clock (like a
clock face; in screen coordinates x = cx + r·sin(a), y = cy − r·cos(a)). Radii are fractions of the outer
edge of ring 3 (1.0). A person's angle comes from their sector (spread evenly over the wedge when several
share it, in name-then-id order); their radius from their ring and `distance` (0 the ring's inner edge, 1 its
outer edge: the closer to the centre, the closer to the family).
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

SECTORS: tuple[str, ...] = ('gezin', 'familie', 'vrienden', 'kennissen', 'buren', 'werk_school', 'verenigingen',
                            'religie', 'instanties', 'overig')
"""The sectors in order round the clock; `gezin` is centred at the top."""
SECTOR_LABELS: dict[str, str] = {
    'gezin': 'Gezin', 'familie': 'Familie', 'vrienden': 'Vrienden', 'kennissen': 'Kennissen', 'buren': 'Buren',
    'werk_school': 'Werk/school', 'verenigingen': 'Verenigingen', 'religie': 'Religie', 'instanties': 'Instanties',
    'overig': 'Overig'}
RING_LABELS: dict[int, str] = {1: 'Gezin', 2: 'Netwerk', 3: 'Professionals'}
WEDGE = 360 / len(SECTORS)

CENTRE = 0.17
"""Radius of the centre circle (the family) as a fraction of the outer edge."""
RINGS: dict[int, tuple[float, float]] = {1: (CENTRE, 0.40), 2: (0.40, 0.70), 3: (0.70, 1.0)}
"""(inner, outer) edge of each ring as a fraction of the outer edge; ring 2 and 3 get more room: more people."""
FAMILY_DISTANCE = 0.5
"""Family members have no distance of their own: they sit halfway ring 1."""


def sector_wedge(sector: str) -> tuple[float, float]:
    """(start, end) angle of the sector's wedge; `gezin` runs from −18° to 18°. Unknown sectors are `overig`."""
    index = SECTORS.index(sector if sector in SECTORS else 'overig')
    start = index * WEDGE - WEDGE / 2
    return start, start + WEDGE


def sector_angle(sector: str) -> float:
    """The angle through the middle of the sector's wedge (where its label goes)."""
    start, end = sector_wedge(sector)
    return (start + end) / 2


def ring_radius(ring: int, distance: float) -> float:
    """The radius fraction of `distance` (0 inner edge … 1 outer edge, clamped) inside `ring` (1, 2 or 3)."""
    inner, outer = RINGS[ring if ring in RINGS else 2]
    return inner + (outer - inner) * min(max(distance, 0.0), 1.0)


def position(ring: int, sector: str, distance: float, index_in_sector: int = 0,
             count_in_sector: int = 1) -> tuple[float, float]:
    """(angle_degrees, radius_fraction) of the `index_in_sector`-th of `count_in_sector` people in a sector/ring.

    The people share the wedge evenly: each gets an equal slice and sits in its middle, so nobody lands on a
    spoke. The angle is normalised to 0 ≤ angle < 360.
    """
    count = max(count_in_sector, 1)
    index = min(max(index_in_sector, 0), count - 1)
    start, end = sector_wedge(sector)
    angle = start + (end - start) * (index + 0.5) / count
    return angle % 360, ring_radius(ring, distance)


def family_position(index: int, count: int) -> tuple[float, float]:
    """(angle_degrees, radius_fraction) of a family member: spread evenly all round ring 1 (half a step past 12
    o'clock, so the ring labels at the top stay free)."""
    count = max(count, 1)
    return (360 * (index + 0.5) / count) % 360, ring_radius(1, FAMILY_DISTANCE)


def to_xy(angle: float, radius: float, centre: tuple[float, float], size: float) -> tuple[float, float]:
    """Screen coordinates (y down) of a polar position; `size` is the pixel radius of the outer edge."""
    a = math.radians(angle)
    return centre[0] + radius * size * math.sin(a), centre[1] - radius * size * math.cos(a)


def _key(person: dict[str, Any]) -> tuple[str, str, str]:
    name = str(person.get('name', ''))
    return name.casefold(), name, str(person['id'])


def layout(people: Iterable[dict[str, Any]], centre: str | None = None) -> dict[str, tuple[float, float]]:
    """Positions by id for people as dicts (id, name, type, ring, sector, distance, vip), in a fixed order.

    With no `centre` this is the whole-family schema: family members (``type == 'family_member'``) go round
    ring 1, everyone else into their sector's wedge in their own ring, sharing the wedge with the others of that
    sector and ring. With `centre` the id of a family member it is that member's own schema (the VIP view): they
    sit in the middle (radius 0), the other family members round ring 1, and only the people with a `vip`
    placement for them, placed by it. The result depends only on the people, not on the order they come in.
    """
    people = sorted(people, key=_key)
    family = [p for p in people if p.get('type') == 'family_member' and p['id'] != centre]
    spots = {p['id']: family_position(i, len(family)) for i, p in enumerate(family)}
    if centre is not None:
        spots[centre] = (0.0, 0.0)
    groups: dict[tuple[int, str], list[tuple[str, float]]] = {}
    for person in people:
        if person.get('type') == 'family_member':
            continue
        place = person if centre is None else next(
            (p for p in person.get('vip') or [] if p.get('member') == centre), None)
        if place is None:
            continue
        ring = int(place.get('ring', 2)) if place.get('ring') in (1, 2, 3) else 2
        sector = place.get('sector') if place.get('sector') in SECTORS else 'overig'
        groups.setdefault((ring, sector), []).append((person['id'], float(place.get('distance', 0.5))))
    for (ring, sector), members in groups.items():
        for i, (id_, distance) in enumerate(members):
            spots[id_] = position(ring, sector, distance, i, len(members))
    return spots


def place_at(angle: float, radius: float) -> tuple[int, str, float]:
    """(ring, sector, distance) of a polar position: the meaning of a spot where someone was let go.

    Inside the centre counts as the inner edge of ring 1, beyond the outer edge as the outer edge of ring 3.
    The browser schema (`assets/network_schema.js`) does the same sums.
    """
    sector = SECTORS[int(((angle + WEDGE / 2) % 360) // WEDGE) % len(SECTORS)]
    radius = min(max(radius, CENTRE), 1.0)
    ring = next(r for r, (inner, outer) in RINGS.items() if radius <= outer)
    inner, outer = RINGS[ring]
    return ring, sector, round((radius - inner) / (outer - inner), 2)
