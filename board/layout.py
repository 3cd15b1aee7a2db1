"""Where cards lie on the board: a free, sensible place for a new card, and a tidy board on request.

The board has a shape that people learn: the zones of the plan (`board.plan.ZONES`), the goals in the band
between them and below them, grouped per family member, each agreement under its goal, the notes in their zone,
and the family and their network in columns beside the plan. `place` finds a new card a spot in that shape,
`tidy` ("Netjes leggen") lays out every card someone may move in it again. Neither ever puts a card on another one,
and `tidy` moves no card into a zone, and one out of it only when the zone is full: what lies in a zone is what an
invitee who was shown that zone sees (`board.access`). Pure geometry on elements; its card sizes are the canvas's
(through its props) and the PDF picture's.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .access import lies_in
from .elements import Element, ElementType, Ring, Sector

Box = tuple[float, float, float, float]
"""x, y (top-left corner), width, height, in board units."""

SIZES: dict[str, tuple[int, int]] = {
    'goal': (240, 130), 'agreement': (240, 120), 'note': (200, 120),
    'family_member': (170, 70), 'network_person': (170, 70), 'pictogram': (110, 110),
}
"""Each card type's size on the canvas (assets/board_canvas.js gets it as a prop) and in the PDF picture."""

GAP = 20
"""The least room between two cards this module lays down."""
GOAL_STEP = 280
"""From one goal column to the next."""
UNDER_GOAL = 150
"""From a goal's top to its first agreement's."""
AGREEMENT_STEP = 140
"""From one agreement to the next under the same goal."""
PERSON_STEP = (200, 90)
"""Columns and rows of the family and the network beside the plan."""
BESIDE = 60
"""Between the plan and what lies beside or below it."""
INSET = (40, 80)
"""Where a zone's cards start, from its corner: under its title."""
PLAN_WIDTH = 1680
"""The width of the plan on a board without zones: six goals side by side."""
MIN_ROWS = 6
"""People in a column at least, however low the plan."""
WISH_RADIUS = 800
"""How far from the spot someone asked for a new card may go before the board's own order decides."""
NOTE_ZONES = {'question': 'hulpvraag', 'idea': 'toekomst', 'strength': 'krachten', 'worry': 'zorgen'}
"""The zone a new note of each kind goes into."""


def drawn(element: Element) -> bool:
    """Whether a live element is a card on the board (a removed goal stays in the plan's history, not on the board)."""
    return (not element.deleted and element.type in SIZES
            and not (element.type == ElementType.GOAL and element.props.get('status') == 'removed'))


def box(element: Element) -> Box:
    """Where a card or zone lies and how big it is."""
    p = element.props
    w, h = (p.get('w', 600), p.get('h', 400)) if element.type == ElementType.ZONE else SIZES[element.type]
    return p.get('x', 0), p.get('y', 0), w, h


def overlap(a: Box, b: Box, gap: float = 0) -> bool:
    """Whether two boxes come closer than `gap` (0: whether they overlap)."""
    return (a[0] < b[0] + b[2] + gap and b[0] < a[0] + a[2] + gap
            and a[1] < b[1] + b[3] + gap and b[1] < a[1] + a[3] + gap)


