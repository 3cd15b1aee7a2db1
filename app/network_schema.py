"""The netwerkschema in the browser: one custom element (`assets/network_schema.js`) kept live by the hub.

The server places everyone (`network_graph.schema_layout`) and their names (`network_graph.schema_labels`), so no
two dots and no two names overlap and no name runs off the picture, and the browser only draws what it is sent:
with each message that moves someone, the element sends the new places along, for a normal and a large text size
(a phone's). The geometry (sectors, ring edges, the centre) goes down once, so the browser turns a drop back into
the same ring, sector, distance and side as the server. Taps, double taps and refused lines come up as events;
drags and new lines go up as pushes.
"""
from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable
from typing import Any

from board.elements import Ring
from network_graph import schema_layout
from network_graph.schema_labels import ASCENT, Box, box_height, drawn_people, first_name, side_label_spot, text_width
from network_graph.schema_layout import (
    CENTRE,
    RING_3_EDGE,
    RINGS,
    SECTORS,
    Layout,
    layout,
    sector_angle,
    sector_wedge,
    to_xy,
)

from . import assets
from .live_element import PEOPLE_LOOK, LiveElement

COMPONENT = assets.DIR / 'network_schema.js'
SCHEMA_KEYS = assets.DIR / 'schema_keys.js'
"""The schema by keyboard and screen reader, and pinch-zoomed."""
OUTER, VIEW = 470, 490
"""The outer edge of ring 3 and half the view box, in SVG units (as in `assets/network_schema.js`)."""
SIZES = {'normal': 1.0, 'large': 1.4}
"""Text sizes: a phone's small schema gets larger text (and dots), so the names stay readable."""
NAME, DOT, RING_NAME, SIDE_NAME = 21, 30, 19, 16
"""Font sizes and the largest dot, in SVG units at the normal size."""


def _unit(value: float) -> float:
    return round(value / OUTER, 5)


def _sector_arc(sector: str) -> str:
    """The path a sector's name runs along: clockwise over the top half, anticlockwise under the bottom half, so
    it always reads left to right; its baseline is set so the letters fill the rim strip (from `RING_3_EDGE` out)."""
    start, end = (a + 1 for a in sector_wedge(sector))  # a degree off the spokes on either side
    bottom = math.cos(math.radians(sector_angle(sector))) < -0.01
    radius = (1 - 0.012 if bottom else RING_3_EDGE + 0.012) * OUTER
    a, b = (end - 2, start) if bottom else (start, end - 2)
    (x1, y1), (x2, y2) = (to_xy(angle, radius, (0, 0), 1) for angle in (a, b))
    return f'M{x1:.1f} {y1:.1f} A{radius:.1f} {radius:.1f} 0 0 {0 if bottom else 1} {x2:.1f} {y2:.1f}'


GEOMETRY = {
    'sectors': list(SECTORS), 'wedge': schema_layout.WEDGE, 'centre': CENTRE,
    'rings': {str(ring): list(edges) for ring, edges in RINGS.items()},
    'ring': {ring.name.lower(): ring.value for ring in Ring},
    'family_distance': schema_layout.FAMILY_DISTANCE, 'outer': OUTER, 'view': VIEW,
    'sector_arcs': {sector: _sector_arc(sector) for sector in SECTORS},
    'ring_labels': {str(ring): _unit(-edges[0] * OUTER - 12) for ring, edges in RINGS.items()},
    'sizes': SIZES,
}


def _box(x: float, y: float, text: str, size: float, anchor: str, middle: bool = False) -> Box:
    """The box a text drawn at (x, y) takes, `middle` when its y is its middle rather than its baseline."""
    width = text_width(text, size)
    left = {'start': x, 'middle': x - width / 2, 'end': x - width}[anchor]
    top = y - size / 2 if middle else y - ASCENT * size
    return left, top, left + width, top + box_height(1, size)


def keep_out(labels: dict[str, str], zoom: float, sides: list[tuple[float, float, str]]) -> list[Box]:
    """What names may not cover at one text size: the centre, the ring names and the sides' names (the rim strip with
    the sector names is kept free by `browser_layout`)."""
    boxes: list[Box] = [(-CENTRE, -CENTRE, CENTRE, CENTRE)]
    for ring, y in GEOMETRY['ring_labels'].items():
        boxes.append(_box(0, y, labels.get(f'ring.{ring}', ''), RING_NAME * zoom / OUTER, 'middle'))
    boxes += [_box(x, y, text, SIDE_NAME * zoom / OUTER, 'middle', middle=True) for x, y, text in sides]
    return boxes


PLACING = ('name', 'role', 'ring', 'sector', 'distance', 'side', 'extra_roles', 'vip')
"""The props of a person that say where they and their name go."""


def browser_layout(elements: dict[str, Any], centre: str | None, labels: dict[str, str]) -> dict[str, Any]:
    """Where the browser draws everyone: each person's spot, the sides of the familie wedge, and per text size
    each dot's radius and its name (or ``None``: too crowded to name, the dot keeps its initials).

    Worked out once for everyone who holds the same people (a commit reaches every open schema of a board, and
    most commits move nobody): the answer is shared, never changed."""
    people = tuple(sorted((e['id'], e['type'], json.dumps({k: e['props'][k] for k in PLACING if k in e['props']},
                                                          sort_keys=True))
                          for e in elements.values() if e['type'] in ('family_member', 'network_person')))
    return _browser_layout(people, centre, tuple(sorted(labels.items())))


