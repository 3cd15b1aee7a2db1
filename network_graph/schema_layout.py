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
from typing import Any, NamedTuple

from board.elements import Ring

SECTORS: tuple[str, ...] = ('gezin', 'familie', 'vrienden', 'kennissen', 'buren', 'werk_school', 'verenigingen',
                            'religie', 'instanties', 'overig')
"""The sectors in order round the clock; `gezin` is centred at the top."""
SECTOR_LABELS: dict[str, str] = {
    'gezin': 'Gezin', 'familie': 'Familie', 'vrienden': 'Vrienden', 'kennissen': 'Kennissen', 'buren': 'Buren',
    'werk_school': 'Werk/school', 'verenigingen': 'Verenigingen', 'religie': 'Religie', 'instanties': 'Instanties',
    'overig': 'Overig'}
RING_LABELS: dict[int, str] = {Ring.FAMILY: 'Gezin', Ring.INFORMAL: 'Netwerk', Ring.PROFESSIONAL: 'Professionals'}
WEDGE = 360 / len(SECTORS)

CENTRE = 0.17
"""Radius of the centre circle (the family) as a fraction of the outer edge."""
RINGS: dict[int, tuple[float, float]] = {Ring.FAMILY: (CENTRE, 0.40), Ring.INFORMAL: (0.40, 0.70),
                                         Ring.PROFESSIONAL: (0.70, 1.0)}
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
    inner, outer = RINGS[ring if ring in RINGS else Ring.INFORMAL]
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
    return (360 * (index + 0.5) / count) % 360, ring_radius(Ring.FAMILY, FAMILY_DISTANCE)


def to_xy(angle: float, radius: float, centre: tuple[float, float], size: float) -> tuple[float, float]:
    """Screen coordinates (y down) of a polar position; `size` is the pixel radius of the outer edge."""
    a = math.radians(angle)
    return centre[0] + radius * size * math.sin(a), centre[1] - radius * size * math.cos(a)


ROOM = 0.19
"""The room a person gets when the wedge has it: a dot with a name beside or under it (about 90 px in the browser)."""
RING_3_EDGE = 0.94
"""How far out people sit in ring 3: the strip beyond it holds the sector names."""
SLACK = 0.8
DOT_SHARE = 0.4
"""A dot's radius as a share of its room: with its white rim (`HALO`) it stays inside half the room."""
HALO = 0.13
"""The white rim round a dot, as a share of its radius."""
"""A small wedge keeps everyone at their own distance (in a slice of the wedge each) unless rows give far more room."""


class Spot(NamedTuple):
    """Where a dot sits (polar, like `position`) and the room it has: no other dot's centre is nearer than `room`,
    and two dots each drawn inside half their room never touch."""
    angle: float
    radius: float
    room: float


class SidePart(NamedTuple):
    """A part of the familie wedge: the relatives on `member`'s side (``None``: side not told)."""
    member: str | None
    start: float
    end: float


class Layout(NamedTuple):
    spots: dict[str, Spot]
    """By person id; a person's other role (`marker_id`) has a spot of its own."""
    sides: list[SidePart]
    """The parts of the familie wedge, clockwise; empty when nobody there has a side."""


def dot_radius(room: float, largest: float) -> float:
    """How big a dot is drawn, at most `largest`: two dots drawn so never touch (see `Spot`)."""
    return min(largest, room * DOT_SHARE)


def marker_id(person_id: str, index: int) -> str:
    """The spot of a person's `index`-th extra role (``NetworkPerson.extra_roles``): their second marker."""
    return f'{person_id}#{index}'


def side_at(sides: list[SidePart], angle: float) -> str | None:
    """Whose side a spot in the familie wedge is on (``None`` outside the parts or in the part of the unknown)."""
    return next((part.member for part in sides if part.start <= angle % 360 < part.end), None)


def _key(person: dict[str, Any]) -> tuple[str, str, str]:
    name = str(person.get('name', ''))
    return name.casefold(), name, str(person['id'])


def _band(ring: int) -> tuple[float, float]:
    inner, outer = RINGS[ring]
    return inner, min(outer, RING_3_EDGE)


