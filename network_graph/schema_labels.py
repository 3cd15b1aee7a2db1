"""Where each name goes on the netwerkschema: under, over or beside its dot, never over another dot or name and
never past the edge of the picture. The browser schema and the PNG both ask it, each with its own sizes.

A name is shown whole or not at all: it may break between words into two lines, and when it fits nowhere at the
given size it is tried a little smaller; a dot left without a name still has its initials and, in the browser,
the name on hover and for a screen reader. Text widths are estimated (`text_width`), on the safe side for a bold sans.
All lengths are in the units of `schema_layout` (the outer edge of ring 3 is 1), y pointing down.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from .schema_layout import HALO, RINGS, Layout, SidePart, dot_radius, marker_id, to_xy

WIDTHS = ((frozenset("ijlI.,:;!|ı'"), 0.36), (frozenset('frt()[]/- '), 0.47), (frozenset('mwMW'), 1.05))
"""Character widths as a share of the font size, after DejaVu Sans Bold (wider than most screen fonts, so a name
estimated to fit does); other capitals `CAPITAL`, anything else `WIDTH`."""
CAPITAL, WIDTH = 0.82, 0.7
LEAD = 1.15
"""Line height as a share of the font size."""
ASCENT, DESCENT = 1.07, 0.3
"""From the top of a line's box to its baseline, and from the baseline to the box's bottom, as shares of the font
size: as tall as the tallest common screen font (Noto Sans) draws its box, so two names estimated apart stay apart
whichever font the tablet has."""
GAP = 0.25
"""Between a dot's rim and its name, as a share of the font size."""
SMALLER = 0.85
"""A name that fits nowhere is tried once more at this share of the size."""

Box = tuple[float, float, float, float]
"""left, top, right, bottom"""
Dot = tuple[float, float, float]
"""x, y, radius"""


class Label(NamedTuple):
    """A name to draw: `lines` from the point (`x`, `y`) relative to the dot's centre, where `y` is the baseline of
    the first line, `anchor` as in SVG (``start``, ``middle``, ``end``), at font `size`."""
    lines: tuple[str, ...]
    x: float
    y: float
    anchor: str
    size: float


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float) -> float:
    return size * sum(next((width for chars, width in WIDTHS if c in chars), CAPITAL if c.isupper() else WIDTH)
                      for c in text)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_box(dot: Dot, label: Label) -> Box:
    """The box a label takes on the picture, for a dot at (x, y)."""
    x, y = dot[0] + label.x, dot[1] + label.y
    width = max(text_width(line, label.size) for line in label.lines)
    left = {'start': x, 'middle': x - width / 2, 'end': x - width}[label.anchor]
    top = y - ASCENT * label.size
    return left, top, left + width, top + box_height(len(label.lines), label.size)


def box_height(lines: int, size: float) -> float:
    """How tall `lines` lines of text at `size` are, from the top of the first to the bottom of the last."""
    return (ASCENT + DESCENT + LEAD * (lines - 1)) * size


def _wraps(text: str) -> list[tuple[str, ...]]:
    """The name on one line, then broken between words into the two most even lines."""
    words = text.split()
    if len(words) < 2:
        return [(text,)] if text else []
    splits = [(' '.join(words[:i]), ' '.join(words[i:])) for i in range(1, len(words))]
    return [(' '.join(words),), min(splits, key=lambda pair: (max(map(len, pair)), -len(pair[0])))]


def _candidates(dot: Dot, text: str, size: float, room: float) -> Iterable[Label]:
    """Under, over, beside towards the middle, beside outwards (level with the dot, then a little higher or lower):
    on one line, and on two; two lines first when one line is wider than the `room` between neighbours."""
    x, r = dot[0], dot[2] * (1 + HALO) + GAP * size
    inward, outward = ('end', 'start') if x > 0 else ('start', 'end')
    wraps = sorted(_wraps(text), key=lambda lines: max(0.0, max(text_width(t, size) for t in lines) - room))
    for lines in wraps:
        height = box_height(len(lines), size)
        yield Label(lines, 0.0, r + ASCENT * size, 'middle', size)
        yield Label(lines, 0.0, -r - height + ASCENT * size, 'middle', size)
        for shift in (0.0, -0.5, 0.5):
            for anchor in (inward, outward):
                yield Label(lines, r if anchor == 'start' else -r, (shift - 0.5) * height + ASCENT * size, anchor,
                            size)