@functools.lru_cache(maxsize=32)
def _browser_layout(held: tuple[tuple[str, str, str], ...], centre: str | None,
                    words: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    people = [{'id': id_, 'type': type_, **json.loads(props)} for id_, type_, props in held]
    labels = dict(words)
    found: Layout = layout(people, centre)
    names = {p['id']: p.get('name', '') for p in people}
    sides = [(*side_label_spot(part), labels.get('side', '{name}').format(name=first_name(names.get(part.member, ''))))
             for part in found.sides if part.member]
    bounds = (-VIEW / OUTER, -VIEW / OUTER, VIEW / OUTER, VIEW / OUTER)
    sizes = {}
    for key, zoom in SIZES.items():
        dots, placed = drawn_people(found, people, DOT * math.sqrt(zoom) / OUTER, NAME * zoom / OUTER, bounds,
                                    keep_out(labels, zoom, sides), exclude=centre, within=RING_3_EDGE)
        sizes[key] = {id_: [round(dots[id_][2], 5), label and [list(label.lines), round(label.x, 5), round(label.y, 5),
                                                                label.anchor, round(label.size, 5)]]
                      for id_, label in placed.items()}
    return {'spots': {id_: [round(s.angle, 3), round(s.radius, 5)] for id_, s in found.spots.items()},
            'sides': [[p.member, p.start, p.end] for p in found.sides],
            'side_labels': [[round(x, 5), round(y, 5), text] for x, y, text in sides], 'sizes': sizes}


class NetworkSchema(LiveElement, component=COMPONENT, dependencies=[PEOPLE_LOOK, SCHEMA_KEYS]):

    def __init__(self, *, labels: dict[str, str], family_name: str, readonly: bool = False,
                 on_push: Callable[[str, list[Any]], Any] | None = None,
                 on_ready: Callable[[int, list[str]], Any] | None = None,
                 on_resync: Callable[[int, list[str]], Any] | None = None,
                 on_open: Callable[[str], Any] | None = None,
                 on_add: Callable[[dict[str, Any]], Any] | None = None,
                 on_tie_exists: Callable[[], Any] | None = None, fixed: list[str] | None = None,
                 on_not_movable: Callable[[str], Any] | None = None) -> None:
        """Netwerkschema

        `on_push`, `on_ready` and `on_resync` are those of `LiveElement`.

        :param labels: the words it shows: ``sector.<key>``, ``ring.<n>``, ``family``, ``side``, hints
        :param family_name: shown in the centre of the whole-family schema
        :param readonly: look only (a shared screen)
        :param on_open: ``(element_id)`` — a person or a line was tapped
        :param on_add: ``({ring, sector, distance, centre})`` — a double tap on an empty spot
        :param on_tie_exists: two people were joined who already have a line
        :param fixed: the people this person may not move (someone else's, for a child); see `set_fixed`
        :param on_not_movable: ``(element_id)`` — an arrow key asked to move someone this person may not move
        """
        super().__init__(on_push=on_push, on_ready=on_ready, on_resync=on_resync)
        self.labels = labels
        self.centre: str | None = None
        with self._props.suspend_updates():
            self._props['labels'] = labels
            self._props['geometry'] = GEOMETRY
            self._props['family-name'] = family_name
            self._props['readonly'] = readonly
            self._props['fixed'] = fixed or []
            self._props['layout'] = browser_layout({}, None, labels)
        self.on('open', lambda e: on_open and on_open(str(e.args['id'])))
        self.on('add', lambda e: on_add and on_add(dict(e.args)))
        self.on('tie_exists', lambda e: on_tie_exists and on_tie_exists())
        self.on('not_movable', lambda e: on_not_movable and on_not_movable(str(e.args['id'])))

    def forwarded(self, message: dict[str, Any]) -> dict[str, Any]:
        """The message with where everyone sits now, when that changed (the page render carries it too)."""
        if message.get('type') not in ('welcome', 'commit', 'catchup'):
            return message
        now = browser_layout(self.elements, self.centre, self.labels)
        if message['type'] != 'welcome' and now == self._props['layout']:
            return message  # a netwerklijst answer or a goal: nobody moved
        with self._props.suspend_updates():
            self._props['layout'] = now
        return {**message, 'layout': now}

    def set_centre(self, member_id: str | None) -> None:
        """The whole family (``None``) or one member's own schema (the VIP view)."""
        self.centre = member_id
        with self._props.suspend_updates():
            self._props['layout'] = browser_layout(self.elements, member_id, self.labels)
        self.run_method('setCentre', member_id or '', self._props['layout'])

    def set_fixed(self, ids: list[str]) -> None:
        """Who may not be dragged now (after a commit: new people, or who manages the board changed)."""
        self._props['fixed'] = ids
        self.run_method('setFixed', ids)

    def set_tie_mode(self, on: bool) -> None:
        self.run_method('setTieMode', on)