@dataclass
class _Floor:
    """What is taken: the cards that stay, the cards laid down so far, and the zones."""
    cards: list[Box]
    zones: dict[str, Box]

    def free(self, spot: Box, home: str | None = None, zones: bool = True) -> bool:
        """Free for a card: no card near, and no zone but its own (`home`) under it."""
        return not any(overlap(spot, taken, GAP) for taken in self.cards) and not (
            zones and any(overlap(spot, z, GAP) for i, z in self.zones.items() if i != home))

    def lowest(self, x: float, y: float, size: tuple[float, float], limit: float = math.inf,
               home: str | None = None) -> float | None:
        """The highest free spot at `x` from `y` down, jumping past whatever is in the way; ``None`` past `limit`."""
        w, h = size
        while y + h <= limit:
            spot = (x, y, w, h)
            hits = [b for b in self.cards if overlap(spot, b, GAP)]
            hits += [z for i, z in self.zones.items() if i != home and overlap(spot, z, GAP)]
            if not hits:
                return y
            y = max(b[1] + b[3] for b in hits) + GAP
        return None

    def first(self, xs: Iterable[float], y: float, size: tuple[float, float], limit: float = math.inf,
              home: str | None = None) -> tuple[float, float] | None:
        """The highest free spot over the columns `xs`, the leftmost of equals: reading order."""
        found = [(spot_y, x) for x in xs if (spot_y := self.lowest(x, y, size, limit, home)) is not None]
        return (min(found)[1], min(found)[0]) if found else None

    def take(self, spot: Box) -> None:
        self.cards.append(spot)