def _sparse_room(count: int, inner: float, outer: float, wedge: float) -> float:
    """The room when each of `count` people keeps their own distance in an equal slice of the wedge: two in
    neighbouring slices may sit at the same radius, so the slice at the band's inner edge decides."""
    half = math.sin(math.radians(wedge) / (2 * count))
    return min(ROOM, outer - inner, 2 * inner * half / (1 - half))


def _rows(count: int, inner: float, outer: float, wedge: float, room: float) -> list[tuple[float, int]] | None:
    """Rows (radius, how many fit) across the band that seat `count` people at least `room` apart, or ``None``."""
    rows = int((outer - inner) / room + 1e-9)
    if rows < 1:
        return None
    found = []
    for i in range(rows):
        radius = inner + (outer - inner) * (i + 0.5) / rows
        step = 2 * math.asin(min(1.0, room / (2 * radius)))  # the angle between two neighbours `room` apart
        found.append((radius, int(math.radians(wedge) / step + 1e-9)))
    return found if sum(fit for _, fit in found) >= count else None


def _rows_room(count: int, inner: float, outer: float, wedge: float) -> float:
    """The largest room (up to `ROOM`) at which rows seat `count` people: halved until they fit, then refined."""
    low, high = 0.0, ROOM
    if _rows(count, inner, outer, wedge, high):
        return high
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if _rows(count, inner, outer, wedge, middle) else (low, middle)
    return low


def _fill(rows: list[tuple[float, int]], count: int) -> list[int]:
    """How many sit in each row: as evenly as the rows allow, so the outer rows are used too."""
    seated = [0] * len(rows)
    for _ in range(count):
        open_rows = [i for i, (_, fit) in enumerate(rows) if seated[i] < fit]
        seated[min(open_rows, key=lambda i: (seated[i] / rows[i][1], i))] += 1
    return seated


def _arrange(members: list[tuple[str, float]], ring: int, start: float, end: float) -> dict[str, Spot]:
    """Seat the people of one ring in one wedge (or part of it), given in name order with their distance.

    Few enough: each in an equal slice of the wedge at their own distance. Too many for that: in rows across the
    ring, the closest in the inner row, each row in name order. The room shrinks as the wedge fills, never below
    what keeps two dots apart.
    """
    inner, outer = _band(ring)
    wedge, count = end - start, len(members)
    sparse = _sparse_room(count, inner, outer, wedge)
    crowded = _rows_room(count, inner, outer, wedge)
    if sparse >= SLACK * crowded:
        return {id_: Spot((start + wedge * (i + 0.5) / count) % 360,
                          min(max(ring_radius(ring, distance), inner + sparse / 2), outer - sparse / 2), sparse)
                for i, (id_, distance) in enumerate(members)}
    rows = _rows(count, inner, outer, wedge, crowded) or []
    order = sorted(range(count), key=lambda i: (members[i][1], i))  # closest first, then by name
    spots: dict[str, Spot] = {}
    for (radius, _), seated in zip(rows, _fill(rows, count), strict=True):
        row, order = sorted(order[:seated]), order[seated:]
        for j, i in enumerate(row):
            spots[members[i][0]] = Spot((start + wedge * (j + 0.5) / seated) % 360, radius, crowded)
    return spots


def _family_spots(family: list[dict[str, Any]], taken: set[str]) -> dict[str, Spot]:
    """Family members round ring 1 (`family_position`), or round what the sectors with other people in ring 1 leave
    free (`taken`), so a relative who lives in does not sit on top of a child."""
    count = len(family)
    radius = ring_radius(Ring.FAMILY, FAMILY_DISTANCE)
    free = _free_arcs(taken)
    length = sum(end - start for start, end in free)
    angles = []
    for i in range(count):
        along = length * (i + 0.5) / count
        for start, end in free:
            if along <= end - start:
                angles.append((start + along) % 360)
                break
            along -= end - start
    step = math.radians(length / count) if count else 0.0
    apart = 2 * radius * math.sin(min(step, math.pi) / 2) if count > 1 else ROOM
    room = min(ROOM, apart, 2 * (radius - CENTRE))
    return {p['id']: Spot(angle, radius, room) for p, angle in zip(family, angles, strict=True)}