def place_labels(dots: Mapping[str, Dot], texts: Mapping[str, str], size: float, bounds: Box,
                 keep_out: list[Box], order: Iterable[str] | None = None,
                 rooms: Mapping[str, float] | None = None, within: float | None = None) -> dict[str, Label | None]:
    """A label for each dot with a text, in `order` (default: the dots' order; who comes first gets the best place),
    or ``None`` where it would fit nowhere (and for a dot without a text). When some are left without, it tries once
    more with those first, and keeps whichever names more.

    :param dots: id → (x, y, radius) of every dot on the picture, named or not (they are all in the way)
    :param bounds: the picture's edges; no label goes past them
    :param keep_out: boxes no label may cover, e.g. the sector and ring names
    :param rooms: how far each dot's nearest neighbour is: a name wider than that breaks in two
    :param within: how far from the centre a label may reach (e.g. not into the rim with the sector names)
    """
    rooms = rooms or {}
    order = [id_ for id_ in (order if order is not None else dots) if texts.get(id_) and id_ in dots]
    fits = functools.partial(_greedy, dots, texts, size, bounds, keep_out, rooms=rooms, within=within)
    first = fits(order)
    left = [id_ for id_ in order if first[id_] is None]
    if left:
        second = fits(left + [id_ for id_ in order if id_ not in left])
        if sum(label is not None for label in second.values()) > len(order) - len(left):
            first = second
    return {id_: first.get(id_) for id_ in dots}


def _greedy(dots: Mapping[str, Dot], texts: Mapping[str, str], size: float, bounds: Box, keep_out: list[Box],
            order: list[str], rooms: Mapping[str, float], within: float | None) -> dict[str, Label | None]:
    taken = _Grid()
    for id_, dot in dots.items():
        taken.add(_dot_box(dot), id_)
    for box in keep_out:
        taken.add(box)
    result: dict[str, Label | None] = {}
    for id_ in order:
        result[id_] = None
        room = rooms.get(id_, float('inf'))
        for label in (c for s in (size, size * SMALLER) for c in _candidates(dots[id_], texts[id_], s, room)):
            box = label_box(dots[id_], label)
            if _inside(box, bounds) and (within is None or _near(box, within)) and not taken.hits(box, id_):
                result[id_] = label
                taken.add(box)
                break
    return result


class _Grid:
    """Boxes filed by the cells of a coarse grid they touch, so a new box is checked against its neighbours only."""
    CELL = 0.1

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[Box, str | None]]] = {}

    def _cells(self, box: Box) -> Iterable[tuple[int, int]]:
        c = self.CELL
        for i in range(math.floor(box[0] / c), math.floor(box[2] / c) + 1):
            for j in range(math.floor(box[1] / c), math.floor(box[3] / c) + 1):
                yield i, j

    def add(self, box: Box, owner: str | None = None) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append((box, owner))

    def hits(self, box: Box, owner: str) -> bool:
        """Whether `box` overlaps any box filed, except `owner`'s own dot."""
        return any(overlaps(box, other) and who != owner
                   for cell in self._cells(box) for other, who in self.cells.get(cell, ()))


def _near(box: Box, radius: float) -> bool:
    """Whether every corner of the box lies within `radius` of the centre."""
    return all(math.hypot(x, y) <= radius for x in (box[0], box[2]) for y in (box[1], box[3]))


def _dot_box(dot: Dot) -> Box:
    x, y, r = dot
    rim = r * (1 + HALO)
    return x - rim, y - rim, x + rim, y + rim


def _inside(box: Box, bounds: Box) -> bool:
    return bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]


MARKER_SIZE = 0.75
"""A person's second marker (another role, elsewhere on the schema) is drawn this much smaller than a dot."""
SIDE_LABEL_RADIUS = RINGS[3][0] + 0.03
"""Where the name of a side of the family stands in its part of the familie wedge: just inside ring 3."""


def side_label_spot(part: SidePart) -> tuple[float, float]:
    return to_xy((part.start + part.end) / 2, SIDE_LABEL_RADIUS, (0, 0), 1)


def first_name(name: str) -> str:
    """How a side of the family is named in its narrow part of the wedge: 'kant Derya'."""
    return (name.split() or [''])[0]


def drawn_people(found: Layout, people: Iterable[Mapping[str, Any]], largest_dot: float, size: float, bounds: Box,
                 keep_out: list[Box], exclude: str | None = None,
                 within: float | None = None) -> tuple[dict[str, Dot], dict[str, Label | None]]:
    """Every dot of a layout at one size, and its name (a second marker: the role it stands for).

    :param people: as given to `schema_layout.layout`
    :param exclude: who is not drawn as a dot (the member in the middle of their own schema)
    :param within: how far from the centre a name may reach
    """
    texts: dict[str, str] = {}
    for person in people:
        texts[person['id']] = str(person.get('name', ''))
        for i, role in enumerate(person.get('extra_roles') or []):
            texts[marker_id(person['id'], i)] = str(role.get('role', ''))
    dots = {id_: (*to_xy(s.angle, s.radius, (0, 0), 1),
                  dot_radius(s.room, largest_dot) * (MARKER_SIZE if '#' in id_ else 1))
            for id_, s in found.spots.items() if id_ != exclude}
    order = sorted(dots, key=lambda id_: ('#' in id_, -found.spots[id_].room, id_))
    rooms = {id_: min((math.dist(dot[:2], other[:2]) for other_id, other in dots.items() if other_id != id_),
                      default=float('inf')) for id_, dot in dots.items()}
    return dots, place_labels(dots, texts, size, bounds, keep_out, order, rooms, within)