@dataclass
class _Plan:
    """The board's shape, read from its zones: the plan's outline and the free bands between rows of zones."""
    left: float
    top: float
    right: float
    bottom: float
    bands: list[tuple[float, float]]

    @classmethod
    def of(cls, zones: Iterable[Box]) -> _Plan:
        zones = list(zones)
        if not zones:
            return cls(0, 0, PLAN_WIDTH, 0, [])
        spans = sorted((z[1], z[1] + z[3]) for z in zones)
        bands, reach = [], spans[0][1]
        for top, bottom in spans[1:]:
            if top - reach >= 2 * BESIDE + SIZES['goal'][1]:
                bands.append((reach, top))
            reach = max(reach, bottom)
        right = max(min(z[0] for z in zones) + 2 * INSET[0] + SIZES['goal'][0], *(z[0] + z[2] for z in zones))
        return cls(min(z[0] for z in zones), spans[0][0], right, reach, bands)

    def columns(self, width: float = SIZES['goal'][0], step: float = GOAL_STEP) -> list[float]:
        """The x of each goal column in the plan."""
        return [self.left + INSET[0] + step * i
                for i in range(max(1, int((self.right - self.left - INSET[0] - width) // step) + 1))]

    def rows(self) -> list[tuple[float, float]]:
        """(top, limit) of each band a goal fits in, then the open area below the plan."""
        return [(top + INSET[0], bottom - GAP) for top, bottom in self.bands] + [(self.bottom + BESIDE, math.inf)]

    @property
    def people_rows(self) -> int:
        return max(MIN_ROWS, int((self.bottom - self.top - INSET[0]) // PERSON_STEP[1]))

    @property
    def beside(self) -> float:
        """The x of the family's column."""
        return self.right + BESIDE


class _Board:
    """One board's cards and zones, seen by this module."""

    def __init__(self, elements: Iterable[Element]) -> None:
        live = [e for e in elements if not e.deleted]
        self.zones = {e.id: e for e in live if e.type == ElementType.ZONE}
        self.cards = {e.id: e for e in live if drawn(e)}
        self.plan = _Plan.of(box(z) for z in self.zones.values())

    def floor(self, staying: Iterable[Element], reserve: bool = False) -> _Floor:
        """The floor with `staying` on it; with `reserve`, room under each goal for its first agreement."""
        return _Floor([self.reserved(e) if reserve else box(e) for e in staying],
                      {i: box(z) for i, z in self.zones.items()})

    @staticmethod
    def reserved(card: Element) -> Box:
        x, y, w, h = box(card)
        return (x, y, w, UNDER_GOAL + SIZES['agreement'][1]) if card.type == ElementType.GOAL else (x, y, w, h)

    def zone_of(self, card: Element) -> Element | None:
        """The zone the card lies in (`board.access.lies_in`), if any."""
        return next((z for z in self.zones.values() if lies_in(card.props, z.props)), None)

    def group(self, goal: Element) -> str:
        """Whose goal it is on the board: its youngest owner's (a parent sharing a child's goal leaves it with the
        child); '' for a goal of nobody in particular."""
        owners = [self.cards[i] for i in goal.props.get('owners', []) if i in self.cards]
        youngest = max(owners, key=lambda m: m.props.get('birth_date') or '', default=None)
        return youngest.id if youngest is not None else ''

    def people_columns(self, n: int) -> int:
        return max(1, math.ceil(n / self.plan.people_rows))


def place(elements: Mapping[str, Element], element: Element,
          near: tuple[float, float] | None = None) -> tuple[float, float]:
    """A free spot for a new card, among everything on the board (what its maker cannot see included).

    :param near: where its maker asked for it (e.g. the middle of what they look at): kept if free, else the nearest
        free spot; without it the board's order decides
    """
    board = _Board(e for e in elements.values() if e.id != element.id)
    size = SIZES[element.type]
    if near is not None:
        found = _nearest(board.floor(board.cards.values()), near, size)
        if found is not None:
            return found
    floor = board.floor(board.cards.values(), reserve=element.type != ElementType.AGREEMENT)
    plan = board.plan
    match element.type:
        case ElementType.FAMILY_MEMBER | ElementType.NETWORK_PERSON:
            members = sum(e.type == ElementType.FAMILY_MEMBER for e in board.cards.values())
            first = 0 if element.type == ElementType.FAMILY_MEMBER else board.people_columns(members)
            return _in_columns(floor, plan, first)
        case ElementType.GOAL:
            if (spot := _beside_group(board, floor, element)) is not None:
                return spot
        case ElementType.AGREEMENT:
            goal = board.cards.get(element.props.get('goal_id') or '')
            if goal is not None and (spot := _under(board, goal)) is not None:
                return spot
        case ElementType.NOTE:
            zone = next((z for z in board.zones.values()
                         if z.props.get('kind') == NOTE_ZONES.get(element.props.get('kind', ''))), None)
            if zone is not None and (spot := _in_zone(floor, zone, size)) is not None:
                return spot
    if element.type in (ElementType.GOAL, ElementType.AGREEMENT):
        return next(spot for top, limit in plan.rows() if (spot := floor.first(plan.columns(), top, size, limit)))
    spot = floor.first(plan.columns(), plan.rows()[-1][0], size)
    assert spot is not None, 'below the last row there is always room'
    return spot


def _nearest(floor: _Floor, near: tuple[float, float], size: tuple[float, float]) -> tuple[float, float] | None:
    """The free spot closest to `near` (zones do not count: someone may well ask for a spot in one)."""
    step = GAP * 2
    for ring in range(int(WISH_RADIUS // step) + 1):
        spots = [(near[0] + dx * step, near[1] + dy * step) for dx in range(-ring, ring + 1)
                 for dy in range(-ring, ring + 1) if max(abs(dx), abs(dy)) == ring]
        spots.sort(key=lambda s: (s[0] - near[0]) ** 2 + (s[1] - near[1]) ** 2)
        if (spot := next((s for s in spots if floor.free((*s, *size), zones=False)), None)) is not None:
            return spot
    return None


def _in_columns(floor: _Floor, plan: _Plan, first: int, rows: int = 0) -> tuple[float, float]:
    """The first free spot for a person, column by column from column `first` beside the plan, `rows` to a column
    (default: as many as the plan is high)."""
    step_x, step_y = PERSON_STEP
    for column in range(first, first + 10_000):
        x = plan.beside + step_x * column
        for row in range(rows or plan.people_rows):
            spot = (x, plan.top + INSET[0] + step_y * row)
            if floor.free((*spot, *SIZES['family_member'])):
                return spot
    raise AssertionError('a board has fewer people than that')


def _beside_group(board: _Board, floor: _Floor, goal: Element) -> tuple[float, float] | None:
    """Right after the last goal of the same family member, if free and still in the plan."""
    group = board.group(goal)
    same = [g for g in board.cards.values() if g.type == ElementType.GOAL and board.zone_of(g) is None
            and board.group(g) == group]
    if not same:
        return None
    last = max(same, key=lambda g: (g.props.get('y', 0), g.props.get('x', 0)))
    x, y = last.props.get('x', 0) + GOAL_STEP, last.props.get('y', 0)
    fits = x + SIZES['goal'][0] <= board.plan.right
    return (x, y) if fits and floor.free((x, y, *board.reserved(goal)[2:])) else None


def _under(board: _Board, goal: Element) -> tuple[float, float] | None:
    """Under its goal, below the agreements already there; ``None`` when a zone or another goal is in the way."""
    x, y, w, _ = box(goal)
    floor = board.floor(board.cards.values())
    column = [box(e) for e in board.cards.values() if e.type == ElementType.GOAL] + list(floor.zones.values())
    below = [b[1] for b in column if b[1] > y and overlap((x, 0, w, 1), (b[0], 0, b[2], 1))]
    found = floor.lowest(x, y + UNDER_GOAL, SIZES['agreement'], min(below, default=math.inf) - GAP)
    return (x, found) if found is not None else None


def _in_zone(floor: _Floor, zone: Element, size: tuple[float, float]) -> tuple[float, float] | None:
    """The first free spot inside a zone, in reading order; ``None`` when it is full."""
    x, y, w, h = box(zone)
    xs = [x + INSET[0] + GAP * i for i in range(int((w - 2 * INSET[0] - size[0]) // GAP) + 1)
          if x + INSET[0] + GAP * i + size[0] <= x + w - GAP]
    return floor.first(xs, y + INSET[1], size, y + h - GAP, home=zone.id)


ORDER = (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON, ElementType.GOAL, ElementType.AGREEMENT,
         ElementType.NOTE, ElementType.PICTOGRAM)
"""The order cards are laid down in: the people first, a goal before its agreements."""


def spread(elements: Mapping[str, Element]) -> dict[str, tuple[float, float]]:
    """Places for the cards of an imported board that have none, or lie exactly on another card's spot (a file
    written by hand or by another program); every other card keeps the place the file gives it, so a backup comes
    back as it was, a card the family dragged half over another one included."""
    cards = [e for e in elements.values() if drawn(e)]
    taken = Counter((e.props.get('x'), e.props.get('y')) for e in cards)
    loose = [e for e in cards if not {'x', 'y'} <= e.props.keys() or taken[(e.props['x'], e.props['y'])] > 1]
    board, spots = dict(elements), {}
    for card in sorted(loose, key=lambda e: ORDER.index(e.type)):
        spots[card.id] = place(board, card)
        board[card.id] = card.model_copy(update={'props': card.props | dict(zip('xy', spots[card.id], strict=True))})
    return spots


def moves(elements: Mapping[str, Element], to: Mapping[str, tuple[float, float]],
          since: Mapping[str, tuple[float, float]] | None = None) -> list[dict[str, Any]]:
    """The operations that put cards at `to`, one for each card not there yet; with `since` (where a tidy left them,
    to undo it), only for the cards still lying there: one somebody moved since stays where they put it."""
    ops = []
    for element_id, (x, y) in to.items():
        card = elements.get(element_id)
        if card is None or not drawn(card):
            continue
        now = (card.props.get('x', 0), card.props.get('y', 0))
        if now != (x, y) and (since is None or since.get(element_id) == now):
            ops.append({'op': 'update', 'id': element_id, 'props': {'x': x, 'y': y}})
    return ops


def tidy(elements: Mapping[str, Element], movable: Collection[str]) -> dict[str, tuple[float, float]]:
    """New places for the cards in `movable` ("Netjes leggen"), around the cards that stay, so no two cards overlap.

    A card in a zone is laid out in that zone (one that no longer fits there goes below the plan), every other card
    in the board's order: the family and their network in columns beside the plan, the goals of each family member
    side by side with their agreements under them, then loose notes and pictograms. The same board gives the same
    places again.
    """
    board = _Board(elements.values())
    moving = [e for e in board.cards.values() if e.id in movable]
    floor = board.floor(e for e in board.cards.values() if e.id not in movable)
    spots: dict[str, tuple[float, float]] = {}

    def put(card: Element, spot: tuple[float, float]) -> None:
        spots[card.id] = spot
        floor.take((*spot, *SIZES[card.type]))

    outside: list[Element] = []
    for card in sorted(moving, key=lambda e: (e.props.get('y', 0), e.props.get('x', 0))):
        zone = board.zone_of(card)
        if zone is None or (spot := _in_zone(floor, zone, SIZES[card.type])) is None:
            outside.append(card)
        else:
            put(card, spot)
    by_type = {kind: [e for e in outside if e.type == kind] for kind in ElementType}
    members = sorted(by_type[ElementType.FAMILY_MEMBER], key=_eldest_first)
    columns = _people(floor, board, members, 0, put)
    if any(e.type == ElementType.FAMILY_MEMBER for e in board.cards.values()):
        columns = max(columns, 1)
    people = sorted(by_type[ElementType.NETWORK_PERSON], key=_closest_first)
    _people(floor, board, people, columns, put)
    rows = _Rows(board.plan, floor)
    for group in _goal_blocks(board, members, by_type[ElementType.GOAL], by_type[ElementType.AGREEMENT]):
        spots |= {card.id: spot for card, spot in rows.lay(group)}
    rows.new_row()
    for card in by_type[ElementType.NOTE] + by_type[ElementType.PICTOGRAM]:
        spots |= {laid.id: spot for laid, spot in rows.lay_one([card])}
    return spots


def _people(floor: _Floor, board: _Board, people: list[Element], first: int, put: Callable) -> int:
    """Lay people out in columns from column `first`, as even as they go; the number of columns used."""
    if not people:
        return 0
    columns = board.people_columns(len(people))
    rows = math.ceil(len(people) / columns)
    used = first
    for person in people:
        spot = _in_columns(floor, board.plan, first, rows)
        used = max(used, 1 + round((spot[0] - board.plan.beside) / PERSON_STEP[0]))
        put(person, spot)
    return used


def _goal_blocks(board: _Board, members: list[Element], goals: list[Element],
                 agreements: list[Element]) -> list[list[list[Element]]]:
    """The goals per family member (in the order of the family's column), each a column with its agreements under
    it, and last the agreements of no goal laid here, two to a column."""
    order = {m.id: i for i, m in enumerate(members)}
    laid = {g.id for g in goals}
    under: dict[str, list[Element]] = {}
    loose: list[Element] = []
    for agreement in sorted(agreements, key=_by_number):
        goal_id = agreement.props.get('goal_id')
        (under.setdefault(goal_id, []) if goal_id in laid else loose).append(agreement)
    groups: dict[str, list[list[Element]]] = {}
    for goal in sorted(goals, key=_by_number):
        groups.setdefault(board.group(goal), []).append([goal, *under.get(goal.id, [])])
    blocks = [groups[g] for g in sorted(groups, key=lambda g: (g == '', order.get(g, len(order)), g))]
    return blocks + [[loose[i:i + 2] for i in range(0, len(loose), 2)]] if loose else blocks


MEMBER_ROLES = ('parent', 'other', 'youth', 'child')


def _eldest_first(member: Element) -> tuple:
    """The family's column from top to bottom: by age, and where a birth date is missing, parents before children."""
    p = member.props
    return (p.get('birth_date') is None, p.get('birth_date') or '', MEMBER_ROLES.index(p.get('role', 'other')),
            p.get('name', ''), member.id)


def _closest_first(person: Element) -> tuple:
    """The network beside the family: the informal network before the professionals, by sector, then by name."""
    p = person.props
    name = [int(part) if part.isdigit() else part for part in re.split(r'(\d+)', p.get('name', '').casefold())]
    return p.get('ring', Ring.INFORMAL), list(Sector).index(p.get('sector', 'overig')), name, person.id


def _by_number(card: Element) -> tuple[int, str]:
    return card.props.get('number') or 0, card.id


@dataclass
class _Row:
    top: float
    limit: float
    x: float
    height: float = 0.0


class _Rows:
    """Rows of columns in the plan, left to right: the bands between the zones, which stay open for a group that fits
    them, and below the plan one row after another."""

    def __init__(self, plan: _Plan, floor: _Floor) -> None:
        self.plan, self.floor = plan, floor
        *bands, (top, _) = plan.rows()
        self.bands = [_Row(band_top, limit, self.start) for band_top, limit in bands]
        self.row = _Row(top, math.inf, self.start)

    @property
    def start(self) -> float:
        return self.plan.left + INSET[0]

    def new_row(self, force: bool = False) -> None:
        """Go on below the plan in a new row, unless the present one is still empty."""
        if self.row.x != self.start or force:
            self.row = _Row(self.row.top + self.row.height + BESIDE, math.inf, self.start)

    def lay(self, group: list[list[Element]]) -> list[tuple[Element, tuple[float, float]]]:
        """Places for a group of columns of cards: together in the first row they fit in, else wrapped over rows."""
        for row in [*self.bands, self.row]:
            if (placed := self._together(row, group)) is not None:
                return placed
        self.new_row()
        if (placed := self._together(self.row, group)) is not None:
            return placed
        return [spot for column in group for spot in self.lay_one(column)]

    def _together(self, row: _Row, group: list[list[Element]]) -> list[tuple[Element, tuple[float, float]]] | None:
        x, spots = row.x, []
        for column in group:
            width = SIZES[column[0].type][0]
            while not self._fits(row, x, column):
                x += width + INSET[0]
                if x + width > self.plan.right:
                    return None
            spots.append((x, column))
            x += width + INSET[0]
        return [placed for x, column in spots for placed in self._put(row, x, column)]

    def lay_one(self, column: list[Element]) -> list[tuple[Element, tuple[float, float]]]:
        """One column in the row below the plan, in a new row when this one is full (or blocked)."""
        width = SIZES[column[0].type][0]
        while not self._fits(self.row, self.row.x, column):
            self.row.x += width + INSET[0]
            if self.row.x + width > self.plan.right:
                self.new_row(force=True)  # also when nothing fitted in this one
        return self._put(self.row, self.row.x, column)

    def _put(self, row: _Row, x: float, column: list[Element]) -> list[tuple[Element, tuple[float, float]]]:
        placed, y = [], row.top
        for card in column:
            placed.append((card, (x, y)))
            self.floor.take((x, y, *SIZES[card.type]))
            y += UNDER_GOAL if card.type == ElementType.GOAL else SIZES[card.type][1] + GAP
        row.x = max(row.x, x + SIZES[column[0].type][0] + INSET[0])
        row.height = max(row.height, _height(column))
        return placed

    def _fits(self, row: _Row, x: float, column: list[Element]) -> bool:
        if x + SIZES[column[0].type][0] > self.plan.right or row.top + _height(column) > row.limit:
            return False
        y = row.top
        for card in column:
            if not self.floor.free((x, y, *SIZES[card.type])):
                return False
            y += UNDER_GOAL if card.type == ElementType.GOAL else SIZES[card.type][1] + GAP
        return True


def _height(column: list[Element]) -> float:
    """How high a column of cards is: a goal with its agreements under it, or agreements on their own."""
    return sum(UNDER_GOAL if c.type == ElementType.GOAL else SIZES[c.type][1] + GAP for c in column) - GAP