def _free_arcs(taken: set[str]) -> list[tuple[float, float]]:
    """The arcs of the circle outside the wedges of the `taken` sectors, clockwise (the whole circle from 12 o'clock
    when none or all are taken)."""
    if not taken or taken >= set(SECTORS):
        return [(0.0, 360.0)]
    return [sector_wedge(s) for s in SECTORS if s not in taken]


def _side_parts(places: list[tuple[str, int, str, float, str | None]], order: list[str]) -> list[SidePart]:
    """The familie wedge split among the sides its people are on, in the family's order, the unknown between."""
    sides = {side for _, _, sector, _, side in places if sector == 'familie'}
    if sides <= {None}:
        return []
    parts: list[str | None] = [member for member in order if member in sides]
    if None in sides:
        parts.insert(len(parts) // 2, None)
    start, end = sector_wedge('familie')
    step = (end - start) / len(parts)
    return [SidePart(member, start + i * step, start + (i + 1) * step) for i, member in enumerate(parts)]


def _apart(spots: dict[str, Spot], centre: str | None) -> dict[str, Spot]:
    """Each room no larger than the distance to the nearest other dot (a person in ring 1 near a family member)."""
    xy = {id_: to_xy(s.angle, s.radius, (0, 0), 1) for id_, s in spots.items() if id_ != centre}
    result = dict(spots)
    for id_, point in xy.items():
        nearest = min((math.dist(point, other) for other_id, other in xy.items() if other_id != id_),
                      default=ROOM)
        if nearest < spots[id_].room:
            result[id_] = spots[id_]._replace(room=nearest)
    return result


def layout(people: Iterable[dict[str, Any]], centre: str | None = None) -> Layout:
    """Where everyone sits, for people as dicts (id, name, type, role, ring, sector, distance, vip, side,
    extra_roles), in a fixed order; the result depends only on the people, not on the order they come in.

    With no `centre` this is the whole-family schema: family members (``type == 'family_member'``) go round
    ring 1, everyone else into their sector's wedge in their own ring, sharing it with the others there; their
    other roles get a marker of their own where those roles are. In the familie wedge, relatives with a `side`
    sit in the part of that family member. With `centre` the id of a family member it is that member's own
    schema (the VIP view): they sit in the middle (radius 0), the other family members round ring 1, and only the
    people with a `vip` placement for them, placed by it.
    """
    people = sorted(people, key=_key)
    family = [p for p in people if p.get('type') == 'family_member' and p['id'] != centre]
    members = [p['id'] for p in people if p.get('type') == 'family_member']
    spots: dict[str, Spot] = {}
    if centre is not None:
        spots[centre] = Spot(0.0, 0.0, 2 * CENTRE)
    places: list[tuple[str, int, str, float, str | None]] = []  # id, ring, sector, distance, side
    for person in people:
        if person.get('type') == 'family_member':
            continue
        side = person.get('side') if person.get('side') in members else None
        own = person if centre is None else next(
            (p for p in person.get('vip') or [] if p.get('member') == centre), None)
        roles = list(enumerate(person.get('extra_roles') or [])) if centre is None else []
        for id_, place in ([(person['id'], own)] if own else []) + [(marker_id(person['id'], i), r) for i, r in roles]:
            ring = place.get('ring') if place.get('ring') in RINGS else Ring.INFORMAL
            sector = place.get('sector') if place.get('sector') in SECTORS else 'overig'
            places.append((id_, int(ring), sector, float(place.get('distance', 0.5)), side))
    spots.update(_family_spots(family, {sector for _, ring, sector, _, _ in places if ring == Ring.FAMILY}))
    sides = _side_parts(places, members)
    groups: dict[tuple[int, str, float, float], list[tuple[str, float]]] = {}
    for id_, ring, sector, distance, side in places:
        part = next((p for p in sides if p.member == side), None) if sector == 'familie' and sides else None
        start, end = (part.start, part.end) if part else sector_wedge(sector)
        groups.setdefault((ring, sector, start, end), []).append((id_, distance))
    for (ring, _, start, end), seated in groups.items():
        spots.update(_arrange(seated, ring, start, end))
    return Layout(_apart(spots, centre), sides)


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
